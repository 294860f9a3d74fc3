"""The forms the facilitator fills in during a live meeting."""

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from session import live
from session.dates import full_date, parse_due
from session.errors import DomainError
from session.events import DECISION_METHODS
from session.setup import Member
from store.live import LiveMeeting
from tui.literal import literal
from tui.screens.form import FormScreen

METHOD_LABELS = {
    "consensus": "Consensus: everyone agrees",
    "consent": "Consent: no one objects (stand-asides and concerns noted)",
    "vote": "Vote: counted",
    "deferred": "Deferred: decide later",
}


class PersonPicker(ModalScreen[str | None]):
    """Choose one person from a list; returns their id, or None if cancelled."""

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close this list without choosing anyone.",
            id="picker.cancel",
        )
    ]

    def __init__(self, heading: str, people: list[Member], notes: dict[str, str]) -> None:
        super().__init__()
        self.heading = heading
        self.people = people
        self.notes = notes

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label(self.heading, classes="form-heading")
            options = [
                Option(literal(p.name + self.notes.get(p.id, "")), id=p.id) for p in self.people
            ]
            yield OptionList(*options)
            yield Static("↑↓ choose · Enter select · Esc cancel", classes="form-hint")

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class NoteForm(FormScreen):
    heading = "Write a line of the minutes"

    def __init__(self, meeting: LiveMeeting, author: str) -> None:
        super().__init__()
        self.meeting = meeting
        self.author = author

    def fields(self) -> ComposeResult:
        yield Label(literal(f"Written by the minute-taker: {self.author}"))
        yield Input(placeholder="What was said or agreed", id="text")

    def save(self) -> None:
        text = self.query_one("#text", Input).value
        self.meeting.do(lambda s: live.write_note(s, text))


class ItemForm(FormScreen):
    heading = "Add an agenda item"

    def __init__(self, meeting: LiveMeeting, people: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.people = people

    def fields(self) -> ComposeResult:
        yield Label("Title")
        yield Input(id="title")
        yield Label("Proposed by")
        yield Select([(literal(p.name), p.id) for p in self.people], id="proposer")
        yield Label("Time box, in minutes")
        yield Input("10", id="minutes", type="integer")

    def save(self) -> None:
        title = self.query_one("#title", Input).value
        proposer = self.query_one("#proposer", Select).value
        minutes = whole_number(self.query_one("#minutes", Input).value, "the time box")
        proposed_by = proposer if isinstance(proposer, str) else None
        self.meeting.do(lambda s: live.add_item(s, title, proposed_by, minutes))


class DecisionForm(FormScreen):
    heading = "Record a decision"

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting

    def fields(self) -> ComposeResult:
        yield Label("What was decided")
        yield Input(id="text")
        yield Label("How it was reached")
        yield Select(
            [(METHOD_LABELS[m], m) for m in DECISION_METHODS],
            value=DECISION_METHODS[0],
            allow_blank=False,
            id="method",
        )
        with Horizontal(id="votes", classes="counts"):
            yield Label("For")
            yield Input(placeholder="0", id="for", type="integer")
            yield Label("Against")
            yield Input(placeholder="0", id="against", type="integer")
            yield Label("Abstain")
            yield Input(placeholder="0", id="abstain", type="integer")
        with Vertical(id="consent"):
            with Horizontal(classes="counts"):
                yield Label("Stand-asides")
                yield Input(placeholder="0", id="stand-asides", type="integer")
            yield Label("Concerns raised (optional)")
            yield Input(id="concerns")

    def on_mount(self) -> None:
        self.show_method_fields()

    @on(Select.Changed, "#method")
    def show_method_fields(self) -> None:
        method = self.method()
        self.query_one("#votes").display = method == "vote"
        self.query_one("#consent").display = method == "consent"

    def method(self) -> str:
        return str(self.query_one("#method", Select).value)

    def count(self, field: str, what: str) -> int:
        return whole_number(self.query_one(f"#{field}", Input).value, what)

    def save(self) -> None:
        text = self.query_one("#text", Input).value
        method = self.method()
        votes = (
            self.count("for", "votes for"),
            self.count("against", "votes against"),
            self.count("abstain", "abstentions"),
            self.count("stand-asides", "stand-asides"),
        )
        concerns = self.query_one("#concerns", Input).value
        self.meeting.do(lambda s: live.record_decision(s, text, method, *votes, concerns))


class ActionForm(FormScreen):
    heading = "Record an action"

    def __init__(self, meeting: LiveMeeting, people: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.people = people

    def fields(self) -> ComposeResult:
        yield Label("What needs doing")
        yield Input(id="what")
        yield Label("Who will do it")
        yield Select([(literal(p.name), p.id) for p in self.people], id="owner")
        yield Label("By when (e.g. next friday, in 2 weeks, 3 Dec)")
        yield Input(id="due")
        yield Static("", id="due-read-back")

    def today(self) -> date:
        return self.meeting.clock().astimezone().date()

    @on(Input.Changed, "#due")
    def read_back_due(self, event: Input.Changed) -> None:
        read_back = self.query_one("#due-read-back", Static)
        if not event.value.strip():
            read_back.update("")
            return
        try:
            read_back.update(literal(f"→ {full_date(parse_due(event.value, self.today()))}"))
        except DomainError as error:
            read_back.update(literal(f"? {error}"))

    def save(self) -> None:
        what = self.query_one("#what", Input).value
        chosen = self.query_one("#owner", Select).value
        owner = chosen if isinstance(chosen, str) else None
        due = parse_due(self.query_one("#due", Input).value, self.today())
        self.meeting.do(lambda s: live.record_action(s, what, owner, due))


def whole_number(typed: str, what: str) -> int:
    try:
        return int(typed.strip() or "0")
    except ValueError:
        raise DomainError(f"Please give {what} as a whole number.") from None
