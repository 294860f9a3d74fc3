"""Projector view: only what the room needs, large enough to read from the back.

The item, the time left in big digits, who is speaking, the next three people, and any signal
(a hand signal, a break due or under way, over time, the meeting ended). The facilitator keeps
the keys that run the floor; the full live screen is one key (v) away."""

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Digits, Footer, Static

from session import live
from session.breaks import break_due, seconds_since_break
from session.live import LiveState
from session.signals import SIGNALS
from tui.css_class import set_class_if_changed
from tui.literal import clock_face, literal
from tui.widgets.steady import Steady, SteadyDigits

if TYPE_CHECKING:
    from tui.screens.live import LiveScreen

NEXT_SHOWN = 3

# The keys that run the floor, passed on to the live screen underneath.
FORWARDED = [
    (
        "s",
        "next_speaker",
        "Next speaker",
        "The next person in the queue speaks; the current turn ends.",
    ),
    ("h", "raise_hand", "Hand up", "Put someone in the queue to speak."),
    ("e", "end_turn", "End turn", "End the current person's turn."),
    ("n", "next_item", "Next item", "Move on to the next agenda item."),
    ("b", "toggle_break", "Break", "Start or end a break. The clocks pause during a break."),
    ("u", "undo", "Undo", "Take back the last action. It stays in the history, marked undone."),
]


class ProjectorScreen(Screen[None]):
    BINDINGS = [
        Binding(
            "v,escape",
            "app.pop_screen",
            "Full screen",
            key_display="v",
            tooltip="Go back to the full live screen with notes, decisions and the agenda.",
            id="projector.full_view",
        ),
        Binding(
            "t",
            "switch_theme",
            "Colours",
            tooltip="Switch between dark, light and colour-blind-safe colours.",
            id="projector.switch_theme",
        ),
        *(
            Binding(key, f"forward('{action}')", name, tooltip=sentence, id=f"projector.{action}")
            for key, action, name, sentence in FORWARDED
        ),
    ]

    def __init__(self, live: "LiveScreen") -> None:
        super().__init__()
        self.live = live

    def compose(self) -> ComposeResult:
        with Vertical(id="p-top"):
            yield Steady(id="p-position")
            yield Steady(id="p-item")
        yield Steady(id="p-signal")
        with Horizontal(id="p-middle"):
            with Vertical(id="p-time"):
                yield Static("TIME LEFT", classes="p-heading")
                yield SteadyDigits(id="p-clock")
                yield Steady(id="p-clock-label")
            with Vertical(id="p-floor"):
                yield Static("SPEAKING NOW", classes="p-heading")
                yield Steady(id="p-speaker")
                yield Static(f"NEXT {NEXT_SHOWN}", classes="p-heading")
                yield Steady(id="p-next")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.set_interval(1, self.tick)

    def on_screen_resume(self) -> None:
        self.show()

    def tick(self) -> None:
        self.live.meeting.refresh()
        self.show()

    def action_forward(self, action: str) -> None:
        getattr(self.live, f"action_{action}")()
        self.show()

    def action_switch_theme(self) -> None:
        self.live.action_switch_theme()

    def show(self) -> None:
        state = self.live.meeting.state
        item = state.item
        position = self.query_one("#p-position", Static)
        if item is None or state.current is None:
            position.update("AGENDA")
            self.query_one("#p-item", Static).update("No agenda item yet")
        else:
            position.update(f"ITEM {state.current + 1} OF {len(state.items)}")
            self.query_one("#p-item", Static).update(literal(item.title))
        self.query_one("#p-speaker", Static).update(
            literal(f"▶ {self.live.person(state.speaker)}") if state.speaker else "Nobody"
        )
        self.query_one("#p-next", Static).update(self.next_text(state))
        self.show_time(state)
        self.show_signal(state)

    def next_text(self, state: LiveState) -> Text:
        """The next three in the order the live screen suggests (interjections first)."""
        places = live.suggested_queue(state, self.live.members, self.live.meeting.clock())
        if not places:
            return Text("Nobody waiting")
        lines = []
        for number, place in enumerate(places[:NEXT_SHOWN], start=1):
            signal = SIGNALS.get(place.signal)
            asks = f"  ({signal.label})" if signal else ""
            lines.append(f"{number}. {self.live.person(place.member_id)}{asks}")
        if len(places) > NEXT_SHOWN:
            lines.append(f"… and {len(places) - NEXT_SHOWN} more")
        return literal("\n".join(lines))

    def show_time(self, state: LiveState) -> None:
        item, now = state.item, self.live.meeting.clock()
        clock = self.query_one("#p-clock", Digits)
        label = self.query_one("#p-clock-label", Static)
        if item is None:
            clock.update("")
            label.update("")
            set_class_if_changed(self, False, "over-time")
            return
        left = item.seconds_left(now)
        clock.update(clock_face(left))
        label.update("⚠ OVER TIME" if left < 0 else f"of {item.timebox_minutes} min")
        set_class_if_changed(self, left < 0, "over-time")

    def show_signal(self, state: LiveState) -> None:
        """Words and a symbol for each thing the room should notice; hidden when there is none."""
        now = self.live.meeting.clock()
        lines = []
        if state.ended_at is not None:
            lines.append("■ MEETING ENDED")
        elif state.break_since is not None:
            lines.append(f"☕ ON A BREAK ({clock_face((now - state.break_since).total_seconds())})")
        elif break_due(state, self.live.details.break_every_minutes, now):
            since = int((seconds_since_break(state, now) or 0) // 60)
            lines.append(f"☕ TIME FOR A BREAK — {since} minutes since the last one")
        for made in state.signals:
            signal = SIGNALS[made.signal]
            word = f": “{made.word}”" if made.word else ""
            who = self.live.person(made.member_id)
            lines.append(f"{signal.symbol} {signal.words.upper()}{word} — {who}")
        signal_box = self.query_one("#p-signal", Static)
        signal_box.update(literal("\n".join(lines)))
        signal_box.display = bool(lines)
