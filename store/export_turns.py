"""The turn-taking part of the minutes: every turn, interjections, changes to the suggested
speaking order, amendments made after read-back, and the group's glossary."""

from collections.abc import Callable
from datetime import datetime

from session.live import LiveState
from session.queue import POLICIES, minutes_words
from session.signals import SIGNALS
from store.markdown import inline, table

Name = Callable[[str], str]


def _time(at: datetime) -> str:
    return f"{at.astimezone():%H:%M}"


def _titles(state: LiveState) -> dict[str | None, str]:
    titles: dict[str | None, str] = {i.id: inline(i.title) for i in state.items}
    titles[None] = "—"
    return titles


def turn_sections(state: LiveState, name: Name) -> list[list[str]]:
    return [
        _turns(state, name),
        _interjections(state, name),
        _order(state, name),
        _amendments(state),
        _glossary(state, name),
    ]


def _turns(state: LiveState, name: Name) -> list[str]:
    lines = ["## Every turn", ""]
    if not state.turns:
        return [*lines, "Nobody took a turn."]
    titles = _titles(state)
    rows = [
        (
            _time(t.started_at),
            name(t.member_id),
            titles.get(t.item_id, "—"),
            minutes_words(t.seconds),
            SIGNALS[t.signal].words if t.signal else "turn",
        )
        for t in state.turns
    ]
    return lines + table(("Started", "Who", "Agenda item", "Length", "Kind"), rows)


def _interjections(state: LiveState, name: Name) -> list[str]:
    lines = ["## Interjections", ""]
    if not state.interjections:
        return [*lines, "Nobody made a hand signal."]
    titles = _titles(state)
    rows = [
        (
            _time(i.at),
            name(i.member_id),
            f"{SIGNALS[i.signal].symbol} {SIGNALS[i.signal].words}",
            inline(i.word) if i.word else "—",
            titles.get(i.item_id, "—"),
        )
        for i in state.interjections
    ]
    return lines + table(("When", "Who", "Signal", "Word", "Agenda item"), rows)


def _order(state: LiveState, name: Name) -> list[str]:
    lines = ["## Speaking order", ""]
    titles = _titles(state)
    chosen = {p.item_id: p for p in state.policies}
    for item in state.items:
        policy = chosen.get(item.id)
        words = POLICIES[policy.policy] if policy else POLICIES["first-come"]
        ahead = (
            f" ({', '.join(inline(a) for a in policy.ahead)} first)"
            if policy and policy.ahead
            else ""
        )
        lines.append(f"- {titles[item.id]}: {words}{ahead}")
    if not state.items:
        lines.append("The agenda was empty.")
    lines += ["", "### Changes to the suggested order", ""]
    if not state.overrides:
        return [*lines, "The suggested order was always followed."]
    rows = [
        (
            _time(o.at),
            name(o.member_id),
            name(o.suggested) if o.suggested else "nobody",
            inline(o.reason),
            titles.get(o.item_id, "—"),
        )
        for o in state.overrides
    ]
    return lines + table(("When", "Spoke next", "Instead of", "Why", "Agenda item"), rows)


def _amendments(state: LiveState) -> list[str]:
    lines = ["## Amendments", ""]
    if not state.amendments:
        return [*lines, "Nothing was changed after it was written."]
    originals = {n.id: n.text for n in state.notes} | {d.id: d.text for d in state.decisions}
    agreed = state.agreed
    rows = [
        (
            _time(a.at),
            inline(originals.get(a.record_id, "")),
            inline(a.text),
            inline(a.reason),
            "yes" if a.record_id in agreed else "no",
        )
        for a in state.amendments
    ]
    return lines + table(("When", "Was", "Now", "Why", "Agreed at read-back before"), rows)


def _glossary(state: LiveState, name: Name) -> list[str]:
    lines = ["## Glossary", ""]
    if not state.glossary:
        return [*lines, "No words were flagged as jargon."]
    for word in state.glossary:
        meaning = inline(word.definition) if word.definition else "*no plain definition yet*"
        lines.append(f"- **{inline(word.word)}**: {meaning} (flagged by {name(word.flagged_by)})")
    return lines
