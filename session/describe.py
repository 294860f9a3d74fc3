"""Events in plain words, for the undo message and the record of what happened."""

from collections.abc import Callable

from session.events import (
    ActionRecorded,
    BreakEnded,
    BreakStarted,
    CheckoutGiven,
    DecisionRecorded,
    Event,
    HandLowered,
    HandRaised,
    Interjected,
    ItemAdded,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    NoteWritten,
    OrderOverridden,
    Passed,
    PutBack,
    QueuePolicyChosen,
    ReadBackAgreed,
    RecordAmended,
    RoleHanded,
    RolePassed,
    RotationSet,
    RoundStarted,
    SignalCleared,
    TurnEnded,
    TurnLimitSet,
    TurnPaused,
    TurnResumed,
    TurnStarted,
    Undone,
    Volunteered,
    WordDefined,
)
from session.queue import POLICIES, minutes_words
from session.signals import SIGNALS

Names = Callable[[str], str]


def describe(event: Event, name: Names, item_title: Names) -> str:
    match event:
        case ItemAdded():
            return f"added “{event.title}” to the agenda"
        case MeetingStarted():
            return "started the meeting"
        case ItemOpened():
            return f"moved to “{item_title(event.item_id)}”"
        case HandRaised():
            return f"put {name(event.member_id)} in the queue"
        case HandLowered():
            return f"took {name(event.member_id)} out of the queue"
        case TurnStarted():
            return f"gave the floor to {name(event.member_id)}"
        case TurnEnded():
            return "ended a turn"
        case NoteWritten():
            return f"wrote the note “{event.text}”"
        case RoleHanded():
            return f"made {name(event.member_id)} {event.role}"
        case DecisionRecorded():
            return f"recorded the decision “{event.text}”"
        case ActionRecorded():
            return f"recorded the action “{event.what}”"
        case BreakStarted():
            return "started a break"
        case BreakEnded():
            return "ended the break"
        case MeetingEnded():
            return "ended the meeting"
        case CheckoutGiven():
            return f"recorded {name(event.member_id)}'s check-out"
        case TurnPaused():
            return "paused the turn"
        case TurnResumed():
            return "carried on the turn"
        case QueuePolicyChosen():
            return f"chose the speaking order “{POLICIES.get(event.policy, event.policy)}”"
        case TurnLimitSet():
            return f"set the time for a turn to {minutes_words(event.seconds)}"
        case OrderOverridden():
            return f"let {name(event.member_id)} speak next ({event.reason})"
        case PutBack():
            return f"put {name(event.member_id)} back in the queue"
        case Interjected():
            return f"noted “{SIGNALS[event.signal].words}” from {name(event.member_id)}"
        case SignalCleared():
            return "cleared a signal"
        case WordDefined():
            return f"defined “{event.word}” in the glossary"
        case RoundStarted():
            return f"started round {event.number}"
        case Passed():
            return f"noted that {name(event.member_id)} passed"
        case RotationSet():
            return f"set how the {event.role} role rotates"
        case Volunteered():
            return f"noted {name(event.member_id)} volunteering as {event.role}"
        case RolePassed():
            return f"noted {name(event.member_id)} passing on the {event.role} role"
        case ReadBackAgreed():
            return "marked the read-back as agreed"
        case RecordAmended():
            return "amended a record"
        case Undone():
            return "undid an action"
    raise AssertionError(f"unknown event {event!r}")


def describe_batch(events: list[Event], name: Names, item_title: Names) -> str:
    return ", then ".join(describe(e, name, item_title) for e in events)
