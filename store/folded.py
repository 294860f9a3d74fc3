"""A meeting's state, folded from its event log, kept so it need not be folded again.

The log is the only source of truth: a kept state is a derived copy, deleted by the database
itself (triggers, `store.migrations.m014_folded_states`) whenever an event of its meeting is
changed or removed (forget, erasure), trusted only when it was saved by this very version of
the code (`state_codec.fingerprint`), and brought up to date with the events added since it
was saved. A log where something was undone since is folded again in full. Dropping the table's
rows changes nothing but speed."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from session.events import Undone
from session.live import LiveState, apply, fold
from store.db import BUSY_TIMEOUT_MS, writing
from store.errors import StoreError
from store.log import load
from store.state_codec import decode, encode, fingerprint

TABLE = "folded_states"


def folded(db: Database, meeting_id: str) -> LiveState:
    """The state of the meeting after every event committed to it."""
    version = _data_version(db)
    kept = _kept(db, meeting_id)
    if kept is None:
        state = fold(meeting_id, load(db, meeting_id))
    else:
        newer = load(db, meeting_id, kept.last_seq)
        if any(isinstance(r.event, Undone) for r in newer):
            state = fold(meeting_id, load(db, meeting_id))
        else:
            state = kept
            for recorded in newer:
                state = apply(state, recorded)
    if kept is None or state.last_seq != kept.last_seq:
        _keep(db, state, version)
    return state


@contextmanager
def reading_many_meetings() -> Iterator[None]:
    """No garbage collection while many meetings are read and folded, collection as before
    afterwards. What is read stays (it is the answer: every state, or every log) and makes no
    reference cycles, yet Python's collector looks through all of it again each time it grows
    by a quarter: about a tenth of a report over the benchmark's 60 meetings."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _kept(db: Database, meeting_id: str) -> LiveState | None:
    row = db.execute(
        f"SELECT fingerprint, state FROM [{TABLE}] WHERE meeting_id = ?", [meeting_id]
    ).fetchone()
    if row is None or row[0] != fingerprint():
        return None
    try:
        state = decode(row[1])
    except ValueError:
        return None
    return state if state.meeting_id == meeting_id else None


def _data_version(db: Database) -> int:
    """Changes whenever another connection commits to the file."""
    version: int = db.execute("PRAGMA data_version").fetchone()[0]
    return version


def _keep(db: Database, state: LiveState, version: int) -> None:
    """Save `state` for next time, unless another connection has written to the file since
    its events were read (the state might already be out of date) or the file is busy."""
    if db.conn.in_transaction or not state.last_seq:
        return
    # A copy lost to a power cut is only folded again: no need to wait for the disk (with WAL
    # this never risks the file, and the next real commit makes it durable anyway).
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA busy_timeout = 0")  # and no waiting for another writer: skip instead
    try:
        with writing(db):
            if _data_version(db) == version:
                db.execute(
                    f"INSERT OR REPLACE INTO [{TABLE}] (meeting_id, fingerprint, last_seq, state)"
                    " VALUES (?, ?, ?, ?)",
                    [state.meeting_id, fingerprint(), state.last_seq, encode(state)],
                )
    except StoreError:
        return
    finally:
        db.execute("PRAGMA synchronous = FULL")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
