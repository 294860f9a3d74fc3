"""The turn-taking part of the minutes, as report blocks: every turn, interjections, changes to
the suggested speaking order, amendments made after read-back, and the group's glossary."""

from collections.abc import Callable
from datetime import datetime

from session.live import LiveState
from session.queue import POLICIES, minutes_words
from session.report import Block, Bullets, Emphasis, Heading, Line, Paragraph, Strong, Table
from session.signals import SIGNALS

Name = Callable[[str], str]


def _time(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def _titles(state: LiveState) -> dict[str | None, str]:
    titles: dict[str | None, str] = {i.id: i.title for i in state.items}
    titles[None] = "—"
    return titles


def turn_sections(state: LiveState, name: Name) -> list[Block]:
    return [
        *_turns(state, name),
        *_interjections(state, name),
        *_order(state, name),
        *_amendments(state),
        *glossary(state, name),
    ]


def _turns(state: LiveState, name: Name) -> list[Block]:
    if not state.turns:
        return [Heading("Every turn"), Paragraph("Nobody took a turn.")]
    titles = _titles(state)
    rows = tuple(
        (
            _time(t.started_at),
            name(t.member_id),
            titles.get(t.item_id, "—"),
            minutes_words(t.seconds),
            SIGNALS[t.signal].words if t.signal else "turn",
        )
        for t in state.turns
    )
    return [
        Heading("Every turn"),
        Table(("Started", "Who", "Agenda item", "Length", "Kind"), rows),
    ]


def _interjections(state: LiveState, name: Name) -> list[Block]:
    if not state.interjections:
        return [Heading("Interjections"), Paragraph("Nobody made a hand signal.")]
    titles = _titles(state)
    rows = tuple(
        (
            _time(i.at),
            name(i.member_id),
            f"{SIGNALS[i.signal].symbol} {SIGNALS[i.signal].words}",
            i.word or "—",
            titles.get(i.item_id, "—"),
        )
        for i in state.interjections
    )
    return [
        Heading("Interjections"),
        Table(("When", "Who", "Signal", "Word", "Agenda item"), rows),
    ]


def _order(state: LiveState, name: Name) -> list[Block]:
    titles = _titles(state)
    chosen = {p.item_id: p for p in state.policies}
    lines = []
    for item in state.items:
        policy = chosen.get(item.id)
        words = POLICIES[policy.policy] if policy else POLICIES["first-come"]
        ahead = f" ({', '.join(policy.ahead)} first)" if policy and policy.ahead else ""
        lines.append(f"{titles[item.id]}: {words}{ahead}")
    blocks: list[Block] = [
        Heading("Speaking order"),
        Bullets(tuple(lines)) if lines else Paragraph("The agenda was empty."),
        Heading("Changes to the suggested order", 3),
    ]
    if not state.overrides:
        return [*blocks, Paragraph("The suggested order was always followed.")]
    rows = tuple(
        (
            _time(o.at),
            name(o.member_id),
            name(o.suggested) if o.suggested else "nobody",
            o.reason,
            titles.get(o.item_id, "—"),
        )
        for o in state.overrides
    )
    header = ("When", "Spoke next", "Instead of", "Why", "Agenda item")
    return [*blocks, Table(header, rows)]


def _amendments(state: LiveState) -> list[Block]:
    if not state.amendments:
        return [Heading("Amendments"), Paragraph("Nothing was changed after it was written.")]
    originals = {n.id: n.text for n in state.notes} | {d.id: d.text for d in state.decisions}
    rows = tuple(
        (
            _time(a.at),
            originals.get(a.record_id, ""),
            a.text,
            a.reason,
            "yes" if a.record_id in state.agreed else "no",
        )
        for a in state.amendments
    )
    header = ("When", "Was", "Now", "Why", "Agreed at read-back before")
    return [Heading("Amendments"), Table(header, rows)]


def glossary(state: LiveState, name: Name) -> list[Block]:
    if not state.glossary:
        return [Heading("Glossary"), Paragraph("No words were flagged as jargon.")]
    lines: list[Line] = [
        (
            Strong(word.word),
            ": ",
            word.definition or Emphasis("no plain definition yet"),
            f" (flagged by {name(word.flagged_by)})",
        )
        for word in state.glossary
    ]
    return [Heading("Glossary"), Bullets(tuple(lines))]
