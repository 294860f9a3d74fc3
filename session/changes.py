"""Changes to a group's records outside a meeting's own log: the group, its people and
meetings, outcomes and reviews, what became of actions, its choices (theme, check-out
questions), devices let in, and people forgotten.

Each is kept as an event in the group's log (`group_events`), committed with the row it
changes, so the history says when every change was made and in which role, as it does for
meetings. The tables stay the quick way to read the current records; these events are the
history, and they are not undone by the preparation's undo."""

from dataclasses import dataclass
from datetime import datetime

from session.events import Event


@dataclass(frozen=True)
class Change(Event):
    """A change to the group's records, kept for the history only."""


@dataclass(frozen=True)
class GroupCreated(Change):
    kind = "group_created"
    name: str
    perspectives: tuple[str, ...]


@dataclass(frozen=True)
class MemberAdded(Change):
    """Their name and needs stay in their row only, so forgetting them has one place to go."""

    kind = "member_added"
    member_id: str
    perspective: str
    consent_named: bool


@dataclass(frozen=True)
class MeetingScheduled(Change):
    kind = "meeting_scheduled"
    meeting_id: str
    title: str
    starts_at: str  # ISO date and time
    place: str
    format: str
    length_minutes: int


@dataclass(frozen=True)
class OutcomeDefined(Change):
    kind = "outcome_defined"
    outcome_id: str
    text: str
    measure: str
    review_schedule: str
    issue_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReviewRecorded(Change):
    kind = "review_recorded"
    review_id: str
    outcome_id: str
    reviewed_on: str  # ISO date
    progress: int
    said_by_member: str | None


@dataclass(frozen=True)
class ActionUpdated(Change):
    kind = "action_updated"
    action_id: str
    status: str
    note: str


@dataclass(frozen=True)
class ThemeChosen(Change):
    kind = "theme_chosen"
    theme: str


@dataclass(frozen=True)
class CheckoutQuestionsSet(Change):
    kind = "checkout_questions_set"
    questions: tuple[str, ...]


@dataclass(frozen=True)
class DevicesInvited(Change):
    """A join code was shown for `meeting_id` (the code itself is not kept here)."""

    kind = "devices_invited"
    meeting_id: str


@dataclass(frozen=True)
class DevicesInvitationClosed(Change):
    kind = "devices_invitation_closed"
    meeting_id: str


@dataclass(frozen=True)
class DeviceConnected(Change):
    kind = "device_connected"
    meeting_id: str
    member_id: str
    view: str


@dataclass(frozen=True)
class DeviceDisconnected(Change):
    kind = "device_disconnected"
    meeting_id: str
    member_id: str


@dataclass(frozen=True)
class PersonForgotten(Change):
    """Someone asked to be forgotten: only their pseudonym is kept."""

    kind = "person_forgotten"
    member_id: str
    pseudonym: str


CHANGE_EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        GroupCreated,
        MemberAdded,
        MeetingScheduled,
        OutcomeDefined,
        ReviewRecorded,
        ActionUpdated,
        ThemeChosen,
        CheckoutQuestionsSet,
        DevicesInvited,
        DevicesInvitationClosed,
        DeviceConnected,
        DeviceDisconnected,
        PersonForgotten,
    )
}


@dataclass(frozen=True)
class Entry:
    """One row of a log: the event, when it was committed and in which role (None: before
    coproduce kept roles)."""

    at: datetime
    role: str | None
    event: Event
