"""Combining groups' databases (store/merge.py): every row once, events renumbered with their
batches and undos still pointing at the right user action."""

from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from session import live, plan
from session.clock import FrozenClock
from session.setup import new_group, new_meeting, new_member
from store.db import open_db
from store.live import LiveMeeting
from store.log import load
from store.merge import merge_file
from store.plan import GroupPreparation, load_plan
from store.records import groups, meetings, save_group, save_meeting, save_member
from tests.cli_runner import coproduce

NOW = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)


def one_group(path: Path, name: str) -> tuple[Database, str]:
    """A group with one meeting: two items (the second undone), a turn and a note."""
    db, clock = open_db(path), FrozenClock(NOW)
    group = new_group(name)
    save_group(db, group, clock)
    ann = new_member(group, f"Ann of {name}", "lived experience")
    save_member(db, ann, clock)
    meeting = new_meeting(
        group, f"{name} meeting", datetime(2026, 11, 26, 14), "Hall", "hybrid", 60
    )
    save_meeting(db, meeting, clock)
    run = LiveMeeting(db, meeting.id, clock).do
    run(partial(live.add_item, title="Transport", proposed_by=ann.id, timebox_minutes=10))
    run(partial(live.start_meeting, present=[ann.id]))
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=ann.id))
    run(partial(live.add_item, title="Added by mistake", proposed_by=None, timebox_minutes=5))
    run(live.undo)
    run(partial(live.raise_hand, member_id=ann.id))
    run(live.next_speaker)
    clock.advance(90)
    run(live.end_turn)
    run(partial(live.write_note, text=f"Said at {name}"))
    return db, meeting.id


def test_merging_keeps_each_meeting_as_it_was(tmp_path: Path) -> None:
    target, north = one_group(tmp_path / "north.db", "North")
    source, south = one_group(tmp_path / "south.db", "South")
    expected = live.fold(south, load(source, south))
    source.close()

    merged = merge_file(target, tmp_path / "south.db")

    assert merged.rows["groups"] == 1 and merged.rows["meetings"] == 1
    assert [g.name for g in groups(target)] == ["North", "South"]
    assert len(meetings(target)) == 2
    seqs = [row[0] for row in target.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    state = live.fold(south, load(target, south))
    assert [i.title for i in state.items] == ["Transport"]  # the undo still takes it back
    assert [(t.member_id, t.seconds) for t in state.turns] == [
        (t.member_id, t.seconds) for t in expected.turns
    ]
    assert [n.text for n in state.notes] == ["Said at South"]
    assert [i.title for i in live.fold(north, load(target, north)).items] == ["Transport"]
    batches = target.execute(
        "SELECT COUNT(*) FROM events WHERE meeting_id = ? AND batch NOT IN "
        "(SELECT seq FROM events)",
        [south],
    ).fetchone()[0]
    assert batches == 0  # every batch is the seq of its first event


def test_merging_the_same_file_twice_adds_nothing(tmp_path: Path) -> None:
    target, _ = one_group(tmp_path / "north.db", "North")
    one_group(tmp_path / "south.db", "South")[0].close()
    merge_file(target, tmp_path / "south.db")
    count = target.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    again = merge_file(target, tmp_path / "south.db")

    assert sum(again.rows.values()) == 0
    assert target.execute("SELECT COUNT(*) FROM events").fetchone()[0] == count


def test_the_merge_command_reports_what_it_added(tmp_path: Path) -> None:
    one_group(tmp_path / "north.db", "North")[0].close()
    one_group(tmp_path / "south.db", "South")[0].close()

    result = coproduce("merge", str(tmp_path / "south.db"), "--db", str(tmp_path / "north.db"))

    assert result.exit_code == 0, result.output
    assert "1 groups, 1 members, 1 meetings" in result.output
    missing = coproduce("merge", str(tmp_path / "nope.db"), "--db", str(tmp_path / "north.db"))
    assert missing.exit_code == 1
    assert "There is no database at" in missing.stderr


def prepared(db: Database, name: str) -> None:
    """The group's preparation log: two issues raised, the second undone."""
    group = next(g for g in groups(db) if g.name == name)
    prep = GroupPreparation(db, group.id, FrozenClock(NOW))
    heard = {"raised_by": None, "heard_how": "phone", "heard_on": NOW.date()}
    prep.do(partial(plan.raise_issue, text=f"Buses in {name}", **heard))
    prep.do(partial(plan.raise_issue, text="Raised by mistake", **heard))
    prep.do(plan.undo)


def test_merging_keeps_each_groups_preparation_as_it_was(tmp_path: Path) -> None:
    target, _ = one_group(tmp_path / "north.db", "North")
    prepared(target, "North")
    source, _ = one_group(tmp_path / "south.db", "South")
    prepared(source, "South")
    source.close()

    merge_file(target, tmp_path / "south.db")
    merge_file(target, tmp_path / "south.db")

    for group in groups(target):
        issues = [i.text for i in load_plan(target, group.id).open_issues]
        assert issues == [f"Buses in {group.name}"]  # the undo still takes back the second
    seqs = [row[0] for row in target.execute("SELECT seq FROM group_events ORDER BY seq")]
    assert seqs == list(range(1, len(seqs) + 1))
    kinds = [row[0] for row in target.execute("SELECT kind FROM group_events")]
    assert kinds.count("issue_raised") == 4 and kinds.count("group_created") == 2
