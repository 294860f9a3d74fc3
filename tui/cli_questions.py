"""`coproduce group questions`: the group's own check-out questions, asked at the end of each
meeting."""

import click

from session.acting import COMMAND_LINE
from session.checkout import DEFAULT_QUESTIONS
from session.checkout_questions import group_questions
from session.clock import Clock
from session.errors import DomainError
from store.evaluation import checkout_questions, save_checkout_questions
from tui.cli_base import db_option, group_option, open_store, pick_group, say


@click.command("questions")
@click.argument("typed", nargs=-1, metavar="[QUESTION ...]")
@click.option("--default", "default", is_flag=True, help="Go back to the default questions.")
@group_option
@db_option
@click.pass_obj
def questions(clock: Clock, typed: tuple[str, ...], default: bool, group_ref: str | None) -> None:
    """Show the group's check-out questions, or set them: each QUESTION in quotes."""
    db = open_store()
    group = pick_group(db, group_ref)
    if default and typed:
        raise DomainError("Please give either --default or your own questions, not both.")
    if default or typed:
        chosen = DEFAULT_QUESTIONS if default else group_questions(typed)
        save_checkout_questions(db, group.id, chosen, clock, role=COMMAND_LINE)
        say(f"{group.name} will be asked at check-out:")
    else:
        say(f"{group.name} is asked at check-out:")
    for number, question in enumerate(checkout_questions(db, group.id), start=1):
        say(f"  {number}. {question}")
    if not (default or typed):
        say('Change them with: coproduce group questions "QUESTION" "QUESTION" ...')
