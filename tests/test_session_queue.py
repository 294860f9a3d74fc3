"""Fair turn-taking (session/queue.py, session/turns.py): each policy's order and reasons, waits,
the soft time limit, overrides, interjections, rounds; and properties that hold for any
sequence of actions: nobody queued is lost or duplicated, every started turn ends exactly once,
a round gives everyone present exactly one turn or pass."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from session import live, turns
from session.errors import DomainError
from session.events import Passed, TurnStarted, Undone
from session.live import suggested_queue
from session.queue import (
    FEWEST_MINUTES,
    FIRST_COME,
    ITEM_FIRST,
    PROGRESSIVE,
    ROUND,
    Waiting,
    order,
    round_order,
    time_warning,
    turn_limit,
    wait_words,
)
from session.setup import Member
from session.signals import BREAK, CLARIFY, JARGON, PROCESS, SIGNALS, SLOW
from tests.test_session_live import Meeting, started

PEOPLE = ("ann", "bob", "cat", "dan", "eve", "fay")
LIVED = {"ann", "cat", "eve"}
MEMBERS = [
    Member(m, "g", m.title(), "lived experience" if m in LIVED else "professional") for m in PEOPLE
]


def reasons(m: Meeting) -> list[tuple[str, str]]:
    return [(p.member_id, p.reason) for p in suggested_queue(m.state, MEMBERS)]


def meeting() -> Meeting:
    return started("Transport", "Respite", present=PEOPLE)


def hands(m: Meeting, *people: str) -> None:
    for person in people:
        m.do(live.raise_hand, person)


def speak(m: Meeting, seconds: float) -> None:
    m.do(live.next_speaker, MEMBERS)
    m.advance(seconds)


# --- the policies, one at a time -------------------------------------------------------------


def test_first_come_first_served_says_when_each_asked() -> None:
    m = meeting()
    hands(m, "bob", "ann", "cat")
    assert reasons(m) == [("bob", "asked 1st"), ("ann", "asked 2nd"), ("cat", "asked 3rd")]


def test_not_yet_spoken_on_this_item_goes_first() -> None:
    m = meeting()
    hands(m, "bob")
    speak(m, 60)
    m.do(live.end_turn)
    hands(m, "bob", "cat")
    m.do(turns.choose_policy, ITEM_FIRST)
    assert reasons(m) == [
        ("cat", "has not spoken on this item yet"),
        ("bob", "has spoken on this item once"),
    ]


def test_speaking_on_an_earlier_item_does_not_count_against_someone() -> None:
    m = meeting()
    hands(m, "bob")
    speak(m, 60)
    m.do(live.move_item, 1)
    m.do(live.end_turn)
    hands(m, "cat", "bob")
    m.do(turns.choose_policy, ITEM_FIRST)
    assert [r for _, r in reasons(m)] == ["has not spoken on this item yet"] * 2


def test_fewest_minutes_says_how_much_each_has_said() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    speak(m, 200)
    speak(m, 20)
    m.do(live.end_turn)
    hands(m, "bob", "ann", "cat")
    m.do(turns.choose_policy, FEWEST_MINUTES)
    assert reasons(m) == [
        ("cat", "has not spoken yet"),
        ("ann", "under 1 min so far"),
        ("bob", "3 min so far"),
    ]


def test_a_progressive_stack_puts_lived_experience_ahead_at_equal_standing() -> None:
    m = meeting()
    hands(m, "cat")
    speak(m, 30)
    m.do(live.end_turn)
    hands(m, "bob", "cat", "dan", "ann", "fay", "eve")
    m.do(turns.choose_policy, PROGRESSIVE, ("lived experience",))
    assert reasons(m) == [
        ("ann", "has not spoken on this item yet · lived experience first"),
        ("eve", "has not spoken on this item yet · lived experience first"),
        ("bob", "has not spoken on this item yet"),
        ("dan", "has not spoken on this item yet"),
        ("fay", "has not spoken on this item yet"),
        ("cat", "has spoken on this item once · lived experience first"),
    ]


def test_the_policy_belongs_to_the_item() -> None:
    m = meeting()
    m.do(turns.choose_policy, FEWEST_MINUTES)
    m.do(live.move_item, 1)
    assert m.state.policy.policy == FIRST_COME
    m.do(live.move_item, -1)
    assert m.state.policy.policy == FEWEST_MINUTES


def test_an_unknown_policy_is_refused() -> None:
    assert "Choose one of these speaking orders" in meeting().refused(
        turns.choose_policy, "loudest first"
    )


def test_the_next_speaker_is_the_first_in_the_suggested_order() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    m.do(turns.choose_policy, PROGRESSIVE, ("lived experience",))
    m.do(live.next_speaker, MEMBERS)
    assert m.state.speaker == "ann"


# --- waits and the time limit ------------------------------------------------------------


def test_waits_count_a_typical_turn_for_each_person_ahead() -> None:
    m = meeting()
    hands(m, "bob", "ann", "cat", "dan")
    speak(m, 120)
    speak(m, 60)  # typical turn so far: 120 s; ann has spoken 60 of it
    places = suggested_queue(m.state, MEMBERS, m.clock())
    assert [(p.member_id, wait_words(p.wait_seconds)) for p in places] == [
        ("cat", "~1 min"),
        ("dan", "~3 min"),
    ]
    assert wait_words(10) == "next"


def test_extra_time_doubles_the_soft_limit() -> None:
    assert turn_limit(120, extra_time=False) == 120
    assert turn_limit(120, extra_time=True) == 240


@pytest.mark.parametrize(
    ("elapsed", "warning"),
    [
        (0, ""),
        (89, ""),
        (90, "⏳ 30 s left of 2 min"),
        (119.5, "⏳ 1 s left of 2 min"),
        (120, "⏰ past 2 min: finish when you are ready"),
        (600, "⏰ past 2 min: finish when you are ready"),
    ],
)
def test_the_time_warning_comes_in_the_last_30_seconds_and_never_cuts_off(
    elapsed: float, warning: str
) -> None:
    assert time_warning(elapsed, 120) == warning


def test_the_group_sets_the_soft_limit() -> None:
    m = meeting()
    m.do(turns.set_turn_limit, 3)
    assert m.state.turn_limit == 180
    assert "from 0.5 to 30" in m.refused(turns.set_turn_limit, 0)


def test_a_paused_turn_stops_its_clock() -> None:
    m = meeting()
    hands(m, "bob")
    speak(m, 30)
    m.do(turns.pause_or_resume_turn)
    m.advance(100)
    assert m.state.turn_clock.elapsed(m.clock()) == 30
    m.do(turns.pause_or_resume_turn)
    m.advance(5)
    m.do(live.end_turn)
    assert m.state.turns[-1].seconds == 35


def test_a_paused_turn_stays_paused_after_a_break() -> None:
    m = meeting()
    hands(m, "bob")
    speak(m, 30)
    m.do(turns.pause_or_resume_turn)
    m.do(live.start_break)
    m.do(live.end_break)
    m.advance(50)
    assert m.state.turn_clock.elapsed(m.clock()) == 30


# --- overrides, putting back, interjections ------------------------------------------------


def test_an_override_moves_someone_up_with_its_reason_and_is_recorded() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    m.do(turns.override_order, "ann", "she has to leave at 3")
    assert reasons(m)[0] == ("ann", "moved up by the facilitator: she has to leave at 3")
    [override] = m.state.overrides
    assert (override.member_id, override.suggested) == ("ann", "bob")
    m.do(live.next_speaker, MEMBERS)
    assert m.state.speaker == "ann"
    assert reasons(m) == [("bob", "asked 1st")]


def test_an_override_needs_a_reason_and_someone_not_already_next() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    assert "can't be left empty" in m.refused(turns.override_order, "ann", "  ")
    assert m.refused(turns.override_order, "bob", "why") == (
        "They are already next in the suggested order."
    )


def test_the_last_speaker_can_be_put_back_at_the_front() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    speak(m, 30)
    m.do(live.end_turn)
    m.do(turns.put_back)
    assert reasons(m)[0] == ("bob", "put back to finish their turn")


def test_a_point_of_process_jumps_the_queue_and_the_speaker_is_put_back() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    speak(m, 30)
    m.do(turns.interject, "cat", PROCESS)
    assert reasons(m)[0] == ("cat", "⚑ Point of process")
    m.do(live.next_speaker, MEMBERS)
    assert m.state.speaker == "cat"
    assert reasons(m) == [("bob", "put back to finish their turn"), ("ann", "asked 1st")]
    m.advance(10)
    m.do(live.next_speaker, MEMBERS)
    assert m.state.speaker == "bob"
    assert [(t.member_id, t.signal) for t in m.state.turns] == [("bob", ""), ("cat", PROCESS)]


def test_an_interjection_does_not_cost_its_maker_their_place() -> None:
    m = meeting()
    hands(m, "bob", "ann")
    m.do(turns.interject, "ann", CLARIFY)
    m.do(live.next_speaker, MEMBERS)
    m.do(live.end_turn)
    assert [p for p, _ in reasons(m)] == ["bob", "ann"]


@pytest.mark.parametrize("signal", [SLOW, BREAK, JARGON])
def test_signals_that_do_not_ask_to_speak_stay_out_of_the_queue(signal: str) -> None:
    m = meeting()
    m.do(turns.interject, "cat", signal, "care package")
    assert reasons(m) == []
    [shown] = m.state.signals
    m.do(turns.clear_signal, shown.id)
    assert m.state.signals == ()
    assert len(m.state.interjections) == 1


def test_jargon_goes_into_the_glossary_once_to_get_a_plain_definition() -> None:
    m = meeting()
    m.do(turns.interject, "cat", JARGON, "Section 117")
    m.do(turns.interject, "ann", JARGON, "section 117")
    [word] = m.state.glossary
    assert (word.word, word.definition, word.flagged_by) == ("Section 117", "", "cat")
    m.do(turns.define_word, "section 117", "Free aftercare after a hospital stay")
    assert m.state.glossary[0].definition == "Free aftercare after a hospital stay"


def test_jargon_needs_the_word() -> None:
    assert "the word that needs plain words" in meeting().refused(
        turns.interject, "cat", JARGON, ""
    )


def test_taking_a_break_answers_i_need_a_break() -> None:
    m = meeting()
    m.do(turns.interject, "cat", BREAK)
    m.do(live.start_break)
    assert m.state.signals == ()


def test_every_signal_has_words_and_a_symbol() -> None:
    for signal in SIGNALS.values():
        assert signal.words and signal.symbol and signal.label.startswith(signal.symbol)


# --- rounds -----------------------------------------------------------------------------------


def test_a_round_lists_everyone_with_their_place() -> None:
    m = meeting()
    m.do(turns.choose_policy, ROUND, (), MEMBERS)
    assert reasons(m)[:2] == [("ann", "round: 1 of 6"), ("bob", "round: 2 of 6")]
    m.do(live.next_speaker, MEMBERS)
    m.do(turns.pass_turn)
    assert reasons(m)[0] == ("cat", "round: 3 of 6")
    assert m.state.round is not None and m.state.round.passed == ("bob",)


def test_hands_raised_during_a_round_come_after_it() -> None:
    m = meeting()
    m.do(turns.choose_policy, ROUND, (), MEMBERS)
    for _ in PEOPLE[:-1]:
        m.do(turns.pass_turn)
    hands(m, "ann")
    assert reasons(m) == [("fay", "round: 6 of 6"), ("ann", "after the round: asked 1st")]


def test_each_new_round_starts_elsewhere_and_turns_the_other_way() -> None:
    assert round_order("abcd", 1) == tuple("abcd")
    assert round_order("abcd", 2) == tuple("badc")
    assert round_order("abcd", 3) == tuple("cdab")


def test_a_second_round_only_once_the_first_is_done() -> None:
    m = meeting()
    m.do(turns.choose_policy, ROUND, (), MEMBERS)
    assert "already going" in m.refused(turns.start_round, MEMBERS)
    for _ in PEOPLE:
        m.do(turns.pass_turn)
    m.do(turns.start_round, MEMBERS)
    assert m.state.round is not None and m.state.round.number == 2


@given(st.lists(st.sampled_from("abcdefgh"), min_size=2, max_size=8, unique=True))
def test_nobody_is_last_in_every_round(people: list[str]) -> None:
    rounds = [round_order(people, n) for n in range(1, len(people) + 1)]
    assert all(sorted(r) == sorted(people) for r in rounds)
    assert len({r[-1] for r in rounds}) > 1


@given(
    st.lists(
        st.builds(
            Waiting,
            st.sampled_from(PEOPLE),
            st.integers(1, 50),
            st.integers(0, 3),
            st.floats(0, 3600),
            st.sampled_from(["", "lived experience"]),
        ),
        unique_by=lambda w: w.member_id,
    ),
    st.sampled_from([FIRST_COME, ITEM_FIRST, FEWEST_MINUTES, PROGRESSIVE]),
)
def test_every_policy_orders_everyone_waiting_once(waiting: list[Waiting], policy: str) -> None:
    placed = [p.member_id for p in order(policy, waiting)]
    assert sorted(placed) == sorted(w.member_id for w in waiting)


# --- properties of any sequence of actions -------------------------------------------------

ACTIONS = st.lists(
    st.one_of(
        st.tuples(st.just("hand"), st.sampled_from(PEOPLE)),
        st.tuples(st.just("lower"), st.sampled_from(PEOPLE)),
        st.tuples(st.just("next"), st.just("")),
        st.tuples(st.just("end"), st.just("")),
        st.tuples(st.just("override"), st.sampled_from(PEOPLE)),
        st.tuples(st.just("put back"), st.just("")),
        st.tuples(st.just("interject"), st.sampled_from(PEOPLE)),
        st.tuples(st.just("policy"), st.sampled_from([FIRST_COME, ITEM_FIRST, PROGRESSIVE])),
        st.tuples(st.just("round"), st.just("")),
        st.tuples(st.just("pass"), st.just("")),
        st.tuples(st.just("item"), st.sampled_from(["+", "-"])),
        st.tuples(st.just("undo"), st.just("")),
        st.tuples(st.just("break"), st.just("")),
    ),
    max_size=40,
)


def attempt(m: Meeting, action: str, arg: str) -> None:
    commands = {
        "hand": lambda: m.do(live.raise_hand, arg),
        "lower": lambda: m.do(live.lower_hand, arg),
        "next": lambda: m.do(live.next_speaker, MEMBERS),
        "end": lambda: m.do(live.end_turn),
        "override": lambda: m.do(turns.override_order, arg, "a reason", MEMBERS),
        "put back": lambda: m.do(turns.put_back),
        "interject": lambda: m.do(turns.interject, arg, PROCESS),
        "policy": lambda: m.do(turns.choose_policy, arg, ("lived experience",), MEMBERS),
        "round": lambda: m.do(turns.start_round, MEMBERS),
        "pass": lambda: m.do(turns.pass_turn),
        "item": lambda: m.do(live.move_item, 1 if arg == "+" else -1),
        "undo": lambda: m.do(live.undo),
        "break": lambda: m.do(live.end_break if m.state.on_break else live.start_break),
    }
    with contextlib.suppress(DomainError):
        commands[action]()
    m.advance(7)


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_nobody_queued_is_lost_or_duplicated(actions: list[tuple[str, str]]) -> None:
    m = meeting()
    for action, arg in actions:
        attempt(m, action, arg)
        places = [p.member_id for p in suggested_queue(m.state, MEMBERS) if not p.signal]
        expected = set(m.state.queue)
        if m.state.active_round is not None:
            expected |= set(m.state.active_round.order) - set(m.state.active_round.done)
        assert len(places) == len(set(places))
        assert set(places) == expected
        signalled = [p.member_id for p in suggested_queue(m.state, MEMBERS) if p.signal]
        assert len(signalled) == sum(SIGNALS[s.signal].asks_to_speak for s in m.state.signals)
    assert m.folded() == m.state


@settings(max_examples=150, deadline=None)
@given(ACTIONS)
def test_every_started_turn_ends_exactly_once(actions: list[tuple[str, str]]) -> None:
    m = meeting()
    for action, arg in actions:
        attempt(m, action, arg)
    m.do(live.end_meeting)
    undone = {r.event.batch for r in m.log if isinstance(r.event, Undone)}
    started_turns = [
        r.event.member_id
        for r in m.log
        if isinstance(r.event, TurnStarted) and r.batch not in undone
    ]
    assert m.state.speaker is None
    assert [t.member_id for t in m.state.turns] == started_turns


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.just(("next", "")),
            st.just(("pass", "")),
            st.tuples(st.just("hand"), st.sampled_from(PEOPLE)),
            st.tuples(st.just("interject"), st.sampled_from(PEOPLE)),
            st.tuples(st.just("override"), st.sampled_from(PEOPLE)),
        ),
        max_size=30,
    ),
    st.integers(1, 4),
)
def test_a_round_gives_everyone_present_exactly_one_turn_or_pass(
    actions: list[tuple[str, str]], rounds_before: int
) -> None:
    m = meeting()
    for _ in range(rounds_before - 1):
        m.do(turns.start_round, MEMBERS)
        for _ in PEOPLE:
            m.do(turns.pass_turn)
    m.do(turns.choose_policy, ROUND, (), MEMBERS)
    start = len(m.log)
    for action, arg in actions:
        attempt(m, action, arg)
    while m.state.active_round is not None:  # finish the round
        attempt(m, "next", "")
    round_ = m.state.round
    assert round_ is not None and sorted(round_.done) == sorted(PEOPLE)
    in_round = [
        r.event.member_id
        for r in m.log[start:]
        if (isinstance(r.event, TurnStarted) and not r.event.interjection_id)
        or isinstance(r.event, Passed)
    ]
    assert len(set(round_.done)) == len(round_.done)
    assert set(round_.passed) <= set(round_.done)
    assert set(in_round) == set(PEOPLE)
