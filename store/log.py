"""Event logs: every meeting is the events committed for it, in order, and so is every group's
preparation before its meetings (issues, votes, places, needs, agreement, payments), together
with the changes to the group's other records (`session.changes`)."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlite_utils import Database

from session.acting import ACTING_ROLES, FACILITATOR
from session.changes import CHANGE_EVENT_TYPES
from session.events import EVENT_TYPES, Event, Recorded, from_data, to_data
from session.ids import new_id
from session.plan_events import PLAN_EVENT_TYPES


@dataclass(frozen=True)
class Log:
    """A table of events, the column saying whose log each row is in, and the kinds it holds."""

    table: str
    owner: str
    types: dict[str, type[Event]]


MEETING_LOG = Log("events", "meeting_id", EVENT_TYPES)
GROUP_LOG = Log("group_events", "group_id", PLAN_EVENT_TYPES | CHANGE_EVENT_TYPES)


def append(
    db: Database,
    owner_id: str,
    events: list[Event],
    at: datetime,
    role: str = FACILITATOR,
    log: Log = MEETING_LOG,
) -> list[Recorded]:
    """Add `events` to `owner_id`'s log as one batch (one user action), made at `at` by someone
    acting in `role` (one of `session.acting.ACTING_ROLES`). Call inside `store.db.writing`."""
    if role not in ACTING_ROLES:
        raise ValueError(f"unknown acting role {role!r}")
    first = db.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM [{log.table}]").fetchone()[0]
    rows = [
        {
            "seq": first + offset,
            "id": new_id(),
            log.owner: owner_id,
            "batch": first,
            "at": at.isoformat(),
            "kind": event.kind,
            "data": json.dumps(to_data(event), ensure_ascii=False),
            "role": role,
        }
        for offset, event in enumerate(events)
    ]
    db.table(log.table).insert_all(rows)
    return [Recorded(first + offset, first, at, event) for offset, event in enumerate(events)]


Row = tuple[int, int, str, str, str | bytes]
"""An event as the log table holds it: seq, batch, at, kind, data."""


def load(db: Database, owner_id: str, after_seq: int = 0, log: Log = MEETING_LOG) -> list[Recorded]:
    return decoded(rows_of(db, owner_id, after_seq, log), log)


def rows_of(db: Database, owner_id: str, after_seq: int = 0, log: Log = MEETING_LOG) -> list[Row]:
    """`owner_id`'s log as the table holds it, undecoded: `decoded` makes the events."""
    rows: list[Row] = db.execute(
        f"SELECT seq, batch, at, kind, data FROM [{log.table}]"
        f" WHERE {log.owner} = ? AND seq > ? ORDER BY seq",
        [owner_id, after_seq],
    ).fetchall()
    return rows


def decoded(rows: list[Row], log: Log = MEETING_LOG) -> list[Recorded]:
    return [
        Recorded(seq, batch, datetime.fromisoformat(at), from_data(kind, _data(data), log.types))
        for seq, batch, at, kind, data in rows
    ]


def load_batch(db: Database, batch: int, log: Log = MEETING_LOG) -> list[Event]:
    """The events of one user action, e.g. to say what an undo took back."""
    # A batch is numbered by its first event's seq: reading from there follows the primary key
    # (a recent action is near the end) instead of scanning the whole log (12 ms on 131,000).
    rows = db.execute(
        f"SELECT kind, data FROM [{log.table}] WHERE seq >= ? AND batch = ? ORDER BY seq",
        [batch, batch],
    )
    return [from_data(kind, _data(data), log.types) for kind, data in rows.fetchall()]


_READ_JSON = json.JSONDecoder().raw_decode


def _data(text: str | bytes) -> dict[str, Any]:
    """An event's data: `json.loads(text)`, in half the time for the text `json.dumps` wrote
    (`raw_decode` does not look for spaces around the value first), which matters as a long
    meeting's log is thousands of these. Anything else (bytes too, as a file merged from
    elsewhere might hold) is left to `json.loads` to read or refuse, as before."""
    try:
        data, end = _READ_JSON(text)  # type: ignore[arg-type]  # bytes: TypeError, below
    except (ValueError, TypeError):
        end = -1
    if end != len(text):
        data = json.loads(text)
    return cast(dict[str, Any], data)
