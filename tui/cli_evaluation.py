"""The evaluation commands: power-balance reports, every table as CSV or JSON, and what became
of each action after its meeting."""

from collections.abc import Callable
from pathlib import Path

import click

from session.acting import COMMAND_LINE
from session.clock import Clock
from session.dates import full_date
from session.follow_up import STATUSES, action_update
from session.history import history_report
from session.ids import short
from session.power import OPEN, meeting_report
from session.pseudonyms import as_consented
from store.errors import StoreError
from store.evaluation import (
    action_statuses,
    group_actions,
    group_outcomes,
    group_records,
    meeting_record,
    save_action_update,
)
from store.merge import merge_file
from store.plan import preparation
from store.records import find_meeting, members_of
from store.render import to_html, to_markdown
from store.tables import FORMATS, export_tables
from tui.cli_base import (
    anonymise_option,
    db_option,
    group_option,
    open_store,
    output_option,
    pick_group,
    say,
    write_or_print,
)

REPORT_FORMATS = {"md": to_markdown, "html": to_html}


def report_options(command: Callable[..., None]) -> Callable[..., None]:
    """What every report takes: MEETING (else --group), --format, --anonymise and --output."""
    decorators = (
        click.argument("meeting_ref", metavar="[MEETING]", required=False),
        group_option,
        click.option(
            "--format",
            "format_",
            type=click.Choice(list(REPORT_FORMATS)),
            default="md",
            show_default=True,
        ),
        anonymise_option,
        output_option,
        db_option,
        click.pass_obj,
    )
    decorated: Callable[..., None] = command
    for decorate in reversed(decorators):
        decorated = decorate(decorated)
    return decorated


@click.command()
@report_options
def report(
    clock: Clock,
    meeting_ref: str | None,
    group_ref: str | None,
    format_: str,
    anonymise: bool,
    output: Path | None,
) -> None:
    """The power-balance report of MEETING; without MEETING, of the group over time.

    Who spoke and for how long, by person and perspective; how evenly time was shared; whose
    items got the time; who held the roles; actions; check-out answers; "You said, we did".
    """
    db = open_store()
    if meeting_ref is not None:
        record = meeting_record(db, find_meeting(db, meeting_ref).id, clock, anonymise)
        built = meeting_report(record, preparation(db, record.group.id))
        group_id = record.group.id
        what = f"the power-balance report of “{record.meeting.title}”"
    else:
        group = pick_group(db, group_ref)
        built = history_report(
            group,
            group_records(db, group.id, clock, anonymise),
            group_outcomes(db, group.id),
            preparation(db, group.id),
        )
        group_id, what = group.id, f"the power-balance report of {group.name} over time"
    built = as_consented(built, members_of(db, group_id), anonymise)
    write_or_print(REPORT_FORMATS[format_](built), output, what)


@click.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "format_", type=click.Choice(FORMATS), default="csv", show_default=True)
@anonymise_option
@db_option
def data(folder: Path, format_: str, anonymise: bool) -> None:
    """Write every table and view of the database into FOLDER, one file each."""
    written = export_tables(open_store(), folder, format_, anonymise)
    say(f"Wrote {len(written)} {format_.upper()} files to {folder}.")
    if anonymise:
        say("Names are replaced with pseudonyms; needs and outside attributions are left out.")


@click.group("action")
def action_commands() -> None:
    """What became of the actions agreed in meetings."""


@action_commands.command("list")
@group_option
@db_option
def action_list(group_ref: str | None) -> None:
    """List a group's actions, with what became of each."""
    db = open_store()
    group = pick_group(db, group_ref)
    statuses = action_statuses(db)
    names = {m.id: m.name for m in members_of(db, group.id)}
    found = False
    for action in group_actions(db, group.id):
        found = True
        status = statuses.get(action.id, OPEN)
        note = f" ({status.note})" if status.note else ""
        who = names.get(action.owner_id, "someone not on the group's list")
        say(
            f"{short(action.id)}  {action.what} — {who}, by {full_date(action.due)}: "
            f"{status.status}{note}"
        )
    if not found:
        say(f"{group.name} has agreed no actions yet.")


@action_commands.command("update")
@click.argument("action_ref", metavar="ACTION")
@click.option("--status", required=True, type=click.Choice(STATUSES), help="What became of it.")
@click.option("--note", default="", help='A note; for "not possible", say why.')
@group_option
@db_option
@click.pass_obj
def action_update_command(
    clock: Clock, action_ref: str, status: str, note: str, group_ref: str | None
) -> None:
    """Say what became of ACTION (the start of its id, as `coproduce action list` shows it)."""
    db = open_store()
    group = pick_group(db, group_ref)
    update = action_update(status, note)
    typed = action_ref.strip().casefold()
    found = [a for a in group_actions(db, group.id) if typed and a.id.startswith(typed)]
    if len(found) != 1:
        problem = "No action" if not found else "More than one action"
        raise StoreError(f"{problem} has an id starting “{action_ref}”. `coproduce action list`.")
    save_action_update(db, found[0].id, update, clock, COMMAND_LINE)
    say(f"“{found[0].what}” is now {update.status}.")


@click.command()
@click.argument("sources", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@db_option
def merge(sources: tuple[Path, ...]) -> None:
    """Combine other groups' databases (SOURCES) into this one, for an organisation-wide
    evaluation. The SOURCES are read, not changed; merging the same file twice adds nothing."""
    db = open_store()
    for source in sources:
        merged = merge_file(db, source)
        added = ", ".join(f"{n} {table}" for table, n in merged.rows.items() if n) or "nothing new"
        say(f"Merged {source}: {added}.")
        if merged.skipped:
            say(f"    Not copied: {', '.join(merged.skipped)}.")
