"""`coproduce forget` and `coproduce export-person`: a person's rights over what is held about
them, to have it erased and to see all of it."""

from pathlib import Path

import click

from session.clock import Clock
from store.forget import copies_beside, forget, plan
from store.records import find_member
from store.subject_access import person_json, person_markdown, person_record
from tui.cli_base import (
    db_option,
    group_option,
    open_store,
    output_option,
    pick_group,
    say,
    write_or_print,
)

TABLE_WORDS = {
    "members": "their details, or other people's needs that mention them",
    "events": "the meetings' record (notes, decisions, actions, agenda items)",
}
person_argument = click.argument("person_ref", metavar="PERSON")


@click.command("forget")
@person_argument
@group_option
@click.option("--yes", is_flag=True, help="Don't ask for confirmation first.")
@db_option
@click.pass_obj
def forget_command(clock: Clock, person_ref: str, group_ref: str | None, yes: bool) -> None:
    """Forget PERSON at their request: their name becomes a pseudonym everywhere, and their
    access needs and other personal details are cleared. Counts stay true. It can't be undone."""
    db = open_store()
    member = find_member(db, pick_group(db, group_ref).id, person_ref)
    planned = plan(db, member)
    if planned.already_forgotten:
        say(f"{member.name} has already been forgotten. Tidying the file only.")
    else:
        say(f"{member.name} will become “{planned.pseudonym}”. Changes, by table:")
        for table, count in sorted(planned.rows.items()):
            say(f"  {table}: {count} — {TABLE_WORDS.get(table, 'text that names them')}")
        if not yes:
            click.confirm("Forget them? This can't be undone", abort=True)
    done = forget(db, member, clock)
    if not planned.already_forgotten:
        say(
            f"Done: {member.name} is now “{done.pseudonym}” everywhere "
            f"(rows changed: {sum(done.rows.values())})."
        )
    say("Other ways people referred to them (a nickname, a surname on its own) can't be found")
    say(f'automatically: `coproduce export-person "{done.pseudonym}"` shows what is left.')
    if not done.journal_emptied:
        say(
            "Another coproduce window has this file open, so an old copy of their details may "
            "stay in its journal until every window is closed. Close them, then run: "
            f'coproduce forget "{done.pseudonym}"'
        )
    if copies := copies_beside(db):
        say("These backup copies, made before upgrades, still hold their details:")
        for copy in copies:
            say(f"  {copy}")
        say("Delete them once you no longer need them.")


@click.command("export-person")
@person_argument
@group_option
@click.option(
    "--format",
    "format_",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="JSON for a machine, Markdown to read.",
)
@output_option
@db_option
@click.pass_obj
def export_person(
    clock: Clock, person_ref: str, group_ref: str | None, format_: str, output: Path | None
) -> None:
    """Everything held about PERSON (a subject access request): their details, and every part
    of the meetings' record that refers to them or names them."""
    db = open_store()
    member = find_member(db, pick_group(db, group_ref).id, person_ref)
    record = person_record(db, member, clock())
    text = person_json(record) if format_ == "json" else person_markdown(record)
    write_or_print(text, output, f"everything held about {member.name}")
