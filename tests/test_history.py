"""The history of a meeting: every change is in the event log with when it was made and in which
role, and undoing or amending something adds to the log without erasing anything."""

from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from session import live
from session.acting import ATTENDEE, COMMAND_LINE, FACILITATOR, NOT_RECORDED, role_words
from session.clock import FrozenClock
from session.live import MINUTE_TAKER
from session.readback import amend
from store.db import open_db
from store.demo import create_demo
from store.live import LiveMeeting
from store.records import get_meeting, members_of
from tests.cli_runner import coproduce
from tui.screens.devices import Device, device_screen

START = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def people(db: Database, meeting_id: str) -> dict[str, str]:
    return {m.name: m.id for m in members_of(db, get_meeting(db, meeting_id).group_id)}


def history(db: Database) -> list[tuple[int, str, str, str, str | None]]:
    return db.execute("SELECT seq, at, kind, data, role FROM events ORDER BY seq").fetchall()


def test_every_change_is_kept_with_when_and_in_which_role_it_was_made(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    clock = FrozenClock(START)
    db = open_db(path)
    meeting_id = create_demo(db, clock)
    who = people(db, meeting_id)
    projector = LiveMeeting(db, meeting_id, clock)
    minutes = LiveMeeting(open_db(path), meeting_id, clock, role=MINUTE_TAKER)
    phone = LiveMeeting(open_db(path), meeting_id, clock, role=ATTENDEE)

    clock.advance(60)
    projector.do(lambda s: live.start_meeting(s, list(who.values())))
    clock.advance(60)
    projector.do(lambda s: live.hand_role(s, MINUTE_TAKER, who["Tom Gallagher"]))
    clock.advance(60)
    minutes.do(lambda s: live.write_note(s, "Pick-ups were late"))
    clock.advance(60)
    phone.do(lambda s: live.raise_hand(s, who["Joan Whitfield"]))
    result = coproduce("agenda", "add", meeting_id[:8], "Any other business", "--db", str(path))
    assert result.exit_code == 0

    rows = db.execute(
        "SELECT at, kind, role FROM events WHERE seq > 4 ORDER BY seq"  # after the agenda
    ).fetchall()
    assert rows == [
        ("2026-12-03T14:01:00+00:00", "meeting_started", FACILITATOR),
        ("2026-12-03T14:01:00+00:00", "item_opened", FACILITATOR),
        ("2026-12-03T14:02:00+00:00", "role_handed", FACILITATOR),
        ("2026-12-03T14:03:00+00:00", "note_written", MINUTE_TAKER),
        ("2026-12-03T14:04:00+00:00", "hand_raised", ATTENDEE),
        (rows[-1][0], "item_added", COMMAND_LINE),
    ]


def test_changes_made_before_roles_were_kept_say_so() -> None:
    assert role_words(None) == NOT_RECORDED
    assert role_words(FACILITATOR) == "facilitator"


def test_undo_and_amendments_add_to_the_history_and_never_erase_it(tmp_path: Path) -> None:
    clock = FrozenClock(START)
    db = open_db(tmp_path / "c.db")
    meeting_id = create_demo(db, clock)
    who = people(db, meeting_id)
    meeting = LiveMeeting(db, meeting_id, clock)
    meeting.do(lambda s: live.start_meeting(s, list(who.values())))
    meeting.do(lambda s: live.hand_role(s, MINUTE_TAKER, who["Tom Gallagher"]))
    meeting.do(lambda s: live.write_note(s, "The bus was late twice"))
    [note] = meeting.state.notes
    seen = history(db)

    steps = [
        lambda s: amend(s, note.id, "The bus was late three times", "Tom counted again"),
        live.undo,  # takes back the amendment
        live.undo,  # takes back the note
        lambda s: live.write_note(s, "A new note"),
    ]
    for step in steps:
        meeting.do(step)
        now = history(db)
        assert now[: len(seen)] == seen, "an earlier change was altered or erased"
        assert len(now) > len(seen)
        seen = now

    kinds = [row[2] for row in seen]
    assert kinds.count("note_written") == 2
    assert kinds.count("record_amended") == 1
    assert kinds.count("undone") == 2
    texts = " ".join(row[3] for row in seen)
    assert "The bus was late twice" in texts
    assert "The bus was late three times" in texts
    assert [n.text for n in meeting.state.notes] == ["A new note"]


def test_participants_devices_record_their_own_roles(tmp_path: Path) -> None:
    clock = FrozenClock(START)
    db = open_db(tmp_path / "c.db")
    meeting_id = create_demo(db, clock)
    tom = people(db, meeting_id)["Tom Gallagher"]

    minutes = device_screen(db, meeting_id, clock, Device("minutes", tom))
    attendee = device_screen(db, meeting_id, clock, Device("attendee", tom))

    assert minutes.meeting.role == MINUTE_TAKER
    assert attendee.meeting.role == ATTENDEE
