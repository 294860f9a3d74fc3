"""An example group and meeting to try coproduce with, made once and reused after that."""

from datetime import datetime, time
from functools import partial

from sqlite_utils import Database

from session import live
from session.clock import Clock
from session.setup import new_group, new_meeting, new_member
from store.live import LiveMeeting
from store.records import groups, meetings, save_group, save_meeting, save_member

DEMO_GROUP = "Riverside Care Forum (example)"
DEMO_MEETING = "Getting about and getting a break"

# name, perspective, access and communication needs
PEOPLE = (
    ("Margaret Okafor", "lived experience", "Wheelchair user: step-free room and a high table"),
    ("David Hughes", "carer or family", ""),
    ("Priya Sharma", "professional", ""),
    (
        "Tom Gallagher",
        "lived experience",
        "Easy Read papers, one question at a time, time to answer",
    ),
    ("Aisha Begum", "carer or family", "British Sign Language interpreter"),
    ("Gareth Evans", "professional", ""),
    ("Joan Whitfield", "lived experience", "Hard of hearing: hearing loop, face her when speaking"),
    ("Chloe Bennett", "carer or family", "Joins online after the school run"),
)
NOT_NAMED = {"Chloe Bennett"}  # did not consent to be named in the minutes
EXTRA_TIME = {"Tom Gallagher"}  # their needs ask for time to answer: twice the turn's limit

# title, proposed by, time box in minutes
AGENDA = (
    ("Transport to day services: late and cancelled pick-ups", "Margaret Okafor", 25),
    ("Respite for carers: how to book a short break", "David Hughes", 25),
    ("Direct payments: paperwork people can follow", "Tom Gallagher", 20),
    ("Easy Read letters about the new charging policy", "Priya Sharma", 20),
)


def create_demo(db: Database, clock: Clock) -> str:
    """The id of the example meeting, creating the group, its eight members, the meeting and
    its agenda the first time. The meeting is left to be started."""
    if existing := _existing_demo(db):
        return existing
    group = new_group(DEMO_GROUP)
    save_group(db, group, clock)
    members: dict[str, str] = {}
    for name, perspective, needs in PEOPLE:
        member = new_member(
            group,
            name,
            perspective,
            needs,
            consent_named=name not in NOT_NAMED,
            extra_time=name in EXTRA_TIME,
        )
        save_member(db, member, clock)
        members[name] = member.id
    starts_at = datetime.combine(clock().astimezone().date(), time(14, 0))
    meeting = new_meeting(
        group, DEMO_MEETING, starts_at, "Riverside Community Centre", "hybrid", 120
    )
    save_meeting(db, meeting, clock)
    agenda = LiveMeeting(db, meeting.id, clock)
    for title, proposer, minutes in AGENDA:
        agenda.do(
            partial(
                live.add_item, title=title, proposed_by=members[proposer], timebox_minutes=minutes
            )
        )
    return meeting.id


def _existing_demo(db: Database) -> str | None:
    for group in groups(db):
        if group.name == DEMO_GROUP:
            for meeting in meetings(db, group.id):
                if meeting.title == DEMO_MEETING:
                    return meeting.id
    return None
