"""The minutes of a meeting as Markdown, written from what the database holds and nothing else.

Members who did not consent to be named are never named: they appear as "someone who asked not
to be named", and are still counted."""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from sqlite_utils import Database

from session.clock import Clock, system_clock
from session.dates import full_date, full_date_time
from session.events import Recorded, from_data, to_data
from session.live import Decision, LiveState, Note, fold
from session.pseudonyms import NOT_LISTED, UNNAMED, Names, scrubber
from session.setup import Group, Meeting, Member
from store.export_turns import turn_sections
from store.log import load
from store.markdown import inline, table
from store.records import get_group, get_meeting, members_of
from store.tables import scrub_json


class People:
    """Members' names as the minutes may show them (`session.pseudonyms.Names`: the one rule
    for consent), already escaped for Markdown."""

    def __init__(self, members: list[Member]) -> None:
        names = Names.of(members)
        self.order = [m.id for m in members]
        self.shown = {m.id: inline(names(m.id)) for m in members}
        self.perspective = {m.id: m.perspective for m in members if m.consent_named}

    def name(self, member_id: str) -> str:
        return self.shown.get(member_id, NOT_LISTED)

    def in_order(self, member_ids: set[str] | frozenset[str]) -> list[str]:
        listed = [m for m in self.order if m in member_ids]
        return listed + sorted(member_ids - set(listed))


def minutes_markdown(db: Database, meeting_id: str, clock: Clock = system_clock) -> str:
    """The minutes of the meeting `meeting_id`: who came, the agenda, notes, decisions, actions,
    roles, speaking turns, interjections, changes to the speaking order, amendments and the
    glossary. Times still running are counted up to `clock`'s now."""
    group = get_group(db, get_meeting(db, meeting_id).group_id)
    members = members_of(db, group.id)
    people = People(members)
    # Someone who asked not to be named is not named in what people typed either.
    unnamed = scrubber([m for m in members if not m.consent_named], label=lambda m: UNNAMED)
    meeting = _scrubbed_meeting(get_meeting(db, meeting_id), unnamed)
    state = fold(meeting_id, [_scrubbed(r, unnamed) for r in load(db, meeting_id)])
    now = state.ended_at or clock()
    sections = (
        _heading(meeting, group, state, now),
        _attendance(state, people),
        _roles(state, people),
        _agenda(state, people, now),
        *_items(state, people),
        _actions(state, people),
        _speaking(state, people),
        *turn_sections(state, people.name),
    )
    return "\n\n".join("\n".join(lines) for lines in sections) + "\n"


def _scrubbed(recorded: Recorded, scrub: Callable[[str], str]) -> Recorded:
    """The event with `scrub` applied to its text, or as it was when that changes nothing (most
    events hold no text, and rebuilding every one of them was most of an export's time)."""
    event = recorded.event
    plain = [list(v) if isinstance(v, tuple) else v for v in vars(event).values()]
    if scrub_json(plain, scrub) == plain:
        return recorded
    return replace(recorded, event=from_data(event.kind, scrub_json(to_data(event), scrub)))


def _scrubbed_meeting(meeting: Meeting, scrub: Callable[[str], str]) -> Meeting:
    return replace(meeting, title=scrub(meeting.title), place=scrub(meeting.place))


def _time(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _heading(meeting: Meeting, group: Group, state: LiveState, now: datetime) -> list[str]:
    when = full_date_time(meeting.starts_at)
    if state.started_at is None:
        status = "not started yet"
    elif state.ended_at is None:
        status = f"started {_time(state.started_at)}, still running at {_time(now)}"
    else:
        status = f"started {_time(state.started_at)}, ended {_time(state.ended_at)}"
    return [
        f"# {inline(meeting.title)}",
        "",
        f"Minutes of a meeting of {inline(group.name)}.",
        "",
        f"- **When:** {when}, planned for {meeting.length_minutes} minutes",
        f"- **Where:** {inline(meeting.place)}",
        f"- **Format:** {inline(meeting.format)}",
        f"- **Meeting:** {status}",
    ]


def _attendance(state: LiveState, people: People) -> list[str]:
    lines = ["## Who attended", ""]
    if state.started_at is None:
        return [*lines, "Attendance is recorded when the meeting starts."]
    lines += [f"{_plural(len(state.present), 'person', 'people')} attended.", ""]
    for member_id in people.in_order(state.present):
        perspective = people.perspective.get(member_id)
        suffix = f" ({inline(perspective)})" if perspective else ""
        lines.append(f"- {people.name(member_id)}{suffix}")
    return lines


def _roles(state: LiveState, people: People) -> list[str]:
    lines = ["## Roles", ""]
    if not state.roles:
        return [*lines, "Nobody was given a role."]
    for index, spell in enumerate(state.roles):
        later = [s for s in state.roles[index + 1 :] if s.role == spell.role]
        until = f" until {_time(later[0].since)}" if later else ""
        who = people.name(spell.member_id)
        lines.append(f"- **{inline(spell.role)}:** {who}, from {_time(spell.since)}{until}")
    return lines


def _agenda(state: LiveState, people: People, now: datetime) -> list[str]:
    lines = ["## Agenda", ""]
    if not state.items:
        return [*lines, "The agenda was empty."]
    rows = []
    for number, item in enumerate(state.items, start=1):
        taken = item.clock.elapsed(now)
        over = taken - item.timebox_minutes * 60
        spent = _duration(taken) if item.clock.running or taken else "not reached"
        if over >= 60:
            spent += f" ({_duration(over)} over)"
        proposer = people.name(item.proposed_by) if item.proposed_by else "—"
        rows.append(
            (str(number), inline(item.title), proposer, f"{item.timebox_minutes} min", spent)
        )
    header = ("#", "Item", "Proposed by", "Time box", "Time taken")
    return lines + table(header, rows)


def _items(state: LiveState, people: People) -> list[list[str]]:
    notes: defaultdict[str | None, list[Note]] = defaultdict(list)
    decisions: defaultdict[str | None, list[Decision]] = defaultdict(list)
    known = {item.id for item in state.items}
    for note in state.notes:
        notes[note.item_id if note.item_id in known else None].append(note)
    for decision in state.decisions:
        decisions[decision.item_id if decision.item_id in known else None].append(decision)
    sections = [
        _item(
            f"## {number}. {inline(item.title)}", notes[item.id], decisions[item.id], people, state
        )
        for number, item in enumerate(state.items, start=1)
    ]
    if notes[None] or decisions[None]:
        sections.append(_item("## Outside the agenda", notes[None], decisions[None], people, state))
    return sections


def _item(
    heading: str, notes: list[Note], decisions: list[Decision], people: People, state: LiveState
) -> list[str]:
    lines = [heading]
    if not notes and not decisions:
        return [*lines, "", "Nothing was written down for this item."]
    if notes:
        lines += ["", "### Notes", ""]
        lines += [
            f"- {inline(state.amended_text(n.id, n.text))} — *{people.name(n.author_id)}, "
            f"{_time(n.at)}*{_marks(state, n.id)}"
            for n in notes
        ]
    if decisions:
        lines += ["", "### Decisions", ""]
        lines += [
            f"- {_decision(replace(d, text=state.amended_text(d.id, d.text)))}{_marks(state, d.id)}"
            for d in decisions
        ]
    return lines


def _marks(state: LiveState, record_id: str) -> str:
    """Whether the room agreed a record at read-back, and whether it was amended."""
    marks = ["agreed at read-back"] if record_id in state.agreed else []
    if any(a.record_id == record_id for a in state.amendments):
        marks.append("amended: see Amendments")
    return f" ({'; '.join(marks)})" if marks else ""


def _decision(decision: Decision) -> str:
    text = inline(decision.text)
    match decision.method:
        case "vote":
            counts = (
                f"{decision.votes_for} for, {decision.votes_against} against, "
                f"{decision.abstentions} abstaining"
            )
            line = f"**Decided by vote:** {text} ({counts})"
        case "consent":
            stood = _plural(decision.stand_asides, "person", "people")
            line = f"**Agreed by consent:** {text} ({stood} stood aside)"
        case "deferred":
            line = f"**Deferred:** {text}"
        case _:
            line = f"**Agreed by {inline(decision.method)}:** {text}"
    if decision.concerns:
        line += f". Concerns raised: {inline(decision.concerns)}"
    return line


def _actions(state: LiveState, people: People) -> list[str]:
    lines = ["## Actions", ""]
    if not state.actions:
        return [*lines, "No actions were agreed."]
    titles = {item.id: inline(item.title) for item in state.items}
    rows = [
        (
            inline(action.what),
            people.name(action.owner_id),
            full_date(action.due),
            titles.get(action.item_id or "", "—"),
        )
        for action in state.actions
    ]
    return lines + table(("What", "Who", "By", "Agenda item"), rows)


def _speaking(state: LiveState, people: People) -> list[str]:
    lines = ["## Speaking turns", ""]
    if not state.turns:
        return [*lines, "Nobody took a turn from the speaking queue."]
    counts = Counter(turn.member_id for turn in state.turns)
    seconds: defaultdict[str, float] = defaultdict(float)
    for turn in state.turns:
        seconds[turn.member_id] += turn.seconds
    for member_id in people.in_order(set(counts)):
        turns = _plural(counts[member_id], "turn", "turns")
        lines.append(f"- {people.name(member_id)}: {turns}, {_duration(seconds[member_id])}")
    return lines
