"""What can happen in a meeting. A meeting *is* the sequence of these, in the order they were
committed; its state on screen is the fold of them (see `session.live`)."""

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any, ClassVar, get_origin

DECISION_METHODS = ("consensus", "consent", "vote", "deferred")
ROLES = ("minute-taker", "timekeeper", "chair")


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
    issue_ids: tuple[str, ...] = ()  # the issues it came from (see `session.plan`)


@dataclass(frozen=True)
class ItemMoved(Event):
    """The agenda's order changed after it was set (by the vote, say): who asked, and why."""

    kind = "item_moved"
    item_id: str
    position: int  # 0 is the first item
    asked_by: str | None
    reason: str


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
    """`interjection_id` set: a brief turn to answer that interjection; the person keeps any
    place they had in the queue."""

    kind = "turn_started"
    member_id: str
    interjection_id: str = ""


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


# --- fair turn-taking (see `session.queue`, `session.rotation`) ------------------------------


@dataclass(frozen=True)
class TurnPaused(Event):
    kind = "turn_paused"


@dataclass(frozen=True)
class TurnResumed(Event):
    kind = "turn_resumed"


@dataclass(frozen=True)
class QueuePolicyChosen(Event):
    """How the queue is ordered for one agenda item. `ahead`: the perspectives a progressive
    stack puts first among people of equal standing."""

    kind = "queue_policy_chosen"
    item_id: str
    policy: str
    ahead: tuple[str, ...] = ()


@dataclass(frozen=True)
class TurnLimitSet(Event):
    """The group's soft limit for one turn: a warning near the end, never a cut-off."""

    kind = "turn_limit_set"
    seconds: int


@dataclass(frozen=True)
class OrderOverridden(Event):
    """The facilitator lets someone speak next, out of the suggested order, and says why."""

    kind = "order_overridden"
    member_id: str
    reason: str
    suggested: str | None


@dataclass(frozen=True)
class PutBack(Event):
    """The last speaker goes back to the front of the queue to finish."""

    kind = "put_back"
    member_id: str


@dataclass(frozen=True)
class Interjected(Event):
    kind = "interjected"
    interjection_id: str
    member_id: str
    signal: str
    word: str = ""


@dataclass(frozen=True)
class SignalCleared(Event):
    kind = "signal_cleared"
    interjection_id: str


@dataclass(frozen=True)
class WordDefined(Event):
    """A plain definition for a word in the group's glossary (the jargon buster)."""

    kind = "word_defined"
    word: str
    definition: str


@dataclass(frozen=True)
class RoundStarted(Event):
    kind = "round_started"
    item_id: str
    number: int
    order: tuple[str, ...]


@dataclass(frozen=True)
class Passed(Event):
    """Someone passes on their turn in a round."""

    kind = "passed"
    member_id: str


@dataclass(frozen=True)
class RotationSet(Event):
    """How a role rotates: "item" (each agenda item), "minutes" (every N minutes) or "hand"."""

    kind = "rotation_set"
    role: str
    rule: str
    every_minutes: int = 0


@dataclass(frozen=True)
class Volunteered(Event):
    kind = "volunteered"
    role: str
    member_id: str


@dataclass(frozen=True)
class RolePassed(Event):
    """Someone would rather not take the role when it is next suggested to them."""

    kind = "role_passed"
    role: str
    member_id: str


@dataclass(frozen=True)
class ReadBackAgreed(Event):
    """The room heard an item's notes and decisions read back and agreed them."""

    kind = "read_back_agreed"
    item_id: str | None
    record_ids: tuple[str, ...]


@dataclass(frozen=True)
class RecordAmended(Event):
    """A change to a note or decision after it was written: kept beside the original."""

    kind = "record_amended"
    record_id: str
    text: str
    reason: str


@dataclass(frozen=True)
class Undone(Event):
    """Takes back every event of an earlier batch (one user action). Nothing is erased."""

    kind = "undone"
    batch: int


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        ItemAdded,
        ItemMoved,
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
        TurnPaused,
        TurnResumed,
        QueuePolicyChosen,
        TurnLimitSet,
        OrderOverridden,
        PutBack,
        Interjected,
        SignalCleared,
        WordDefined,
        RoundStarted,
        Passed,
        RotationSet,
        Volunteered,
        RolePassed,
        ReadBackAgreed,
        RecordAmended,
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


def from_data(
    kind: str, data: dict[str, Any], types: dict[str, type[Event]] = EVENT_TYPES
) -> Event:
    """The event `data` describes. `types`: the registry of kinds (a group's own log has its
    own, see `session.plan_events`). Keys the event does not have are left out; JSON's lists
    become the event's tuples."""
    cls = types[kind]
    names, sequences = _fields(cls)
    values = data if data.keys() <= names else {k: v for k, v in data.items() if k in names}
    if sequences:
        values = dict(values)
        for name in sequences:
            if isinstance(values.get(name), list):
                values[name] = tuple(values[name])
    return cls(**values)


_FIELDS: dict[type[Event], tuple[frozenset[str], tuple[str, ...]]] = {}


def _fields(cls: type[Event]) -> tuple[frozenset[str], tuple[str, ...]]:
    """Its field names, and those of its tuples: worked out once per kind, as reading a
    three-hour meeting's log decodes thousands."""
    if cls not in _FIELDS:
        names = frozenset(f.name for f in fields(cls))
        sequences = tuple(f.name for f in fields(cls) if get_origin(f.type) is tuple)
        _FIELDS[cls] = names, sequences
    return _FIELDS[cls]
