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
    ItemAdded,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    NoteWritten,
    RoleHanded,
    TurnEnded,
    TurnStarted,
    Undone,
)

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
        case Undone():
            return "undid an action"
    raise AssertionError(f"unknown event {event!r}")


def describe_batch(events: list[Event], name: Names, item_title: Names) -> str:
    return ", then ".join(describe(e, name, item_title) for e in events)
