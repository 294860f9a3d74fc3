"""The minutes in easy read: short sentences with one idea each, a symbol beside each point,
what was decided, who will do what by when (dates in full words), and the words explained in
the meeting's jargon buster at the end.

What people typed (titles, decisions, actions, words) is quoted exactly as typed, in “ ”, so it
is clear which words are theirs. Names follow the same consent rule as the full minutes."""

from session.dates import full_date, full_date_time
from session.live import Decision
from session.minutes import MinutesSource
from session.report import (
    Block,
    Bullets,
    Heading,
    Line,
    Paragraph,
    Report,
    Strong,
    Symbol,
    plural,
)

ROLE_WORDS = {
    "minute-taker": "took the minutes",
    "chair": "chaired the meeting",
    "timekeeper": "kept the time",
}


FORMAT_WORDS = {
    "in person": "We met in person.",
    "online": "We met online.",
    "hybrid": "Some people came in person. Some people joined online.",
}


DECISION_SYMBOLS = {"vote": "🗳", "deferred": "⏸"}  # any other decision: ✅


def pictured(symbol: str, words: str) -> Line:
    """A point with its picture first: the words say it all, the picture helps find it."""
    return (Symbol(symbol), f" {words}")


def quoted(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def easy_read_report(source: MinutesSource) -> Report:
    blocks: list[Block] = [
        Heading(source.meeting.title, 1),
        Paragraph("This is the easy read version of the minutes."),
        Paragraph("The full minutes have everything that was written down."),
        *_about(source),
        *_roles(source),
        *_talked_about(source),
        *_decided(source),
        *_actions(source),
        *_words(source),
    ]
    return Report(f"{source.meeting.title}: easy read", tuple(blocks))


def _about(source: MinutesSource) -> list[Block]:
    meeting, state = source.meeting, source.state
    points = [
        pictured("🕑", f"The meeting was on {full_date_time(meeting.starts_at)}."),
        pictured("📍", f"It was at {quoted(meeting.place)}."),
        pictured("💻", FORMAT_WORDS.get(meeting.format, f"It was {quoted(meeting.format)}.")),
    ]
    if state.started_at is None:
        points.append(pictured("⏳", "The meeting has not started yet."))
    else:
        points.append(pictured("👥", f"{plural(len(state.present), 'person', 'people')} came."))
        if state.ended_at is None:
            points.append(pictured("⏳", "The meeting is still going on."))
    came = [source.names(m) for m in source.in_order(state.present)]
    blocks: list[Block] = [Heading("About the meeting"), Bullets(tuple(points))]
    if came:
        blocks += [Heading("Who came"), Bullets(tuple(pictured("🙂", who) for who in came))]
    return blocks


def _roles(source: MinutesSource) -> list[Block]:
    held = dict.fromkeys((s.role, s.member_id) for s in source.state.roles)
    if not held:
        return []
    lines = tuple(
        pictured("✍", f"{source.names(member)} {ROLE_WORDS.get(role, 'was the ' + role)}.")
        for role, member in held
    )
    return [Heading("Who had a job in the meeting"), Bullets(lines)]


def _talked_about(source: MinutesSource) -> list[Block]:
    items = source.state.items
    if not items:
        return [Heading("What we talked about"), Paragraph("There was nothing on the agenda.")]
    lines = tuple(
        pictured("💬", f"We talked about {quoted(item.title)}.")
        if item.clock.running or item.clock.elapsed(source.now)
        else pictured("⏭", f"We did not get to {quoted(item.title)}.")
        for item in items
    )
    return [Heading("What we talked about"), Bullets(lines)]


def _decided(source: MinutesSource) -> list[Block]:
    state = source.state
    if not state.decisions:
        return [Heading("What we decided"), Paragraph("We did not decide anything this time.")]
    lines = tuple(
        pictured(DECISION_SYMBOLS.get(d.method, "✅"), decision_sentences(d, text))
        for d in state.decisions
        for text in [state.amended_text(d.id, d.text)]
    )
    return [Heading("What we decided"), Bullets(lines)]


def decision_sentences(decision: Decision, text: str) -> str:
    """A decision in short sentences, one idea each."""
    match decision.method:
        case "vote":
            sentences = [
                f"We voted on {quoted(text)}.",
                f"{_people(decision.votes_for)} voted for it.",
                f"{_people(decision.votes_against)} voted against it.",
            ]
            if decision.abstentions:
                sentences.append(f"{_people(decision.abstentions)} did not vote either way.")
            if decision.votes_for > decision.votes_against:
                sentences.append("So the answer is yes.")
            elif decision.votes_for < decision.votes_against:
                sentences.append("So the answer is no.")
            else:
                sentences.append("The vote was a tie.")
        case "consent":
            sentences = [f"We agreed {quoted(text)}."]
            if decision.stand_asides:
                sentences += [
                    f"{_people(decision.stand_asides)} stood aside.",
                    "This means they did not agree, but did not stop it.",
                ]
        case "deferred":
            sentences = [f"We will decide this later: {quoted(text)}."]
        case "consensus":
            sentences = [f"We all agreed {quoted(text)}."]
        case _:
            sentences = [f"We decided {quoted(text)}."]
    if decision.concerns:
        sentences.append(f"Someone had a worry: {quoted(decision.concerns)}.")
    return " ".join(sentences)


def _people(count: int) -> str:
    return "Nobody" if count == 0 else plural(count, "person", "people")


def _actions(source: MinutesSource) -> list[Block]:
    actions = source.state.actions
    if not actions:
        return [
            Heading("Who will do what"),
            Paragraph("Nobody has a job to do after this meeting."),
        ]
    lines = tuple(
        pictured(
            "👉",
            f"{source.names(a.owner_id)} will do this: {quoted(a.what)}. "
            f"They will do it by {full_date(a.due)}.",
        )
        for a in actions
    )
    return [Heading("Who will do what"), Bullets(lines)]


def _words(source: MinutesSource) -> list[Block]:
    glossary = source.state.glossary
    heading = Heading("Words we explained")
    if not glossary:
        return [heading, Paragraph("Nobody asked what a word means this time.")]
    lines: list[Line] = [
        (Strong(word.word), f": {word.definition}")
        if word.definition
        else (Strong(word.word), ": we still need to explain this word.")
        for word in glossary
    ]
    return [heading, Paragraph("These are words people asked about."), Bullets(tuple(lines))]
