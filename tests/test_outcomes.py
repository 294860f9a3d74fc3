"""Outcomes in the group's words, reviews over time, and the reviews that are due."""

from datetime import UTC, date, datetime

import pytest

from session.clock import FrozenClock
from session.errors import DomainError
from session.outcomes import new_outcome, new_review, next_review, parse_schedule, trend
from tests.cli_runner import coproduce

TODAY = date(2026, 11, 26)


def test_review_schedules_read_the_way_people_say_them() -> None:
    assert parse_schedule("in 6 months", TODAY) == (date(2027, 5, 26), "")
    assert parse_schedule("3 March", TODAY) == (date(2027, 3, 3), "")
    first, rule = parse_schedule("every 3 months", TODAY)
    assert first == date(2027, 2, 26)
    assert "FREQ=MONTHLY;INTERVAL=3" in rule
    assert parse_schedule("Quarterly", TODAY) == (first, rule)
    assert "FREQ=WEEKLY;INTERVAL=2" in parse_schedule("every 2 weeks", TODAY)[1]
    with pytest.raises(DomainError, match="doesn't read as a date"):
        parse_schedule("whenever", TODAY)


def test_a_recurring_review_comes_round_again_and_an_early_one_counts() -> None:
    outcome = new_outcome("g", "On time", "Late pick-ups", "number", "every 3 months", TODAY)
    assert next_review(outcome, []) == date(2027, 2, 26)

    early = new_review(outcome, date(2027, 2, 20), 2, number=4)
    assert next_review(outcome, [early]) == date(2027, 5, 26)

    much_later = new_review(outcome, date(2027, 6, 1), 3, number=2)
    assert next_review(outcome, [early, much_later]) == date(2027, 8, 26)


def test_a_one_off_review_is_done_once_reviewed() -> None:
    outcome = new_outcome("g", "Breaks", "Stories", "story", "in 6 months", TODAY)
    assert next_review(outcome, []) == date(2027, 5, 26)
    assert next_review(outcome, [new_review(outcome, date(2027, 5, 20), 1, "Booked one")]) is None


def test_the_trend_says_which_way_progress_moved() -> None:
    outcome = new_outcome("g", "On time", "Stories", "story", "every month", TODAY, scale_top=10)
    reviews = [
        new_review(outcome, date(2027, 3, 1), 6, "better"),
        new_review(outcome, date(2027, 1, 1), 2, "bad"),
        new_review(outcome, date(2027, 2, 1), 6, "good"),
        new_review(outcome, date(2027, 4, 1), 5, "slipped"),
    ]
    assert [move for _, move in trend(reviews)] == [
        "first review",
        "↑ up 4",
        "→ no change",
        "↓ down 1",
    ]


def test_reviews_refuse_progress_off_the_scale_and_missing_evidence() -> None:
    outcome = new_outcome("g", "On time", "Late pick-ups", "story and number", "in 1 month", TODAY)
    with pytest.raises(DomainError, match="from 0 to 5"):
        new_review(outcome, TODAY, 6, "story")
    with pytest.raises(DomainError, match="a story, a number, or both"):
        new_review(outcome, TODAY, 3)
    numbers = new_outcome("g", "On time", "Late pick-ups a month", "number", "in 1 month", TODAY)
    with pytest.raises(DomainError, match="measured by a number"):
        new_review(numbers, TODAY, 3, "a story but no number")
    with pytest.raises(DomainError, match="The evidence is one of"):
        new_outcome("g", "On time", "Late", "vibes", "in 1 month", TODAY)


def test_the_command_line_lists_reviews_when_they_are_due() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    added = coproduce(
        "outcome",
        "add",
        "People get to day services on time",
        "--measure",
        "Late pick-ups each month",
        "--review",
        "every month",
    )
    assert added.exit_code == 0, added.output
    assert "next review Saturday 26 December 2026" in added.output
    assert coproduce("reviews").output == "No reviews are due.\n"

    later = coproduce("reviews", clock=_at(date(2026, 12, 27)))
    assert "People get to day services on time — Forum: due Saturday 26 December 2026" in (
        later.output
    )
    reviewed = coproduce(
        "review",
        "add",
        "people get",
        "--progress",
        "2",
        "--story",
        "Two late in December",
        "--number",
        "2",
        "--said-by",
        "a driver",
        clock=_at(date(2026, 12, 27)),
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert coproduce("reviews", clock=_at(date(2026, 12, 27))).output == "No reviews are due.\n"
    listed = coproduce("outcome", "list").output
    assert "2 of 5 (first review) — Two late in December; number: 2; said by a driver" in listed


def _at(day: date) -> FrozenClock:
    return FrozenClock(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))
