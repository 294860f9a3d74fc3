"""What every `coproduce` command shares: choosing and opening the database, printing text
literally, and turning a refusal into one kind sentence instead of a traceback."""

import importlib
import os
import sqlite3
from pathlib import Path
from typing import IO, Any

import click
from sqlite_utils import Database

from session.errors import DomainError
from session.setup import Group
from session.text import visible
from store.db import FileCheck, open_db
from store.errors import StoreError
from store.faults import explain, is_fault
from store.files import write_private
from store.paths import default_db_path
from store.records import find_group, groups

DB_PATH = "coproduce.db_path"


class Refused(click.ClickException):
    """Input coproduce can't act on. Only its message is shown, with control codes visible."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(visible(self.message), err=True)


class KindGroup(click.Group):
    """Turns a refusal by the rules or the store, or a fault of the database file met while
    reading it, into a plain message and exit code 1.

    `lazy` names commands by where they are defined ("module:attribute"), imported only when
    one is run or listed: `coproduce` with no command opens the meeting on the projector, and
    need not wait for every other command's module (about 35 ms)."""

    def __init__(self, *args: Any, lazy: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, attribute = self.lazy[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (DomainError, StoreError) as error:
            raise Refused(str(error)) from None
        except sqlite3.DatabaseError as error:
            if not is_fault(error):
                raise
            raise Refused(str(explain(error, ctx.meta.get(DB_PATH) or default_db_path()))) from None


def say(text: str) -> None:
    """Print `text` literally: no markup, and control codes shown rather than obeyed."""
    click.echo(visible(text))


anonymise_option = click.option(
    "--anonymise",
    is_flag=True,
    help="Replace names with stable pseudonyms and leave out text consent does not cover.",
)
output_option = click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="A file to write, readable by you alone. Default: print it.",
)


def write_or_print(text: str, output: Path | None, what: str) -> None:
    """Print `text`, or write it to `output`, readable by its owner only, and say so."""
    if output is None:
        say(text.rstrip("\n"))
        return
    write_private(output, text)
    say(f"Wrote {what} to {output}.")


def _remember_db(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.meta[DB_PATH] = value


db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    expose_value=False,
    callback=_remember_db,
    help="The database file. Default: $COPRODUCE_DB, else coproduce's user data folder.",
)


def db_path() -> Path:
    """The database file chosen with --db (before or after the command), else the default."""
    chosen: Path | None = click.get_current_context().meta.get(DB_PATH)
    return chosen or default_db_path()


def open_store(check: FileCheck | None = None) -> Database:
    """The database chosen with --db, else the default one, whose folder is created if needed.
    It is closed when the command finishes. `check`: see `start_file_check`."""
    ctx = click.get_current_context()
    chosen: Path | None = ctx.meta.get(DB_PATH)
    db = open_db(chosen or default_db_path(), create_folder=not chosen, check=check)
    ctx.call_on_close(db.close)
    return db


def start_file_check() -> FileCheck | None:
    """Start checking the chosen database file (if there is one yet) in a thread, for commands
    that open the app: it then runs while Textual loads, instead of after."""
    path = db_path()
    usable = path.is_file() and os.access(path, os.R_OK | os.W_OK)  # else open_db refuses it
    return FileCheck(path) if usable else None


def pick_group(db: Database, ref: str | None) -> Group:
    """The group `ref` names; without `ref`, the only group there is."""
    if ref is not None:
        return find_group(db, ref)
    found = groups(db)
    if len(found) == 1:
        return found[0]
    if not found:
        raise StoreError('There are no groups yet. Start one with: coproduce group new "NAME"')
    raise StoreError(
        "There is more than one group: please say which with --group. "
        "`coproduce group list` shows them."
    )


group_option = click.option(
    "--group",
    "group_ref",
    metavar="GROUP",
    help="The group's name or id. Not needed when there is only one.",
)
