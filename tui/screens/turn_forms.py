"""The facilitator's turn-taking forms: an interjection, letting someone speak out of order, the
item's speaking order and time limit, the whole floor with its speaking share, the glossary."""

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select, SelectionList, Static
from textual.widgets.option_list import Option

from session import rotation, turns
from session.errors import DomainError
from session.events import ROLES, Event
from session.live import LiveState, suggested_queue
from session.measures import measure
from session.queue import POLICIES, PROGRESSIVE
from session.setup import Group, Member
from session.signals import JARGON, SIGNALS
from store.live import LiveMeeting
from tui.literal import literal
from tui.screens.form import FormScreen
from tui.turn_text import Name, queue_text, share_text, signals_text
from tui.widgets.ticks import TickList


def people_options(people: list[Member]) -> list[tuple[Text, str]]:
    return [(literal(p.name), p.id) for p in people]


def chosen(form: FormScreen, selector: str, what: str) -> str:
    value = form.query_one(selector, Select).value
    if not isinstance(value, str):
        raise DomainError(f"Please choose {what}.")
    return value


class SignalForm(FormScreen):
    heading = "An interjection: someone signals"
    AUTO_FOCUS = "Select"

    def __init__(self, meeting: LiveMeeting, people: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.people = people

    def fields(self) -> ComposeResult:
        yield Label("Which signal")
        yield Select(
            [(s.label, key) for key, s in SIGNALS.items()],
            value=next(iter(SIGNALS)),
            allow_blank=False,
            id="signal",
        )
        yield Label("Who made it")
        yield Select(people_options(self.people), id="who")
        yield Label("The word that needs plain words (it goes into the glossary)", id="word-label")
        yield Input(id="word")

    def on_mount(self) -> None:
        self.show_word()

    @on(Select.Changed, "#signal")
    def show_word(self) -> None:
        jargon = self.query_one("#signal", Select).value == JARGON
        self.query_one("#word").display = jargon
        self.query_one("#word-label").display = jargon

    def save(self) -> None:
        signal = str(self.query_one("#signal", Select).value)
        who = chosen(self, "#who", "who made the signal")
        word = self.query_one("#word", Input).value
        self.meeting.do(lambda s: turns.interject(s, who, signal, word))


class OverrideForm(FormScreen):
    heading = "Let someone speak next, out of the suggested order"
    AUTO_FOCUS = "Select"

    def __init__(self, meeting: LiveMeeting, people: list[Member], members: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.people = people
        self.members = members

    def fields(self) -> ComposeResult:
        yield Label("Who speaks next")
        yield Select(people_options(self.people), id="who")
        yield Label("Why (shown beside their place, and kept in the record)")
        yield Input(placeholder="e.g. she has to leave at 3", id="reason")

    def save(self) -> None:
        who = chosen(self, "#who", "who speaks next")
        reason = self.query_one("#reason", Input).value
        self.meeting.do(lambda s: turns.override_order(s, who, reason, self.members))


class TurnRulesForm(FormScreen):
    heading = "How people take turns on this item"
    AUTO_FOCUS = "Select"

    def __init__(self, meeting: LiveMeeting, group: Group, members: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.group = group
        self.members = members

    def fields(self) -> ComposeResult:
        state = self.meeting.state
        policy = state.policy
        yield Label("Speaking order (choosing a round again starts the next round)")
        yield Select(
            [(words, key) for key, words in POLICIES.items()],
            value=policy.policy,
            allow_blank=False,
            id="policy",
        )
        yield Label("Progressive: put these perspectives first at equal standing", id="ahead-label")
        ahead = set(policy.ahead) if policy.ahead else {self.group.perspectives[0]}
        yield TickList[str](
            *((literal(p), p, p in ahead) for p in self.group.perspectives), id="ahead"
        )
        yield Label("Soft time limit for a turn, in minutes (double for extra time)")
        yield Input(f"{state.turn_limit / 60:g}", id="minutes", type="number")

    def on_mount(self) -> None:
        self.show_ahead()

    @on(Select.Changed, "#policy")
    def show_ahead(self) -> None:
        progressive = self.query_one("#policy", Select).value == PROGRESSIVE
        self.query_one("#ahead").display = progressive
        self.query_one("#ahead-label").display = progressive

    def save(self) -> None:
        policy = str(self.query_one("#policy", Select).value)
        ahead = self.query_one("#ahead", SelectionList).selected if policy == PROGRESSIVE else []
        typed = self.query_one("#minutes", Input).value.strip()
        try:
            minutes = float(typed)
        except ValueError:
            raise DomainError("Please give the time for a turn as a number of minutes.") from None

        def command(state: LiveState) -> list[Event]:
            events = turns.choose_policy(state, policy, [str(p) for p in ahead], self.members)
            if round(minutes * 60) != state.turn_limit:
                events += turns.set_turn_limit(state, minutes)
            return events

        self.meeting.do(command)


class FloorScreen(ModalScreen[None]):
    """Everything about the floor, for the facilitator: the whole queue with reasons and waits,
    signals waiting, and the speaking share by perspective and by person."""

    BINDINGS = [
        Binding("escape,f", "close", "Close", tooltip="Close the floor view.", id="floor.close"),
        Binding(
            "p",
            "toggle_share",
            "Share on the main screen",
            tooltip="Show or hide the speaking share on the main screen.",
            id="floor.toggle_share",
        ),
    ]

    def __init__(
        self,
        meeting: LiveMeeting,
        members: list[Member],
        group: Group,
        name: Name,
        now: datetime,
        toggle_share: Callable[[], bool],
    ) -> None:
        super().__init__()
        self.meeting = meeting
        self.members = members
        self.group = group
        self.person = name
        self.now = now
        self.toggle_share = toggle_share

    def compose(self) -> ComposeResult:
        state = self.meeting.state
        places = suggested_queue(state, self.members, self.now)
        measures = measure(state, self.members, self.now, self.group.perspectives)
        with VerticalScroll(classes="form"):
            yield Label("The floor: queue and speaking share", classes="form-heading")
            yield Static(literal(f"Order: {POLICIES[state.policy.policy]}"))
            yield Static(queue_text(places, self.person, len(places)), id="floor-queue")
            if state.signals:
                yield Static(signals_text(state, self.person), id="floor-signals")
            yield Static(share_text(measures, self.person), id="floor-share")
            yield Static(
                "p show or hide the share on the main screen · Esc close", classes="form-hint"
            )

    def action_close(self) -> None:
        self.dismiss(None)

    def action_toggle_share(self) -> None:
        shown = self.toggle_share()
        self.notify("The speaking share is on the main screen." if shown else "Share hidden.")


class SignalPicker(ModalScreen[str | None]):
    """Choose which waiting signal the room has dealt with."""

    BINDINGS = [
        Binding(
            "escape", "cancel", "Cancel", tooltip="Close without clearing.", id="signals.cancel"
        )
    ]
    AUTO_FOCUS = "OptionList"

    def __init__(self, state: LiveState, name: Name) -> None:
        super().__init__()
        self.state = state
        self.person = name

    def compose(self) -> ComposeResult:
        options = [
            Option(
                literal(
                    f"{SIGNALS[s.signal].label}{f': {s.word}' if s.word else ''}"
                    f" — {self.person(s.member_id)}"
                ),
                id=s.id,
            )
            for s in self.state.signals
        ]
        with VerticalScroll(classes="form"):
            yield Label("Which signal has the room dealt with?", classes="form-heading")
            yield OptionList(*options)

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class DefineWordForm(FormScreen):
    heading = "Jargon buster: a plain definition"

    def __init__(self, meeting: LiveMeeting, word: str) -> None:
        super().__init__()
        self.meeting = meeting
        self.word = word

    def fields(self) -> ComposeResult:
        yield Label(literal(f"What does “{self.word}” mean, in plain words?"))
        yield Input(id="definition")

    def save(self) -> None:
        definition = self.query_one("#definition", Input).value
        self.meeting.do(lambda s: turns.define_word(s, self.word, definition))


class GlossaryScreen(ModalScreen[str | None]):
    """The group's glossary: choose a word to give it a plain definition."""

    BINDINGS = [
        Binding("escape,g", "cancel", "Close", tooltip="Close the glossary.", id="glossary.close")
    ]
    AUTO_FOCUS = "OptionList"

    def __init__(self, state: LiveState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Label("Glossary: words flagged as jargon", classes="form-heading")
            if not self.state.glossary:
                yield Static("No words yet. Press j and choose ‼ Jargon to add one.")
            yield OptionList(
                *(
                    Option(
                        literal(f"{w.word} — {w.definition or '(needs a plain definition)'}"),
                        id=w.word,
                    )
                    for w in self.state.glossary
                )
            )
            yield Static("Enter define the word · Esc close", classes="form-hint")

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RoleRulesForm(FormScreen):
    """How a role rotates (each item, every few minutes, or by hand), and who volunteers or
    passes this time: the suggestion for the next holder follows them."""

    heading = "How roles rotate"

    def __init__(self, meeting: LiveMeeting, people: list[Member]) -> None:
        super().__init__()
        self.meeting = meeting
        self.people = people

    def fields(self) -> ComposeResult:
        yield Label("Role")
        yield Select([(r, r) for r in ROLES], value=ROLES[0], allow_blank=False, id="role")
        yield Label("How it rotates")
        yield Select(
            [(words, rule) for rule, words in rotation.RULES.items()],
            value=rotation.BY_HAND,
            allow_blank=False,
            id="rule",
        )
        yield Label("Minutes between hand-overs (when it rotates every few minutes)")
        yield Input(placeholder="20", id="minutes", type="integer")
        yield Label("Someone volunteers for it (optional)")
        yield Select([(literal(p.name), p.id) for p in self.people], id="volunteer")
        yield Label("Someone would rather pass this time (optional)")
        yield Select([(literal(p.name), p.id) for p in self.people], id="passes")

    def save(self) -> None:
        role = str(self.query_one("#role", Select).value)
        rule = str(self.query_one("#rule", Select).value)
        typed = self.query_one("#minutes", Input).value.strip()
        minutes = int(typed) if typed.isdigit() else 0
        volunteer = self.query_one("#volunteer", Select).value
        passes = self.query_one("#passes", Select).value
        self.meeting.do(lambda s: rotation.set_rotation(s, role, rule, minutes))
        if isinstance(volunteer, str):
            self.meeting.do(lambda s: rotation.volunteer(s, role, volunteer))
        if isinstance(passes, str):
            self.meeting.do(lambda s: rotation.pass_role(s, role, passes))
