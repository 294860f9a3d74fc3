"""The Textual app. Placeholder: the live screen is being built."""

from sqlite_utils import Database
from textual.app import App

from session.clock import Clock, system_clock


class CoproduceApp(App[None]):
    def __init__(self, db: Database, meeting_id: str | None, clock: Clock = system_clock) -> None:
        super().__init__()
        self.db = db
        self.meeting_id = meeting_id
        self.clock = clock


def make_app(db: Database, meeting_id: str | None, clock: Clock = system_clock) -> CoproduceApp:
    """The one way to build the app, for the command line and the tests alike."""
    return CoproduceApp(db, meeting_id, clock)
