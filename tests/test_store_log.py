"""The event log (store/log.py): events go in as batches and come out exactly as they went in."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlite_utils import Database

from session.clock import FrozenClock
from session.events import (
    ActionRecorded,
    DecisionRecorded,
    Event,
    HandRaised,
    ItemAdded,
    MeetingStarted,
    NoteWritten,
    Recorded,
    TurnEnded,
    TurnStarted,
    Undone,
)
from session.setup import new_group, new_meeting
from store import records
from store.db import memory_db, writing
from store.log import append, load, load_batch

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def db() -> Database:
    return memory_db()


def make_meeting(db: Database, title: str = "December") -> str:
    clock = FrozenClock(T0)
    group = new_group("Riverside")
    records.save_group(db, group, clock)
    meeting = new_meeting(group, title, datetime(2026, 12, 3, 14), "Hall", "online", 60)
    records.save_meeting(db, meeting, clock)
    return meeting.id


def commit(db: Database, meeting_id: str, events: list[Event], at: datetime) -> list[Recorded]:
    with writing(db):
        return append(db, meeting_id, events, at)


EXACT: list[Event] = [
    ItemAdded("i1", "[bold]Transport[/] [red]", "ann", 15),
    MeetingStarted(("ann", "bob", "émigré")),
    NoteWritten("n1", "i1", "\x1b[31mred\x1b[0m 🤝 “quoted” \\ back\\slash\nsecond line", "cat"),
    DecisionRecorded("d1", "i1", "[link=x]Agreed[/link]", "consent", 0, 0, 0, 2, "[cost]"),
    ActionRecorded("a1", None, "Ring the council", "bob", "2026-12-04"),
]


def test_events_round_trip_exactly(db: Database) -> None:
    meeting_id = make_meeting(db)
    recorded = commit(db, meeting_id, EXACT, T0)
    assert [r.event for r in recorded] == EXACT
    assert load(db, meeting_id) == recorded
    loaded = load(db, meeting_id)[1].event
    assert isinstance(loaded, MeetingStarted)
    assert isinstance(loaded.present, tuple)


def test_text_is_stored_as_readable_json(db: Database) -> None:
    meeting_id = make_meeting(db)
    commit(db, meeting_id, EXACT, T0)
    raw = db.execute("SELECT data FROM events WHERE kind = 'note_written'").fetchone()[0]
    assert "🤝" in raw and "“quoted”" in raw
    assert json.loads(raw)["text"] == EXACT[2].text  # type: ignore[attr-defined]


def test_a_batch_is_numbered_by_its_first_event(db: Database) -> None:
    meeting_id = make_meeting(db)
    first = commit(db, meeting_id, [HandRaised("ann"), HandRaised("bob")], T0)
    second = commit(db, meeting_id, [TurnEnded(), TurnStarted("ann")], T0 + timedelta(seconds=5))
    assert [(r.seq, r.batch) for r in first + second] == [(1, 1), (2, 1), (3, 3), (4, 3)]
    assert [r.at for r in second] == [T0 + timedelta(seconds=5)] * 2


def test_seq_is_shared_by_every_meeting_and_load_keeps_to_one(db: Database) -> None:
    december = make_meeting(db, "December")
    january = make_meeting(db, "January")
    commit(db, december, [HandRaised("ann")], T0)
    commit(db, january, [HandRaised("bob")], T0)
    commit(db, december, [HandRaised("cat")], T0)
    assert [(r.seq, r.event) for r in load(db, december)] == [
        (1, HandRaised("ann")),
        (3, HandRaised("cat")),
    ]
    assert [(r.seq, r.event) for r in load(db, january)] == [(2, HandRaised("bob"))]


def test_load_after_a_seq(db: Database) -> None:
    meeting_id = make_meeting(db)
    commit(db, meeting_id, [HandRaised("ann")], T0)
    commit(db, meeting_id, [HandRaised("bob"), HandRaised("cat")], T0)
    assert [r.seq for r in load(db, meeting_id, after_seq=1)] == [2, 3]
    assert load(db, meeting_id, after_seq=3) == []
    assert load(db, "no-such-meeting") == []


def test_times_keep_their_offset(db: Database) -> None:
    meeting_id = make_meeting(db)
    summer = datetime(2026, 7, 1, 10, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1)))
    commit(db, meeting_id, [HandRaised("ann")], summer)
    [recorded] = load(db, meeting_id)
    assert recorded.at == summer
    assert recorded.at.utcoffset() == timedelta(hours=1)


def test_an_event_needs_a_meeting_that_exists(db: Database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"):
        commit(db, "no-such-meeting", [HandRaised("ann")], T0)
    assert db["events"].count == 0


def test_load_batch(db: Database) -> None:
    meeting_id = make_meeting(db)
    commit(db, meeting_id, [HandRaised("ann")], T0)
    [ended, started] = commit(db, meeting_id, [TurnEnded(), TurnStarted("ann")], T0)
    commit(db, meeting_id, [Undone(ended.batch)], T0)
    assert load_batch(db, ended.batch) == [ended.event, started.event]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('{"member_id": "ann"}', HandRaised("ann")),
        (' {"member_id": "ann"}\n', HandRaised("ann")),  # spaces around it, as JSON allows
        (b'{"member_id": "ann"}', HandRaised("ann")),  # bytes, from a file merged in
    ],
)
def test_an_event_reads_from_any_json_its_data_is_in(
    db: Database, data: str | bytes, expected: Event
) -> None:
    meeting_id = make_meeting(db)
    commit(db, meeting_id, [expected], T0)
    with writing(db):
        db.execute("UPDATE events SET data = ?", [data])
    assert [r.event for r in load(db, meeting_id)] == [expected]


@pytest.mark.parametrize("data", ['{"member_id": "ann"} x', '{"member_id": "ann"', ""])
def test_damaged_data_in_the_log_is_refused_not_half_read(db: Database, data: str) -> None:
    meeting_id = make_meeting(db)
    commit(db, meeting_id, [HandRaised("ann")], T0)
    with writing(db):
        db.execute("UPDATE events SET data = ?", [data])
    with pytest.raises(ValueError):
        load(db, meeting_id)
