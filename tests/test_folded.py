"""The kept copy of each meeting's folded state (store/folded.py): always the same as folding the
log, whatever happened to the log since it was kept, and never trusted when someone else made it."""

import dataclasses
import gc
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.events import NoteWritten, Recorded
from session.live import LiveState, Note, fold
from session.setup import new_group, new_meeting, new_member
from store import folded as folding
from store import records, state_codec
from store.db import BUSY_TIMEOUT_MS, open_db, writing
from store.folded import TABLE, folded, folded_many, reading_many_meetings
from store.forget import forget
from store.live import LiveMeeting
from store.log import Row, append, decoded, load
from store.merge import merge_file
from store.records import find_member
from store.state_codec import decode, encode
from store.tables import export_tables
from tests.live_driver import demo_app

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


def a_meeting(path: Path, clock: FrozenClock) -> tuple[Database, LiveMeeting, str]:
    """A meeting with a turn, a note naming Margaret, a decision and an action."""
    db = open_db(path)
    group = new_group("Riverside")
    records.save_group(db, group, clock)
    margaret = new_member(group, "Margaret Okafor", "lived experience")
    records.save_member(db, margaret, clock)
    meeting = new_meeting(group, "December", datetime(2026, 12, 3, 14), "Hall", "online", 90)
    records.save_meeting(db, meeting, clock)
    running = LiveMeeting(db, meeting.id, clock)
    for step in (
        lambda s: live.add_item(s, "Transport", margaret.id, 20),
        lambda s: live.start_meeting(s, [margaret.id]),
        lambda s: live.hand_role(s, live.MINUTE_TAKER, margaret.id),
        lambda s: live.raise_hand(s, margaret.id),
        live.next_speaker,
        lambda s: live.write_note(s, "Margaret said the bus was late"),
        lambda s: live.record_decision(s, "Write to the council", "consensus"),
        lambda s: live.record_action(s, "Write the letter", margaret.id, T0.date()),
    ):
        clock.advance(60)
        running.do(step)
    return db, running, margaret.id


def kept(db: Database) -> list[tuple[str, int]]:
    return db.execute(f"SELECT meeting_id, last_seq FROM [{TABLE}]").fetchall()


def from_log(db: Database, meeting_id: str) -> LiveState:
    return fold(meeting_id, load(db, meeting_id))


def test_the_state_is_kept_and_read_back_exactly(tmp_path: Path, clock: FrozenClock) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    state = folded(db, running.meeting_id)
    assert state == from_log(db, running.meeting_id)
    assert kept(db) == [(running.meeting_id, state.last_seq)]
    assert decode(encode(state)) == state
    assert folded(db, running.meeting_id) == state


def test_events_added_since_it_was_kept_are_applied(tmp_path: Path, clock: FrozenClock) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    folded(db, running.meeting_id)
    running.do(lambda s: live.write_note(s, "Added after the copy was kept"))
    state = folded(db, running.meeting_id)
    assert state.notes[-1].text == "Added after the copy was kept"
    assert state == from_log(db, running.meeting_id)


def test_an_undo_since_it_was_kept_takes_the_action_back(
    tmp_path: Path, clock: FrozenClock
) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    running.do(lambda s: live.write_note(s, "Written by mistake"))
    folded(db, running.meeting_id)
    running.do(live.undo)
    state = folded(db, running.meeting_id)
    assert "Written by mistake" not in [n.text for n in state.notes]
    assert state == from_log(db, running.meeting_id)


def test_forgetting_someone_leaves_no_copy_with_their_name(
    tmp_path: Path, clock: FrozenClock
) -> None:
    db, running, margaret = a_meeting(tmp_path / "c.db", clock)
    folded(db, running.meeting_id)
    forget(
        db, find_member(db, records.get_meeting(db, running.meeting_id).group_id, margaret), clock
    )
    assert kept(db) == []
    state = folded(db, running.meeting_id)
    assert "Margaret" not in state.notes[0].text
    assert state == from_log(db, running.meeting_id)


def test_any_change_to_an_event_drops_the_copy(tmp_path: Path, clock: FrozenClock) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    folded(db, running.meeting_id)
    with writing(db):
        db.execute("UPDATE events SET data = replace(data, 'bus', 'train')")
    assert kept(db) == []
    assert folded(db, running.meeting_id).notes[0].text == "Margaret said the train was late"


def test_a_copy_from_another_version_or_damaged_is_ignored(
    tmp_path: Path, clock: FrozenClock
) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    truth = folded(db, running.meeting_id)
    for fingerprint, text in (
        ("another version", encode(LiveState(running.meeting_id))),
        (None, json.dumps(["not", "a", "state"])),
        (None, "{not json"),
        (None, encode(LiveState("another meeting"))),
    ):
        with writing(db):
            db.execute(
                f"UPDATE [{TABLE}] SET state = ?, fingerprint = COALESCE(?, fingerprint)",
                [text, fingerprint],
            )
        assert folded(db, running.meeting_id) == truth


@pytest.mark.parametrize(
    ("field", "value", "readable"),
    [
        ("text", 5, False),
        ("text", None, False),
        ("item_id", None, True),  # a note on no item: allowed
        ("item_id", 5, False),
        ("at", 5, False),
        ("at", "not a time", False),
    ],
)
def test_a_kept_state_holding_a_wrong_type_is_refused(
    tmp_path: Path, clock: FrozenClock, field: str, value: object, readable: bool
) -> None:
    """A kept note whose fields are not what a note holds is never read back as one."""
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    state = json.loads(encode(folded(db, running.meeting_id)))
    notes = [f.name for f in dataclasses.fields(LiveState)].index("notes")
    state[notes][0][[f.name for f in dataclasses.fields(Note)].index(field)] = value
    if readable:
        assert getattr(decode(json.dumps(state)).notes[0], field) == value
    else:
        with pytest.raises(ValueError):
            decode(json.dumps(state))


def test_a_kept_whole_number_of_seconds_reads_back_as_seconds(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """The speaker's clock banks seconds as a float: a whole number read back is one too,
    and one too large for a float is refused, not a crash."""
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    state = json.loads(encode(folded(db, running.meeting_id)))
    clock_at = [f.name for f in dataclasses.fields(LiveState)].index("turn_clock")
    state[clock_at][0] = 5
    banked = decode(json.dumps(state)).turn_clock.banked
    assert (banked, type(banked)) == (5.0, float)
    state[clock_at][0] = 10**400
    with pytest.raises(ValueError):
        decode(json.dumps(state))


@dataclasses.dataclass(frozen=True)
class _Nothing:
    pass


@dataclasses.dataclass(frozen=True)
class _One:
    at: datetime


@pytest.mark.parametrize("record", [_Nothing(), _One(T0)])
def test_records_of_no_field_or_one_field_are_kept_and_read_back(record: object) -> None:
    encoded = state_codec._encoder(type(record))(record)
    assert state_codec._decoder(type(record))(json.loads(json.dumps(encoded))) == record


def test_merging_never_copies_another_files_copy(tmp_path: Path, clock: FrozenClock) -> None:
    theirs, running, _ = a_meeting(tmp_path / "theirs.db", clock)
    folded(theirs, running.meeting_id)
    theirs.close()
    ours = open_db(tmp_path / "ours.db")
    merge_file(ours, tmp_path / "theirs.db")
    assert kept(ours) == []
    assert folded(ours, running.meeting_id) == from_log(ours, running.meeting_id)


def test_the_data_export_leaves_the_copy_out(tmp_path: Path, clock: FrozenClock) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    folded(db, running.meeting_id)
    written = export_tables(db, tmp_path / "out", "csv")
    assert TABLE not in {p.stem for p in written}


def test_while_another_process_writes_the_copy_is_skipped_not_waited_for(
    tmp_path: Path, clock: FrozenClock
) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    db.execute(f"DELETE FROM [{TABLE}]")
    other = open_db(tmp_path / "c.db")
    other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
    try:
        state = folded(db, running.meeting_id)
    finally:
        other.execute("ROLLBACK")

    assert state == from_log(db, running.meeting_id)
    assert kept(db) == []
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS


def test_keeping_a_live_meeting_keeps_its_latest_state(tmp_path: Path, clock: FrozenClock) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    running.keep()
    assert kept(db) == [(running.meeting_id, running.state.last_seq)]
    assert folded(db, running.meeting_id) == running.state


def test_a_meeting_open_while_someone_is_forgotten_keeps_nothing_of_them(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """The screen still holds the old text in memory; what it keeps is folded from the log."""
    db, running, margaret = a_meeting(tmp_path / "c.db", clock)
    forget(
        db, find_member(db, records.get_meeting(db, running.meeting_id).group_id, margaret), clock
    )
    assert "Margaret" in running.state.notes[0].text
    running.keep()
    assert "Margaret" not in folded(db, running.meeting_id).notes[0].text
    assert "Margaret" not in db.execute(f"SELECT state FROM [{TABLE}]").fetchone()[0]


def test_a_file_that_cannot_take_the_copy_is_left_without_one(
    tmp_path: Path, clock: FrozenClock
) -> None:
    db, running, _ = a_meeting(tmp_path / "c.db", clock)
    db.execute(f"DELETE FROM [{TABLE}]")
    db.execute("DROP TABLE events")  # as unreadable as a file can get without a crash
    running.keep()
    assert kept(db) == []


async def test_closing_the_app_keeps_the_state_of_the_meeting_on_screen(
    tmp_path: Path, clock: FrozenClock
) -> None:
    """So the minutes and the report written after the meeting start from it."""
    db_path = tmp_path / "meeting.db"
    app = demo_app(db_path, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "b")
        await pilot.pause()
    db = open_db(db_path)
    meeting_id = app.meeting_id
    assert meeting_id is not None
    (last_seq,) = db.execute("SELECT MAX(seq) FROM events WHERE meeting_id = ?", [meeting_id])
    assert kept(db) == [(meeting_id, last_seq[0])]
    assert folded(db, meeting_id) == from_log(db, meeting_id)


def several_meetings(path: Path, clock: FrozenClock, count: int) -> tuple[Database, list[str]]:
    meeting_ids = [a_meeting(path, clock)[1].meeting_id for _ in range(count)]
    return open_db(path), meeting_ids


@pytest.fixture
def shares(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The meetings given to each child process, with forking allowed whatever the machine."""
    given: list[set[str]] = []

    choose = folding._child_share

    def share(sizes: dict[str, int]) -> set[str]:
        given.append(choose(sizes))
        return given[-1]

    monkeypatch.setattr(folding, "can_fork", lambda: True)
    monkeypatch.setattr(folding, "_child_share", share)
    return given


@pytest.fixture
def folded_here(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The meetings of a child's share that this process had to fold itself (the child's
    own calls happen in its own copy of this list)."""
    calls: list[set[str]] = []

    fold_texts = folding._texts_of

    def texts_of(logs: dict[str, list[Row]]) -> dict[str, str]:
        calls.append(set(logs))
        return fold_texts(logs)

    monkeypatch.setattr(folding, "_texts_of", texts_of)
    return calls


def test_many_meetings_with_nothing_kept_are_folded_in_two_processes(
    tmp_path: Path, clock: FrozenClock, shares: list[set[str]], folded_here: list[set[str]]
) -> None:
    """After an upgrade nothing kept is trusted: a child process folds some of the meetings
    meanwhile. Every state is still the one its log gives, and every one is kept."""
    db, meeting_ids = several_meetings(tmp_path / "c.db", clock, 5)
    states = folded_many(db, meeting_ids)
    assert len(shares) == 1 and 0 < len(shares[0]) < len(meeting_ids)
    assert folded_here == []  # the child's answer came back
    assert list(states) == meeting_ids
    assert states == {m: from_log(db, m) for m in meeting_ids}
    assert sorted(kept(db)) == sorted((m, states[m].last_seq) for m in meeting_ids)
    assert folded_many(db, meeting_ids) == states
    assert len(shares) == 1  # all kept now: nothing left to fold


def test_a_kept_state_is_read_while_the_child_folds_the_rest(
    tmp_path: Path, clock: FrozenClock, shares: list[set[str]]
) -> None:
    db, meeting_ids = several_meetings(tmp_path / "c.db", clock, 4)
    folded(db, meeting_ids[0])
    LiveMeeting(db, meeting_ids[0], clock).do(lambda s: live.write_note(s, "Since it was kept"))
    states = folded_many(db, meeting_ids)
    assert shares and meeting_ids[0] not in shares[0]
    assert states[meeting_ids[0]].notes[-1].text == "Since it was kept"
    assert states == {m: from_log(db, m) for m in meeting_ids}


def test_when_the_child_fails_its_meetings_are_folded_here(
    tmp_path: Path,
    clock: FrozenClock,
    shares: list[set[str]],
    folded_here: list[set[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db, meeting_ids = several_meetings(tmp_path / "c.db", clock, 3)
    parent = os.getpid()

    def decoded_here_only(rows: list[Row]) -> list[Recorded]:
        if os.getpid() != parent:
            raise MemoryError("the child ran out")
        return decoded(rows)

    monkeypatch.setattr(folding, "decoded", decoded_here_only)
    states = folded_many(db, meeting_ids)
    assert shares and folded_here == shares
    assert states == {m: from_log(db, m) for m in meeting_ids}
    assert sorted(kept(db)) == sorted((m, states[m].last_seq) for m in meeting_ids)


def test_nothing_folded_is_kept_when_someone_else_writes_meanwhile(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another device writes a note while the logs are read: what was folded may already be
    out of date, so none of it is kept (and the next reader folds again)."""
    db, meeting_ids = several_meetings(tmp_path / "c.db", clock, 3)
    other = open_db(tmp_path / "c.db")
    choose = folding._child_share

    def share_as_someone_writes(sizes: dict[str, int]) -> set[str]:
        note = NoteWritten("n-meanwhile", None, "Written meanwhile", "someone")
        with writing(other):
            append(other, meeting_ids[0], [note], T0)
        return choose(sizes)

    monkeypatch.setattr(folding, "can_fork", lambda: True)
    monkeypatch.setattr(folding, "_child_share", share_as_someone_writes)
    folded_many(db, meeting_ids)
    assert kept(db) == []
    assert folded(db, meeting_ids[0]).notes[-1].text == "Written meanwhile"


def test_meetings_not_yet_held_are_not_worth_a_child(
    tmp_path: Path, clock: FrozenClock, shares: list[set[str]]
) -> None:
    """A meeting with no events folds to nothing and is never kept: reports of a group with
    meetings planned ahead stay in one process once the rest are kept."""
    db, meeting_ids = several_meetings(tmp_path / "c.db", clock, 1)
    group = records.get_meeting(db, meeting_ids[0]).group_id
    for month in ("January", "February"):
        planned = new_meeting(
            records.get_group(db, group), month, datetime(2027, 1, 7, 14), "Hall", "online", 90
        )
        records.save_meeting(db, planned, clock)
        meeting_ids.append(planned.id)
    folded_many(db, meeting_ids)
    states = folded_many(db, meeting_ids)
    assert shares == []
    assert states == {m: from_log(db, m) for m in meeting_ids}


@pytest.mark.parametrize("collecting", [True, False])
def test_reading_many_meetings_leaves_garbage_collection_as_it_found_it(
    collecting: bool,
) -> None:
    """Collection is paused while many meetings are read (the app's evaluation screen reads
    them in a worker thread): never left off afterwards, even when reading fails."""
    was = gc.isenabled()
    try:
        gc.enable() if collecting else gc.disable()
        with pytest.raises(RuntimeError), reading_many_meetings():
            assert not gc.isenabled()
            raise RuntimeError("the file went away")
        assert gc.isenabled() == collecting
    finally:
        gc.enable() if was else gc.disable()
