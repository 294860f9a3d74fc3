"""The history of a group or a meeting as a report: every change in its log, when it was made,
in which role, and what it was in plain words."""

from collections.abc import Sequence

from session.acting import role_words
from session.changes import (
    ActionUpdated,
    CheckoutQuestionsSet,
    DeviceConnected,
    DeviceDisconnected,
    DevicesInvitationClosed,
    DevicesInvited,
    Entry,
    GroupCreated,
    MeetingScheduled,
    MemberAdded,
    OutcomeDefined,
    PersonForgotten,
    ReviewRecorded,
    ThemeChosen,
)
from session.describe import Names as Labels
from session.describe import describe
from session.events import Event, Undone
from session.plan import UNDONE_WORDS
from session.pseudonyms import Names
from session.report import Heading, Paragraph, Report, Table


def group_history(group_name: str, entries: Sequence[Entry], name: Names, what: Labels) -> Report:
    """`what`: an action's or an outcome's words, from its id."""
    rows = [(e, change_words(e.event, name, what)) for e in entries]
    return _report(f"The history of {group_name}", rows)


def meeting_history(
    meeting_title: str, entries: Sequence[Entry], name: Names, item_title: Labels
) -> Report:
    rows = [(e, describe(e.event, name, item_title)) for e in entries]
    return _report(f"The history of “{meeting_title}”", rows)


def _report(title: str, rows: Sequence[tuple[Entry, str]]) -> Report:
    if not rows:
        return Report(title, (Heading(title, 1), Paragraph("Nothing has been recorded yet.")))
    lines = tuple(
        (f"{e.at.astimezone():%Y-%m-%d %H:%M}", role_words(e.role), what) for e, what in rows
    )
    return Report(title, (Heading(title, 1), Table(("When", "In which role", "What"), lines)))


def change_words(event: Event, name: Names, what: Labels) -> str:
    match event:
        case GroupCreated():
            return f"started the group “{event.name}”"
        case MemberAdded():
            return f"added {name.with_perspective(event.member_id, event.perspective)}"
        case MeetingScheduled():
            return f"planned the meeting “{event.title}”"
        case OutcomeDefined():
            return f"wrote the outcome “{event.text}”"
        case ReviewRecorded():
            return f"reviewed “{what(event.outcome_id)}”: progress {event.progress}"
        case ActionUpdated():
            return f"said the action “{what(event.action_id)}” is {event.status}"
        case ThemeChosen():
            return f"chose the colours “{event.theme}”"
        case CheckoutQuestionsSet():
            return f"set {len(event.questions)} check-out questions"
        case DevicesInvited():
            return "showed a join code for devices"
        case DevicesInvitationClosed():
            return "stopped letting devices join"
        case DeviceConnected():
            return f"let in a device for {name(event.member_id)} ({event.view})"
        case DeviceDisconnected():
            return f"disconnected {name(event.member_id)}'s device"
        case PersonForgotten():
            return f"forgot someone at their request: now {event.pseudonym}"
        case Undone():
            return "undid the last change to the preparation"
    return f"recorded {UNDONE_WORDS.get(event.kind, event.kind.replace('_', ' '))}"
