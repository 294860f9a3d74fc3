"""The minutes (store/export.py): everything the meeting recorded, read back from the database,
with people who asked not to be named never named and typed text kept literal."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import partial

import pytest
from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.setup import new_group, new_meeting, new_member
from store.db import memory_db
from store.export import minutes as write_minutes
from store.live import LiveMeeting
from store.records import save_group, save_meeting, save_member

OPENED = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
SECRET_NAME = "Zelda Quist"


@dataclass
class Held:
    db: Database
    meeting_id: str
    clock: FrozenClock
    minutes: str


def hold_meeting(end: bool = True) -> Held:
    """A meeting with two minute-takers, notes, every kind of decision, actions and turns."""
    db, clock = memory_db(), FrozenClock(OPENED)
    group = new_group("Riverside Forum")
    save_group(db, group, clock)
    people = {
        name: new_member(group, name, perspective, consent_named=name != SECRET_NAME)
        for name, perspective in [
            ("Ann Lee", "lived experience"),
            ("Bob [bold red]x[/]", "carer or family"),
            (SECRET_NAME, "professional"),
            ("Absent Person", "other"),
        ]
    }
    for member in people.values():
        save_member(db, member, clock)
    ann, bob, zed = (people[n].id for n in ("Ann Lee", "Bob [bold red]x[/]", SECRET_NAME))
    meeting = new_meeting(
        group, "Winter | meeting", datetime(2026, 12, 1, 14, 0), "Hall", "hybrid", 90
    )
    save_meeting(db, meeting, clock)
    run = LiveMeeting(db, meeting.id, clock).do
    run(partial(live.add_item, title="Transport", proposed_by=ann, timebox_minutes=10))
    run(partial(live.add_item, title="# Respite", proposed_by=zed, timebox_minutes=20))
    run(partial(live.add_item, title="Charging", proposed_by=None, timebox_minutes=5))
    run(partial(live.start_meeting, present=[ann, bob, zed]))
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=ann))
    run(partial(live.write_note, text="Pick-ups were late 3 times | twice cancelled"))
    run(partial(live.record_decision, text="Write to the provider", method="consensus"))
    run(partial(live.raise_hand, member_id=zed))
    run(partial(live.raise_hand, member_id=bob))
    run(live.next_speaker)
    clock.advance(90)
    run(live.next_speaker)
    clock.advance(30)
    run(live.end_turn)
    clock.advance(12 * 60 - 120)
    run(partial(live.move_item, step=1))
    clock.advance(60)
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=zed))
    run(partial(live.write_note, text="# Heading? \x1b[31mred\x1b[0m [bold]x[/bold]"))
    run(
        partial(
            live.record_decision,
            text="Book short breaks online",
            method="vote",
            votes_for=5,
            votes_against=1,
            abstentions=2,
        )
    )
    run(
        partial(
            live.record_decision,
            text="Trial a carers' cafe",
            method="consent",
            stand_asides=1,
            concerns="Cost of the room",
        )
    )
    run(partial(live.record_action, what="Ask the council", owner_id=zed, due=date(2026, 12, 4)))
    run(
        partial(live.record_action, what="Phone the provider", owner_id=ann, due=date(2026, 12, 10))
    )
    clock.advance(5 * 60)
    if end:
        run(live.end_meeting)
    clock.advance(3600)
    return Held(db, meeting.id, clock, write_minutes(db, meeting.id, clock))


@pytest.fixture(scope="module")
def minutes() -> str:
    return hold_meeting().minutes


def test_heading_says_what_when_where(minutes: str) -> None:
    assert minutes.startswith("# Winter \\| meeting\n")
    assert "Riverside Forum" in minutes
    assert "Tuesday 1 December 2026 at 14:00, planned for 90 minutes" in minutes
    assert "- **Where:** Hall" in minutes
    assert "- **Format:** hybrid" in minutes
    assert "started 14:00, ended 14:18" in minutes


def test_attendance_counts_everyone_but_names_only_those_who_agreed(minutes: str) -> None:
    attended = section(minutes, "Who attended")
    assert "3 people attended." in attended
    assert "- Ann Lee (lived experience)" in attended
    assert "- Bob \\[bold red\\]x\\[/\\] (carer or family)" in attended
    assert "- someone who asked not to be named\n" in attended + "\n"
    assert "professional" not in attended
    assert "Absent Person" not in attended


def test_a_member_who_did_not_consent_is_never_named(minutes: str) -> None:
    assert SECRET_NAME not in minutes
    assert "Zelda" not in minutes
    assert minutes.count("someone who asked not to be named") >= 5


def test_agenda_shows_proposer_time_box_and_time_taken(minutes: str) -> None:
    agenda = section(minutes, "Agenda")
    assert "| \\# | Item | Proposed by | Time box | Time taken |" in agenda
    assert "| 1 | Transport | Ann Lee | 10 min | 12 min (2 min over) |" in agenda
    assert "| 2 | \\# Respite | someone who asked not to be named | 20 min | 6 min |" in agenda
    assert "| 3 | Charging | — | 5 min | not reached |" in agenda


def test_notes_and_decisions_are_under_their_item(minutes: str) -> None:
    first = section(minutes, "1. Transport")
    assert "- Pick-ups were late 3 times \\| twice cancelled — *Ann Lee, 14:00*" in first
    assert "- **Agreed by consensus:** Write to the provider" in first
    second = section(minutes, "2. \\# Respite")
    assert "*someone who asked not to be named, 14:13*" in second
    assert (
        "**Decided by vote:** Book short breaks online (5 for, 1 against, 2 abstaining)" in second
    )
    assert (
        "**Agreed by consent:** Trial a carers' cafe (1 person stood aside)."
        " Concerns raised: Cost of the room"
    ) in second
    assert "Nothing was written down for this item." in section(minutes, "3. Charging")


def test_typed_text_stays_literal(minutes: str) -> None:
    assert "\x1b" not in minutes
    assert "\\# Heading? ␛\\[31mred␛\\[0m \\[bold\\]x\\[/bold\\]" in minutes
    assert "\n# Heading" not in minutes


def test_actions_have_owner_full_due_date_and_item(minutes: str) -> None:
    actions = section(minutes, "Actions")
    assert (
        "| Ask the council | someone who asked not to be named"
        " | Friday 4 December 2026 | \\# Respite |"
    ) in actions
    assert "| Phone the provider | Ann Lee | Thursday 10 December 2026 | \\# Respite |" in actions


def test_roles_say_who_held_them_and_from_when(minutes: str) -> None:
    roles = section(minutes, "Roles")
    assert "- **minute-taker:** Ann Lee, from 14:00 until 14:13" in roles
    assert "- **minute-taker:** someone who asked not to be named, from 14:13\n" in roles + "\n"


def test_speaking_turns_are_counted_per_person(minutes: str) -> None:
    turns = section(minutes, "Speaking turns")
    assert "- Bob \\[bold red\\]x\\[/\\]: 1 turn, under a minute" in turns
    assert "- someone who asked not to be named: 1 turn, 2 min" in turns


def test_a_running_meeting_counts_time_up_to_now() -> None:
    minutes = hold_meeting(end=False).minutes
    assert "started 14:00, still running at 15:18" in minutes
    assert (
        "| 2 | \\# Respite | someone who asked not to be named | 20 min | 1 h 6 min (46 min over) |"
        in minutes
    )


def test_a_meeting_not_started_yet_has_its_agenda_and_no_attendance() -> None:
    db, clock = memory_db(), FrozenClock(OPENED)
    group = new_group("Forum")
    save_group(db, group, clock)
    meeting = new_meeting(group, "Planning", datetime(2026, 12, 1, 14, 0), "Hall", "online", 60)
    save_meeting(db, meeting, clock)
    LiveMeeting(db, meeting.id, clock).do(
        partial(live.add_item, title="Hello", proposed_by=None, timebox_minutes=5)
    )

    minutes = write_minutes(db, meeting.id, clock)

    assert "- **Meeting:** not started yet" in minutes
    assert "Attendance is recorded when the meeting starts." in minutes
    assert "| 1 | Hello | — | 5 min | not reached |" in minutes
    assert "Nobody was given a role." in minutes
    assert "No actions were agreed." in minutes
    assert "Nobody took a turn from the speaking queue." in minutes


def section(minutes: str, heading: str) -> str:
    """The text under `## heading`, up to the next heading of that level."""
    start = minutes.index(f"\n## {heading}\n")
    end = minutes.find("\n## ", start + 1)
    return minutes[start : end if end != -1 else None]
