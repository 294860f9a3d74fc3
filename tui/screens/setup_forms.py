"""Forms for setting up inside the app: a group, its members, a meeting."""

from datetime import datetime

from sqlite_utils import Database
from textual import on
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label, Select, Static

from session.clock import Clock
from session.dates import full_date_time, parse_when
from session.errors import DomainError
from session.setup import (
    DEFAULT_PERSPECTIVES,
    MEETING_FORMATS,
    Group,
    new_group,
    new_meeting,
    new_member,
)
from store import records
from tui.literal import literal
from tui.screens.form import FormScreen
from tui.screens.forms import whole_number
from tui.widgets.ticks import TickBox


class GroupForm(FormScreen):
    heading = "Start a co-production group"

    def __init__(self, db: Database, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.clock = clock

    def fields(self) -> ComposeResult:
        yield Label("The group's name")
        yield Input(id="name")
        yield Label("Perspectives members can choose from, separated by commas")
        yield Input(", ".join(DEFAULT_PERSPECTIVES), id="perspectives")

    def save(self) -> None:
        typed = self.query_one("#perspectives", Input).value
        perspectives = tuple(p for p in typed.split(",") if p.strip())
        group = new_group(self.query_one("#name", Input).value, perspectives)
        records.save_group(self.db, group, self.clock)


class PersonForm(FormScreen):
    heading = "Add a person to the group"

    def __init__(self, db: Database, group: Group, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.group = group
        self.clock = clock

    def fields(self) -> ComposeResult:
        yield Label("Name, as they want to be called")
        yield Input(id="name")
        yield Label("Perspective, in their own words from the group's list")
        yield Select([(literal(p), p) for p in self.group.perspectives], id="perspective")
        yield Label("Access and communication needs (optional)")
        yield Input(id="needs")
        yield TickBox("Happy to be named in the minutes", value=True, id="consent")
        yield TickBox("Wants easy-read papers", id="easy-read")
        yield TickBox("Needs extra time to speak (twice the soft limit)", id="extra-time")

    def save(self) -> None:
        chosen = self.query_one("#perspective", Select).value
        if not isinstance(chosen, str):
            raise DomainError("Please choose a perspective (“prefer not to say” is fine).")
        member = new_member(
            self.group,
            self.query_one("#name", Input).value,
            chosen,
            self.query_one("#needs", Input).value,
            self.query_one("#consent", Checkbox).value,
            easy_read=self.query_one("#easy-read", Checkbox).value,
            extra_time=self.query_one("#extra-time", Checkbox).value,
        )
        records.save_member(self.db, member, self.clock)


class MeetingForm(FormScreen):
    heading = "Plan a meeting"

    def __init__(self, db: Database, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.clock = clock

    def fields(self) -> ComposeResult:
        yield Label("Group")
        yield Select(
            [(literal(g.name), g.id) for g in records.groups(self.db)],
            id="group",
        )
        yield Label("Title")
        yield Input(id="title")
        yield Label("When (e.g. next tuesday 2pm, 3 Dec 10:30)")
        yield Input(id="when")
        yield Static("", id="when-read-back")
        yield Label("Where (agreed together: think of access, transport and parking)")
        yield Input(id="place")
        yield Label("Format")
        yield Select([(f, f) for f in MEETING_FORMATS], value=MEETING_FORMATS[0], id="format")
        yield Label("Length, in minutes")
        yield Input("120", id="length", type="integer")
        yield Label("A break every how many minutes? (0: no scheduled breaks)")
        yield Input("0", id="breaks", type="integer")

    @on(Input.Changed, "#when")
    def read_back_when(self, event: Input.Changed) -> None:
        read_back = self.query_one("#when-read-back", Static)
        try:
            read_back.update(literal(f"→ {full_date_time(self.when())}"))
        except DomainError as error:
            read_back.update(literal(f"? {error}") if event.value.strip() else "")

    def when(self) -> datetime:
        return parse_when(self.query_one("#when", Input).value, self.clock().astimezone())

    def save(self) -> None:
        group_id = self.query_one("#group", Select).value
        if not isinstance(group_id, str):
            raise DomainError("Please choose the group that is meeting.")
        meeting = new_meeting(
            records.get_group(self.db, group_id),
            self.query_one("#title", Input).value,
            self.when(),
            self.query_one("#place", Input).value,
            str(self.query_one("#format", Select).value),
            whole_number(self.query_one("#length", Input).value, "the length"),
            whole_number(self.query_one("#breaks", Input).value, "the time between breaks"),
        )
        records.save_meeting(self.db, meeting, self.clock)
