"""Choices a group makes once and keeps: for now, the theme its meetings are shown in."""

from sqlite_utils import Database

from session.acting import FACILITATOR
from session.changes import ThemeChosen
from session.clock import Clock
from store.changes import record_change
from store.db import writing


def group_theme(db: Database, group_id: str) -> str | None:
    """The theme the group chose last, or None if it never chose one."""
    row = db.execute("SELECT theme FROM groups WHERE id = ?", [group_id]).fetchone()
    return row[0] if row and row[0] else None


def remember_group_theme(
    db: Database, group_id: str, theme: str, clock: Clock, role: str = FACILITATOR
) -> None:
    with writing(db):
        db.execute("UPDATE groups SET theme = ? WHERE id = ?", [theme, group_id])
        record_change(db, group_id, ThemeChosen(theme), clock, role)
