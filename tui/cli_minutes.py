"""`coproduce export`: the minutes of a meeting as Markdown or offline HTML, in full or in easy
read, printed or written to a private file."""

from pathlib import Path

import click

from session.clock import Clock
from store.export import minutes
from store.records import find_meeting
from tui.cli_base import anonymise_option, db_option, open_store, output_option, write_or_print


@click.command()
@click.argument("meeting_ref", metavar="MEETING")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["md", "html"]),
    default="md",
    show_default=True,
    help="Markdown, or one HTML file that works offline (large text, plain headings).",
)
@click.option(
    "--easy-read",
    is_flag=True,
    help="Short sentences, one idea each: what was decided, who will do what by when, "
    "and the words explained.",
)
@anonymise_option
@output_option
@db_option
@click.pass_obj
def export(
    clock: Clock,
    meeting_ref: str,
    format_: str,
    easy_read: bool,
    anonymise: bool,
    output: Path | None,
) -> None:
    """Write the minutes of MEETING (its title or id)."""
    db = open_store()
    meeting = find_meeting(db, meeting_ref)
    text = minutes(db, meeting.id, clock, anonymise, format_, easy_read)
    what = "the easy read minutes" if easy_read else "the minutes"
    write_or_print(text, output, f"{what} of “{meeting.title}”")
