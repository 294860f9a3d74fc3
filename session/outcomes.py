"""What success looks like, in the group's own words, and the reviews of progress towards it.

An outcome says how it will be measured (numbers, stories or both), the scale progress is rated
on, and when it is reviewed: once ("in 6 months", "3 March") or again and again ("every 3
months"), kept as an iCalendar recurrence rule (dateutil's rrule)."""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from session.dates import full_date, parse_due
from session.errors import DomainError
from session.ids import new_id
from session.text import NAME_LIMIT, TEXT_LIMIT, TITLE_LIMIT, optional_text, required_text

EVIDENCE = ("story", "number", "story and number")
LARGEST_SCALE = 100
EARLY_DAYS = 14  # a review this many days early still counts for that date
EVERY = re.compile(r"^every\s+(?:(\d{1,2}|one|two|three|six)\s+)?(week|month|year)s?$")
NAMED = {"weekly": "every week", "monthly": "every month", "quarterly": "every 3 months"}
NAMED |= {"yearly": "every year", "annually": "every year"}
WORDS = {"one": 1, "two": 2, "three": 3, "six": 6}
Frequency = Literal[0, 1, 2, 3, 4, 5, 6]  # dateutil's YEARLY ... SECONDLY
FREQUENCIES: dict[str, Frequency] = {"week": WEEKLY, "month": MONTHLY, "year": YEARLY}
STEPS = {"week": "weeks", "month": "months", "year": "years"}


@dataclass(frozen=True)
class Outcome:
    id: str
    group_id: str
    text: str
    measure: str
    evidence: str
    scale_top: int
    scale_words: str
    review_schedule: str
    first_review: date
    rrule: str  # "" when reviewed once
    issue_ids: tuple[str, ...] = ()  # the issues raised before the meetings it answers


@dataclass(frozen=True)
class Review:
    id: str
    outcome_id: str
    reviewed_on: date
    progress: int
    story: str = ""
    number: float | None = None
    said_by_member: str | None = None
    said_by: str = ""


OutcomeReviews = tuple[Outcome, Sequence[Review]]  # an outcome and its reviews so far


def parse_schedule(text: str, today: date) -> tuple[date, str]:
    """The first review date and, if it recurs, its rule: "every 3 months" starts 3 months from
    today; anything else is one date, read like a due date ("in 6 months", "3 March")."""
    phrase = " ".join(text.strip().casefold().split())
    phrase = NAMED.get(phrase, phrase)
    match = EVERY.match(phrase)
    if match is None:
        return parse_due(text, today), ""
    count_word, unit = match.groups()
    interval = WORDS.get(count_word or "one") or int(count_word)
    if interval < 1:
        raise DomainError("Please give how often as at least every 1 week, month or year.")
    first = today + relativedelta(**{STEPS[unit]: interval})  # type: ignore[arg-type]
    rule = rrule(
        FREQUENCIES[unit], interval=interval, dtstart=datetime.combine(first, datetime.min.time())
    )
    return first, str(rule)


def new_outcome(
    group_id: str,
    text: str,
    measure: str,
    evidence: str,
    review_schedule: str,
    today: date,
    scale_top: int = 5,
    scale_words: str = "",
    issue_ids: Sequence[str] = (),
) -> Outcome:
    if evidence not in EVIDENCE:
        raise DomainError(f"The evidence is one of: {', '.join(EVIDENCE)}.")
    if not 1 <= scale_top <= LARGEST_SCALE:
        raise DomainError(f"The top of the scale must be a whole number from 1 to {LARGEST_SCALE}.")
    schedule = required_text(review_schedule, "when it will be reviewed", NAME_LIMIT)
    first, rule = parse_schedule(schedule, today)
    return Outcome(
        id=new_id(),
        group_id=group_id,
        text=required_text(text, "what success looks like, in the group's words", TEXT_LIMIT),
        measure=required_text(measure, "how it will be measured", TEXT_LIMIT),
        evidence=evidence,
        scale_top=scale_top,
        scale_words=optional_text(scale_words, "what the scale means", TITLE_LIMIT)
        or f"0 = no progress, {scale_top} = fully achieved",
        review_schedule=schedule,
        first_review=first,
        rrule=rule,
        issue_ids=tuple(dict.fromkeys(issue_ids)),
    )


def new_review(
    outcome: Outcome,
    reviewed_on: date,
    progress: int,
    story: str = "",
    number: float | None = None,
    said_by_member: str | None = None,
    said_by: str = "",
) -> Review:
    if not 0 <= progress <= outcome.scale_top:
        raise DomainError(
            f"Progress is on the group's scale, from 0 to {outcome.scale_top} "
            f"({outcome.scale_words})."
        )
    story = optional_text(story, "the story")
    if "story" in outcome.evidence and not story and number is None:
        raise DomainError("Please give the evidence: a story, a number, or both.")
    if outcome.evidence == "number" and number is None:
        raise DomainError(f"This outcome is measured by a number: {outcome.measure}")
    return Review(
        id=new_id(),
        outcome_id=outcome.id,
        reviewed_on=reviewed_on,
        progress=progress,
        story=story,
        number=number,
        said_by_member=said_by_member,
        said_by=optional_text(said_by, "who said it", NAME_LIMIT),
    )


def next_review(outcome: Outcome, reviews: list[Review]) -> date | None:
    """When the next review is due; None once a one-off review has been done. A review up to
    two weeks before a date counts for that date."""
    latest = max((r.reviewed_on for r in reviews), default=None)
    if not outcome.rrule:
        return outcome.first_review if latest is None else None
    if latest is None:
        return outcome.first_review
    rule = rrulestr(outcome.rrule)
    after = datetime.combine(latest + timedelta(days=EARLY_DAYS), datetime.min.time())
    found = rule.after(after, inc=False)
    return None if found is None else found.date()


def is_due(outcome: Outcome, reviews: list[Review], today: date) -> bool:
    due = next_review(outcome, reviews)
    return due is not None and due <= today


def trend(reviews: list[Review]) -> list[tuple[Review, str]]:
    """Each review, earliest first, with how progress moved since the one before."""
    ordered = sorted(reviews, key=lambda r: r.reviewed_on)
    moves = []
    for before, review in zip([None, *ordered], ordered, strict=False):
        if before is None:
            moves.append((review, "first review"))
        elif review.progress > before.progress:
            moves.append((review, f"↑ up {review.progress - before.progress}"))
        elif review.progress < before.progress:
            moves.append((review, f"↓ down {before.progress - review.progress}"))
        else:
            moves.append((review, "→ no change"))
    return moves


def schedule_words(outcome: Outcome, reviews: list[Review]) -> str:
    due = next_review(outcome, reviews)
    when = "no further review planned" if due is None else f"next review {full_date(due)}"
    return f"{outcome.review_schedule}: {when}"


def held_on(text: str, today: date) -> date:
    """The day a review was held: today, or a date written as 2026-11-03."""
    if text.strip().casefold() == "today":
        return today
    try:
        held = date.fromisoformat(text.strip())
    except ValueError:
        raise DomainError(f"Please give the review's date as 2026-11-03, not “{text}”.") from None
    if held > today:
        raise DomainError(f"{full_date(held)} hasn't happened yet. When was the review held?")
    return held


def review_status(outcome: Outcome, reviews: list[Review], today: date) -> str:
    """Whether a review is due, in words with a symbol (never colour alone)."""
    due = next_review(outcome, reviews)
    if due is None:
        return "✔ Reviewed: no further review planned."
    if due <= today:
        return f"⏰ REVIEW DUE since {full_date(due)}."
    return f"○ Not due yet: next review {full_date(due)}."
