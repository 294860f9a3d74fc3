"""Running the `coproduce` command in tests: a frozen clock, the test's own database, and no UI."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner, Result
from sqlite_utils import Database

import tui.app
from session.clock import Clock, FrozenClock
from store.db import open_db
from store.paths import default_db_path
from tui import cli
from tui.app import CoproduceApp

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)  # a Thursday


def coproduce(*args: str, clock: Clock | None = None) -> Result:
    return CliRunner().invoke(cli.cli, list(args), obj=clock or FrozenClock(NOW))


def refused(result: Result, message: str) -> None:
    """The command said `message` on stderr, without a traceback, and failed."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def saved() -> Database:
    """The database the commands use when not given --db."""
    return open_db(default_db_path(), create_folder=True)


def record_app_runs(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Build the real app when a command opens one, but note its meeting instead of running it."""
    opened: list[str | None] = []

    def make_app(db: Database, meeting_id: str | None, clock: Clock) -> CoproduceApp:
        app = cli_make_app(db, meeting_id, clock)
        monkeypatch.setattr(app, "run", lambda: opened.append(meeting_id))
        return app

    cli_make_app = tui.app.make_app
    monkeypatch.setattr(tui.app, "make_app", make_app)
    return opened
