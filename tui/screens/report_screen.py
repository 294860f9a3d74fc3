"""A screen that shows one report: a title line, the report's blocks to scroll through, and the
keys. The evaluation and outcomes screens are this, with their own report and keys."""

from collections.abc import Callable

from sqlite_utils import Database
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from session.errors import DomainError
from session.report import Report
from store.db import another_connection
from store.errors import StoreError
from tui.literal import literal, tell
from tui.report_blocks import block_widget

WORKING = "Working out the report…"


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
        thread: over a group's years of meetings that takes a second or more, and the screen,
        and the live meeting beneath it, go on answering keys meanwhile."""
        self.query_one("#evaluation-title", Static).update(literal(title))
        body = self.query_one("#evaluation-body", VerticalScroll)
        body.remove_children()
        body.mount(Static(WORKING, classes="form-hint"))
        self.build_report(title, db, build)

    @work(thread=True, exclusive=True, group="report")
    def build_report(self, title: str, db: Database, build: Callable[[Database], Report]) -> None:
        """On its own connection: the app's goes on being used (and written) meanwhile."""
        reader = another_connection(db)
        try:
            report = build(reader)
        except (DomainError, StoreError) as error:
            self.app.call_from_thread(tell, self, str(error), "Not shown", "warning")
            return
        finally:
            reader.close()
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_built, title, report)

    def show_built(self, title: str, report: Report) -> None:
        if self.is_attached:  # not closed while the report was being built
            self.show_report(title, report)
