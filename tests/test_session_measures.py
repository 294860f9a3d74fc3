"""The measures of shared power (session/measures.py), on meetings worked out by hand."""

from datetime import UTC, datetime, timedelta

import pytest

from session.checkout import DEFAULT_QUESTIONS, give_checkout
from session.errors import DomainError
from session.events import (
    ActionRecorded,
    BreakEnded,
    BreakStarted,
    CheckoutGiven,
    DecisionRecorded,
    Event,
    ItemAdded,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    Recorded,
    RoleHanded,
    TurnEnded,
    TurnStarted,
    Undone,
)
from session.live import LiveState, fold
from session.measures import NOBODY_NAMED, gini, measure
from session.setup import DEFAULT_PERSPECTIVES, Member

T0 = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
MEMBERS = [
    Member("ann", "g", "Ann", "lived experience"),
    Member("bob", "g", "Bob", "carer or family"),
    Member("cat", "g", "Cat", "professional"),
    Member("dan", "g", "Dan", "professional"),
    Member("eve", "g", "Eve", "lived experience"),
]
HEARD, PACE = "Heard?", "Pace?"


def meeting(*timed: tuple[float, Event | list[Event]]) -> LiveState:
    """Fold events given as (seconds after T0, event or one batch of events)."""
    log: list[Recorded] = []
    for seconds, events in timed:
        batch = len(log) + 1
        for event in events if isinstance(events, list) else [events]:
            log.append(Recorded(len(log) + 1, batch, T0 + timedelta(seconds=seconds), event))
    return fold("m", log)


AGENDA: list[tuple[float, Event | list[Event]]] = [
    (0, ItemAdded("i1", "Transport", "ann", 10)),
    (0, ItemAdded("i2", "Respite", "cat", 20)),
    (0, ItemAdded("i3", "Any other business", None, 5)),
]


def worked_example() -> LiveState:
    """Four present (Eve is not). Ann speaks 120 s then 60 s; Cat 60 s, a 300 s break, 60 s,
    then 240 s. Bob and Dan say nothing. Item 1 runs 0-600 less the break; item 2 600-1200."""
    return meeting(
        *AGENDA,
        (0, [MeetingStarted(("ann", "bob", "cat", "dan")), ItemOpened("i1")]),
        (0, RoleHanded("minute-taker", "bob")),
        (60, TurnStarted("ann")),
        (180, [TurnEnded(), TurnStarted("cat")]),
        (240, BreakStarted()),
        (540, BreakEnded()),
        (600, TurnEnded()),
        (600, ItemOpened("i2")),
        (600, RoleHanded("minute-taker", "cat")),
        (660, TurnStarted("cat")),
        (900, TurnEnded()),
        (900, DecisionRecorded("d1", "i2", "Write to the provider", "consensus")),
        (900, ActionRecorded("a1", "i2", "Draft the letter", "ann", "2026-12-10")),
        (900, ActionRecorded("a2", "i2", "Send the letter", "cat", "2026-12-17")),
        (900, TurnStarted("ann")),
        (960, TurnEnded()),
        (1000, CheckoutGiven("ann", (HEARD, PACE), ("no", "no"))),
        (1010, CheckoutGiven("ann", (HEARD, PACE), ("yes", "no"), "co-design")),
        (1020, CheckoutGiven("bob", (HEARD, PACE), ("partly", "pass"))),
        (1200, MeetingEnded()),
    )


def test_gini_on_small_hand_worked_lists() -> None:
    assert gini([1, 2, 3, 4]) == pytest.approx(0.25)  # 20 / (2 * 4 * 10)
    assert gini([1, 0]) == pytest.approx(0.5)
    assert gini([7, 7, 7]) == 0
    assert gini([5]) == 0


def test_gini_is_not_measurable_when_there_is_nothing_to_share() -> None:
    assert gini([]) is None
    assert gini([0, 0, 0]) is None


def test_speaking_time_and_turns_by_person() -> None:
    measures = measure(worked_example(), MEMBERS, T0)

    rows = [(p.member_id, p.turns, p.seconds, p.present) for p in measures.people]
    assert rows == [
        ("cat", 2, 360, True),
        ("ann", 2, 180, True),
        ("bob", 0, 0, True),
        ("dan", 0, 0, True),
    ]
    assert measures.present == 4
    assert measures.turns == 4
    assert measures.speaking_seconds == 540


def test_evenness_counts_everyone_present_including_the_silent() -> None:
    measures = measure(worked_example(), MEMBERS, T0)

    # |360-180| + 2 * 360 + 2 * 180 = 1260 per unordered pair set; 2520 / (2 * 4 * 540)
    assert measures.gini == pytest.approx(7 / 12)
    assert measures.share_who_spoke == 0.5


def test_speaking_by_perspective_in_the_groups_order() -> None:
    measures = measure(worked_example(), MEMBERS, T0, perspectives=DEFAULT_PERSPECTIVES)

    rows = [(p.perspective, p.people, p.spoke, p.turns, p.seconds) for p in measures.perspectives]
    assert rows == [
        ("lived experience", 1, 1, 2, 180),
        ("carer or family", 1, 0, 0, 0),
        ("professional", 2, 1, 2, 360),
    ]
    assert [p.share for p in measures.perspectives] == pytest.approx([1 / 3, 0, 2 / 3])


def test_agenda_items_by_proposers_perspective_and_the_time_they_got() -> None:
    measures = measure(worked_example(), MEMBERS, T0, perspectives=DEFAULT_PERSPECTIVES)

    items = [(i.title, i.perspective, i.seconds, i.decisions, i.actions) for i in measures.items]
    assert items == [
        ("Transport", "lived experience", 300, 0, 0),
        ("Respite", "professional", 600, 1, 2),
        ("Any other business", NOBODY_NAMED, 0, 0, 0),
    ]
    rows = [(p.perspective, p.items, p.seconds, p.decisions) for p in measures.proposers]
    assert rows == [
        ("lived experience", 1, 300, 0),
        ("professional", 1, 600, 1),
        (NOBODY_NAMED, 1, 0, 0),
    ]
    assert [p.share for p in measures.proposers] == pytest.approx([1 / 3, 2 / 3, 0])


def test_who_held_which_role_and_for_how_long() -> None:
    measures = measure(worked_example(), MEMBERS, T0)

    assert [(r.role, r.member_id, r.seconds) for r in measures.roles] == [
        ("minute-taker", "bob", 600),
        ("minute-taker", "cat", 600),
    ]


def test_actions_by_owner_and_how_many_are_done() -> None:
    measures = measure(worked_example(), MEMBERS, T0, done_actions={"a1"})

    assert [(a.member_id, a.actions, a.done) for a in measures.actions] == [
        ("ann", 1, 1),
        ("cat", 1, 0),
    ]


def test_check_out_answers_are_counted_with_a_later_answer_replacing_an_earlier() -> None:
    measures = measure(worked_example(), MEMBERS, T0)

    heard, pace = measures.checkout
    assert measures.checked_out == 2
    assert (heard.question, heard.count("yes"), heard.count("partly"), heard.count("no")) == (
        HEARD,
        1,
        1,
        0,
    )
    assert heard.yes_share == 0.5
    assert (pace.count("no"), pace.count("pass"), pace.answered, pace.yes_share) == (1, 1, 1, 0)
    assert dict(measures.ladder) == {
        "coercion": 0,
        "educating": 0,
        "informing": 0,
        "consultation": 0,
        "engagement": 0,
        "co-design": 1,
        "co-production": 0,
    }


def test_one_person_spoke_the_whole_time() -> None:
    state = meeting(
        *AGENDA,
        (0, [MeetingStarted(("ann", "bob", "cat")), ItemOpened("i1")]),
        (0, TurnStarted("ann")),
        (600, MeetingEnded()),  # ends her turn too
    )
    measures = measure(state, MEMBERS, T0 + timedelta(hours=5))

    assert [(p.member_id, p.seconds) for p in measures.people] == [
        ("ann", 600),
        ("bob", 0),
        ("cat", 0),
    ]
    assert measures.gini == pytest.approx(2 / 3)  # (n - 1) / n: as uneven as it can be
    assert measures.share_who_spoke == pytest.approx(1 / 3)
    assert [(p.perspective, p.share) for p in measures.perspectives] == [
        ("carer or family", 0),
        ("lived experience", 1),
        ("professional", 0),
    ]


def test_nobody_spoke() -> None:
    state = meeting(
        *AGENDA,
        (0, [MeetingStarted(("ann", "bob")), ItemOpened("i1")]),
        (900, MeetingEnded()),
    )
    measures = measure(state, MEMBERS, T0)

    assert measures.speaking_seconds == 0
    assert measures.gini is None
    assert measures.share_who_spoke == 0
    assert all(p.share is None for p in measures.perspectives)
    assert measures.items[0].seconds == 900


def test_a_meeting_not_started_has_nobody_to_measure() -> None:
    measures = measure(meeting(*AGENDA), MEMBERS, T0)

    assert (measures.present, measures.people, measures.gini, measures.share_who_spoke) == (
        0,
        (),
        None,
        None,
    )
    assert [p.share for p in measures.proposers] == [None, None, None]


def test_a_turn_still_running_counts_up_to_now() -> None:
    state = meeting(
        *AGENDA,
        (0, [MeetingStarted(("ann",)), ItemOpened("i1")]),
        (100, TurnStarted("ann")),
    )
    measures = measure(state, MEMBERS, T0 + timedelta(seconds=250))

    assert [(p.turns, p.seconds) for p in measures.people] == [(1, 150)]


def test_someone_not_on_the_list_still_counts() -> None:
    state = meeting(
        *AGENDA,
        (0, [MeetingStarted(("ann",)), ItemOpened("i1")]),
        (0, TurnStarted("stranger")),
        (30, MeetingEnded()),
    )
    measures = measure(state, MEMBERS, T0)

    assert [(p.member_id, p.perspective, p.present) for p in measures.people] == [
        ("stranger", "not on the group's list", False),
        ("ann", "lived experience", True),
    ]


def test_undone_check_out_is_not_counted() -> None:
    log = [
        Recorded(1, 1, T0, MeetingStarted(("ann",))),
        Recorded(2, 2, T0, CheckoutGiven("ann", (HEARD,), ("yes",))),
        Recorded(3, 3, T0, Undone(2)),
    ]
    assert measure(fold("m", log), MEMBERS, T0).checked_out == 0


def test_check_out_refuses_what_is_not_on_the_scale() -> None:
    started = meeting((0, MeetingStarted(("ann",))))
    with pytest.raises(DomainError, match="not an answer"):
        give_checkout(started, "ann", DEFAULT_QUESTIONS, ("yes", "maybe", "no"))
    with pytest.raises(DomainError, match="one answer, or a pass, for each"):
        give_checkout(started, "ann", DEFAULT_QUESTIONS, ("yes",))
    with pytest.raises(DomainError, match="not a rung"):
        give_checkout(started, "ann", DEFAULT_QUESTIONS, ("yes", "yes", "yes"), "top")
    with pytest.raises(DomainError, match="once the meeting has started"):
        give_checkout(meeting(), "ann", DEFAULT_QUESTIONS, ("yes", "yes", "yes"))
    given = give_checkout(started, "ann", DEFAULT_QUESTIONS, ("pass", "pass", "no"), "informing")
    assert given == [CheckoutGiven("ann", DEFAULT_QUESTIONS, ("pass", "pass", "no"), "informing")]
