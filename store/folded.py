"""A meeting's state, folded from its event log, kept so it need not be folded again.

The log is the only source of truth: a kept state is a derived copy, deleted by the database
itself (triggers, `store.migrations.m014_folded_states`) whenever an event of its meeting is
changed or removed (forget, erasure), trusted only when it was saved by this very version of
the code (`state_codec.fingerprint`), and brought up to date with the events added since it
was saved. A log where something was undone since is folded again in full. Dropping the table's
rows changes nothing but speed."""

import gc
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial

from sqlite_utils import Database

from session.events import Undone
from session.live import LiveState, apply, fold
from store.db import BUSY_TIMEOUT_MS, writing
from store.errors import StoreError
from store.forked import can_fork, forked
from store.log import Row, decoded, load, rows_of
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
        _keep(db, [state], version)
    return state


def folded_many(db: Database, meeting_ids: Sequence[str]) -> dict[str, LiveState]:
    """`folded` of each meeting. When several logs have no state kept (after an upgrade, every
    one is folded again) and `can_fork`, a child process folds about half of their events'
    worth meanwhile, from their rows read here first (it opens no connection: see
    `store.forked`), and sends each state back as the text that is kept for it."""
    kept = _kept_ids(db)
    sizes = _event_counts(db, [m for m in meeting_ids if m not in kept])
    if len(sizes) < 2 or not can_fork():
        return {m: folded(db, m) for m in meeting_ids}
    version = _data_version(db)
    logs = {m: rows_of(db, m) for m in _child_share(sizes)}
    with forked(partial(_texts_of, logs)) as child:
        made = {m: fold(m, load(db, m)) for m in sizes if m not in logs}
        texts = {m: encode(state) for m, state in made.items()}
        states = {m: folded(db, m) for m in meeting_ids if m not in sizes}
        sent = child.result()
    if sent is None:  # the child failed: its share is folded here, meeting any real error here
        sent = _texts_of(logs)
    made |= {m: decode(text) for m, text in sent.items()}
    texts |= sent
    _keep(db, made.values(), version, texts)
    states |= made
    return {m: states[m] for m in meeting_ids}


def _kept_ids(db: Database) -> set[str]:
    """The meetings with a state kept by this version."""
    rows = db.execute(f"SELECT meeting_id FROM [{TABLE}] WHERE fingerprint = ?", [fingerprint()])
    return {meeting_id for (meeting_id,) in rows}


def _event_counts(db: Database, meeting_ids: list[str]) -> dict[str, int]:
    """How many events each meeting's log holds, for those that hold any (a meeting not yet
    started folds to nothing, and is never kept)."""
    counts = {}
    for meeting_id in meeting_ids:
        (count,) = db.execute(
            "SELECT COUNT(*) FROM events WHERE meeting_id = ?", [meeting_id]
        ).fetchone()
        if count:
            counts[meeting_id] = count
    return counts


def _child_share(sizes: dict[str, int]) -> set[str]:
    """The meetings given to the child to fold: about half of the events, each log, largest
    first, to whichever process has fewer so far. (Reading back what the child sends costs
    the parent about a tenth of folding it, but only after both are done: an even split
    finishes first.)"""
    theirs: set[str] = set()
    child = parent = 0
    for meeting_id in sorted(sizes, key=sizes.__getitem__, reverse=True):
        if child < parent:
            theirs.add(meeting_id)
            child += sizes[meeting_id]
        else:
            parent += sizes[meeting_id]
    return theirs


def _texts_of(logs: dict[str, list[Row]]) -> dict[str, str]:
    """Each meeting folded from its log's rows, as the text kept for it."""
    return {m: encode(fold(m, decoded(rows))) for m, rows in logs.items()}


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


def _keep(
    db: Database,
    states: Iterable[LiveState],
    version: int,
    texts: Mapping[str, str] | None = None,
) -> None:
    """Save each state for next time (as `texts` holds it, by meeting, else `encode`d here),
    unless another connection has written to the file since their events were read (a state
    might already be out of date) or the file is busy."""
    if db.conn.in_transaction:
        return
    texts = texts or {}
    rows = [
        (s.meeting_id, fingerprint(), s.last_seq, texts.get(s.meeting_id) or encode(s))
        for s in states
        if s.last_seq
    ]
    if not rows:
        return
    # A copy lost to a power cut is only folded again: no need to wait for the disk (with WAL
    # this never risks the file, and the next real commit makes it durable anyway).
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA busy_timeout = 0")  # and no waiting for another writer: skip instead
    try:
        with writing(db):
            if _data_version(db) == version:
                db.conn.executemany(
                    f"INSERT OR REPLACE INTO [{TABLE}] (meeting_id, fingerprint, last_seq, state)"
                    " VALUES (?, ?, ?, ?)",
                    rows,
                )
    except StoreError:
        return
    finally:
        db.execute("PRAGMA synchronous = FULL")
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
