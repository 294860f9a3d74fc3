"""Views for participants' own devices: the minute-taker's, and an attendee's."""

from dataclasses import dataclass

from rich.text import Text
from sqlite_utils import Database
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Static

from session import live
from session.acting import ATTENDEE
from session.clock import Clock
from session.devices import minute_taker_only
from session.live import MINUTE_TAKER, LiveState
from store import device_access, records
from store.live import LiveMeeting
from tui.literal import clock_face, literal
from tui.record_lines import action_line, decision_line, note_line
from tui.screens.forms import ActionForm, DecisionForm, NoteForm
from tui.screens.meeting_screen import MeetingScreen
from tui.widgets.steady import Steady


class DeviceScreen(MeetingScreen):
    """One person's view of the meeting, following what the facilitator's screen does."""

    def __init__(self, meeting: LiveMeeting, device: "Device") -> None:
        super().__init__(meeting)
        self.me = device.member_id
        self.connection = device.connection

    def catch_up(self) -> None:
        """Also close this device if the facilitator has disconnected it."""
        if self.connection is not None:
            found = device_access.connection(self.meeting.db, self.connection)
            if found is None or found.revoked:
                self.app.exit(message=DISCONNECTED)
                return
        super().catch_up()

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-bar"):
            yield Steady(id="meeting-title")
            yield Steady(id="wall-clock")
        yield Steady(id="device-status")
        yield Steady(id="device-item")
        with VerticalScroll(id="device-body"):
            yield from self.body()
        yield Footer()

    def body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.show_state()
        self.follow_other_devices()
        self.set_interval(1, self.show_clock)

    def show_clock(self) -> None:
        now = self.meeting.clock()
        self.query_one("#wall-clock", Static).update(f"{now.astimezone():%H:%M}")
        item = self.meeting.state.item
        if item is not None:
            left = item.seconds_left(now)
            words = "over time" if left < 0 else "left"
            self.query_one("#device-item", Static).update(
                literal(f"▶ {item.title}  ({clock_face(abs(left))} {words})", "bold")
            )

    def show_state(self) -> None:
        state = self.meeting.state
        self.query_one("#meeting-title", Static).update(
            literal(f"{self.details.title} · {self.person(self.me)}")
        )
        self.query_one("#device-status", Static).update(self.status(state))
        if state.item is None:
            self.query_one("#device-item", Static).update("No agenda item open yet")
        self.show_body(state)
        self.show_clock()

    def status(self, state: LiveState) -> Text:
        raise NotImplementedError

    def show_body(self, state: LiveState) -> None:
        raise NotImplementedError


class MinutesScreen(DeviceScreen):
    """The minute-taker's device: the current item's notes, decisions and actions, and the
    forms to write them. Without the role it still reads, and says who holds it."""

    BINDINGS = [
        Binding(
            "w",
            "write_note",
            "Write note",
            tooltip="Write a line of the minutes while you hold the role.",
            id="minutes.write_note",
        ),
        Binding(
            "d",
            "record_decision",
            "Decision",
            tooltip="Record a decision and how the room reached it.",
            id="minutes.record_decision",
        ),
        Binding(
            "a",
            "record_action",
            "Action",
            tooltip="Record an action: what, who, and by when.",
            id="minutes.record_action",
        ),
    ]

    def body(self) -> ComposeResult:
        yield Static("NOTES ON THIS ITEM", classes="heading")
        yield Steady(id="item-notes")
        yield Static("DECISIONS AND ACTIONS ON THIS ITEM", classes="heading")
        yield Steady(id="item-records")

    def holds_role(self, state: LiveState) -> bool:
        return state.holder(MINUTE_TAKER) == self.me

    def status(self, state: LiveState) -> Text:
        if self.holds_role(state):
            return Text("✎ You hold the minute-taker role: w writes a note", style="bold")
        holder = self.person(state.holder(MINUTE_TAKER))
        return literal(f"○ Reading only — {holder} holds the minute-taker role now")

    def show_body(self, state: LiveState) -> None:
        here = state.item_id
        notes = [note_line(state, n, self.person) for n in state.notes if n.item_id == here]
        records = [decision_line(state, d) for d in state.decisions if d.item_id == here]
        records += [action_line(a, self.person) for a in state.actions if a.item_id == here]
        self.query_one("#item-notes", Static).update(
            literal("\n".join(notes)) if notes else Text("No notes yet", style="italic")
        )
        self.query_one("#item-records", Static).update(
            literal("\n".join(records)) if records else Text("None yet", style="italic")
        )

    def may_write(self) -> bool:
        if self.holds_role(self.meeting.state):
            return True
        self.notify(
            "Only the minute-taker can write. This device can still read.",
            title="Reading only",
            severity="warning",
        )
        return False

    def after_form(self, saved: bool | None) -> None:
        if saved:
            self.show_state()

    def action_write_note(self) -> None:
        if self.may_write():
            self.app.push_screen(NoteForm(self.meeting, self.person(self.me)), self.after_form)

    def action_record_decision(self) -> None:
        if self.may_write():
            self.app.push_screen(DecisionForm(self.meeting), self.after_form)

    def action_record_action(self) -> None:
        if self.may_write():
            self.app.push_screen(ActionForm(self.meeting, self.members), self.after_form)


class AttendeeScreen(DeviceScreen):
    """An attendee's device: who is speaking, the queue and their own place in it, and their
    own hand to raise or lower."""

    BINDINGS = [
        Binding(
            "h",
            "raise_hand",
            "Raise my hand",
            tooltip="Ask to speak: you join the queue on the projector.",
            id="attendee.raise_hand",
        ),
        Binding(
            "l",
            "lower_hand",
            "Lower my hand",
            tooltip="Leave the queue if you no longer need to speak.",
            id="attendee.lower_hand",
        ),
    ]

    def body(self) -> ComposeResult:
        yield Static("SPEAKING NOW", classes="heading")
        yield Steady(id="attendee-speaker")
        yield Static("NEXT TO SPEAK", classes="heading")
        yield Steady(id="attendee-queue")

    def status(self, state: LiveState) -> Text:
        if state.speaker == self.me:
            return Text("▶ You are speaking", style="bold")
        if self.me in state.queue:
            place = state.queue.index(self.me) + 1
            return Text(f"↑ Your hand is up: you are number {place} in the queue", style="bold")
        return Text("Press h to raise your hand")

    def show_body(self, state: LiveState) -> None:
        self.query_one("#attendee-speaker", Static).update(literal(self.person(state.speaker)))
        lines = [
            f"{place}. {self.person(m)}{'  ← you' if m == self.me else ''}"
            for place, m in enumerate(state.queue, start=1)
        ]
        self.query_one("#attendee-queue", Static).update(
            literal("\n".join(lines)) if lines else Text("Nobody waiting", style="italic")
        )

    def action_raise_hand(self) -> None:
        if self.me in self.meeting.state.queue:
            self.notify("Your hand is already up.", title="Already waiting")
            return
        self.act(lambda s: live.raise_hand(s, self.me))

    def action_lower_hand(self) -> None:
        self.act(lambda s: live.lower_hand(s, self.me))


DEVICE_VIEWS = ("minutes", "attendee")
DISCONNECTED = "The facilitator has disconnected this device. You can close this page."


@dataclass(frozen=True)
class Device:
    """A participant's own device: which view (one of DEVICE_VIEWS), whose it is, and for a
    browser, the connection the facilitator can revoke."""

    view: str
    member_id: str
    connection: str | None = None


def device_screen(db: Database, meeting_id: str, clock: Clock, device: Device) -> DeviceScreen:
    """The view of the meeting on `device`. The minute-taker's device is refused any write while
    its person does not hold the role."""
    if device.view == "minutes":
        group_id = records.get_meeting(db, meeting_id).group_id
        names = {m.id: m.name for m in records.members_of(db, group_id)}
        guard = minute_taker_only(device.member_id, lambda m: names.get(m or "", "nobody"))
        return MinutesScreen(LiveMeeting(db, meeting_id, clock, guard, MINUTE_TAKER), device)
    return AttendeeScreen(LiveMeeting(db, meeting_id, clock, role=ATTENDEE), device)
