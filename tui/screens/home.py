"""The list of meetings: where the app starts, and where setting up happens inside it."""

from sqlite_utils import Database
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from session.clock import Clock
from store import records
from store.live import LiveMeeting
from tui.literal import literal
from tui.screens.live import LiveScreen
from tui.screens.setup_forms import GroupForm, MeetingForm

NO_GROUPS = (
    "No groups yet. Press g to start a co-production group, "
    "or quit and run `coproduce demo` to try an example."
)
NO_MEETINGS = "No meetings yet. Press n to plan one."
CHOOSE = "↑↓ choose a meeting · Enter opens it on the live screen"


class HomeScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "g",
            "new_group",
            "New group",
            tooltip="Start a new co-production group and name its perspectives.",
            id="home.new_group",
        ),
        Binding(
            "n",
            "new_meeting",
            "New meeting",
            tooltip="Plan a meeting: when, where, how long, and how often to break.",
            id="home.new_meeting",
        ),
    ]

    def __init__(self, db: Database, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Static("coproduce · meetings", id="home-title")
        yield Static(id="home-hint")
        yield OptionList(id="meetings")
        yield Footer()

    def on_mount(self) -> None:
        self.show_meetings()

    def on_screen_resume(self) -> None:
        self.show_meetings()

    def show_meetings(self) -> None:
        group_names = {g.id: g.name for g in records.groups(self.db)}
        listed = records.meetings(self.db)
        options = self.query_one("#meetings", OptionList)
        options.clear_options()
        options.add_options(
            Option(
                literal(f"{m.starts_at:%a %d %b %Y %H:%M} · {m.title} · {group_names[m.group_id]}"),
                id=m.id,
            )
            for m in reversed(listed)
        )
        hint = self.query_one("#home-hint", Static)
        if not group_names:
            hint.update(NO_GROUPS)
        elif not listed:
            hint.update(NO_MEETINGS)
        else:
            hint.update(CHOOSE)
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionSelected, "#meetings")
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open(event.option.id)

    def open(self, meeting_id: str) -> None:
        self.app.push_screen(LiveScreen(LiveMeeting(self.db, meeting_id, self.clock)))

    def refresh_after(self, saved: bool | None) -> None:
        if saved:
            self.show_meetings()

    def action_new_group(self) -> None:
        self.app.push_screen(GroupForm(self.db, self.clock), self.refresh_after)

    def action_new_meeting(self) -> None:
        if not records.groups(self.db):
            self.notify("Start a group first: press g.", title="Not yet", severity="warning")
            return
        self.app.push_screen(MeetingForm(self.db, self.clock), self.refresh_after)
