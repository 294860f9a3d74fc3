"""The SQL views for the evaluation measures agree with the measures the reports use."""

from datetime import UTC, datetime, timedelta

import pytest

from session.clock import FrozenClock
from session.events import (
    BreakEnded,
    BreakStarted,
    CheckoutGiven,
    Event,
    ItemAdded,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    RoleHanded,
    TurnEnded,
    TurnPaused,
    TurnResumed,
    TurnStarted,
    Undone,
)
from session.live import fold
from session.measures import measure
from session.setup import new_group, new_meeting, new_member
from store.db import memory_db
from store.demo import DEMO_GROUP, create_demo
from store.demo_history import create_demo_history
from store.evaluation import group_records
from store.log import append, load
from store.records import find_group, members_of, save_group, save_meeting, save_member

T0 = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def test_speaking_time_by_person_matches_the_reports_on_the_demo_history() -> None:
    db, clock = memory_db(), FrozenClock(T0)
    create_demo(db, clock)
    create_demo_history(db, DEMO_GROUP, clock)
    group = find_group(db, DEMO_GROUP)
    for record in group_records(db, group.id, clock):
        from_view = {
            row["member_id"]: (row["turns"], row["seconds"])
            for row in db.query(
                "SELECT * FROM speaking_by_person WHERE meeting_id = ?", [record.meeting.id]
            )
        }
        assert from_view == {p.member_id: (p.turns, p.seconds) for p in record.measures.people}


def test_breaks_and_paused_turns_are_left_out_as_in_the_measures() -> None:
    db, clock = memory_db(), FrozenClock(T0)
    group = new_group("Forum")
    save_group(db, group, clock)
    ann, bob = (new_member(group, n, "lived experience") for n in ("Ann", "Bob"))
    for member in (ann, bob):
        save_member(db, member, clock)
    meeting = new_meeting(group, "M", datetime(2026, 12, 3, 14), "Hall", "hybrid", 60)
    save_meeting(db, meeting, clock)
    timed: list[tuple[float, Event]] = [
        (0, ItemAdded("i1", "Transport", ann.id, 10)),
        (0, MeetingStarted((ann.id, bob.id))),
        (0, ItemOpened("i1")),
        (0, RoleHanded("minute-taker", bob.id)),
        (10, TurnStarted(ann.id)),
        (70, BreakStarted()),  # 60 s spoken so far
        (370, BreakEnded()),
        (400, TurnPaused()),  # 30 s more
        (460, TurnResumed()),
        (480, TurnEnded()),  # 20 s more: 110 s
        (500, TurnStarted(bob.id)),
        (530, TurnEnded()),  # undone below, so not counted
        (600, MeetingEnded()),
    ]
    for seconds, event in timed:
        append(db, meeting.id, [event], T0 + timedelta(seconds=seconds))
    bob_batch = db.execute("SELECT batch FROM events WHERE kind = 'turn_started'").fetchall()[1]
    append(db, meeting.id, [Undone(bob_batch[0])], T0 + timedelta(seconds=610))
    append(
        db,
        meeting.id,
        [CheckoutGiven(ann.id, ("Heard?",), ("no",)), CheckoutGiven(ann.id, ("Heard?",), ("yes",))],
        T0 + timedelta(seconds=620),
    )

    measures = measure(fold(meeting.id, load(db, meeting.id)), members_of(db, group.id), T0)
    rows = {
        r["name"]: (r["turns"], r["seconds"]) for r in db.query("SELECT * FROM speaking_by_person")
    }

    assert rows == {"Ann": (1, 110.0), "Bob": (0, 0.0)}
    assert {p.member_id: p.seconds for p in measures.people} == pytest.approx(
        {ann.id: 110, bob.id: 0}
    )
    share = list(db.query("SELECT perspective, spoke, share FROM speaking_by_perspective"))
    assert share == [{"perspective": "lived experience", "spoke": 1, "share": 1.0}]
    spells = list(db.query("SELECT member_id, since, until FROM role_spells"))
    assert [(s["member_id"], s["until"]) for s in spells] == [
        (bob.id, (T0 + timedelta(seconds=600)).isoformat())
    ]
    answers = list(db.query("SELECT member_id, question, answer FROM checkout_answers"))
    assert answers == [{"member_id": ann.id, "question": "Heard?", "answer": "yes"}]
