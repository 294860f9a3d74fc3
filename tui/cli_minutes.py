"""`coproduce export`: the minutes of a meeting as Markdown or offline HTML, in full or in easy
read, printed or written to a private file."""

from pathlib import Path

import click

from session.clock import Clock
from store.export import MINUTES, minutes_source
from store.files import write_private
from store.records import find_meeting
from tui.cli_base import db_option, open_store, say


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
@click.option(
    "--anonymise",
    is_flag=True,
    help="Replace every name with a stable pseudonym, also in what people typed.",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A file to write, readable by you alone. Default: print the minutes.",
)
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
    minutes = MINUTES[format_, easy_read](minutes_source(db, meeting.id, clock, anonymise))
    if output is None:
        say(minutes.rstrip("\n"))
        return
    write_private(output, minutes)
    what = "the easy read minutes" if easy_read else "the minutes"
    say(f"Wrote {what} of “{meeting.title}” to {output}.")
