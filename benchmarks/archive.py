"""A realistic large archive: one group of 40 people meeting monthly for five years.

Each meeting lasts 3 hours with 600 turns, 300 notes, 30 decisions and 40 actions. Events are made
by the same pure commands the app uses, applied to the folded state as the app would, then
written one batch per action in a single transaction per meeting, so generating is quick while
the log is exactly what a real meeting would have left."""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.events import Event, Recorded
from session.live import MINUTE_TAKER, LiveState
from session.setup import DEFAULT_PERSPECTIVES, new_group, new_meeting, new_member
from store.db import open_db, writing
from store.log import append
from store.records import groups, members_of, save_group, save_meeting, save_member

PEOPLE = 40
MEETINGS = 60
ITEMS = 6


@dataclass(frozen=True)
class Shape:
    """How much happens in a meeting, spread evenly over its items."""

    turns: int
    notes: int
    decisions: int
    actions: int
    seconds: int


FULL = Shape(turns=600, notes=300, decisions=30, actions=40, seconds=3 * 3600)
# A fifth of the turns, with enough notes, decisions and actions to fill the live screen as
# the full meeting does (12 notes an item, 8 records): what differs is only the history.
SHORT = Shape(turns=120, notes=120, decisions=12, actions=12, seconds=3600)


@dataclass(frozen=True)
class Archive:
    path: Path
    largest_meeting: str
    empty_meeting: str
    meetings: list[str]


def build(path: Path, seed: int = 1) -> Archive:
    rng = random.Random(seed)
    start = datetime(2021, 1, 14, 14, 0, tzinfo=UTC)
    clock = FrozenClock(start)
    db = open_db(path)
    group = new_group("Benchmark forum")
    save_group(db, group, clock)
    members = [
        new_member(group, f"Person {n:02}", DEFAULT_PERSPECTIVES[n % 4], "", n % 7 != 0)
        for n in range(PEOPLE)
    ]
    for member in members:
        save_member(db, member, clock)
    ids = [m.id for m in members]
    meeting_ids = []
    for month in range(MEETINGS):
        clock.current = start + timedelta(days=30 * month)
        meeting = new_meeting(
            group, f"Meeting {month + 1}", clock().replace(tzinfo=None), "Hall", "hybrid", 180
        )
        save_meeting(db, meeting, clock)
        _run_meeting(db, meeting.id, ids, clock, rng, end=month < MEETINGS - 1)
        meeting_ids.append(meeting.id)
    empty = new_meeting(group, "Empty meeting", start.replace(tzinfo=None), "Hall", "online", 60)
    save_meeting(db, empty, clock)
    # Empty of history, but with an agenda as long as the others': the keys then do the same
    # work on every meeting (see benchmarks.keys); this one has nothing in its panels.
    agenda = LiveState(empty.id)
    with writing(db):
        for n in range(ITEMS):
            added = live.add_item(agenda, f"Item {n + 1}", None, 30)
            agenda = live.apply(agenda, append(db, empty.id, added, clock())[0])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return Archive(path, meeting_ids[-1], empty.id, meeting_ids)


def add_short_meeting(path: Path) -> str:
    """A meeting of the `SHORT` shape added to (a copy of) the archive at `path`, left open
    as the largest one is; its id."""
    rng = random.Random(2)
    db = open_db(path)
    group = groups(db)[0]
    clock = FrozenClock(datetime(2026, 1, 14, 14, 0, tzinfo=UTC))
    meeting = new_meeting(
        group, "Short meeting", clock().replace(tzinfo=None), "Hall", "hybrid", 60
    )
    save_meeting(db, meeting, clock)
    ids = [m.id for m in members_of(db, group.id)]
    _run_meeting(db, meeting.id, ids, clock, rng, end=False, shape=SHORT)
    db.close()
    return meeting.id


def _run_meeting(
    db: Database,
    meeting_id: str,
    ids: list[str],
    clock: FrozenClock,
    rng: random.Random,
    end: bool,
    shape: Shape = FULL,
) -> None:
    """Run a whole meeting; the last one is left open, as if it were happening now."""
    state = LiveState(meeting_id)
    seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]
    pending: list[tuple[list[Event], datetime]] = []

    def do(command: Callable[[LiveState], list[Event]]) -> None:
        nonlocal state, seq
        events = command(state)
        batch = seq + 1
        for event in events:
            seq += 1
            state = live.apply(state, Recorded(seq, batch, clock(), event))
        pending.append((events, clock()))

    for n in range(ITEMS):
        do(lambda s, n=n: live.add_item(s, f"Item {n + 1}", rng.choice(ids), 30))
    do(lambda s: live.start_meeting(s, ids))
    do(lambda s: live.hand_role(s, MINUTE_TAKER, ids[0]))
    step = shape.seconds / shape.turns
    for turn in range(shape.turns):
        if turn and turn % (shape.turns // ITEMS) == 0:
            do(lambda s: live.move_item(s, +1))
        speaker = rng.choice(ids)
        do(lambda s, who=speaker: live.raise_hand(s, who))
        do(live.next_speaker)
        clock.advance(step)
        do(live.end_turn)
        if turn % (shape.turns // shape.notes) == 0:
            do(lambda s, t=turn: live.write_note(s, f"Point made in turn {t}: [noted] as said"))
        if turn % (shape.turns // shape.decisions) == 0:
            do(lambda s, t=turn: live.record_decision(s, f"Decision {t}", "consensus"))
        if turn % (shape.turns // shape.actions) == 0:
            do(
                lambda s, t=turn: live.record_action(
                    s, f"Action {t}", rng.choice(ids), date(2030, 1, 1)
                )
            )
    if end:
        do(live.end_meeting)
    with writing(db):
        for events, at in pending:
            append(db, meeting_id, events, at)
