"""A screen that shows one report: a title line, the report's blocks to scroll through, and the
keys. The evaluation and outcomes screens are this, with their own report and keys."""

import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from session.errors import DomainError
from session.report import Report
from store.db import another_connection, file_of
from store.errors import StoreError
from store.faults import explain, is_fault
from tui.literal import literal, tell
from tui.report_blocks import block_widget

WORKING = "Working out the report…"
NOT_BUILT = "The report could not be worked out: the notice says why. Nothing was changed."


class ReportScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Static(id="evaluation-title")
        yield VerticalScroll(id="evaluation-body")
        yield Footer()

    def show_report(self, title: str, report: Report) -> None:
        self.query_one("#evaluation-title", Static).update(literal(title))
        body = self.query_one("#evaluation-body", VerticalScroll)
        body.remove_children()
        body.mount_all(block_widget(block) for block in report.blocks)
        body.scroll_home(animate=False)
        body.focus()

    def show_report_when_built(
        self, title: str, db: Database, build: Callable[[Database], Report]
    ) -> None:
        """Show the title and that the report is being worked out, and build it in a worker
        thread: over a group's years of meetings that takes a second or more, and the app goes
        on answering keys meanwhile (the meeting's clock and other devices carry on too)."""
        self.query_one("#evaluation-title", Static).update(literal(title))
        self.say_in_body(WORKING)
        self.build_report(title, file_of(db), build)

    def say_in_body(self, words: str) -> None:
        body = self.query_one("#evaluation-body", VerticalScroll)
        body.remove_children()
        body.mount(Static(words, classes="form-hint"))

    @work(thread=True, exclusive=True, group="report")
    def build_report(
        self, title: str, path: Path | None, build: Callable[[Database], Report]
    ) -> None:
        """On its own connection: the app's goes on being used (and written) meanwhile."""
        try:
            report = _built(path, build)
        except (DomainError, StoreError) as error:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.not_built, str(error))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_built, title, report)

    def show_built(self, title: str, report: Report) -> None:
        if self.is_attached:  # not closed while the report was being built
            self.show_report(title, report)

    def not_built(self, why: str) -> None:
        if self.is_attached:
            self.say_in_body(NOT_BUILT)
            tell(self, why, "Report not shown", "warning")


def _built(path: Path | None, build: Callable[[Database], Report]) -> Report:
    """The report, read through a connection of its own; a fault of the file (busy, damaged,
    moved away) as a `StoreError` that says so."""
    if path is None:
        raise StoreError("The report can only be worked out from a database file.")
    try:
        reader = another_connection(path)
        try:
            return build(reader)
        finally:
            reader.close()
    except sqlite3.DatabaseError as error:
        if not is_fault(error):
            raise
        raise explain(error, path) from None
