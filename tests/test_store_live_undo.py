"""Undo goes back to a kept state rather than folding the whole log again: whatever mix of
actions and undos, from one device or two, the state must equal the fold of the log."""

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from session import live
from session.clock import FrozenClock
from session.errors import DomainError
from session.events import Event
from session.live import MINUTE_TAKER, LiveState, fold
from session.setup import new_group, new_meeting, new_member
from store import records
from store.db import memory_db
from store.live import LiveMeeting
from store.log import load

START = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
Command = Callable[[LiveState], list[Event]]


def meeting() -> tuple[LiveMeeting, LiveMeeting, list[str], FrozenClock]:
    clock = FrozenClock(START)
    db = memory_db()
    group = new_group("Forum")
    records.save_group(db, group, clock)
    people = [new_member(group, name, "other") for name in ("Ann", "Bob", "Cat")]
    for person in people:
        records.save_member(db, person, clock)
    planned = new_meeting(group, "M", START.replace(tzinfo=None), "Hall", "online", 60)
    records.save_meeting(db, planned, clock)
    projector = LiveMeeting(db, planned.id, clock)
    for title in ("One", "Two", "Three"):
        projector.do(lambda s, t=title: live.add_item(s, t, None, 10))
    ids = [p.id for p in people]
    projector.do(lambda s: live.start_meeting(s, ids))
    projector.do(lambda s: live.hand_role(s, MINUTE_TAKER, ids[0]))
    return projector, LiveMeeting(db, planned.id, clock), ids, clock


def commands(ids: list[str]) -> list[Command]:
    return [
        *(lambda s, m=m: live.raise_hand(s, m) for m in ids),
        live.next_speaker,
        live.end_turn,
        lambda s: live.move_item(s, +1),
        lambda s: live.move_item(s, -1),
        lambda s: live.write_note(s, "noted"),
        live.start_break,
        live.end_break,
        live.undo,
        live.undo,
    ]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 11), st.booleans(), st.integers(0, 90)), max_size=40))
def test_after_any_actions_and_undos_the_state_is_the_fold_of_the_log(
    steps: list[tuple[int, bool, int]],
) -> None:
    projector, device, ids, clock = meeting()
    available = commands(ids)
    for which, on_device, seconds in steps:
        clock.advance(seconds)
        with contextlib.suppress(DomainError):
            (device if on_device else projector).do(available[which])
    log = load(projector.db, projector.meeting_id)
    projector.refresh()
    device.refresh()
    assert projector.state == fold(projector.meeting_id, log)
    assert device.state == fold(projector.meeting_id, log)
