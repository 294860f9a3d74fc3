"""Reading dates the way people say them (session/dates.py), counted from a fixed day."""

from datetime import date, datetime

import pytest

from session.dates import full_date, parse_due, parse_when
from session.errors import DomainError

TODAY = date(2026, 11, 26)  # a Thursday
NOW = datetime(2026, 11, 26, 9, 30)


def test_today_is_a_thursday() -> None:
    assert full_date(TODAY) == "Thursday 26 November 2026"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("next friday", date(2026, 12, 4)),
        ("Next Friday", date(2026, 12, 4)),
        ("  next   friday ", date(2026, 12, 4)),
        ("next fri", date(2026, 12, 4)),
        ("friday", date(2026, 11, 27)),
        ("this friday", date(2026, 11, 27)),
        ("on friday", date(2026, 11, 27)),
        ("fri", date(2026, 11, 27)),
        ("next monday", date(2026, 11, 30)),
        ("monday", date(2026, 11, 30)),
        ("thursday", date(2026, 12, 3)),
        ("next thursday", date(2026, 12, 3)),
        ("sunday", date(2026, 11, 29)),
        ("next sunday", date(2026, 12, 6)),
        ("today", date(2026, 11, 26)),
        ("tomorrow", date(2026, 11, 27)),
        ("in 2 weeks", date(2026, 12, 10)),
        ("in 1 day", date(2026, 11, 27)),
        ("in 3 days", date(2026, 11, 29)),
        ("in a week", date(2026, 12, 3)),
        ("in one month", date(2026, 12, 26)),
        ("in 2 months", date(2027, 1, 26)),
        ("in a year", date(2027, 11, 26)),
        ("next week", date(2026, 12, 3)),
        ("next month", date(2026, 12, 26)),
        ("next year", date(2027, 11, 26)),
        ("3 Dec", date(2026, 12, 3)),
        ("3 december", date(2026, 12, 3)),
        ("Dec 3", date(2026, 12, 3)),
        ("3rd December", date(2026, 12, 3)),
        ("26 nov", date(2026, 11, 26)),
        ("3 jan", date(2027, 1, 3)),
        ("25 nov", date(2027, 11, 25)),
        ("3 Dec 2026", date(2026, 12, 3)),
        ("2026-12-03", date(2026, 12, 3)),
        ("2027-01-03", date(2027, 1, 3)),
        ("2026-11-26", date(2026, 11, 26)),
    ],
)
def test_parse_due(typed: str, expected: date) -> None:
    assert parse_due(typed, TODAY) == expected


def test_next_friday_reads_back_in_full() -> None:
    assert full_date(parse_due("next friday", TODAY)) == "Friday 4 December 2026"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("28", date(2026, 11, 28)),
        ("5th", date(2026, 12, 5)),
        ("5", date(2026, 12, 5)),
    ],
)
def test_a_day_of_the_month_alone_is_the_next_such_day(typed: str, expected: date) -> None:
    assert parse_due(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3/12", date(2026, 12, 3)),
        ("3/12/2026", date(2026, 12, 3)),
        ("03/01/2027", date(2027, 1, 3)),
        ("2026/12/03", date(2026, 12, 3)),
    ],
)
def test_numeric_dates_are_day_first(typed: str, expected: date) -> None:
    assert parse_due(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_a_blank_date_is_refused_with_examples(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_due(typed, TODAY)
    assert str(caught.value) == (
        "Please type a date, for example “next friday”, “in 2 weeks”, “3 Dec” or 2026-12-03."
    )


@pytest.mark.parametrize("typed", ["next blursday", "soon", "whenever", "next fortnight"])
def test_nonsense_is_refused_kindly(typed: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_due(typed, TODAY)
    assert str(caught.value) == (
        f"Sorry, “{typed}” doesn't read as a date. "
        "Try “next friday”, “in 2 weeks”, “3 Dec” or 2026-12-03."
    )


def test_an_impossible_date_is_refused() -> None:
    with pytest.raises(DomainError, match="doesn't read as a date"):
        parse_due("31 feb", TODAY)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-11-25", "Wednesday 25 November 2026"),
        ("1 jan 2026", "Thursday 1 January 2026"),
        ("2025-12-25", "Thursday 25 December 2025"),
    ],
)
def test_past_dates_are_refused(typed: str, day: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_due(typed, TODAY)
    assert str(caught.value) == f"{day} has already passed. Please give a later date."


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2026, 12, 4), "Friday 4 December 2026"),
        (date(2027, 1, 1), "Friday 1 January 2027"),
        (date(2026, 11, 30), "Monday 30 November 2026"),
    ],
)
def test_full_date(day: date, written: str) -> None:
    assert full_date(day) == written


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("next tuesday 2pm", datetime(2026, 12, 1, 14, 0)),
        ("next tuesday at 2pm", datetime(2026, 12, 1, 14, 0)),
        ("tuesday 2:15pm", datetime(2026, 12, 1, 14, 15)),
        ("tomorrow 9am", datetime(2026, 11, 27, 9, 0)),
        ("3 Dec 10:30", datetime(2026, 12, 3, 10, 30)),
        ("3 dec at 10:30", datetime(2026, 12, 3, 10, 30)),
        ("3/12 10:30", datetime(2026, 12, 3, 10, 30)),
        ("2026-12-03T14:00", datetime(2026, 12, 3, 14, 0)),
        ("2026-12-03 14:00", datetime(2026, 12, 3, 14, 0)),
        ("2026-12-03", datetime(2026, 12, 3, 0, 0)),
    ],
)
def test_parse_when(typed: str, expected: datetime) -> None:
    assert parse_when(typed, NOW) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3 jan", datetime(2027, 1, 3, 0, 0)),
        ("14:00 3 jan", datetime(2027, 1, 3, 14, 0)),
        ("14:00 3 dec", datetime(2026, 12, 3, 14, 0)),
        ("3 jan 2027", datetime(2027, 1, 3, 0, 0)),
    ],
)
def test_parse_when_without_a_year_is_the_next_such_day(typed: str, expected: datetime) -> None:
    assert parse_when(typed, NOW) == expected


@pytest.mark.parametrize("typed", ["2026-11-01 10:00", "2026-11-01", "1 nov 2026", "2020-01-01"])
def test_parse_when_refuses_a_day_that_has_passed(typed: str) -> None:
    with pytest.raises(DomainError, match="has already passed"):
        parse_when(typed, NOW)


@pytest.mark.parametrize("typed", ["", "whenever", "next blursday 2pm"])
def test_parse_when_refuses_nonsense(typed: str) -> None:
    with pytest.raises(DomainError):
        parse_when(typed, NOW)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # UK local time in December is UTC, so 14:00 at +01:00 is 13:00 here.
        ("2026-12-03 14:00+01:00", datetime(2026, 12, 3, 13, 0)),
        ("2026-12-03T14:00:00Z", datetime(2026, 12, 3, 14, 0)),
        ("3 Dec 14:00 UTC", datetime(2026, 12, 3, 14, 0)),
        ("2026-12-03T09:00-0500", datetime(2026, 12, 3, 14, 0)),
        ("next tuesday 2pm -05:00", datetime(2026, 12, 1, 19, 0)),
        ("2026-12-03 14:00:30", datetime(2026, 12, 3, 14, 0, 30)),
    ],
)
def test_parse_when_turns_a_utc_offset_into_local_time(typed: str, expected: datetime) -> None:
    assert parse_when(typed, NOW.astimezone()) == expected


def test_parse_when_refuses_an_offset_that_cannot_be_in_plain_words() -> None:
    with pytest.raises(DomainError, match="“\\+25:00” isn't a time zone offset: try"):
        parse_when("3 Dec 14:00+25:00", NOW.astimezone())
