"""Groups, their members and their meetings: what exists before a meeting starts."""

from dataclasses import dataclass
from datetime import datetime

from session.errors import DomainError
from session.ids import new_id
from session.text import NAME_LIMIT, TEXT_LIMIT, TITLE_LIMIT, optional_text, required_text

DEFAULT_PERSPECTIVES = (
    "lived experience",
    "carer or family",
    "professional",
    "other",
    "prefer not to say",
)
MEETING_FORMATS = ("in person", "online", "hybrid")
LONGEST_MEETING_MINUTES = 12 * 60
LONGEST_TIMEBOX_MINUTES = 6 * 60


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    perspectives: tuple[str, ...] = DEFAULT_PERSPECTIVES


@dataclass(frozen=True)
class Member:
    id: str
    group_id: str
    name: str
    perspective: str
    needs: str = ""
    consent_named: bool = True
    easy_read: bool = False
    extra_time: bool = False  # their needs ask for extra time to speak: twice the soft limit


@dataclass(frozen=True)
class Meeting:
    id: str
    group_id: str
    title: str
    starts_at: datetime
    place: str
    format: str
    length_minutes: int
    break_every_minutes: int = 0  # 0: no scheduled breaks


def new_group(name: str, perspectives: tuple[str, ...] = DEFAULT_PERSPECTIVES) -> Group:
    cleaned = tuple(required_text(p, "a perspective", NAME_LIMIT) for p in perspectives)
    if not cleaned:
        raise DomainError("A group needs at least one perspective for members to choose from.")
    return Group(new_id(), required_text(name, "the group's name", TITLE_LIMIT), cleaned)


def new_member(
    group: Group,
    name: str,
    perspective: str,
    needs: str = "",
    consent_named: bool = True,
    easy_read: bool = False,
    extra_time: bool = False,
) -> Member:
    chosen = perspective.strip().casefold()
    matches = [p for p in group.perspectives if p.casefold() == chosen]
    if not matches:
        options = ", ".join(group.perspectives)
        raise DomainError(f"“{perspective}” is not one of this group's perspectives: {options}.")
    return Member(
        id=new_id(),
        group_id=group.id,
        name=required_text(name, "the name they want to be called", NAME_LIMIT),
        perspective=matches[0],
        needs=optional_text(needs, "their access and communication needs", TEXT_LIMIT),
        consent_named=consent_named,
        easy_read=easy_read,
        extra_time=extra_time,
    )


def check_minutes(minutes: int, what: str, longest: int) -> int:
    if not 1 <= minutes <= longest:
        raise DomainError(f"Please give {what} as a number of minutes from 1 to {longest}.")
    return minutes


def new_meeting(
    group: Group,
    title: str,
    starts_at: datetime,
    place: str,
    format: str,
    length_minutes: int,
    break_every_minutes: int = 0,
) -> Meeting:
    chosen = format.strip().casefold()
    if chosen not in MEETING_FORMATS:
        raise DomainError(f"The format must be one of: {', '.join(MEETING_FORMATS)}.")
    return Meeting(
        id=new_id(),
        group_id=group.id,
        title=required_text(title, "the meeting's title", TITLE_LIMIT),
        starts_at=starts_at,
        place=required_text(place, "where it happens", TITLE_LIMIT),
        format=chosen,
        length_minutes=check_minutes(length_minutes, "the length", LONGEST_MEETING_MINUTES),
        break_every_minutes=check_break_interval(break_every_minutes),
    )


def check_break_interval(minutes: int) -> int:
    """0 means no scheduled breaks; otherwise a break is due every `minutes` of meeting."""
    if minutes == 0:
        return 0
    return check_minutes(minutes, "the time between breaks", LONGEST_MEETING_MINUTES)
