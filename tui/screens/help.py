"""Help in plain words: every key of the screen underneath, each said in one short sentence."""

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Label, Static

MOUSE = "With a mouse: click a key in the bar at the bottom to do the same thing."


def key_help(screen: Screen[Any]) -> list[tuple[str, str, str]]:
    """(key, name, sentence) for each key that works on `screen`, in the Footer's order."""
    bindings = [active.binding for active in screen.active_bindings.values()]
    bindings += Binding.make_bindings(screen.app.BINDINGS)  # forms leave the app's keys out
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for binding in bindings:
        if not binding.tooltip or binding.action in seen:
            continue
        seen.add(binding.action)
        rows.append((screen.app.get_key_display(binding), binding.description, binding.tooltip))
    return rows


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding(
            "escape,f1,question_mark",
            "close",
            "Close help",
            key_display="esc",
            tooltip="Close this help and go back to where you were.",
            id="help.close",
        )
    ]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.rows = key_help(under)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form", id="help"):
            yield Label("Keys on this screen", classes="form-heading")
            with Grid(id="help-keys"):
                for key, name, sentence in self.rows:
                    yield Static(key, classes="help-key")
                    yield Static(Text.assemble((f"{name}: ", "bold"), sentence))
            yield Static(MOUSE, classes="form-hint")
        yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
