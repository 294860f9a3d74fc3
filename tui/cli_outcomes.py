"""The commands for outcomes (what success looks like, in the group's words) and their reviews."""

import click

from session.acting import COMMAND_LINE
from session.clock import Clock
from session.dates import full_date
from session.ids import short
from session.outcomes import (
    EVIDENCE,
    held_on,
    new_outcome,
    new_review,
    schedule_words,
    trend,
)
from store.errors import StoreError
from store.outcomes import (
    due_reviews,
    find_outcome,
    outcomes_of,
    reviews_of,
    save_outcome,
    save_review,
)
from store.plan import load_plan
from store.records import find_member, members_of
from tui.cli_base import db_option, group_option, open_store, pick_group, say


@click.group("outcome")
def outcome_commands() -> None:
    """What success looks like, in the group's own words, and how it will be measured."""


@outcome_commands.command("add")
@click.argument("text")
@click.option("--measure", required=True, help="How it will be measured, in the group's words.")
@click.option(
    "--evidence", type=click.Choice(EVIDENCE), default="story and number", show_default=True
)
@click.option(
    "--review",
    "schedule",
    required=True,
    metavar="WHEN",
    help='When it is reviewed: "in 6 months", "every 3 months", or a date.',
)
@click.option("--scale", "scale_top", type=int, default=5, show_default=True, help="0 to N.")
@click.option("--scale-words", default="", help='What the scale means, e.g. "0 = none, 5 = all".')
@click.option(
    "--issue",
    "issue_numbers",
    type=int,
    multiple=True,
    metavar="NUMBER",
    help="An issue it answers, by its number in `coproduce issue list` (again for more).",
)
@group_option
@db_option
@click.pass_obj
def outcome_add(
    clock: Clock,
    text: str,
    measure: str,
    evidence: str,
    schedule: str,
    scale_top: int,
    scale_words: str,
    issue_numbers: tuple[int, ...],
    group_ref: str | None,
) -> None:
    """Say what success looks like: TEXT, in the group's own words."""
    db = open_store()
    group = pick_group(db, group_ref)
    today = clock().astimezone().date()
    plan = load_plan(db, group.id)
    issues = [plan.kept(plan.numbered(n).id) for n in issue_numbers]
    outcome = new_outcome(
        group.id, text, measure, evidence, schedule, today, scale_top, scale_words, issues
    )
    save_outcome(db, outcome, clock, COMMAND_LINE)
    say(f"Added the outcome “{outcome.text}” ({short(outcome.id)}) to {group.name}.")
    say(f"Reviewed {schedule_words(outcome, [])}.")


@outcome_commands.command("list")
@group_option
@db_option
def outcome_list(group_ref: str | None) -> None:
    """List the group's outcomes, with every review and the trend."""
    db = open_store()
    group = pick_group(db, group_ref)
    names = {m.id: m.name for m in members_of(db, group.id)}
    found = outcomes_of(db, group.id)
    if not found:
        say(f'{group.name} has no outcomes yet. Add one with: coproduce outcome add "TEXT"')
    for outcome in found:
        reviews = reviews_of(db, outcome.id)
        say(f"{short(outcome.id)}  {outcome.text}")
        say(f"    Measured by: {outcome.measure} ({outcome.evidence}; {outcome.scale_words})")
        say(f"    Reviewed {schedule_words(outcome, reviews)}")
        for review, move in trend(reviews):
            who = names.get(review.said_by_member or "", "") or review.said_by
            evidence = "; ".join(
                part
                for part in (
                    review.story,
                    "" if review.number is None else f"number: {review.number:g}",
                    f"said by {who}" if who else "",
                )
                if part
            )
            say(
                f"    {full_date(review.reviewed_on)}: {review.progress} of {outcome.scale_top}"
                f" ({move}) — {evidence}"
            )


@click.group("review")
def review_commands() -> None:
    """Reviews of progress towards the group's outcomes."""


@review_commands.command("add")
@click.argument("outcome_ref", metavar="OUTCOME")
@click.option("--progress", type=int, required=True, help="On the outcome's scale.")
@click.option("--story", default="", help="What happened, in the words of whoever said it.")
@click.option("--number", type=float, help="The number, if it is measured by one.")
@click.option("--said-by", default="", metavar="PERSON", help="A member's name, or who said it.")
@click.option("--on", "on_day", default="today", help="When it was held (2026-11-03).")
@group_option
@db_option
@click.pass_obj
def review_add(
    clock: Clock,
    outcome_ref: str,
    progress: int,
    story: str,
    number: float | None,
    said_by: str,
    on_day: str,
    group_ref: str | None,
) -> None:
    """Record a review of OUTCOME (the start of its id, or its exact words)."""
    db = open_store()
    group = pick_group(db, group_ref)
    outcome = find_outcome(db, group.id, outcome_ref)
    today = clock().astimezone().date()
    reviewed_on = held_on(on_day, today)
    member_id = None
    if said_by.strip():
        try:
            member_id = find_member(db, group.id, said_by).id
        except StoreError:  # not a member of the group: keep the words as typed
            member_id = None
    review = new_review(
        outcome,
        reviewed_on,
        progress,
        story,
        number,
        member_id,
        "" if member_id else said_by,
    )
    save_review(db, review, clock, COMMAND_LINE)
    say(f"Recorded progress {progress} of {outcome.scale_top} on “{outcome.text}”.")
    say(f"Reviewed {schedule_words(outcome, reviews_of(db, outcome.id))}.")


@click.command("reviews")
@group_option
@db_option
@click.pass_obj
def reviews(clock: Clock, group_ref: str | None) -> None:
    """List the reviews that are due: every outcome whose review date has come."""
    db = open_store()
    group_id = pick_group(db, group_ref).id if group_ref else None
    today = clock().astimezone().date()
    due = due_reviews(db, today, group_id)
    if not due:
        say("No reviews are due.")
    for item in due:
        say(
            f"{short(item.outcome.id)}  {item.outcome.text} — {item.group.name}: "
            f"due {full_date(item.on)}"
        )
        say(f"    Record it with: coproduce review add {short(item.outcome.id)} --progress N")
