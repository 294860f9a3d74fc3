"""What can happen in a meeting. A meeting *is* the sequence of these, in the order they were
committed; its state on screen is the fold of them (see `session.live`)."""

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, ClassVar

DECISION_METHODS = ("consensus", "consent", "vote", "deferred")
ROLES = ("minute-taker",)


@dataclass(frozen=True)
class Event:
    kind: ClassVar[str]


@dataclass(frozen=True)
class ItemAdded(Event):
    kind = "item_added"
    item_id: str
    title: str
    proposed_by: str | None
    timebox_minutes: int


@dataclass(frozen=True)
class MeetingStarted(Event):
    """Opens the meeting. What came before it (setting up the agenda) can no longer be undone."""

    kind = "meeting_started"
    present: tuple[str, ...]


@dataclass(frozen=True)
class ItemOpened(Event):
    kind = "item_opened"
    item_id: str


@dataclass(frozen=True)
class HandRaised(Event):
    kind = "hand_raised"
    member_id: str


@dataclass(frozen=True)
class HandLowered(Event):
    kind = "hand_lowered"
    member_id: str


@dataclass(frozen=True)
class TurnStarted(Event):
    kind = "turn_started"
    member_id: str


@dataclass(frozen=True)
class TurnEnded(Event):
    kind = "turn_ended"


@dataclass(frozen=True)
class NoteWritten(Event):
    kind = "note_written"
    note_id: str
    item_id: str | None
    text: str
    author_id: str


@dataclass(frozen=True)
class RoleHanded(Event):
    kind = "role_handed"
    role: str
    member_id: str


@dataclass(frozen=True)
class DecisionRecorded(Event):
    kind = "decision_recorded"
    decision_id: str
    item_id: str | None
    text: str
    method: str
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    stand_asides: int = 0
    concerns: str = ""


@dataclass(frozen=True)
class ActionRecorded(Event):
    kind = "action_recorded"
    action_id: str
    item_id: str | None
    what: str
    owner_id: str
    due: str  # ISO date


@dataclass(frozen=True)
class BreakStarted(Event):
    kind = "break_started"


@dataclass(frozen=True)
class BreakEnded(Event):
    kind = "break_ended"


@dataclass(frozen=True)
class MeetingEnded(Event):
    kind = "meeting_ended"


@dataclass(frozen=True)
class CheckoutGiven(Event):
    """One person's check-out: an answer to each of the group's questions (in the same order),
    and where they felt the meeting sat on the ladder of co-production ("" if not said). Giving
    it again replaces their earlier answers. See `session.checkout`."""

    kind = "checkout_given"
    member_id: str
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    rung: str = ""


@dataclass(frozen=True)
class Undone(Event):
    """Takes back every event of an earlier batch (one user action). Nothing is erased."""

    kind = "undone"
    batch: int


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        ItemAdded,
        MeetingStarted,
        ItemOpened,
        HandRaised,
        HandLowered,
        TurnStarted,
        TurnEnded,
        NoteWritten,
        RoleHanded,
        DecisionRecorded,
        ActionRecorded,
        BreakStarted,
        BreakEnded,
        MeetingEnded,
        CheckoutGiven,
        Undone,
    )
}


@dataclass(frozen=True)
class Recorded:
    """An event as committed: its place in the log, the user action (batch) it belongs to, and
    when it happened."""

    seq: int
    batch: int
    at: datetime
    event: Event


def to_data(event: Event) -> dict[str, Any]:
    return asdict(event)


def from_data(kind: str, data: dict[str, Any]) -> Event:
    cls = EVENT_TYPES[kind]
    names = {f.name for f in fields(cls)}
    values = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in names}
    return cls(**values)
