"""Recording a change to a group's records in its log (see `session.changes`): inside the same
transaction as the row it changes, with when and in which role it was made."""

from sqlite_utils import Database

from session.changes import Change
from session.clock import Clock
from store.log import GROUP_LOG, append


def record_change(db: Database, group_id: str, change: Change, clock: Clock, role: str) -> None:
    """Call inside `store.db.writing`, with the write the change describes."""
    append(db, group_id, [change], clock(), role, GROUP_LOG)
