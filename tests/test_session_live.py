"""The meeting's rules (session/live.py): each command's rule and refusal, the clocks, undo, and
that folding a log from scratch agrees with applying it one batch at a time."""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from session import live
from session.clock import FrozenClock
from session.errors import DomainError
from session.events import (
    BreakEnded,
    BreakStarted,
    DecisionRecorded,
    Event,
    HandLowered,
    HandRaised,
    ItemAdded,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    NoteWritten,
    Recorded,
    RoleHanded,
    TurnEnded,
    TurnStarted,
    Undone,
)
from session.live import MINUTE_TAKER, LiveState, apply, fold

START = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
MEETING = "meeting-1"


class Meeting:
    """A meeting run through the pure functions, the way `store.live.LiveMeeting` runs it: each
    command's events are one batch (numbered by its first event's seq) stamped with the frozen
    clock's time, then applied; an undo folds the whole log again."""

    def __init__(self, clock: FrozenClock | None = None) -> None:
        self.clock = clock or FrozenClock(START)
        self.log: list[Recorded] = []
        self.state = LiveState(MEETING)

    def do(self, command: Callable[..., list[Event]], *args: object) -> list[Event]:
        events = command(self.state, *args)
        first = (self.log[-1].seq if self.log else 0) + 1
        recorded = [Recorded(first + i, first, self.clock(), e) for i, e in enumerate(events)]
        self.log.extend(recorded)
        if any(isinstance(e, Undone) for e in events):
            self.state = fold(MEETING, self.log)
        else:
            for r in recorded:
                given = dict(vars(self.state))
                after = apply(self.state, r)
                assert vars(self.state) == given, "apply changed the state it was given"
                self.state = after
        return events

    def refused(self, command: Callable[..., list[Event]], *args: object) -> str:
        """The message `command` is refused with; the state and the log must not change."""
        before, length = self.state, len(self.log)
        with pytest.raises(DomainError) as caught:
            self.do(command, *args)
        assert self.state == before
        assert len(self.log) == length
        return str(caught.value)

    def folded(self) -> LiveState:
        return fold(MEETING, self.log)

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)


def agenda(*titles: str, minutes: int = 10) -> Meeting:
    m = Meeting()
    for title in titles:
        m.do(live.add_item, title, None, minutes)
    return m


def started(*titles: str, present: tuple[str, ...] = ("ann", "bob", "cat")) -> Meeting:
    m = agenda(*titles)
    m.do(live.start_meeting, list(present))
    return m


@pytest.fixture
def meeting() -> Meeting:
    return started("Welcome", "Transport", "Any other business")


# --- add_item -------------------------------------------------------------------------------


def test_add_item_keeps_title_proposer_and_time_box() -> None:
    m = Meeting()
    [event] = m.do(live.add_item, "  Day centre transport  ", "ann", 15)
    assert isinstance(event, ItemAdded)
    [item] = m.state.items
    assert (item.id, item.title, item.proposed_by, item.timebox_minutes) == (
        event.item_id,
        "Day centre transport",
        "ann",
        15,
    )


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_add_item_refuses_a_blank_title(title: str) -> None:
    message = Meeting().refused(live.add_item, title, None, 10)
    assert message == "Please type the item's title: it can't be left empty."


def test_add_item_refuses_a_title_that_is_too_long() -> None:
    message = Meeting().refused(live.add_item, "x" * 10_000, None, 10)
    assert "10,000 characters" in message
    assert "to 200 characters or fewer" in message


@pytest.mark.parametrize("minutes", [0, -5, 361, 10**9])
def test_add_item_refuses_a_time_box_of_zero_or_huge(minutes: int) -> None:
    message = Meeting().refused(live.add_item, "Transport", None, minutes)
    assert message == "Please give the time box as a number of minutes from 1 to 360."


@pytest.mark.parametrize("minutes", [1, 360])
def test_add_item_accepts_time_boxes_at_the_limits(minutes: int) -> None:
    m = Meeting()
    m.do(live.add_item, "Transport", None, minutes)
    assert m.state.items[0].timebox_minutes == minutes


def test_items_can_be_added_once_the_meeting_is_running(meeting: Meeting) -> None:
    meeting.do(live.add_item, "Late item", "bob", 5)
    assert [i.title for i in meeting.state.items][-1] == "Late item"
    assert meeting.state.item is not None and meeting.state.item.title == "Welcome"


def test_add_item_is_refused_after_the_meeting_ended(meeting: Meeting) -> None:
    meeting.do(live.end_meeting)
    message = meeting.refused(live.add_item, "Too late", None, 5)
    assert message == "This meeting has ended, so its agenda can't change."


# --- start_meeting --------------------------------------------------------------------------


def test_start_meeting_records_who_is_present_and_opens_the_first_item() -> None:
    m = agenda("Welcome", "Transport")
    events = m.do(live.start_meeting, ["ann", "bob"])
    assert events == [MeetingStarted(("ann", "bob")), ItemOpened(m.state.items[0].id)]
    assert m.state.running
    assert m.state.started_at == START
    assert m.state.present == frozenset({"ann", "bob"})
    assert m.state.current == 0
    assert m.state.item_id == m.state.items[0].id
    assert m.state.items[0].clock.running


def test_start_meeting_with_an_empty_agenda_opens_nothing() -> None:
    m = Meeting()
    assert m.do(live.start_meeting, []) == [MeetingStarted(())]
    assert m.state.running
    assert m.state.item is None


def test_start_meeting_twice_is_refused(meeting: Meeting) -> None:
    assert meeting.refused(live.start_meeting, ["ann"]) == "This meeting has already started."


def test_commands_before_the_start_are_refused() -> None:
    m = agenda("Welcome")
    for command, args in [
        (live.move_item, (1,)),
        (live.raise_hand, ("ann",)),
        (live.lower_hand, ("ann",)),
        (live.next_speaker, ()),
        (live.end_turn, ()),
        (live.write_note, ("hello",)),
        (live.record_decision, ("Agreed", "consensus")),
        (live.record_action, ("Ring the council", "ann", date(2026, 12, 4))),
        (live.start_break, ()),
        (live.end_break, ()),
        (live.end_meeting, ()),
    ]:
        assert m.refused(command, *args) == "This meeting has not started yet.", command


# --- move_item ------------------------------------------------------------------------------


def test_move_item_walks_the_agenda(meeting: Meeting) -> None:
    ids = [i.id for i in meeting.state.items]
    assert meeting.do(live.move_item, 1) == [ItemOpened(ids[1])]
    assert meeting.state.item_id == ids[1]
    meeting.do(live.move_item, 1)
    assert meeting.state.item_id == ids[2]
    meeting.do(live.move_item, -1)
    assert meeting.state.item_id == ids[1]


def test_move_item_stops_at_the_last_item(meeting: Meeting) -> None:
    meeting.do(live.move_item, 1)
    meeting.do(live.move_item, 1)
    assert meeting.refused(live.move_item, 1) == "This is the last item on the agenda."


def test_move_item_stops_at_the_first_item(meeting: Meeting) -> None:
    assert meeting.refused(live.move_item, -1) == "This is the first item on the agenda."


def test_move_item_on_an_empty_agenda_is_refused() -> None:
    m = started()
    assert m.refused(live.move_item, 1) == "The agenda is empty. Add an item first."


def test_move_item_opens_the_first_item_when_none_is_open_yet() -> None:
    m = started()
    m.do(live.add_item, "Added during the meeting", None, 5)
    assert m.state.item is None
    m.do(live.move_item, 1)
    assert m.state.item_id == m.state.items[0].id


def test_an_item_time_box_counts_only_while_it_is_open(meeting: Meeting) -> None:
    meeting.advance(120)
    meeting.do(live.move_item, 1)
    meeting.advance(300)
    now = meeting.clock()
    first, second, third = meeting.state.items
    assert first.clock.elapsed(now) == 120
    assert first.seconds_left(now) == 10 * 60 - 120
    assert second.clock.elapsed(now) == 300
    assert third.clock.elapsed(now) == 0
    # Going back resumes the first item's clock from where it stopped.
    meeting.do(live.move_item, -1)
    meeting.advance(30)
    first, second, _ = meeting.state.items
    assert first.clock.elapsed(meeting.clock()) == 150
    assert second.clock.elapsed(meeting.clock()) == 300


def test_seconds_left_goes_negative_when_an_item_overruns(meeting: Meeting) -> None:
    meeting.advance(11 * 60)
    item = meeting.state.item
    assert item is not None
    assert item.seconds_left(meeting.clock()) == -60


def test_the_speaker_keeps_talking_and_their_clock_keeps_running_when_the_item_changes(
    meeting: Meeting,
) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.advance(60)
    meeting.do(live.move_item, 1)
    meeting.advance(60)
    assert meeting.state.speaker == "ann"
    assert meeting.state.turn_clock.elapsed(meeting.clock()) == 120
    meeting.do(live.end_turn)
    assert meeting.state.turns[-1].seconds == 120


# --- the speaking queue ---------------------------------------------------------------------


def test_raise_hand_joins_the_end_of_the_queue(meeting: Meeting) -> None:
    assert meeting.do(live.raise_hand, "ann") == [HandRaised("ann")]
    meeting.do(live.raise_hand, "bob")
    assert meeting.state.queue == ("ann", "bob")


def test_raise_hand_twice_says_their_place(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    assert meeting.refused(live.raise_hand, "bob") == ("They are already in the queue, at place 2.")
    assert meeting.refused(live.raise_hand, "ann") == ("They are already in the queue, at place 1.")


def test_the_speaker_cannot_queue(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    assert meeting.refused(live.raise_hand, "ann") == "They are speaking now."


def test_raise_hand_after_speaking_is_fine(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.do(live.end_turn)
    meeting.do(live.raise_hand, "ann")
    assert meeting.state.queue == ("ann",)


def test_lower_hand_leaves_the_queue_keeping_the_order_of_the_rest(meeting: Meeting) -> None:
    for who in ("ann", "bob", "cat"):
        meeting.do(live.raise_hand, who)
    assert meeting.do(live.lower_hand, "bob") == [HandLowered("bob")]
    assert meeting.state.queue == ("ann", "cat")


def test_lower_hand_when_not_queued_is_refused(meeting: Meeting) -> None:
    assert meeting.refused(live.lower_hand, "ann") == "They are not in the queue."


def test_next_speaker_starts_the_head_of_the_queue(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    assert meeting.do(live.next_speaker) == [TurnStarted("ann")]
    assert meeting.state.speaker == "ann"
    assert meeting.state.speaker_since == START
    assert meeting.state.queue == ("bob",)


def test_next_speaker_ends_the_current_turn_first(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    meeting.do(live.next_speaker)
    meeting.advance(90)
    assert meeting.do(live.next_speaker) == [TurnEnded(), TurnStarted("bob")]
    [turn] = meeting.state.turns
    assert (turn.member_id, turn.item_id, turn.started_at, turn.seconds) == (
        "ann",
        meeting.state.items[0].id,
        START,
        90,
    )
    assert meeting.state.speaker == "bob"
    assert meeting.state.turn_clock.elapsed(meeting.clock()) == 0
    assert meeting.state.queue == ()


def test_next_speaker_with_nobody_queued_is_refused(meeting: Meeting) -> None:
    message = meeting.refused(live.next_speaker)
    assert message == "Nobody is in the queue to speak next."


def test_next_speaker_with_nobody_queued_leaves_the_speaker_speaking(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.refused(live.next_speaker)
    assert meeting.state.speaker == "ann"


def test_next_speaker_on_a_break_is_refused(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.start_break)
    message = meeting.refused(live.next_speaker)
    assert message == "The meeting is on a break. End the break first."


def test_hands_can_go_up_during_a_break(meeting: Meeting) -> None:
    meeting.do(live.start_break)
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.end_break)
    meeting.do(live.next_speaker)
    assert meeting.state.speaker == "ann"


def test_end_turn(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.advance(45)
    assert meeting.do(live.end_turn) == [TurnEnded()]
    assert meeting.state.speaker is None
    assert meeting.state.speaker_since is None
    assert [t.seconds for t in meeting.state.turns] == [45]


def test_end_turn_with_nobody_speaking_is_refused(meeting: Meeting) -> None:
    assert meeting.refused(live.end_turn) == "Nobody is speaking at the moment."


# --- notes and the minute-taker -------------------------------------------------------------


def test_write_note_needs_a_minute_taker(meeting: Meeting) -> None:
    assert meeting.refused(live.write_note, "A note") == (
        "Nobody is taking minutes yet. Hand the minute-taker role to someone."
    )


def test_notes_are_attributed_to_the_minute_taker_and_the_open_item(meeting: Meeting) -> None:
    meeting.do(live.hand_role, MINUTE_TAKER, "cat")
    [event] = meeting.do(live.write_note, "  Bus passes discussed  ")
    assert isinstance(event, NoteWritten)
    [note] = meeting.state.notes
    assert (note.id, note.text, note.author_id, note.item_id, note.at) == (
        event.note_id,
        "Bus passes discussed",
        "cat",
        meeting.state.items[0].id,
        START,
    )


def test_a_hand_over_changes_who_later_notes_are_from_but_not_earlier_ones(
    meeting: Meeting,
) -> None:
    meeting.do(live.hand_role, MINUTE_TAKER, "cat")
    meeting.do(live.write_note, "First")
    meeting.advance(60)
    assert meeting.do(live.hand_role, MINUTE_TAKER, "bob") == [RoleHanded(MINUTE_TAKER, "bob")]
    meeting.do(live.write_note, "Second")
    assert [(n.text, n.author_id) for n in meeting.state.notes] == [
        ("First", "cat"),
        ("Second", "bob"),
    ]
    assert meeting.state.holder(MINUTE_TAKER) == "bob"
    assert [(s.member_id, s.since) for s in meeting.state.roles] == [
        ("cat", START),
        ("bob", meeting.clock()),
    ]
    # The attribution is in the log itself, so it survives folding from scratch.
    assert [n.author_id for n in meeting.folded().notes] == ["cat", "bob"]


def test_undoing_a_hand_over_gives_the_role_back(meeting: Meeting) -> None:
    meeting.do(live.hand_role, MINUTE_TAKER, "cat")
    meeting.do(live.hand_role, MINUTE_TAKER, "bob")
    meeting.do(live.undo)
    assert meeting.state.holder(MINUTE_TAKER) == "cat"


def test_the_role_can_be_handed_before_the_meeting_starts() -> None:
    m = agenda("Welcome")
    m.do(live.hand_role, MINUTE_TAKER, "cat")
    m.do(live.start_meeting, ["cat"])
    m.do(live.write_note, "Started")
    assert m.state.notes[0].author_id == "cat"


def test_handing_the_role_to_its_holder_is_refused(meeting: Meeting) -> None:
    meeting.do(live.hand_role, MINUTE_TAKER, "cat")
    message = meeting.refused(live.hand_role, MINUTE_TAKER, "cat")
    assert message == "They already hold the minute-taker role."


def test_handing_an_unknown_role_is_refused(meeting: Meeting) -> None:
    message = meeting.refused(live.hand_role, "treasurer", "cat")
    assert (
        message == "There is no “treasurer” role. The roles are: minute-taker, timekeeper, chair."
    )


@pytest.mark.parametrize("text", ["", "  "])
def test_a_blank_note_is_refused(meeting: Meeting, text: str) -> None:
    meeting.do(live.hand_role, MINUTE_TAKER, "cat")
    assert meeting.refused(live.write_note, text) == "Please type the note: it can't be left empty."


def test_a_note_with_no_item_open_has_no_item() -> None:
    m = started()
    m.do(live.hand_role, MINUTE_TAKER, "cat")
    m.do(live.write_note, "Before any item")
    assert m.state.notes[0].item_id is None


# --- decisions and actions ------------------------------------------------------------------


def test_record_decision_by_consensus(meeting: Meeting) -> None:
    [event] = meeting.do(live.record_decision, " Keep the Tuesday bus ", "consensus")
    assert isinstance(event, DecisionRecorded)
    [decision] = meeting.state.decisions
    assert decision.id == event.decision_id
    assert decision.text == "Keep the Tuesday bus"
    assert decision.method == "consensus"
    assert decision.item_id == meeting.state.items[0].id
    assert decision.at == START


def test_record_decision_needs_text(meeting: Meeting) -> None:
    assert meeting.refused(live.record_decision, "   ", "consensus") == (
        "Please type what was decided: it can't be left empty."
    )


@pytest.mark.parametrize("method", ["", "coin toss", "Vote", "vote "])
def test_record_decision_refuses_an_unknown_method(meeting: Meeting, method: str) -> None:
    assert meeting.refused(live.record_decision, "Agreed", method) == (
        "How was it decided? Choose one of: consensus, consent, vote, deferred."
    )


def test_a_vote_needs_counts(meeting: Meeting) -> None:
    assert meeting.refused(live.record_decision, "Agreed", "vote") == (
        "For a vote, please give how many were for, against and abstaining."
    )
    # Stand-asides alone are not a vote.
    assert meeting.refused(live.record_decision, "Agreed", "vote", 0, 0, 0, 3).startswith(
        "For a vote"
    )


def test_a_vote_keeps_its_counts(meeting: Meeting) -> None:
    meeting.do(live.record_decision, "Agreed", "vote", 5, 2, 1, 4, "Cost")
    d = meeting.state.decisions[0]
    assert (d.votes_for, d.votes_against, d.abstentions, d.stand_asides, d.concerns) == (
        5,
        2,
        1,
        0,
        "Cost",
    )


def test_a_vote_with_only_abstentions_counts_as_given(meeting: Meeting) -> None:
    meeting.do(live.record_decision, "Nobody minded", "vote", 0, 0, 7)
    assert meeting.state.decisions[0].abstentions == 7


@pytest.mark.parametrize(
    "counts", [(-1, 0, 0, 0), (0, -1, 0, 0), (0, 0, -1, 0), (0, 0, 0, -1), (100_001, 0, 0, 0)]
)
@pytest.mark.parametrize("method", ["vote", "consent", "consensus"])
def test_counts_out_of_range_are_refused(
    meeting: Meeting, method: str, counts: tuple[int, int, int, int]
) -> None:
    message = meeting.refused(live.record_decision, "Agreed", method, *counts)
    assert message == "Counts of votes and stand-asides must be whole numbers from 0 to 100,000."


def test_consent_keeps_stand_asides_and_concerns_but_not_votes(meeting: Meeting) -> None:
    meeting.do(live.record_decision, "Trial it", "consent", 5, 2, 1, 2, " Worried about cost ")
    d = meeting.state.decisions[0]
    assert (d.votes_for, d.votes_against, d.abstentions, d.stand_asides) == (0, 0, 0, 2)
    assert d.concerns == "Worried about cost"


@pytest.mark.parametrize("method", ["consensus", "deferred"])
def test_other_methods_zero_every_count(meeting: Meeting, method: str) -> None:
    [event] = meeting.do(live.record_decision, "Agreed", method, 5, 2, 1, 2)
    assert isinstance(event, DecisionRecorded)
    assert (event.votes_for, event.votes_against, event.abstentions, event.stand_asides) == (
        0,
        0,
        0,
        0,
    )


def test_record_action(meeting: Meeting) -> None:
    due = date(2026, 12, 4)
    meeting.do(live.record_action, "  Ring the council ", "bob", due)
    [action] = meeting.state.actions
    assert (action.what, action.owner_id, action.due, action.item_id, action.at) == (
        "Ring the council",
        "bob",
        due,
        meeting.state.items[0].id,
        START,
    )


def test_record_action_needs_what(meeting: Meeting) -> None:
    assert meeting.refused(live.record_action, " ", "bob", date(2026, 12, 4)) == (
        "Please type what needs doing: it can't be left empty."
    )


# --- breaks ---------------------------------------------------------------------------------


def test_start_and_end_a_break(meeting: Meeting) -> None:
    assert meeting.do(live.start_break) == [BreakStarted()]
    assert meeting.state.on_break
    assert meeting.state.break_since == START
    assert meeting.do(live.end_break) == [BreakEnded()]
    assert not meeting.state.on_break


def test_a_second_break_is_refused(meeting: Meeting) -> None:
    meeting.do(live.start_break)
    assert meeting.refused(live.start_break) == "The meeting is already on a break."


def test_ending_a_break_that_has_not_started_is_refused(meeting: Meeting) -> None:
    assert meeting.refused(live.end_break) == "The meeting is not on a break."


def test_clocks_pause_during_a_break(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.advance(100)
    meeting.do(live.start_break)
    meeting.advance(15 * 60)
    now = meeting.clock()
    item = meeting.state.item
    assert item is not None
    assert item.clock.elapsed(now) == 100
    assert item.seconds_left(now) == 500
    assert meeting.state.turn_clock.elapsed(now) == 100
    meeting.do(live.end_break)
    meeting.advance(20)
    now = meeting.clock()
    item = meeting.state.item
    assert item is not None
    assert item.clock.elapsed(now) == 120
    assert meeting.state.turn_clock.elapsed(now) == 120
    meeting.do(live.end_turn)
    assert meeting.state.turns[-1].seconds == 120


def test_moving_item_during_a_break_opens_it_without_starting_its_clock(
    meeting: Meeting,
) -> None:
    meeting.advance(60)
    meeting.do(live.start_break)
    meeting.do(live.move_item, 1)
    meeting.advance(600)
    first, second, _ = meeting.state.items
    assert meeting.state.current == 1
    assert first.clock.elapsed(meeting.clock()) == 60
    assert second.clock.elapsed(meeting.clock()) == 0
    meeting.do(live.end_break)
    meeting.advance(30)
    first, second, _ = meeting.state.items
    assert first.clock.elapsed(meeting.clock()) == 60
    assert second.clock.elapsed(meeting.clock()) == 30


def test_ending_a_turn_during_a_break_does_not_count_the_break(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.advance(30)
    meeting.do(live.start_break)
    meeting.advance(600)
    meeting.do(live.end_turn)
    assert meeting.state.turns[-1].seconds == 30


def test_break_clocks_from_explicit_times() -> None:
    """The same thing, written as a log with explicit times, folded from scratch."""
    t = lambda minutes: START.replace(minute=minutes)  # noqa: E731
    log = [
        Recorded(1, 1, t(0), ItemAdded("i1", "Welcome", None, 10)),
        Recorded(2, 2, t(0), MeetingStarted(("ann",))),
        Recorded(3, 2, t(0), ItemOpened("i1")),
        Recorded(4, 4, t(1), HandRaised("ann")),
        Recorded(5, 5, t(2), TurnStarted("ann")),
        Recorded(6, 6, t(5), BreakStarted()),
        Recorded(7, 7, t(20), BreakEnded()),
        Recorded(8, 8, t(22), TurnEnded()),
    ]
    state = fold(MEETING, log)
    assert state.turns[0].seconds == 5 * 60  # 3 minutes before the break, 2 after
    assert state.items[0].clock.elapsed(t(30)) == 30 * 60 - 15 * 60
    assert state.items[0].seconds_left(t(30)) == -5 * 60


# --- ending the meeting ---------------------------------------------------------------------


def test_end_meeting_ends_the_turn_and_clears_the_queue(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    meeting.do(live.next_speaker)
    meeting.advance(40)
    assert meeting.do(live.end_meeting) == [MeetingEnded()]
    state = meeting.state
    assert not state.running
    assert state.ended_at == meeting.clock()
    assert state.speaker is None
    assert state.queue == ()
    assert [(t.member_id, t.seconds) for t in state.turns] == [("ann", 40)]
    meeting.advance(600)
    item = state.item
    assert item is not None
    assert item.clock.elapsed(meeting.clock()) == 40


def test_end_meeting_during_a_break_ends_the_break(meeting: Meeting) -> None:
    meeting.do(live.start_break)
    assert meeting.do(live.end_meeting) == [BreakEnded(), MeetingEnded()]
    assert not meeting.state.on_break


def test_commands_after_the_meeting_ended_are_refused(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.end_meeting)
    ended = "This meeting has ended. Undo the ending to carry on."
    for command, args in [
        (live.move_item, (1,)),
        (live.raise_hand, ("ann",)),
        (live.lower_hand, ("ann",)),
        (live.next_speaker, ()),
        (live.end_turn, ()),
        (live.write_note, ("hello",)),
        (live.hand_role, (MINUTE_TAKER, "cat")),
        (live.record_decision, ("Agreed", "consensus")),
        (live.record_action, ("Ring the council", "ann", date(2026, 12, 4))),
        (live.start_break, ()),
        (live.end_break, ()),
        (live.end_meeting, ()),
    ]:
        assert meeting.refused(command, *args) == ended, command
    assert meeting.refused(live.start_meeting, ["ann"]) == "This meeting has already started."


def test_undoing_the_end_carries_on_the_meeting(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    meeting.do(live.next_speaker)
    meeting.do(live.end_meeting)
    meeting.do(live.undo)
    assert meeting.state.running
    assert meeting.state.speaker == "ann"
    assert meeting.state.queue == ("bob",)


# --- undo -----------------------------------------------------------------------------------


def test_nothing_to_undo() -> None:
    assert Meeting().refused(live.undo) == "There is nothing to undo."


def test_undo_takes_back_the_whole_last_action(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    meeting.do(live.next_speaker)
    meeting.advance(30)
    before = meeting.state
    next_batch = meeting.log[-1].seq + 1
    events = meeting.do(live.next_speaker)  # ends ann's turn, starts bob's: two events
    assert len(events) == 2
    assert meeting.do(live.undo) == [Undone(next_batch)]
    after = meeting.state
    assert after.speaker == "ann"
    assert after.queue == ("bob",)
    assert after.turns == ()
    assert replace(after, last_seq=0) == replace(before, last_seq=0)


def test_repeated_undo_walks_back_one_action_at_a_time(meeting: Meeting) -> None:
    states = [meeting.state]
    for who in ("ann", "bob", "cat"):
        meeting.do(live.raise_hand, who)
        states.append(meeting.state)
    meeting.do(live.next_speaker)
    for expected in reversed(states):
        meeting.do(live.undo)
        assert replace(meeting.state, last_seq=0) == replace(expected, last_seq=0)
        if expected is states[0]:
            break
    assert meeting.state.queue == ()


def test_undo_cannot_cross_the_start_of_the_meeting(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.undo)
    assert meeting.refused(live.undo) == "There is nothing to undo."
    assert meeting.state.running
    assert len(meeting.state.items) == 3


def test_agenda_setup_can_be_undone_before_the_start() -> None:
    m = agenda("Welcome", "Transport")
    m.do(live.undo)
    assert [i.title for i in m.state.items] == ["Welcome"]
    m.do(live.undo)
    assert m.state.items == ()
    assert m.refused(live.undo) == "There is nothing to undo."


def test_undo_keeps_the_history(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    length = len(meeting.log)
    meeting.do(live.undo)
    assert len(meeting.log) == length + 1
    assert isinstance(meeting.log[-1].event, Undone)
    assert any(isinstance(r.event, HandRaised) for r in meeting.log)


def test_undo_after_undo_and_a_new_action(meeting: Meeting) -> None:
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.raise_hand, "bob")
    meeting.do(live.undo)
    meeting.do(live.raise_hand, "cat")
    assert meeting.state.queue == ("ann", "cat")
    meeting.do(live.undo)
    assert meeting.state.queue == ("ann",)
    meeting.do(live.undo)
    assert meeting.state.queue == ()


def test_an_undone_break_leaves_no_pause(meeting: Meeting) -> None:
    meeting.advance(60)
    meeting.do(live.start_break)
    meeting.advance(60)
    meeting.do(live.undo)
    meeting.advance(60)
    assert not meeting.state.on_break
    item = meeting.state.item
    assert item is not None
    assert item.clock.elapsed(meeting.clock()) == 180


# --- fold and apply -------------------------------------------------------------------------


def test_fold_of_nothing_is_the_empty_state() -> None:
    assert fold(MEETING, []) == LiveState(MEETING)


def test_fold_equals_incremental_apply_for_a_whole_meeting() -> None:
    m = started("Welcome", "Transport")
    m.do(live.hand_role, MINUTE_TAKER, "cat")
    m.do(live.raise_hand, "ann")
    m.do(live.raise_hand, "bob")
    m.advance(10)
    m.do(live.next_speaker)
    m.do(live.write_note, "Ann: buses late")
    m.advance(50)
    m.do(live.next_speaker)
    m.do(live.start_break)
    m.advance(300)
    m.do(live.end_break)
    m.do(live.record_decision, "Write to the operator", "consent", 0, 0, 0, 1)
    m.do(live.record_action, "Draft the letter", "cat", date(2026, 12, 4))
    m.do(live.move_item, 1)
    m.do(live.undo)
    m.do(live.move_item, 1)
    m.advance(20)
    m.do(live.end_meeting)
    assert m.folded() == m.state
    assert m.state.last_seq == m.log[-1].seq
    assert [t.member_id for t in m.state.turns] == ["ann", "bob"]


def test_fold_skips_undone_batches_but_counts_their_seq() -> None:
    log = [
        Recorded(1, 1, START, ItemAdded("i1", "One", None, 5)),
        Recorded(2, 2, START, ItemAdded("i2", "Two", None, 5)),
        Recorded(3, 3, START, Undone(2)),
    ]
    state = fold(MEETING, log)
    assert [i.id for i in state.items] == ["i1"]
    assert state.last_seq == 3
    assert state.undoable == 1


# --- properties over random sequences of commands -------------------------------------------

PEOPLE = ("ann", "bob", "cat", "dan")
Step = tuple[str, tuple[object, ...]]

ARGUMENTS: dict[str, st.SearchStrategy[tuple[object, ...]]] = {
    "add_item": st.tuples(
        st.sampled_from(["Welcome", " ", "Transport"]), st.none(), st.integers(0, 400)
    ),
    "start_meeting": st.tuples(st.lists(st.sampled_from(PEOPLE))),
    "move_item": st.tuples(st.sampled_from([-1, 1])),
    "raise_hand": st.tuples(st.sampled_from(PEOPLE)),
    "lower_hand": st.tuples(st.sampled_from(PEOPLE)),
    "next_speaker": st.just(()),
    "end_turn": st.just(()),
    "write_note": st.tuples(st.sampled_from(["Noted", "", "[b]x[/]"])),
    "hand_role": st.tuples(st.sampled_from([MINUTE_TAKER, "chair"]), st.sampled_from(PEOPLE)),
    "record_decision": st.tuples(
        st.sampled_from(["Agreed", ""]),
        st.sampled_from(["consensus", "consent", "vote", "deferred", "dice"]),
        st.integers(-1, 5),
        st.integers(0, 5),
        st.integers(0, 5),
        st.integers(0, 5),
    ),
    "record_action": st.tuples(
        st.just("Ring the council"), st.sampled_from(PEOPLE), st.just(date(2026, 12, 4))
    ),
    "start_break": st.just(()),
    "end_break": st.just(()),
    "end_meeting": st.just(()),
    "undo": st.just(()),
    "wait": st.tuples(st.integers(0, 900)),
}
# How often each step comes up: mostly the speaking queue, seldom the end of the meeting.
WEIGHTS = {"raise_hand": 6, "next_speaker": 3, "lower_hand": 2, "undo": 3, "wait": 3}
steps: st.SearchStrategy[Step] = st.sampled_from(
    [name for name in ARGUMENTS for _ in range(WEIGHTS.get(name, 1))]
).flatmap(lambda name: ARGUMENTS[name].map(lambda args: (name, args)))
OPENING: list[Step] = [
    ("add_item", ("Welcome", None, 10)),
    ("add_item", ("Transport", None, 10)),
    ("hand_role", (MINUTE_TAKER, "cat")),
    ("start_meeting", (list(PEOPLE),)),
]


def without_seq(state: LiveState) -> LiveState:
    return replace(state, last_seq=0)


@settings(max_examples=300, deadline=None)
@given(st.booleans(), st.lists(steps, min_size=10, max_size=80))
def test_random_meetings_keep_their_invariants(opened: bool, program: list[Step]) -> None:
    """Any sequence of commands, refused or not: folding the log from scratch gives the state
    built up one batch at a time, and the speaking queue stays sound."""
    if opened:
        program = OPENING + program
    m = Meeting()
    before_batch: dict[int, LiveState] = {}
    for name, args in program:
        if name == "wait":
            m.advance(float(args[0]))  # type: ignore[arg-type]
            continue
        before = m.state
        try:
            events = m.do(getattr(live, name), *args)
        except DomainError:
            assert m.state == before
            continue
        if events and isinstance(events[0], Undone):
            # An undo returns the meeting to just before the action it takes back.
            assert without_seq(m.state) == without_seq(before_batch[events[0].batch])
        else:
            before_batch[m.log[-len(events)].batch] = before
        state = m.state
        assert fold(MEETING, m.log) == state
        assert len(set(state.queue)) == len(state.queue), state.queue
        assert state.speaker not in state.queue
        assert (state.speaker is None) == (state.speaker_since is None)
        assert not (state.on_break and state.ended_at is not None)
        if state.ended_at is not None:
            assert state.queue == ()
            assert state.speaker is None


def test_a_turn_that_carries_on_into_the_next_item_is_filed_under_the_item_it_began_in(
    meeting: Meeting,
) -> None:
    first = meeting.state.item_id
    meeting.do(live.raise_hand, "ann")
    meeting.do(live.next_speaker)
    meeting.clock.advance(60)
    meeting.do(live.move_item, +1)
    meeting.clock.advance(30)
    meeting.do(live.end_turn)
    [turn] = meeting.state.turns
    assert (turn.item_id, turn.seconds) == (first, 90.0)
