"""The example group and meeting (store/demo.py)."""

from datetime import UTC, datetime

from session import live
from session.clock import FrozenClock
from store.db import memory_db
from store.demo import DEMO_GROUP, create_demo
from store.log import load
from store.records import get_meeting, groups, meetings, members_of


def test_demo_is_a_mixed_group_with_a_meeting_ready_to_start() -> None:
    db = memory_db()
    meeting_id = create_demo(db, FrozenClock(datetime(2026, 11, 26, 9, 30, tzinfo=UTC)))

    meeting = get_meeting(db, meeting_id)
    members = members_of(db, meeting.group_id)
    state = live.fold(meeting_id, load(db, meeting_id))
    assert len(members) == 8
    assert {m.perspective for m in members} >= {
        "lived experience",
        "carer or family",
        "professional",
    }
    assert sum(bool(m.needs) for m in members) >= 3
    assert [m.name for m in members if not m.consent_named] == ["Chloe Bennett"]
    assert len(state.items) == 4
    assert all(item.proposed_by in {m.id for m in members} for item in state.items)
    assert state.started_at is None
    assert meeting.starts_at == datetime(2026, 11, 26, 14, 0)


def test_demo_is_made_once_and_reused() -> None:
    db = memory_db()
    clock = FrozenClock(datetime(2026, 11, 26, 9, 30, tzinfo=UTC))

    first = create_demo(db, clock)
    second = create_demo(db, clock)

    assert first == second
    assert [g.name for g in groups(db)] == [DEMO_GROUP]
    assert len(meetings(db)) == 1
    assert len(members_of(db, groups(db)[0].id)) == 8
    assert len(live.fold(first, load(db, first)).items) == 4
