"""The list of meetings: where the app starts, and where setting up happens inside it."""

from sqlite_utils import Database
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from session.clock import Clock
from session.dates import full_date
from session.ids import short
from store import records
from store.outcomes import due_reviews
from tui.literal import literal
from tui.screens.evaluation import EvaluationScreen
from tui.screens.live import open_meeting
from tui.screens.outcomes import OutcomesScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.prepare_base import Prep
from tui.screens.setup_forms import GroupForm, MeetingForm

NO_GROUPS = (
    "No groups yet. Press g to start a co-production group, "
    "or quit and run `coproduce demo` to try an example."
)
NO_MEETINGS = "No meetings yet. Press n to plan one."
CHOOSE = (
    "↑↓ choose a meeting · Enter opens it on the live screen · P prepares it together · "
    "E shows its evaluation · O the group's outcomes"
)


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
        Binding(
            "E",
            "evaluate",
            "Evaluation",
            tooltip="Who spoke, how evenly, whose items got the time, check-out, and outcomes.",
            id="home.evaluate",
        ),
        Binding(
            "O",
            "outcomes",
            "Outcomes",
            tooltip="What success looks like for the group, its reviews and the trend.",
            id="home.outcomes",
        ),
        Binding(
            "P",
            "prepare",
            "Prepare",
            tooltip="Before the meeting: issues, dot vote, agenda, time and place, roles.",
            id="home.prepare",
        ),
    ]

    def __init__(self, db: Database, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.clock = clock

    def compose(self) -> ComposeResult:
        yield Static("coproduce · meetings", id="home-title")
        yield Static(id="home-hint")
        yield Static(id="home-reviews")
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
        self.show_due_reviews()

    def show_due_reviews(self) -> None:
        due = due_reviews(self.db, self.clock().astimezone().date())
        lines = [
            f"⏰ Review due {full_date(d.on)}: “{d.outcome.text}” ({d.group.name}). "
            f"Press O to record it (or: coproduce review add {short(d.outcome.id)} --progress N)"
            for d in due
        ]
        reviews = self.query_one("#home-reviews", Static)
        reviews.update(literal("\n".join(lines)))
        reviews.display = bool(lines)

    def action_evaluate(self) -> None:
        options = self.query_one("#meetings", OptionList)
        if options.highlighted is None:
            self.notify("Choose a meeting first.", title="Not yet", severity="warning")
            return
        meeting_id = options.get_option_at_index(options.highlighted).id
        if meeting_id is not None:
            self.app.push_screen(EvaluationScreen(self.db, meeting_id, self.clock))

    @on(OptionList.OptionSelected, "#meetings")
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.open(event.option.id)

    def open(self, meeting_id: str) -> None:
        open_meeting(self.app, self.db, self.clock, meeting_id)

    def chosen_group(self) -> str | None:
        """The group of the highlighted meeting; with no meeting yet, the only group."""
        options = self.query_one("#meetings", OptionList)
        if options.highlighted is not None:
            meeting_id = options.get_option_at_index(options.highlighted).id
            assert meeting_id is not None
            return records.get_meeting(self.db, meeting_id).group_id
        found = records.groups(self.db)
        return found[0].id if len(found) == 1 else None

    def action_outcomes(self) -> None:
        group_id = self.chosen_group()
        if group_id is None:
            self.notify("Choose a meeting of the group first.", title="Not yet", severity="warning")
            return
        self.app.push_screen(OutcomesScreen(self.db, group_id, self.clock))

    def action_prepare(self) -> None:
        """Prepare the highlighted meeting; with no meeting yet, the only group's issues."""
        options = self.query_one("#meetings", OptionList)
        found = records.groups(self.db)
        if options.highlighted is not None:
            meeting_id = options.get_option_at_index(options.highlighted).id
            assert meeting_id is not None
            group_id = records.get_meeting(self.db, meeting_id).group_id
            self.app.push_screen(
                PrepareScreen(Prep.open(self.db, self.clock, group_id, meeting_id))
            )
        elif len(found) == 1:
            self.app.push_screen(PrepareScreen(Prep.open(self.db, self.clock, found[0].id, None)))
        else:
            self.notify("Choose a meeting first.", title="Not yet", severity="warning")

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
