"""What the preparation screens share: the group and meeting being prepared, and a screen that
runs a command, shows a refusal kindly, and redraws."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from sqlite_utils import Database
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from session.clock import Clock
from session.errors import DomainError
from session.events import Event
from session.plan import GroupPlan, undo, undone_words
from session.setup import Group, Meeting, Member
from store import records
from store.errors import StoreError
from store.live import LiveMeeting
from store.plan import GroupPreparation, undone_events
from tui.literal import literal, tell

ANONYMOUS = "anonymous"


@dataclass
class Prep:
    db: Database
    clock: Clock
    group: Group
    meeting: Meeting | None
    store: GroupPreparation

    @classmethod
    def open(cls, db: Database, clock: Clock, group_id: str, meeting_id: str | None) -> "Prep":
        meeting = records.get_meeting(db, meeting_id) if meeting_id else None
        group = records.get_group(db, group_id)
        return cls(db, clock, group, meeting, GroupPreparation(db, group_id, clock))

    @property
    def plan(self) -> GroupPlan:
        return self.store.plan

    def members(self) -> list[Member]:
        return records.members_of(self.db, self.group.id)

    def name(self, member_id: str | None) -> str:
        if member_id is None:
            return ANONYMOUS
        return next((m.name for m in self.members() if m.id == member_id), "someone who left")

    def live(self) -> LiveMeeting:
        if self.meeting is None:
            raise DomainError("Plan a meeting for this group first (n on the list of meetings).")
        return LiveMeeting(self.db, self.meeting.id, self.clock)

    def refresh_meeting(self) -> None:
        if self.meeting is not None:
            self.meeting = records.get_meeting(self.db, self.meeting.id)


def attempt(screen: Screen[Any], action: Callable[[], object]) -> bool:
    """Run `action`; a refusal is shown as a kind message and nothing changes."""
    try:
        action()
    except (DomainError, StoreError) as error:
        tell(screen, str(error), "Not saved", "warning")
        return False
    return True


class PrepScreen(Screen[None]):
    """A heading, a scrolling body the subclass draws in `body()`, and the Footer."""

    DEFAULT_CSS = """
    PrepScreen #prep-title { background: $primary; color: $text; text-style: bold; padding: 0 1; }
    PrepScreen #prep-body { padding: 0 1; }
    """
    BINDINGS = [
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="Go back to the screen before this one.",
            id="prep.back",
        ),
    ]
    title_words = ""

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def compose(self) -> ComposeResult:
        yield Static(id="prep-title")
        with VerticalScroll():
            yield Static(id="prep-body")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def on_screen_resume(self) -> None:
        self.show()

    def show(self) -> None:
        meeting = f" · {self.prep.meeting.title}" if self.prep.meeting else ""
        heading = f"{self.title_words} · {self.prep.group.name}{meeting}"
        self.query_one("#prep-title", Static).update(literal(heading))
        self.query_one("#prep-body", Static).update(self.body())

    def body(self) -> RenderableType:
        raise NotImplementedError

    def after(self, saved: bool | None) -> None:
        if saved:
            self.prep.refresh_meeting()
            self.show()

    def plan_do(self, command: Callable[[GroupPlan], list[Event]]) -> None:
        if attempt(self, lambda: self.prep.store.do(command)):
            self.prep.refresh_meeting()
            self.show()

    def action_undo(self) -> None:
        """Take back the group's last change before the meeting, and say what it was."""
        done: list[Event] = []
        if attempt(self, lambda: done.extend(self.prep.store.do(undo))):
            self.prep.refresh_meeting()
            self.show()
            taken = undone_words(undone_events(self.prep.db, done))
            tell(self, f"Undone: {taken}. It stays in the history.", "Undone")

    def action_back(self) -> None:
        self.dismiss()
