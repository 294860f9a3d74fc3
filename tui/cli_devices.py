"""`coproduce minutes` and `coproduce join`: a participant's own device, in another terminal,
on the same database as the projector."""

import click
from sqlite_utils import Database

from session.clock import Clock
from store.errors import StoreError
from store.records import find_meeting, find_member, meeting_in_progress
from tui.app import make_app
from tui.cli_base import db_option, db_path, open_store, say
from tui.screens.devices import Device
from tui.serve_address import DEFAULT_HOST, DEFAULT_PORT

NO_MEETING = "No meeting is in progress. Say which one with --meeting (its title or id)."


def _meeting_id(db: Database, meeting_ref: str | None) -> str:
    meeting_id = find_meeting(db, meeting_ref).id if meeting_ref else meeting_in_progress(db)
    if meeting_id is None:
        raise StoreError(NO_MEETING)
    return meeting_id


def _open_device(
    clock: Clock, view: str, person_ref: str, meeting_ref: str | None, connection: str | None
) -> None:
    db = open_store()
    meeting_id = _meeting_id(db, meeting_ref)
    member = find_member(db, find_meeting(db, meeting_id).group_id, person_ref)
    make_app(db, meeting_id, clock, Device(view, member.id, connection)).run()


as_option = click.option(
    "--as", "person_ref", required=True, metavar="PERSON", help="Whose device this is."
)
connection_option = click.option(
    "--connection", hidden=True, help="The browser connection this runs for (coproduce serve)."
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
@connection_option
@db_option
@click.pass_obj
def minutes(clock: Clock, person_ref: str, meeting_ref: str | None, connection: str | None) -> None:
    """Take the minutes on your own device: write while you hold the role, read after."""
    _open_device(clock, "minutes", person_ref, meeting_ref, connection)


@click.command()
@as_option
@meeting_option
@connection_option
@db_option
@click.pass_obj
def join(clock: Clock, person_ref: str, meeting_ref: str | None, connection: str | None) -> None:
    """Follow the meeting on your own device, and raise or lower your hand."""
    _open_device(clock, "attendee", person_ref, meeting_ref, connection)


@click.command()
@meeting_option
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Where to listen.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@db_option
@click.pass_obj
def serve(clock: Clock, meeting_ref: str | None, host: str, port: int) -> None:
    """Offer the minute-taker's and attendees' views to browsers, behind a join code.

    It listens on this machine only unless --host is given (e.g. --host 0.0.0.0 for the room's
    network). The projector shows the address and the code.
    """
    db = open_store()
    from tui.serve import JoinServer  # the web server loads only for this command

    server = JoinServer(db, db_path(), _meeting_id(db, meeting_ref), clock, host, port)
    say(f"Join at {server.invitation.address} with the code {server.invitation.code}.")
    say("The projector shows them too. Press ctrl+c to stop.")
    server.serve()
