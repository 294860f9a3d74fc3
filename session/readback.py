"""Read-back: at the end of an item its notes and decisions are read to the room and agreed.
A change after that is an amendment kept beside the original, never a silent edit."""

from dataclasses import dataclass

from session.errors import DomainError
from session.events import Event, ReadBackAgreed, RecordAmended
from session.live import LiveState, require_running
from session.text import NAME_LIMIT, required_text


@dataclass(frozen=True)
class Record:
    id: str
    kind: str  # "note" or "decision"
    text: str  # as last amended
    original: str
    agreed: bool


def item_records(state: LiveState, item_id: str | None) -> list[Record]:
    """The item's notes, then its decisions, as the room would hear them read back."""
    notes = [(n.id, "note", n.text) for n in state.notes if n.item_id == item_id]
    decisions = [(d.id, "decision", d.text) for d in state.decisions if d.item_id == item_id]
    return [
        Record(id_, kind, state.amended_text(id_, text), text, id_ in state.agreed)
        for id_, kind, text in notes + decisions
    ]


def agree_read_back(state: LiveState) -> list[Event]:
    require_running(state)
    waiting = [r.id for r in item_records(state, state.item_id) if not r.agreed]
    if not waiting:
        raise DomainError("There is nothing new on this item to read back.")
    return [ReadBackAgreed(state.item_id, tuple(waiting))]


def amend(state: LiveState, record_id: str, text: str, reason: str) -> list[Event]:
    """Change a note or decision; the original and the reason stay in the record."""
    require_running(state)
    records = {r.id: r for item in state.items for r in item_records(state, item.id)}
    records |= {r.id: r for r in item_records(state, None)}
    if record_id not in records:
        raise DomainError("There is no such note or decision in this meeting.")
    new_text = required_text(text, "the amended text")
    if new_text == records[record_id].text:
        raise DomainError("The text is the same as before, so there is nothing to amend.")
    why = required_text(reason, "the reason for the change", NAME_LIMIT)
    return [RecordAmended(record_id, new_text, why)]
