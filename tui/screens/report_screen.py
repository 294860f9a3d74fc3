"""A screen that shows one report: a title line, the report's blocks to scroll through, and the
keys. The evaluation and outcomes screens are this, with their own report and keys."""

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from session.report import Report
from tui.literal import literal
from tui.report_blocks import block_widget


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
