"""Reading dates the way people say them: "next friday", "in 2 weeks", "3 Dec", "2026-12-03"."""

import re
from datetime import UTC, date, datetime, timedelta, timezone

from dateutil import parser
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta, weekday

from session.errors import DomainError

WEEKDAYS: dict[str, weekday] = {
    name: day
    for day, names in (
        (MO, ("monday", "mon")),
        (TU, ("tuesday", "tue", "tues")),
        (WE, ("wednesday", "wed")),
        (TH, ("thursday", "thu", "thur", "thurs")),
        (FR, ("friday", "fri")),
        (SA, ("saturday", "sat")),
        (SU, ("sunday", "sun")),
    )
    for name in names
}
IN_N_UNITS = re.compile(r"^in\s+(\d{1,3}|a|an|one)\s+(day|week|month|year)s?$")
NEXT_OR_THIS = re.compile(r"^(next|this|on)?\s*([a-z]+)$")
EXAMPLES = "“next friday”, “in 2 weeks”, “3 Dec” or 2026-12-03"


def parse_due(text: str, today: date) -> date:
    """The date `text` means, counted from `today`: today or later.

    A date without a year is the next such day. "friday" is the coming Friday; "next friday" is
    the Friday of next week. Either way the screen reads the full date back to confirm it.
    """
    phrase = " ".join(text.strip().casefold().split())
    if not phrase:
        raise DomainError(f"Please type a date, for example {EXAMPLES}.")
    if (found := _relative(phrase, today)) is not None:
        return found
    try:
        parsed = _parse(phrase, datetime(today.year, today.month, today.day))
    except (ValueError, OverflowError):
        raise DomainError(
            f"Sorry, “{text.strip()}” doesn't read as a date. Try {EXAMPLES}."
        ) from None
    return _upcoming(phrase, parsed, today)


def _upcoming(phrase: str, parsed: datetime, today: date) -> date:
    """The day `phrase` (read by dateutil as `parsed`) means: a day of the month on its own is
    the next such day, a day and month without a year the next such date. Refused if passed."""
    found = parsed.date()
    if found < today and not _month_given(phrase, parsed):
        found = _next_month_with_day(found.day, today)
    elif found < today and not re.search(r"\d{4}", phrase):
        found += relativedelta(years=1)
    if found < today:
        raise DomainError(f"{full_date(found)} has already passed. Please give a later date.")
    return found


def _parse(phrase: str, default: datetime) -> datetime:
    """dateutil's reading of `phrase`. Numbers are read day first, as people write them in the
    UK ("3/12" is 3 December), unless the year comes first, as in 2026-12-03."""
    return parser.parse(phrase, default=default, dayfirst=not re.match(r"\d{4}", phrase))


def _month_given(phrase: str, read: datetime) -> bool:
    """Whether `phrase` (read as `read` in the current month) names its month: read in another
    month, it must come out in the same one."""
    other = datetime(read.year, read.month % 12 + 1, 1)
    try:
        return _parse(phrase, other).month == read.month
    except (ValueError, OverflowError):
        return False  # e.g. "31" read in a 30-day month: the month was not given


def _next_month_with_day(day: int, today: date) -> date:
    """The `day` of the month in the first month after today's that has one: "5" said on
    26 November is 5 December."""
    month = date(today.year, today.month, 1)
    while True:
        month += relativedelta(months=1)
        try:
            return month.replace(day=day)
        except ValueError:
            continue


def _relative(phrase: str, today: date) -> date | None:
    if phrase == "today":
        return today
    if phrase == "tomorrow":
        return today + relativedelta(days=1)
    if phrase in ("next week", "next month", "next year"):
        return today + _step(phrase.split()[1], 1)
    if match := IN_N_UNITS.match(phrase):
        count_word, unit = match.groups()
        count = int(count_word) if count_word.isdigit() else 1
        return today + _step(unit, count)
    if (match := NEXT_OR_THIS.match(phrase)) and match.group(2) in WEEKDAYS:
        coming = today + relativedelta(days=1, weekday=WEEKDAYS[match.group(2)](+1))
        same_week = coming.isocalendar()[:2] == today.isocalendar()[:2]
        return coming + relativedelta(weeks=1) if match.group(1) == "next" and same_week else coming
    return None


def _step(unit: str, count: int) -> relativedelta:
    steps = {
        "day": relativedelta(days=count),
        "week": relativedelta(weeks=count),
        "month": relativedelta(months=count),
        "year": relativedelta(years=count),
    }
    return steps[unit]


def full_date(day: date) -> str:
    """A date written out in full, to read back to the room: "Friday 4 December 2026"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def full_date_time(at: datetime) -> str:
    """A date and time written out in full: "Tuesday 1 December 2026 at 14:00"."""
    return f"{full_date(at.date())} at {at:%H:%M}"


TIME_AT_END = re.compile(r"^(.*?)\s*(?:at\s+)?(\d{1,2}(?::\d{2}){0,2}\s*(?:am|pm)?)$")


OFFSET_AT_END = re.compile(r"^(.*\d(?::\d{2})?\s*(?:am|pm)?)\s*(z|utc|gmt|[+-]\d{2}(?::?\d{2})?)$")


def parse_when(text: str, now: datetime) -> datetime:
    """A meeting's date and time, e.g. "next tuesday 2pm", "3 Dec 10:30", "2026-12-03T14:00".

    A time given with a UTC offset ("14:00+01:00", "14:00 UTC", "…Z") is turned into local time,
    which is how every meeting time is kept and shown."""
    phrase = " ".join(text.strip().casefold().split())
    if (offset := OFFSET_AT_END.match(phrase)) and re.search(r":|am|pm", offset.group(1)):
        there = parse_when(offset.group(1), now).replace(tzinfo=_utc_offset(offset.group(2)))
        return there.astimezone().replace(tzinfo=None)
    parsed = _parse_when_local(phrase, text, now)
    return parsed.astimezone().replace(tzinfo=None) if parsed.tzinfo else parsed


def _utc_offset(written: str) -> timezone:
    if written in ("z", "utc", "gmt"):
        return UTC
    digits = written[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise DomainError(f"Sorry, “{written}” isn't a time zone offset: try +01:00 or -05:00.")
    sign = -1 if written.startswith("-") else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _parse_when_local(phrase: str, text: str, now: datetime) -> datetime:
    match = TIME_AT_END.match(phrase)
    if match and match.group(1) and re.search(r":|am|pm", match.group(2)):
        day_part, time_part = match.groups()
        day = parse_due(day_part, now.date())
        try:
            clock = parser.parse(time_part)
        except (ValueError, OverflowError):
            raise DomainError(f"Sorry, “{time_part}” doesn't read as a time.") from None
        return datetime.combine(day, clock.time())
    try:
        parsed = _parse(phrase, datetime(now.year, now.month, now.day, 0, 0))
    except (ValueError, OverflowError):
        raise DomainError(
            f"Sorry, “{text.strip()}” doesn't read as a date and time. "
            "Try “next tuesday 2pm” or 2026-12-03 14:00."
        ) from None
    # The same rules as a due date: "3 jan" is next January's, and a day gone by is refused.
    return parsed + (_upcoming(phrase, parsed, now.date()) - parsed.date())
