"""A meeting that asked for a break every N minutes is reminded when one is due."""

from session import live
from session.breaks import break_due, seconds_since_break
from tests.test_session_live import Meeting, started


def test_a_break_is_due_after_the_interval_counted_from_the_start() -> None:
    m = started("Welcome")
    m.advance(44 * 60)
    assert not break_due(m.state, 45, m.clock())
    m.advance(60)
    assert break_due(m.state, 45, m.clock())


def test_taking_a_break_resets_the_count_and_nothing_is_due_during_it() -> None:
    m = started("Welcome")
    m.advance(50 * 60)
    m.do(live.start_break)
    assert not break_due(m.state, 45, m.clock())
    m.advance(10 * 60)
    m.do(live.end_break)
    m.advance(30 * 60)
    assert seconds_since_break(m.state, m.clock()) == 30 * 60
    assert not break_due(m.state, 45, m.clock())
    m.advance(15 * 60)
    assert break_due(m.state, 45, m.clock())


def test_the_count_survives_folding_the_log_again() -> None:
    m = started("Welcome")
    m.do(live.start_break)
    m.advance(5 * 60)
    m.do(live.end_break)
    assert m.folded().last_break_ended == m.state.last_break_ended == m.clock()


def test_no_reminder_without_an_interval_or_before_the_meeting_starts() -> None:
    m = started("Welcome")
    m.advance(600 * 60)
    assert not break_due(m.state, 0, m.clock())
    assert not break_due(Meeting().state, 1, m.clock())
