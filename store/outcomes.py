"""Saving a group's outcomes and reviews, and finding the reviews that are due. An outcome is
found by the start of its id or of its words."""

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from session.acting import FACILITATOR
from session.changes import OutcomeDefined, ReviewRecorded
from session.clock import Clock
from session.outcomes import Outcome, Review, is_due, next_review
from session.setup import Group
from store.changes import record_change
from store.db import writing
from store.errors import StoreError
from store.records import groups


def save_outcome(db: Database, outcome: Outcome, clock: Clock, role: str = FACILITATOR) -> None:
    with writing(db):
        db.table("outcomes").insert(
            {
                "id": outcome.id,
                "group_id": outcome.group_id,
                "text": outcome.text,
                "measure": outcome.measure,
                "evidence": outcome.evidence,
                "scale_top": outcome.scale_top,
                "scale_words": outcome.scale_words,
                "review_schedule": outcome.review_schedule,
                "first_review": outcome.first_review.isoformat(),
                "rrule": outcome.rrule,
                "issue_ids": json.dumps(outcome.issue_ids),
                "created_at": clock().isoformat(),
            }
        )
        defined = OutcomeDefined(
            outcome.id, outcome.text, outcome.measure, outcome.review_schedule, outcome.issue_ids
        )
        record_change(db, outcome.group_id, defined, clock, role)


def save_review(db: Database, review: Review, clock: Clock, role: str = FACILITATOR) -> None:
    with writing(db):
        db.table("reviews").insert(
            {
                "id": review.id,
                "outcome_id": review.outcome_id,
                "reviewed_on": review.reviewed_on.isoformat(),
                "progress": review.progress,
                "story": review.story,
                "number": review.number,
                "said_by_member": review.said_by_member,
                "said_by": review.said_by,
                "created_at": clock().isoformat(),
            }
        )
        recorded = ReviewRecorded(
            review.id,
            review.outcome_id,
            review.reviewed_on.isoformat(),
            review.progress,
            review.said_by_member,
        )
        group_id = db.table("outcomes").get(review.outcome_id)["group_id"]
        record_change(db, group_id, recorded, clock, role)


def _outcome(row: dict[str, Any]) -> Outcome:
    return Outcome(
        row["id"],
        row["group_id"],
        row["text"],
        row["measure"] or "",
        row["evidence"] or "story",
        row["scale_top"],
        row["scale_words"] or "",
        row["review_schedule"] or "",
        date.fromisoformat(row["first_review"]),
        row["rrule"] or "",
        tuple(json.loads(row["issue_ids"] or "[]")),
    )


def _review(row: dict[str, Any]) -> Review:
    return Review(
        row["id"],
        row["outcome_id"],
        date.fromisoformat(row["reviewed_on"]),
        row["progress"],
        row["story"] or "",
        row["number"],
        row["said_by_member"],
        row["said_by"] or "",
    )


def outcomes_of(db: Database, group_id: str) -> list[Outcome]:
    rows = db.table("outcomes").rows_where("group_id = ?", [group_id], order_by="created_at, rowid")
    return [_outcome(r) for r in rows]


def reviews_of(db: Database, outcome_id: str) -> list[Review]:
    rows = db.table("reviews").rows_where(
        "outcome_id = ?", [outcome_id], order_by="reviewed_on, rowid"
    )
    return [_review(r) for r in rows]


def find_outcome(db: Database, group_id: str, ref: str) -> Outcome:
    typed = ref.strip().casefold()
    found = [
        o
        for o in outcomes_of(db, group_id)
        if typed and (o.id.startswith(typed) or o.text.casefold().startswith(typed))
    ]
    if len(found) == 1:
        return found[0]
    problem = "No outcome matches" if not found else "More than one outcome matches"
    raise StoreError(f"{problem} “{ref}”. `coproduce outcome list` shows them.")


@dataclass(frozen=True)
class Due:
    group: Group
    outcome: Outcome
    on: date


def due_reviews(db: Database, today: date, group_id: str | None = None) -> list[Due]:
    """Every outcome whose next review date has come, earliest first."""
    due = []
    for group in groups(db):
        if group_id is not None and group.id != group_id:
            continue
        for outcome in outcomes_of(db, group.id):
            reviews = reviews_of(db, outcome.id)
            when = next_review(outcome, reviews)
            if when is not None and is_due(outcome, reviews, today):
                due.append(Due(group, outcome, when))
    return sorted(due, key=lambda d: d.on)
