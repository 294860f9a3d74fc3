"""Recording a change to a group's records in its log (see `session.changes`): inside the same
transaction as the row it changes, with when and in which role it was made. And reading a log
back whole, as its history."""

import json
from datetime import datetime

from sqlite_utils import Database

from session.changes import Change, Entry
from session.clock import Clock
from session.events import from_data
from store.log import GROUP_LOG, Log, append


def record_change(db: Database, group_id: str, change: Change, clock: Clock, role: str) -> None:
    """Call inside `store.db.writing`, with the write the change describes."""
    append(db, group_id, [change], clock(), role, GROUP_LOG)


def entries(db: Database, owner_id: str, log: Log) -> list[Entry]:
    """Every row of `owner_id`'s log, undone ones and undos included: the whole history, in
    the order the changes were made (records from before an upgrade got theirs late)."""
    rows = db.execute(
        f"SELECT at, role, kind, data FROM [{log.table}] WHERE {log.owner} = ? ORDER BY seq",
        [owner_id],
    ).fetchall()
    found = [
        Entry(datetime.fromisoformat(at), role, from_data(kind, json.loads(data), log.types))
        for at, role, kind, data in rows
    ]
    return sorted(found, key=lambda entry: entry.at)
