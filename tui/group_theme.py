"""A group's meetings open in the theme the group chose last, and a new choice is kept."""

from typing import Any

from sqlite_utils import Database
from textual.screen import Screen
from textual.theme import Theme

from session.clock import Clock
from store import settings
from store.errors import StoreError
from tui.literal import tell
from tui.themes import DEFAULT_THEME, THEME_LABELS, next_theme


def follow_group_theme(screen: Screen[Any], db: Database, group_id: str, clock: Clock) -> None:
    """Show the group's theme now; while `screen` is open, keep any change (ctrl+p or a key)."""
    app = screen.app
    chosen = settings.group_theme(db, group_id)
    app.theme = chosen if chosen in app.available_themes else DEFAULT_THEME

    def remember(theme: Theme) -> None:
        if theme.name == settings.group_theme(db, group_id):
            return
        try:
            settings.remember_group_theme(db, group_id, theme.name, clock)
        except StoreError as error:
            tell(screen, str(error), "Theme not kept", "warning")

    app.theme_changed_signal.subscribe(screen, remember)


def switch_theme(screen: Screen[Any]) -> None:
    """Move to the next accessible theme and say which one it is."""
    app = screen.app
    app.theme = next_theme(app.theme)
    label = THEME_LABELS.get(app.theme, app.theme)
    screen.notify(f"Colours: {label}.", title="Theme")
