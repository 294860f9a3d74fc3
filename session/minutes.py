"""The minutes of a meeting as report blocks (`session.report`), decided once and drawn by each
output: Markdown and offline HTML (`store.render`).

Who is named, and how, is decided by `session.pseudonyms.Names` (consent, or pseudonyms when
anonymised); text people typed is taken as given (already scrubbed by the caller) and kept
exactly as typed."""

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from session.dates import full_date, full_date_time
from session.live import Decision, LiveState, Note
from session.minutes_turns import turn_sections
from session.pseudonyms import Names
from session.report import (
    Block,
    Bullets,
    Emphasis,
    Heading,
    Line,
    Paragraph,
    Report,
    Strong,
    Table,
    duration,
    plural,
)
from session.setup import Group, Meeting


@dataclass(frozen=True)
class MinutesSource:
    """Everything the minutes draw on: one fold of the meeting, reused for every format."""

    meeting: Meeting
    group: Group
    state: LiveState
    names: Names
    perspectives: Mapping[str, str]  # member id -> perspective
    now: datetime

    def with_perspective(self, member_id: str) -> str:
        perspective = self.perspectives.get(member_id)
        if not perspective:
            return self.names(member_id)
        return self.names.with_perspective(member_id, perspective)

    def in_order(self, member_ids: set[str] | frozenset[str]) -> list[str]:
        listed = [m for m in self.perspectives if m in member_ids]
        return listed + sorted(member_ids - set(listed))


def time_of(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def minutes_report(source: MinutesSource) -> Report:
    """Who came, the agenda, notes, decisions, actions, roles, speaking turns, interjections,
    changes to the speaking order, amendments and the glossary."""
    blocks = [
        *_heading(source),
        *_attendance(source),
        *_roles(source),
        *_agenda(source),
        *_items(source),
        *_actions(source),
        *_speaking(source),
        *turn_sections(source.state, source.names),
    ]
    return Report(source.meeting.title, tuple(blocks))


def _heading(source: MinutesSource) -> list[Block]:
    meeting, state = source.meeting, source.state
    if state.started_at is None:
        status = "not started yet"
    elif state.ended_at is None:
        status = f"started {time_of(state.started_at)}, still running at {time_of(source.now)}"
    else:
        status = f"started {time_of(state.started_at)}, ended {time_of(state.ended_at)}"
    when = f"{full_date_time(meeting.starts_at)}, planned for {meeting.length_minutes} minutes"
    return [
        Heading(meeting.title, 1),
        Paragraph(f"Minutes of a meeting of {source.group.name}."),
        Bullets(
            (
                (Strong("When:"), f" {when}"),
                (Strong("Where:"), f" {meeting.place}"),
                (Strong("Format:"), f" {meeting.format}"),
                (Strong("Meeting:"), f" {status}"),
            )
        ),
    ]


def _attendance(source: MinutesSource) -> list[Block]:
    state = source.state
    heading = Heading("Who attended")
    if state.started_at is None:
        return [heading, Paragraph("Attendance is recorded when the meeting starts.")]
    return [
        heading,
        Paragraph(f"{plural(len(state.present), 'person', 'people')} attended."),
        Bullets(tuple(source.with_perspective(m) for m in source.in_order(state.present))),
    ]


def _roles(source: MinutesSource) -> list[Block]:
    roles = source.state.roles
    if not roles:
        return [Heading("Roles"), Paragraph("Nobody was given a role.")]
    lines: list[Line] = []
    for index, spell in enumerate(roles):
        later = [s for s in roles[index + 1 :] if s.role == spell.role]
        until = f" until {time_of(later[0].since)}" if later else ""
        who = source.names(spell.member_id)
        lines.append((Strong(f"{spell.role}:"), f" {who}, from {time_of(spell.since)}{until}"))
    return [Heading("Roles"), Bullets(tuple(lines))]


def _agenda(source: MinutesSource) -> list[Block]:
    state = source.state
    if not state.items:
        return [Heading("Agenda"), Paragraph("The agenda was empty.")]
    rows = []
    for number, item in enumerate(state.items, start=1):
        taken = item.clock.elapsed(source.now)
        over = taken - item.timebox_minutes * 60
        spent = _duration(taken) if item.clock.running or taken else "not reached"
        if over >= 60:
            spent += f" ({_duration(over)} over)"
        proposer = source.names(item.proposed_by) if item.proposed_by else "—"
        rows.append((str(number), item.title, proposer, f"{item.timebox_minutes} min", spent))
    header = ("#", "Item", "Proposed by", "Time box", "Time taken")
    return [Heading("Agenda"), Table(header, tuple(rows))]


def _duration(seconds: float) -> str:
    """As `session.report.duration`, but a moment is "under a minute", never "none"."""
    return duration(max(seconds, 1))


def _items(source: MinutesSource) -> list[Block]:
    state = source.state
    notes: defaultdict[str | None, list[Note]] = defaultdict(list)
    decisions: defaultdict[str | None, list[Decision]] = defaultdict(list)
    known = {item.id for item in state.items}
    for note in state.notes:
        notes[note.item_id if note.item_id in known else None].append(note)
    for decision in state.decisions:
        decisions[decision.item_id if decision.item_id in known else None].append(decision)
    blocks: list[Block] = []
    for number, item in enumerate(state.items, start=1):
        blocks += _item(f"{number}. {item.title}", notes[item.id], decisions[item.id], source)
    if notes[None] or decisions[None]:
        blocks += _item("Outside the agenda", notes[None], decisions[None], source)
    return blocks


def _item(
    heading: str, notes: list[Note], decisions: list[Decision], source: MinutesSource
) -> list[Block]:
    state = source.state
    blocks: list[Block] = [Heading(heading)]
    if not notes and not decisions:
        return [*blocks, Paragraph("Nothing was written down for this item.")]
    if notes:
        blocks += [
            Heading("Notes", 3),
            Bullets(
                tuple(
                    (
                        state.amended_text(n.id, n.text),
                        " — ",
                        Emphasis(f"{source.names(n.author_id)}, {time_of(n.at)}"),
                        _marks(state, n.id),
                    )
                    for n in notes
                )
            ),
        ]
    if decisions:
        lines = tuple(
            (*decision_line(d, state.amended_text(d.id, d.text)), _marks(state, d.id))
            for d in decisions
        )
        blocks += [Heading("Decisions", 3), Bullets(lines)]
    return blocks


def _marks(state: LiveState, record_id: str) -> str:
    """Whether the room agreed a record at read-back, and whether it was amended."""
    marks = ["agreed at read-back"] if record_id in state.agreed else []
    if any(a.record_id == record_id for a in state.amendments):
        marks.append("amended: see Amendments")
    return f" ({'; '.join(marks)})" if marks else ""


def decision_line(decision: Decision, text: str) -> tuple[str | Strong, ...]:
    """How it was decided, in bold, then the decision as (last) worded."""
    match decision.method:
        case "vote":
            counts = (
                f"{decision.votes_for} for, {decision.votes_against} against, "
                f"{decision.abstentions} abstaining"
            )
            line: tuple[str | Strong, ...] = (Strong("Decided by vote:"), f" {text} ({counts})")
        case "consent":
            stood = plural(decision.stand_asides, "person", "people")
            line = (Strong("Agreed by consent:"), f" {text} ({stood} stood aside)")
        case "deferred":
            line = (Strong("Deferred:"), f" {text}")
        case _:
            line = (Strong(f"Agreed by {decision.method}:"), f" {text}")
    if decision.concerns:
        line += (f". Concerns raised: {decision.concerns}",)
    return line


def _actions(source: MinutesSource) -> list[Block]:
    state = source.state
    if not state.actions:
        return [Heading("Actions"), Paragraph("No actions were agreed.")]
    titles = {item.id: item.title for item in state.items}
    rows = tuple(
        (
            action.what,
            source.names(action.owner_id),
            full_date(action.due),
            titles.get(action.item_id or "", "—"),
        )
        for action in state.actions
    )
    return [Heading("Actions"), Table(("What", "Who", "By", "Agenda item"), rows)]


def _speaking(source: MinutesSource) -> list[Block]:
    turns = source.state.turns
    if not turns:
        return [Heading("Speaking turns"), Paragraph("Nobody took a turn from the speaking queue.")]
    counts = Counter(turn.member_id for turn in turns)
    seconds: defaultdict[str, float] = defaultdict(float)
    for turn in turns:
        seconds[turn.member_id] += turn.seconds
    lines = tuple(
        f"{source.names(m)}: {plural(counts[m], 'turn', 'turns')}, {_duration(seconds[m])}"
        for m in source.in_order(set(counts))
    )
    return [Heading("Speaking turns"), Bullets(lines)]
