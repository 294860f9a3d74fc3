"""The Textual app: one factory builds it for the command line and the tests alike.

Screens other than the live one are imported when first shown, so that `coproduce` opening on
a meeting does not wait for them (see the README's "Speed and size")."""

import gc
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from sqlite_utils import Database
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from session.clock import Clock, system_clock
from tui.screens.live import open_meeting
from tui.themes import DEFAULT_THEME, THEMES

if TYPE_CHECKING:
    from tui.screens.devices import Device


class CoproduceApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "coproduce"
    BINDINGS = [
        Binding(
            "ctrl+q",
            "quit",
            "Quit",
            tooltip="Close coproduce. Nothing is lost: everything is already saved.",
            id="app.quit",
            priority=True,
        ),
        Binding(
            "question_mark",
            "help",
            "Help",
            key_display="?",
            tooltip="Show every key on this screen, explained in plain words.",
            id="app.help",
        ),
        # F1 works in forms too, where "?" is typed into the box.
        Binding(
            "f1",
            "help",
            "Help",
            show=False,
            tooltip="Show every key on this screen, explained in plain words.",
            id="app.help_f1",
            priority=True,
        ),
    ]

    def __init__(
        self,
        db: Database,
        meeting_id: str | None,
        clock: Clock = system_clock,
        device: "Device | None" = None,
    ) -> None:
        """`device`, if given, makes this a participant's own device showing one view of the
        meeting (see `tui.screens.devices`) rather than the facilitator's app."""
        super().__init__()
        self.db = db
        self.meeting_id = meeting_id
        self.clock = clock
        self.device = device
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    def on_load(self) -> None:
        """No garbage collection until the first screen is drawn (on_mount turns it back on):
        starting makes tens of thousands of objects that all stay (styles, widgets, the
        meeting's state), and collecting among them cost about 25 ms of start-up for nothing."""
        gc.disable()

    def on_mount(self) -> None:
        """Start on the list of meetings, or on the meeting chosen."""
        try:
            self.show_first_screen()
        finally:
            self.screen.call_after_refresh(gc.enable)

    def show_first_screen(self) -> None:
        if self.device is not None and self.meeting_id is not None:
            from tui.screens.devices import device_screen

            self.push_screen(device_screen(self.db, self.meeting_id, self.clock, self.device))
            return
        if self.meeting_id is not None:
            # The live screen alone: the list of meetings is built only when someone goes back
            # to it (action_meetings). Building it beneath cost ~100 ms of the first frame.
            open_meeting(self, self.db, self.clock, self.meeting_id)
            return
        from tui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.db, self.clock))

    def action_meetings(self) -> None:
        """Back to the list of meetings: the screen below, or a new one if the app opened
        straight on a meeting."""
        from tui.screens.home import HomeScreen

        self.pop_screen()
        if not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen(self.db, self.clock))

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every key of ours (each has a sentence for help) is also a command in the palette
        (ctrl+p), including those the Footer has no room for; a key's second spelling (F1 for ?)
        is listed once."""
        listed: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.tooltip and active.enabled and binding.action not in listed:
                listed.add(binding.action)
                yield SystemCommand(
                    binding.description,
                    f"Key: {key}",
                    partial(self.run_action, binding.action, active.node),
                )
        yield from super().get_system_commands(screen)


def make_app(
    db: Database,
    meeting_id: str | None = None,
    clock: Clock = system_clock,
    device: "Device | None" = None,
) -> CoproduceApp:
    """The one way to build the app, for the command line and the tests alike."""
    return CoproduceApp(db, meeting_id, clock, device)
