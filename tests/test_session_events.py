"""Events as data (session/events.py), the stopwatch, the frozen clock and ids."""

import copy
import json
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from session.changes import CHANGE_EVENT_TYPES
from session.clock import FrozenClock, system_clock
from session.events import (
    EVENT_TYPES,
    ActionRecorded,
    BreakEnded,
    BreakStarted,
    CheckoutGiven,
    DecisionRecorded,
    Event,
    HandLowered,
    HandRaised,
    Interjected,
    ItemAdded,
    ItemMoved,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    NoteWritten,
    OrderOverridden,
    Passed,
    PutBack,
    QueuePolicyChosen,
    ReadBackAgreed,
    RecordAmended,
    RoleHanded,
    RolePassed,
    RotationSet,
    RoundStarted,
    SignalCleared,
    TurnEnded,
    TurnLimitSet,
    TurnPaused,
    TurnResumed,
    TurnStarted,
    Undone,
    Volunteered,
    WordDefined,
    from_data,
    to_data,
)
from session.ids import new_id, short
from session.plan_events import PLAN_EVENT_TYPES
from session.stopwatch import Stopwatch

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)

ONE_OF_EACH: list[Event] = [
    ItemAdded("i1", "[bold]Transport[/]", "ann", 15),
    ItemAdded("i2", "No proposer", None, 5),
    ItemAdded("i3", "From two issues", "ann", 10, ("s1", "s2")),
    ItemMoved("i3", 0, "bob", "[urgent] the bus pass ends"),
    ItemMoved("i2", 1, None, "Actions review comes first"),
    MeetingStarted(("ann", "bob")),
    MeetingStarted(()),
    ItemOpened("i1"),
    HandRaised("ann"),
    HandLowered("ann"),
    TurnStarted("bob"),
    TurnEnded(),
    NoteWritten("n1", "i1", "\x1b[31mred\x1b[0m and émigré 🤝", "cat"),
    NoteWritten("n2", None, "No item", "cat"),
    RoleHanded("minute-taker", "cat"),
    DecisionRecorded("d1", "i1", "Agreed", "vote", 5, 2, 1, 0, "[cost]"),
    DecisionRecorded("d2", None, "Later", "deferred"),
    ActionRecorded("a1", "i1", "Ring the council", "bob", "2026-12-04"),
    BreakStarted(),
    BreakEnded(),
    MeetingEnded(),
    CheckoutGiven("ann", ("Did you feel heard?", "Pace?"), ("yes", "pass"), "co-design"),
    CheckoutGiven("bob", ("Heard?",), ("no",)),
    TurnStarted("ann", "j1"),
    TurnPaused(),
    TurnResumed(),
    QueuePolicyChosen("i1", "progressive", ("lived experience",)),
    QueuePolicyChosen("i2", "first-come"),
    TurnLimitSet(150),
    OrderOverridden("bob", "[answer] the point", "ann"),
    OrderOverridden("bob", "nobody else waiting", None),
    PutBack("ann"),
    Interjected("j1", "cat", "jargon", "[s117] aftercare"),
    Interjected("j2", "cat", "break"),
    SignalCleared("j2"),
    WordDefined("[s117] aftercare", "Free help after leaving hospital"),
    RoundStarted("i1", 2, ("bob", "ann", "cat")),
    Passed("cat"),
    RotationSet("minute-taker", "minutes", 20),
    Volunteered("chair", "ann"),
    RolePassed("timekeeper", "bob"),
    ReadBackAgreed("i1", ("n1", "d1")),
    ReadBackAgreed(None, ()),
    RecordAmended("n1", "Late four times", "miscounted"),
    Undone(7),
]


def test_every_event_type_is_registered_under_its_kind() -> None:
    assert {type(e) for e in ONE_OF_EACH} == set(EVENT_TYPES.values())
    assert all(EVENT_TYPES[cls.kind] is cls for cls in EVENT_TYPES.values())


@pytest.mark.parametrize("event", ONE_OF_EACH, ids=lambda e: type(e).__name__)
def test_events_round_trip_through_json(event: Event) -> None:
    data = json.loads(json.dumps(to_data(event), ensure_ascii=False))
    assert from_data(event.kind, data) == event


def test_from_data_ignores_fields_it_does_not_know() -> None:
    data = {"member_id": "ann", "added_later": 1}
    assert from_data("hand_raised", data) == HandRaised("ann")


def test_from_data_uses_defaults_for_fields_added_later() -> None:
    data = {"decision_id": "d", "item_id": None, "text": "Agreed", "method": "consensus"}
    assert from_data("decision_recorded", data) == DecisionRecorded(
        "d", None, "Agreed", "consensus"
    )


def test_an_agenda_item_logged_before_issues_existed_loads_with_none() -> None:
    data = {"item_id": "i", "title": "Old", "proposed_by": None, "timebox_minutes": 5}
    assert from_data("item_added", data) == ItemAdded("i", "Old", None, 5, ())


def test_from_data_refuses_an_unknown_kind() -> None:
    with pytest.raises(KeyError):
        from_data("tea_served", {})


def test_stopwatch_runs_pauses_and_resumes() -> None:
    watch = Stopwatch()
    assert watch.elapsed(T0) == 0
    assert not watch.running
    watch = watch.start(T0)
    assert watch.running
    assert watch.elapsed(T0 + timedelta(seconds=30)) == 30
    watch = watch.stop(T0 + timedelta(seconds=30))
    assert not watch.running
    assert watch.elapsed(T0 + timedelta(hours=1)) == 30
    watch = watch.start(T0 + timedelta(seconds=100)).start(T0 + timedelta(seconds=200))
    assert watch.elapsed(T0 + timedelta(seconds=110)) == 40  # starting twice keeps the first


def test_stopwatch_never_counts_backwards() -> None:
    watch = Stopwatch(banked=5).start(T0)
    assert watch.elapsed(T0 - timedelta(seconds=60)) == 5


def test_frozen_clock_moves_only_when_told() -> None:
    clock = FrozenClock(T0)
    assert clock() == clock() == T0
    clock.advance(1.5)
    assert clock() == T0 + timedelta(seconds=1.5)


def test_system_clock_is_timezone_aware() -> None:
    assert system_clock().tzinfo is not None


def test_ids_are_unique_hex_and_shorten_to_eight() -> None:
    ids = {new_id() for _ in range(100)}
    assert len(ids) == 100
    some = ids.pop()
    assert len(some) == 32 and int(some, 16) >= 0
    assert short(some) == some[:8]


@pytest.mark.parametrize(
    "data",
    [
        {"item_id": "i1", "record_ids": ["n1"]},
        {"item_id": "i1", "record_ids": ["n1"], "added_later": 1},
    ],
)
def test_from_data_leaves_the_data_it_reads_as_it_was(data: dict[str, Any]) -> None:
    given = copy.deepcopy(data)
    assert from_data("read_back_agreed", data) == ReadBackAgreed("i1", ("n1",))
    assert data == given


SAMPLES: dict[object, object] = {
    str: "text",
    int: 3,
    bool: True,
    str | None: "text",
    int | None: 3,
    tuple[str, ...]: ("one", "two"),
    dict[str, str]: {"step-free": "yes"},
}


@pytest.mark.parametrize(
    ("kind", "types"),
    [
        (kind, types)
        for types in (EVENT_TYPES, PLAN_EVENT_TYPES, CHANGE_EVENT_TYPES)
        for kind in types
    ],
)
def test_every_kind_of_every_log_round_trips_through_json(
    kind: str, types: dict[str, type[Event]]
) -> None:
    """Lists come back as the event's tuples, whatever kind and whichever log."""
    cls = types[kind]
    event = cls(**{f.name: SAMPLES[f.type] for f in fields(cls)})
    data = json.loads(json.dumps(to_data(event), ensure_ascii=False))
    assert from_data(kind, data, types) == event
