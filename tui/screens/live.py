"""The live meeting on the projector: the item and its time box, who is speaking, the queue,
the minute-taker, and the latest notes, decisions and actions.

The forms and screens its keys open are imported when first opened, not with this module: the
live screen is what `coproduce` starts on, and importing them all cost about 60 ms of start-up
(see the README's "Speed and size")."""

import gc
from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from sqlite_utils import Database
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Digits, Footer, Static

from session import live
from session.breaks import break_due
from session.clock import Clock
from session.describe import describe_batch
from session.events import Event, Undone
from session.live import MINUTE_TAKER, LiveState
from session.setup import Member
from store import device_access
from store.live import LiveMeeting
from store.log import load_batch
from store.records import get_meeting
from tui.css_class import set_class_if_changed
from tui.group_theme import follow_group_theme, switch_theme
from tui.literal import clock_face, literal, tell
from tui.record_lines import action_line, decision_line, note_line
from tui.screens.evaluation_keys import EVALUATION_BINDINGS, EvaluationKeys
from tui.screens.turn_taking import TURN_BINDINGS, TurnTakingScreen
from tui.widgets.steady import Steady, SteadyDigits

SHOWN_NOTES = 12
SHOWN_PLACES = 10
SHOWN_PLACES_SHORT = 3
SHOWN_RECORDS = 8
# The big clocks keep one width (in Digits every character is 3 cells wide, a space too), so a
# clock passing 10:00 or running over (by up to an hour) does not move what is beside it and lay
# out the screen. Time boxes of an hour or more, and longer overruns, widen it once.
ITEM_CLOCK_CHARS = 6  # "-59:59"
SPEAKER_CLOCK_CHARS = 5  # "59:59"

USUAL_COLLECTOR = gc.get_threshold()
QUIET_COLLECTOR = (10_000, 20, 20)  # young objects collected every 10,000 allocations, not 700


class LiveScreen(TurnTakingScreen, EvaluationKeys):
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS = [
        Binding(
            "n",
            "next_item",
            "Next item",
            tooltip="Move on to the next agenda item; its clock starts.",
            id="live.next_item",
        ),
        Binding(
            "p",
            "previous_item",
            "Previous item",
            tooltip="Go back to the previous agenda item.",
            id="live.previous_item",
        ),
        Binding(
            "h",
            "raise_hand",
            "Hand up",
            tooltip="Put someone in the queue to speak.",
            id="live.raise_hand",
        ),
        Binding(
            "l",
            "lower_hand",
            "Hand down",
            tooltip="Take someone out of the queue.",
            id="live.lower_hand",
        ),
        Binding(
            "s",
            "next_speaker",
            "Next speaker",
            tooltip="The next person in the queue speaks; the current turn ends.",
            id="live.next_speaker",
        ),
        Binding(
            "e",
            "end_turn",
            "End turn",
            show=False,
            tooltip="End the current person's turn without starting another.",
            id="live.end_turn",
        ),
        Binding(
            "w",
            "write_note",
            "Write note",
            tooltip="Write a line of the minutes, in the minute-taker's name.",
            id="live.write_note",
        ),
        Binding(
            "m",
            "hand_minutes",
            "Minute-taker",
            show=False,
            tooltip="Choose who takes the minutes from now on.",
            id="live.hand_minutes",
        ),
        Binding(
            "d",
            "record_decision",
            "Decision",
            tooltip="Record a decision and how it was reached.",
            id="live.record_decision",
        ),
        Binding(
            "a",
            "record_action",
            "Action",
            tooltip="Record an action: what needs doing, who will do it, and by when.",
            id="live.record_action",
        ),
        Binding(
            "b",
            "toggle_break",
            "Break",
            tooltip="Start or end a break. The clocks pause during a break.",
            id="live.toggle_break",
        ),
        Binding(
            "i",
            "add_item",
            "Add item",
            show=False,
            tooltip="Add an item to the agenda.",
            id="live.add_item",
        ),
        Binding(
            "plus",
            "add_person",
            "Add person",
            show=False,
            key_display="+",
            tooltip="Add a person to the group.",
            id="live.add_person",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last action. It stays in the history, marked undone.",
            id="live.undo",
        ),
        Binding(
            "ctrl+z",
            "undo",
            "Undo",
            show=False,
            tooltip="Take back the last action. It stays in the history, marked undone.",
            id="live.undo_ctrl_z",
        ),
        Binding(
            "x",
            "end_meeting",
            "End meeting",
            show=False,
            tooltip="End the meeting. Press u straight after to take it back.",
            id="live.end_meeting",
        ),
        Binding(
            "escape",
            "app.meetings",
            "Meetings",
            show=False,
            tooltip="Go back to the list of meetings. The meeting carries on.",
            id="live.meetings",
        ),
        Binding(
            "v",
            "projector",
            "Projector view",
            show=False,
            tooltip="Show only what the room needs, with the time in big digits.",
            id="live.projector",
        ),
        Binding(
            "t",
            "switch_theme",
            "Colours",
            show=False,
            tooltip="Switch colours: dark, light or colour-blind safe. The group keeps it.",
            id="live.switch_theme",
        ),
        Binding(
            "D",
            "devices",
            "Devices",
            show=False,
            tooltip="See who joined from a browser, and disconnect a device.",
            id="live.devices",
        ),
        Binding(
            "A",
            "agreement",
            "Agreement",
            show=False,
            tooltip="Show the group agreement the group wrote together.",
            id="live.agreement",
        ),
        *TURN_BINDINGS,
        *EVALUATION_BINDINGS,
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="title-bar"):
            yield Steady(id="meeting-title")
            yield Steady(id="join-info")
            yield Steady(id="wall-clock")
        with Horizontal(id="item-bar"):
            with Vertical(id="item-info"):
                yield Steady(id="item-position")
                yield Steady(id="item-title")
                yield Steady(id="item-meta")
            with Vertical(id="item-clock-box"):
                yield SteadyDigits(id="item-clock")
                yield Steady(id="item-clock-label")
        yield Steady(id="status-banner")
        yield Steady(id="signals")
        yield Steady(id="handover")
        with Horizontal(id="middle"):
            with Vertical(id="floor"):
                yield Static("SPEAKING NOW", classes="heading")
                yield Steady(id="speaker-name")
                yield SteadyDigits(id="speaker-clock")
                yield Steady(id="turn-warning")
                yield Steady("NEXT TO SPEAK", id="queue-heading", classes="heading")
                yield Steady(id="queue")
                yield Static("AGENDA", id="agenda-heading", classes="heading")
                yield Steady(id="agenda")
                yield Steady(id="share-line")
            with Vertical(id="record"):
                yield Steady(id="minute-taker")
                yield Steady(id="easy-read")
                yield Static("LATEST NOTES", classes="heading")
                with Vertical(id="notes-box", classes="latest"):
                    yield Steady(id="notes")
                yield Static("DECISIONS AND ACTIONS", classes="heading")
                with Vertical(id="decisions-box", classes="latest"):
                    yield Steady(id="decisions")
        yield Footer()

    def on_mount(self) -> None:
        follow_group_theme(self, self.meeting.db, self.group.id, self.meeting.clock)
        if self.meeting.state.started_at is None:
            present = [m.id for m in self.members]
            self.meeting.do(lambda s: live.start_meeting(s, present))
        self.show_state()
        for latest in self.query(".latest"):
            # Where there is not room for them all, the newest are shown. After the first frame:
            # anchoring scrolls at once, which before it cost start-up about 10 ms.
            self.call_after_refresh(latest.anchor)
        self.set_interval(1, self.show_clocks)
        self.follow_other_devices()
        self.call_after_refresh(keep_loaded_out_of_full_collections)

    def on_unmount(self) -> None:
        gc.unfreeze()
        gc.set_threshold(*USUAL_COLLECTOR)

    # --- showing the state -------------------------------------------------------------------

    def show_state(self) -> None:
        state = self.meeting.state
        when = self.details.starts_at.strftime("%a %d %b %Y, %H:%M")
        self.query_one("#meeting-title", Static).update(
            literal(f"{self.details.title} · {self.group.name} · {when} · {self.details.place}")
        )
        self.show_item(state)
        self.query_one("#speaker-name", Static).update(
            literal(f"▶ {self.person(state.speaker)}", "bold")
            if state.speaker
            else Text("Nobody yet — press s for the next speaker", style="italic")
        )
        self.query_one("#agenda", Static).update(self.agenda_text(state))
        self.query_one("#minute-taker", Static).update(
            literal(f"✎ Minutes: {self.person(state.holder(MINUTE_TAKER))}")
        )
        self.show_easy_read()
        self.query_one("#notes", Static).update(self.notes_text(state))
        self.query_one("#decisions", Static).update(self.decisions_text(state))
        self.show_clocks()

    def show_item(self, state: LiveState) -> None:
        item = state.item
        if item is None or state.current is None:
            self.query_one("#item-position", Static).update("AGENDA")
            self.query_one("#item-title", Static).update("No agenda item yet — press i to add one")
            self.query_one("#item-meta", Static).update("")
            return
        self.query_one("#item-position", Static).update(
            f"ITEM {state.current + 1} OF {len(state.items)}"
        )
        self.query_one("#item-title", Static).update(literal(item.title, "bold"))
        proposer = f"Proposed by {self.person(item.proposed_by)} · " if item.proposed_by else ""
        self.query_one("#item-meta", Static).update(
            literal(f"{proposer}time box {item.timebox_minutes} min")
        )

    def show_status(self, state: LiveState) -> None:
        """The banner's row is always there, blank when there is nothing to say: the screen does
        not jump when a break starts or ends, and showing it needs no new layout."""
        banner = self.query_one("#status-banner", Static)
        words = status_words(state, self.details.break_every_minutes, self.meeting.clock())
        banner.update(words)
        set_class_if_changed(banner, not words, "-quiet")

    def show_clocks(self) -> None:
        state, now = self.meeting.state, self.meeting.clock()
        self.query_one("#wall-clock", Static).update(f"{now.astimezone():%H:%M}")
        self.show_join_info()
        self.show_floor(state, SHOWN_PLACES_SHORT if self.has_class("-short") else SHOWN_PLACES)
        item = state.item
        label = self.query_one("#item-clock-label", Static)
        if item is None:
            self.query_one("#item-clock", Digits).update(" " * ITEM_CLOCK_CHARS)
            label.update("")
        else:
            left = item.seconds_left(now)
            face = clock_face(left).rjust(ITEM_CLOCK_CHARS)
            self.query_one("#item-clock", Digits).update(face)
            label.update("⚠ OVER TIME" if left < 0 else f"left of {item.timebox_minutes} min")
            for clock in (self.query_one("#item-clock", Digits), label):
                set_class_if_changed(clock, left < 0, "over-time")  # not the screen: restyles less
        speaking = clock_face(state.turn_clock.elapsed(now)) if state.speaker else ""
        self.query_one("#speaker-clock", Digits).update(speaking.ljust(SPEAKER_CLOCK_CHARS))
        self.show_status(state)

    def agenda_text(self, state: LiveState) -> Text:
        if not state.items:
            return Text("Empty — press i to add an item", style="italic")
        marks = ["✓" if i < (state.current or 0) else " " for i in range(len(state.items))]
        if state.current is not None:
            marks[state.current] = "▶"
        return literal(
            "\n".join(
                f"{mark} {place}. {item.title}"
                for place, (mark, item) in enumerate(zip(marks, state.items, strict=True), 1)
            )
        )

    def notes_text(self, state: LiveState) -> Text:
        item_id = state.item_id
        notes = [n for n in state.notes if n.item_id == item_id][-SHOWN_NOTES:]
        if not notes:
            return Text("No notes on this item yet — press w to write one", style="italic")
        return literal("\n".join(note_line(state, n, self.person) for n in notes))

    def decisions_text(self, state: LiveState) -> Text:
        """The latest decisions and actions, actions last: only the lines shown are made (a
        long meeting has dozens of each, and this runs at every key)."""
        lines = [decision_line(state, d) for d in state.decisions[-SHOWN_RECORDS:]]
        lines += [action_line(a, self.person) for a in state.actions[-SHOWN_RECORDS:]]
        if not lines:
            return Text("None yet — press d for a decision, a for an action", style="italic")
        return literal("\n".join(lines[-SHOWN_RECORDS:]))

    # --- acting ------------------------------------------------------------------------------

    def pick_person(
        self,
        heading: str,
        people: list[Member],
        then: Callable[[str], object],
        notes: dict[str, str] | None = None,
    ) -> None:
        from tui.screens.forms import PersonPicker

        def chosen(member_id: str | None) -> None:
            if member_id is not None:
                then(member_id)

        self.app.push_screen(PersonPicker(heading, people, notes or {}), chosen)

    def action_next_item(self) -> None:
        self.act(lambda s: live.move_item(s, +1))

    def action_previous_item(self) -> None:
        self.act(lambda s: live.move_item(s, -1))

    def action_raise_hand(self) -> None:
        state = self.meeting.state
        waiting = [m for m in self.members if m.id not in state.queue and m.id != state.speaker]
        self.pick_person(
            "Who would like to speak?",
            waiting,
            lambda member_id: self.act(lambda s: live.raise_hand(s, member_id)),
        )

    def action_lower_hand(self) -> None:
        queued = [self.by_id[m] for m in self.meeting.state.queue if m in self.by_id]
        if not queued:
            self.notify("Nobody is in the queue.", title="Not done", severity="warning")
            return
        self.pick_person(
            "Take whom out of the queue?",
            queued,
            lambda member_id: self.act(lambda s: live.lower_hand(s, member_id)),
        )

    def action_next_speaker(self) -> None:
        self.act(lambda s: live.next_speaker(s, self.members))

    def action_end_turn(self) -> None:
        self.act(live.end_turn)

    def action_write_note(self) -> None:
        from tui.screens.forms import NoteForm

        author = self.meeting.state.holder(MINUTE_TAKER)
        if author is None:
            self.notify(
                "Nobody is taking minutes yet. Press m to choose the minute-taker.",
                title="Not done",
                severity="warning",
            )
            return
        self.app.push_screen(NoteForm(self.meeting, self.person(author)), self.after_form)

    def action_hand_minutes(self) -> None:
        holder = self.meeting.state.holder(MINUTE_TAKER)
        self.pick_person(
            "Who takes the minutes now?",
            [m for m in self.members if m.id != holder],
            lambda member_id: self.act(lambda s: live.hand_role(s, MINUTE_TAKER, member_id)),
        )

    def action_record_decision(self) -> None:
        from tui.screens.forms import DecisionForm

        self.app.push_screen(DecisionForm(self.meeting), self.after_form)

    def action_record_action(self) -> None:
        from tui.screens.forms import ActionForm

        self.app.push_screen(ActionForm(self.meeting, self.members), self.after_form)

    def action_add_item(self) -> None:
        from tui.screens.forms import ItemForm

        self.app.push_screen(ItemForm(self.meeting, self.members), self.after_form)

    def action_add_person(self) -> None:
        from tui.screens.setup_forms import PersonForm

        def added(saved: bool | None) -> None:
            if saved:
                self.load_members()
                self.show_state()

        self.app.push_screen(PersonForm(self.meeting.db, self.group, self.meeting.clock), added)

    def action_toggle_break(self) -> None:
        self.act(live.end_break if self.meeting.state.on_break else live.start_break)

    def action_end_meeting(self) -> None:
        self.act(live.end_meeting)

    def show_easy_read(self) -> None:
        """How many want easy-read papers, but not who: a need is personal, and the projector
        is shared with the room. `coproduce person list` names them for the facilitator."""
        wanting = sum(m.easy_read for m in self.members)
        people = "1 person" if wanting == 1 else f"{wanting} people"
        easy_read = self.query_one("#easy-read", Static)
        easy_read.update(f"▤ Easy-read papers: {people} asked for them")
        easy_read.display = bool(wanting)

    def action_agreement(self) -> None:
        from store.plan import load_plan
        from tui.screens.agreement import AgreementReminder

        agreement = load_plan(self.meeting.db, self.group.id).agreement
        if agreement is None:
            self.notify(
                "The group has not written an agreement yet: P on the list of meetings.",
                title="No agreement yet",
            )
            return
        self.app.push_screen(AgreementReminder(agreement))

    def show_join_info(self) -> None:
        """While `coproduce serve` runs, where and with which code to join from a browser."""
        invitation = device_access.current_invitation(self.meeting.db, self.meeting.meeting_id)
        self.query_one("#join-info", Static).update(
            f"Join: {invitation.address} · code {invitation.code}" if invitation else ""
        )

    def action_devices(self) -> None:
        from tui.screens.device_list import DeviceList

        names = {m.id: m.name for m in self.members}
        self.app.push_screen(
            DeviceList(self.meeting.db, self.meeting.meeting_id, names, self.meeting.clock)
        )

    def action_undo(self) -> None:
        """Says what was taken back as committed: another device may have acted since the
        screen last looked, and then it is their action that undo takes back."""
        done: list[Event] = []

        def undo(state: LiveState) -> list[Event]:
            done.extend(live.undo(state))
            return done

        if self.act(undo):
            batches = [e.batch for e in done if isinstance(e, Undone)]
            taken_back = [e for b in batches for e in load_batch(self.meeting.db, b)]
            words = describe_batch(taken_back, self.person, self.item_title)
            tell(self, f"Undone: {words}.", "Undo")

    def action_projector(self) -> None:
        from tui.screens.projector import ProjectorScreen

        self.app.push_screen(ProjectorScreen(self))

    def action_switch_theme(self) -> None:
        switch_theme(self)


def status_words(state: LiveState, break_every_minutes: int, now: datetime) -> str:
    """What the status banner says: the meeting has ended, a break and for how long, or that one
    is due; otherwise nothing."""
    if state.ended_at is not None:
        return "■ MEETING ENDED — C: check-out · E: evaluation · u: undo the ending"
    if state.break_since is not None:
        paused = clock_face((now - state.break_since).total_seconds())
        return f"☕ ON A BREAK ({paused}) — press b to carry on"
    if break_due(state, break_every_minutes, now):
        return "☕ TIME FOR A BREAK — press b to start one"
    return ""


def open_meeting(app: App[None], db: Database, clock: Clock, meeting_id: str) -> None:
    """Open the meeting on the live screen, with the group agreement on top as it starts."""
    meeting = LiveMeeting(db, meeting_id, clock)
    starting = meeting.state.started_at is None  # before the live screen starts it
    app.push_screen(LiveScreen(meeting))
    if starting:
        from store.plan import load_plan
        from tui.screens.agreement import AgreementReminder

        agreement = load_plan(db, get_meeting(db, meeting_id).group_id).agreement
        if agreement is not None:
            app.push_screen(AgreementReminder(agreement))


def keep_loaded_out_of_full_collections() -> None:
    """Once the meeting is on screen, what it took to load (its state, the widgets and styles)
    is left out of the garbage collector's passes, which otherwise walk all of it every so
    often (30-70 ms pauses after random keys on a long meeting), and the collector runs less
    often. Nothing is lost: everything is handed back when the screen closes (`on_unmount`)."""
    gc.freeze()
    gc.set_threshold(*QUIET_COLLECTOR)
