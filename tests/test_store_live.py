"""A live meeting backed by the database (store/live.py): commit first, then show; resume after
a restart; several screens on one file; and the browsing views."""

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.errors import DomainError
from session.live import MINUTE_TAKER, fold
from session.setup import new_group, new_meeting
from store import records
from store.db import open_db, writing
from store.errors import StoreError
from store.live import LiveMeeting
from store.log import load

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "coproduce.db"


@pytest.fixture
def db(path: Path) -> Iterator[Database]:
    db = open_db(path)
    yield db
    db.close()


@pytest.fixture
def meeting_id(db: Database, clock: FrozenClock) -> str:
    group = new_group("Riverside")
    records.save_group(db, group, clock)
    meeting = new_meeting(group, "December", datetime(2026, 12, 3, 14), "Hall", "online", 90)
    records.save_meeting(db, meeting, clock)
    return meeting.id


def running(db: Database, meeting_id: str, clock: FrozenClock) -> LiveMeeting:
    meeting = LiveMeeting(db, meeting_id, clock)
    meeting.do(lambda s: live.add_item(s, "Welcome", None, 10))
    meeting.do(lambda s: live.add_item(s, "[b]Transport[/b]", None, 20))
    meeting.do(lambda s: live.hand_role(s, MINUTE_TAKER, "cat"))
    meeting.do(lambda s: live.start_meeting(s, ["ann", "bob", "cat"]))
    return meeting


def event_rows(db: Database) -> list[tuple[object, ...]]:
    return db.execute("SELECT * FROM events ORDER BY seq").fetchall()


def test_a_new_meeting_has_the_empty_state(
    db: Database, meeting_id: str, clock: FrozenClock
) -> None:
    meeting = LiveMeeting(db, meeting_id, clock)
    assert meeting.state == live.LiveState(meeting_id)
    assert meeting.refresh() is False


def test_do_commits_the_events_then_shows_them(
    db: Database, meeting_id: str, clock: FrozenClock
) -> None:
    meeting = running(db, meeting_id, clock)
    clock.advance(30)
    events = meeting.do(lambda s: live.raise_hand(s, "ann"))
    assert [r.event for r in load(db, meeting_id)][-1:] == events
    assert load(db, meeting_id)[-1].at == clock()
    assert meeting.state.queue == ("ann",)
    assert meeting.state == fold(meeting_id, load(db, meeting_id))


def test_a_refused_command_leaves_the_log_and_the_state_as_they_were(
    db: Database, meeting_id: str, clock: FrozenClock
) -> None:
    meeting = running(db, meeting_id, clock)
    meeting.do(lambda s: live.raise_hand(s, "ann"))
    rows, state = event_rows(db), meeting.state
    with pytest.raises(DomainError, match="already in the queue, at place 1"):
        meeting.do(lambda s: live.raise_hand(s, "ann"))
    with pytest.raises(DomainError, match="can't be left empty"):
        meeting.do(lambda s: live.write_note(s, "  "))
    assert event_rows(db) == rows
    assert meeting.state == state
    assert not db.conn.in_transaction
    # And the connection still works afterwards.
    meeting.do(lambda s: live.raise_hand(s, "bob"))
    assert meeting.state.queue == ("ann", "bob")


def test_the_meeting_resumes_after_reopening_the_file(
    db: Database, path: Path, meeting_id: str, clock: FrozenClock
) -> None:
    meeting = running(db, meeting_id, clock)
    meeting.do(lambda s: live.raise_hand(s, "ann"))
    meeting.do(lambda s: live.raise_hand(s, "bob"))
    meeting.do(live.next_speaker)
    clock.advance(40)
    meeting.do(lambda s: live.write_note(s, "\x1b[31m[red]\x1b[0m buses"))
    meeting.do(lambda s: live.record_decision(s, "Write to them", "vote", 6, 1, 0))
    meeting.do(lambda s: live.record_action(s, "Draft it", "cat", date(2026, 12, 4)))
    meeting.do(lambda s: live.move_item(s, 1))
    meeting.do(live.start_break)
    meeting.do(live.undo)
    before = meeting.state
    db.close()

    reopened = open_db(path)
    resumed = LiveMeeting(reopened, meeting_id, clock)
    assert resumed.state == before
    assert resumed.state.notes[0].text == "\x1b[31m[red]\x1b[0m buses"
    resumed.do(live.next_speaker)
    assert resumed.state.speaker == "bob"
    reopened.close()


def test_two_screens_see_each_other_through_refresh(
    db: Database, path: Path, meeting_id: str, clock: FrozenClock
) -> None:
    chair = running(db, meeting_id, clock)
    other_db = open_db(path)
    projector = LiveMeeting(other_db, meeting_id, clock)
    assert projector.state == chair.state

    chair.do(lambda s: live.raise_hand(s, "ann"))
    assert projector.state.queue == ()
    assert projector.refresh() is True
    assert projector.state == chair.state
    assert projector.refresh() is False

    projector.do(lambda s: live.raise_hand(s, "bob"))
    assert chair.refresh() is True
    assert chair.state.queue == ("ann", "bob")
    other_db.close()


def test_do_catches_up_before_checking_the_rules(
    db: Database, path: Path, meeting_id: str, clock: FrozenClock
) -> None:
    chair = running(db, meeting_id, clock)
    other_db = open_db(path)
    helper = LiveMeeting(other_db, meeting_id, clock)
    helper.do(lambda s: live.raise_hand(s, "ann"))
    # The chair has not refreshed, but the rules see the helper's hand first.
    with pytest.raises(DomainError, match="already in the queue, at place 1"):
        chair.do(lambda s: live.raise_hand(s, "ann"))
    chair.do(live.next_speaker)
    assert chair.state.speaker == "ann"
    helper.refresh()
    assert helper.state == chair.state == fold(meeting_id, load(db, meeting_id))
    other_db.close()


def test_an_undo_elsewhere_is_seen_on_refresh(
    db: Database, path: Path, meeting_id: str, clock: FrozenClock
) -> None:
    chair = running(db, meeting_id, clock)
    other_db = open_db(path)
    helper = LiveMeeting(other_db, meeting_id, clock)
    chair.do(lambda s: live.raise_hand(s, "ann"))
    chair.do(lambda s: live.raise_hand(s, "bob"))
    helper.refresh()
    chair.do(live.undo)
    assert helper.refresh() is True
    assert helper.state.queue == ("ann",)
    assert helper.state == chair.state
    # An undo done through the other screen takes back the next action.
    helper.do(live.undo)
    chair.refresh()
    assert chair.state.queue == ()
    other_db.close()


def test_meetings_do_not_see_each_others_events(
    db: Database, meeting_id: str, clock: FrozenClock
) -> None:
    group = records.groups(db)[0]
    other = new_meeting(group, "January", datetime(2027, 1, 7, 14), "Hall", "online", 60)
    records.save_meeting(db, other, clock)
    december = running(db, meeting_id, clock)
    january = running(db, other.id, clock)
    december.do(lambda s: live.raise_hand(s, "ann"))
    assert january.refresh() is False
    assert january.state.queue == ()
    january.do(lambda s: live.raise_hand(s, "ann"))
    assert december.state.queue == ("ann",)


def test_the_views_leave_out_undone_events(
    db: Database, meeting_id: str, clock: FrozenClock
) -> None:
    meeting = running(db, meeting_id, clock)
    meeting.do(lambda s: live.add_item(s, "Taken back", None, 5))
    meeting.do(live.undo)
    meeting.do(lambda s: live.write_note(s, "Kept note"))
    meeting.do(lambda s: live.write_note(s, "Undone note"))
    meeting.do(live.undo)
    meeting.do(lambda s: live.record_decision(s, "Kept", "consent", 9, 9, 9, 2, "[cost]"))
    meeting.do(lambda s: live.record_decision(s, "Undone", "consensus"))
    meeting.do(live.undo)
    meeting.do(lambda s: live.record_action(s, "Kept action", "bob", date(2026, 12, 4)))
    meeting.do(lambda s: live.record_action(s, "Undone action", "bob", date(2026, 12, 4)))
    meeting.do(live.undo)

    def rows(view: str, *cols: str) -> list[tuple[object, ...]]:
        return db.execute(f"SELECT {', '.join(cols)} FROM {view}").fetchall()

    assert rows("agenda_items", "title", "timebox_minutes") == [
        ("Welcome", 10),
        ("[b]Transport[/b]", 20),
    ]
    item_id = meeting.state.items[0].id
    assert rows("notes", "text", "author_id", "item_id", "meeting_id") == [
        ("Kept note", "cat", item_id, meeting_id)
    ]
    assert rows("decisions", "text", "method", "votes_for", "stand_asides", "concerns") == [
        ("Kept", "consent", 0, 2, "[cost]")
    ]
    assert rows("actions", "what", "owner_id", "due", "at") == [
        ("Kept action", "bob", "2026-12-04", T0.isoformat())
    ]
    # The undone events are still in the log: nothing is erased.
    kinds = [r[0] for r in db.execute("SELECT kind FROM events").fetchall()]
    assert kinds.count("note_written") == 2
    assert kinds.count("undone") == 4


def test_a_write_while_another_process_holds_the_lock_is_refused_kindly(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    db = open_db(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.execute("PRAGMA busy_timeout = 50")
    try:
        with pytest.raises(StoreError, match="The database is busy"), writing(db):
            pass
    finally:
        other.execute("ROLLBACK")
    with writing(db):
        pass
