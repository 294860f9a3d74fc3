"""`coproduce minutes` and `coproduce join`: a participant's own device, in another terminal,
on the same database as the projector."""

import click

from session.clock import Clock
from store.errors import StoreError
from store.records import find_meeting, find_member, meeting_in_progress
from tui.app import make_app
from tui.cli_base import db_option, open_store

NO_MEETING = "No meeting is in progress. Say which one with --meeting (its title or id)."


def _open_device(clock: Clock, view: str, person_ref: str, meeting_ref: str | None) -> None:
    db = open_store()
    meeting_id = find_meeting(db, meeting_ref).id if meeting_ref else meeting_in_progress(db)
    if meeting_id is None:
        raise StoreError(NO_MEETING)
    group_id = find_meeting(db, meeting_id).group_id
    member = find_member(db, group_id, person_ref)
    make_app(db, meeting_id, clock, (view, member.id)).run()


as_option = click.option(
    "--as", "person_ref", required=True, metavar="PERSON", help="Whose device this is."
)
meeting_option = click.option(
    "--meeting",
    "meeting_ref",
    metavar="MEETING",
    help="The meeting's title or id. Default: the meeting in progress.",
)


@click.command()
@as_option
@meeting_option
@db_option
@click.pass_obj
def minutes(clock: Clock, person_ref: str, meeting_ref: str | None) -> None:
    """Take the minutes on your own device: write while you hold the role, read after."""
    _open_device(clock, "minutes", person_ref, meeting_ref)


@click.command()
@as_option
@meeting_option
@db_option
@click.pass_obj
def join(clock: Clock, person_ref: str, meeting_ref: str | None) -> None:
    """Follow the meeting on your own device, and raise or lower your hand."""
    _open_device(clock, "attendee", person_ref, meeting_ref)
