"""The event log: every meeting is the events committed for it, in order."""

import json
from datetime import datetime

from sqlite_utils import Database

from session.acting import ACTING_ROLES, FACILITATOR
from session.events import Event, Recorded, from_data, to_data
from session.ids import new_id


def append(
    db: Database, meeting_id: str, events: list[Event], at: datetime, role: str = FACILITATOR
) -> list[Recorded]:
    """Add `events` as one batch (one user action), made at `at` by someone acting in `role`
    (one of `session.acting.ACTING_ROLES`). Call inside `store.db.writing`."""
    if role not in ACTING_ROLES:
        raise ValueError(f"unknown acting role {role!r}")
    first = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM events").fetchone()[0]
    rows = [
        {
            "seq": first + offset,
            "id": new_id(),
            "meeting_id": meeting_id,
            "batch": first,
            "at": at.isoformat(),
            "kind": event.kind,
            "data": json.dumps(to_data(event), ensure_ascii=False),
            "role": role,
        }
        for offset, event in enumerate(events)
    ]
    db.table("events").insert_all(rows)
    return [Recorded(first + offset, first, at, event) for offset, event in enumerate(events)]


def load(db: Database, meeting_id: str, after_seq: int = 0) -> list[Recorded]:
    rows = db.execute(
        "SELECT seq, batch, at, kind, data FROM events"
        " WHERE meeting_id = ? AND seq > ? ORDER BY seq",
        [meeting_id, after_seq],
    ).fetchall()
    return [
        Recorded(seq, batch, datetime.fromisoformat(at), from_data(kind, json.loads(data)))
        for seq, batch, at, kind, data in rows
    ]


def load_batch(db: Database, batch: int) -> list[Event]:
    """The events of one user action, e.g. to say what an undo took back."""
    rows = db.execute("SELECT kind, data FROM events WHERE batch = ? ORDER BY seq", [batch])
    return [from_data(kind, json.loads(data)) for kind, data in rows.fetchall()]
