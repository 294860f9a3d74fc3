"""The power-balance report of one meeting: the measures of `session.measures` in words,
tables and bar charts, as `session.report` blocks."""

from collections.abc import Mapping
from dataclasses import dataclass

from session.checkout import RUNGS, SCALE, label
from session.dates import full_date, full_date_time
from session.events import ROLES
from session.live import LiveState
from session.measures import MeetingMeasures
from session.pseudonyms import Names
from session.recognition import Preparation, issues_by_perspective, payments
from session.report import (
    Bar,
    BarChart,
    Block,
    Heading,
    Paragraph,
    Report,
    Table,
    duration,
    percent,
    plural,
)
from session.setup import Group, Meeting

UNRECORDED_ROLES = tuple(r for r in ("chair", "timekeeper") if r not in ROLES)


@dataclass(frozen=True)
class ActionStatus:
    """The latest word on an action after its meeting: "done", "in progress", "not possible"."""

    status: str
    note: str = ""


OPEN = ActionStatus("open")


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the report of one meeting draws on."""

    meeting: Meeting
    group: Group
    state: LiveState
    measures: MeetingMeasures
    names: Names
    statuses: Mapping[str, ActionStatus]


def meeting_report(record: MeetingRecord, prep: Preparation | None = None) -> Report:
    """`prep`, the group's preparation: who raised the issues this meeting took up, and
    payment and recognition; without it, those sections are left out."""
    title = f"Power balance: {record.meeting.title}"
    blocks: list[Block] = [
        Heading(title, 1),
        Paragraph(
            f"A meeting of {record.group.name}, "
            f"{full_date_time(record.meeting.starts_at)}, {record.meeting.place}. "
            f"{_status(record.state)}"
        ),
        *evenness(record),
        *agenda(record),
        *roles(record),
        *decisions(record),
        *actions(record),
        *checkout(record),
        *preparation(record, prep),
    ]
    return Report(title, tuple(blocks))


def _status(state: LiveState) -> str:
    if state.started_at is None:
        return "It has not started yet, so there is nothing to measure."
    if state.ended_at is None:
        return "It is still running: times are counted up to now."
    return f"It ran for {duration((state.ended_at - state.started_at).total_seconds())}."


def evenness(record: MeetingRecord) -> list[Block]:
    m, names = record.measures, record.names
    blocks: list[Block] = [Heading("Who spoke, and for how long")]
    counted = len(m.people)
    if not counted:
        return [*blocks, Paragraph("Nobody was present.")]
    spoke = sum(p.turns > 0 for p in m.people)
    blocks.append(
        Paragraph(
            f"{plural(counted, 'person was', 'people were')} there and "
            f"{spoke} of them spoke ({percent(m.share_who_spoke)}): "
            f"{plural(m.turns, 'turn', 'turns')}, {duration(m.speaking_seconds)} in all."
        )
    )
    blocks.append(Paragraph(gini_words(m.gini, counted)))
    if not m.speaking_seconds:
        return blocks
    blocks.append(
        BarChart(
            "Speaking time by person",
            tuple(
                Bar(
                    names.with_perspective(p.member_id, p.perspective),
                    p.seconds,
                    f"{duration(p.seconds)} · {plural(p.turns, 'turn', 'turns')} · "
                    f"{percent(p.seconds / m.speaking_seconds)}",
                )
                for p in m.people
            ),
            _most("spoke longest", names(m.people[0].member_id), m.people[0].seconds, m),
        )
    )
    top = max(m.perspectives, key=lambda p: p.seconds)
    blocks.append(
        BarChart(
            "Speaking time by perspective",
            tuple(
                Bar(
                    f"{p.perspective} ({plural(p.people, 'person', 'people')}, {p.spoke} spoke)",
                    p.seconds,
                    f"{duration(p.seconds)} · {percent(p.share)}",
                )
                for p in m.perspectives
            ),
            f"People with the perspective “{top.perspective}” spoke for {percent(top.share)} "
            "of the speaking time.",
        )
    )
    return blocks


def _most(verb: str, who: str, seconds: float, m: MeetingMeasures) -> str:
    return f"{who} {verb}: {duration(seconds)}, {percent(seconds / m.speaking_seconds)} of it."


def gini_words(gini: float | None, people: int) -> str:
    if gini is None:
        return "Nobody spoke, so how evenly time was shared can't be measured."
    most = (people - 1) / people
    return (
        f"How evenly time was shared (Gini coefficient): {gini:.2f}. "
        f"0 means everyone there spoke for the same time; with {plural(people, 'person', 'people')}"
        f", {most:.2f} would mean one person spoke the whole time."
    )


def agenda(record: MeetingRecord) -> list[Block]:
    m, names = record.measures, record.names
    blocks: list[Block] = [Heading("Whose items got the meeting's time")]
    if not m.items:
        return [*blocks, Paragraph("The agenda was empty.")]
    agenda_seconds = sum(i.seconds for i in m.items)
    if agenda_seconds:
        top = max(m.proposers, key=lambda p: p.seconds)
        blocks.append(
            BarChart(
                "Agenda time by the perspective of who raised the item",
                tuple(
                    Bar(
                        f"{p.perspective} ({plural(p.items, 'item', 'items')})",
                        p.seconds,
                        f"{duration(p.seconds)} · {percent(p.share)}",
                    )
                    for p in m.proposers
                ),
                f"Items raised by people with the perspective “{top.perspective}” had "
                f"{percent(top.share)} of the agenda's time.",
            )
        )
    rows = tuple(
        (
            str(number),
            item.title,
            names.with_perspective(item.proposed_by, item.perspective)
            if item.proposed_by
            else "nobody named",
            f"{item.timebox_minutes} min",
            duration(item.seconds),
            str(item.decisions),
            str(item.actions),
        )
        for number, item in enumerate(m.items, start=1)
    )
    header = ("#", "Item", "Raised by", "Time box", "Time taken", "Decisions", "Actions")
    return [*blocks, Table(header, rows)]


def roles(record: MeetingRecord) -> list[Block]:
    m, names = record.measures, record.names
    blocks: list[Block] = [Heading("Who held which role")]
    if m.roles:
        rows = tuple(
            (r.role, names.with_perspective(r.member_id, r.perspective), duration(r.seconds))
            for r in m.roles
        )
        blocks.append(Table(("Role", "Who", "For how long"), rows))
    else:
        blocks.append(Paragraph("Nobody was given a role."))
    if UNRECORDED_ROLES:
        missing = _and(UNRECORDED_ROLES)
        blocks.append(Paragraph(f"coproduce does not record who held these roles yet: {missing}."))
    return blocks


def decisions(record: MeetingRecord) -> list[Block]:
    state, m, names = record.state, record.measures, record.names
    blocks: list[Block] = [Heading("Decisions, traced back to who raised the item")]
    if not state.decisions:
        return [*blocks, Paragraph("No decisions were recorded.")]
    items = {i.item_id: i for i in m.items}
    rows = []
    for decision in state.decisions:
        item = items.get(decision.item_id or "")
        raised = (
            names.with_perspective(item.proposed_by, item.perspective)
            if item and item.proposed_by
            else "nobody named"
        )
        rows.append(
            (decision.text, decision.method, item.title if item else "outside the agenda", raised)
        )
    return [*blocks, Table(("Decision", "How", "Item", "Item raised by"), tuple(rows))]


def actions(record: MeetingRecord) -> list[Block]:
    state, m, names = record.state, record.measures, record.names
    blocks: list[Block] = [Heading("Actions, by who took them on")]
    if not state.actions:
        return [*blocks, Paragraph("No actions were agreed.")]
    done = sum(a.done for a in m.actions)
    blocks.append(
        BarChart(
            "Actions by owner",
            tuple(
                Bar(
                    names.with_perspective(a.member_id, a.perspective),
                    a.actions,
                    f"{plural(a.actions, 'action', 'actions')} · {a.done} done",
                )
                for a in m.actions
            ),
            f"{plural(len(state.actions), 'action was', 'actions were')} agreed; "
            f"{done} {'is' if done == 1 else 'are'} done so far.",
        )
    )
    rows = tuple(
        (
            a.what,
            names(a.owner_id),
            full_date(a.due),
            _status_words(record.statuses.get(a.id, OPEN)),
        )
        for a in state.actions
    )
    return [*blocks, Table(("What", "Who", "By", "Status"), rows)]


def _status_words(status: ActionStatus) -> str:
    return f"{status.status}: {status.note}" if status.note else status.status


def checkout(record: MeetingRecord) -> list[Block]:
    m = record.measures
    blocks: list[Block] = [Heading("Check-out: how people felt")]
    if not m.checked_out:
        return [*blocks, Paragraph("Nobody's check-out was recorded.")]
    blocks.append(
        Paragraph(
            f"{plural(m.checked_out, 'person', 'people')} checked out. Answers: "
            + ", ".join(label(a.key) for a in SCALE)
            + "."
        )
    )
    for question in m.checkout:
        blocks.append(
            BarChart(
                question.question,
                tuple(
                    Bar(label(key), count, plural(count, "person", "people"))
                    for key, count in question.counts
                ),
                f"{question.count('yes')} of {question.answered} who answered said yes"
                + (f"; {question.count('pass')} passed." if question.count("pass") else "."),
            )
        )
    placed = [(rung, n) for rung, n in m.ladder if n]
    if placed:
        blocks.append(
            BarChart(
                "Where people felt this meeting sat on the ladder of co-production",
                tuple(
                    Bar(f"{rung}: {RUNGS[rung].meaning}", n, plural(n, "person", "people"))
                    for rung, n in reversed(m.ladder)
                ),
                "; ".join(f"{plural(n, 'person', 'people')} said {rung}" for rung, n in placed)
                + ".",
            )
        )
    return blocks


def preparation(record: MeetingRecord, prep: Preparation | None) -> list[Block]:
    if prep is None:
        return []
    taken_up = {i for item in record.state.items for i in item.issue_ids}
    return [
        *issues_by_perspective(
            prep,
            "Issues this meeting took up, by who raised them",
            taken_up,
            "None of this meeting's agenda items came from an issue raised beforehand.",
        ),
        *payments(prep, [record.meeting.id], record.names),
    ]


def _and(words: tuple[str, ...]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
