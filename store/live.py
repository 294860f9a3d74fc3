"""A live meeting backed by the database: each command's events are committed before the
state the screen shows changes."""

import sqlite3
from collections import OrderedDict
from collections.abc import Callable

from sqlite_utils import Database

from session.acting import FACILITATOR
from session.clock import Clock
from session.devices import Guard
from session.events import Event, Recorded, Undone
from session.live import LiveState, apply
from store.db import writing
from store.errors import StoreError
from store.folded import folded
from store.log import append, load

Command = Callable[[LiveState], list[Event]]
SNAPSHOTS = 64
"""How many recent actions can be undone without reading and folding the whole log again."""


class LiveMeeting:
    def __init__(
        self,
        db: Database,
        meeting_id: str,
        clock: Clock,
        guard: Guard | None = None,
        role: str = FACILITATOR,
    ) -> None:
        """`guard`, if given, checks every command against the latest state first: a device
        that may only do some things (the minute-taker's, say) is refused the rest. `role` is
        the role this device acts in, kept with every change it makes."""
        self.db = db
        self.meeting_id = meeting_id
        self.clock = clock
        self.guard = guard
        self.role = role
        self.state = folded(db, meeting_id)
        self._before: OrderedDict[int, LiveState] = OrderedDict()

    def do(self, command: Command) -> list[Event]:
        """Run `command` against the latest state and commit its events as one batch.

        Other processes may have written to this meeting: their events are read inside the same
        write transaction first, so the rules are checked against what is really there. A
        `DomainError` from the command rolls back and leaves the database as it was.
        """
        with writing(self.db):
            self._catch_up()
            if self.guard is not None:
                self.guard(self.state)
            events = command(self.state)
            recorded = append(self.db, self.meeting_id, events, self.clock(), self.role)
        self._take(recorded)
        return events

    def refresh(self) -> bool:
        """Read what other processes committed since we last looked. True if anything changed."""
        before = self.state.last_seq
        self._catch_up()
        return self.state.last_seq != before

    def keep(self) -> None:
        """Keep the meeting's state as the file now holds it (`store.folded`), so the minutes
        and reports written after the meeting start from it instead of folding the whole log.
        Folded from the log, never copied from this object's memory: someone forgotten since
        it was loaded stays forgotten. Only a copy for speed: when the file can't take it
        (busy, moved away, full), nothing is lost."""
        try:
            folded(self.db, self.meeting_id)
        except (StoreError, sqlite3.Error):
            return

    def _catch_up(self) -> None:
        self._take(load(self.db, self.meeting_id, self.state.last_seq))

    def _take(self, recorded: list[Recorded]) -> None:
        """Apply newly committed events. An undo goes back to the state kept from before the
        undone action: undo only ever takes back the latest action still standing, so nothing
        after it is lost. Older than the kept states, the whole log is folded again."""
        for item in recorded:
            if isinstance(item.event, Undone):
                before = self._before.pop(item.event.batch, None)
                if before is None:
                    self.state = folded(self.db, self.meeting_id)
                    self._before.clear()
                    return
                self.state = apply(before, item)
                continue
            if item.seq == item.batch:
                self._before[item.batch] = self.state
                if len(self._before) > SNAPSHOTS:
                    self._before.popitem(last=False)
            self.state = apply(self.state, item)
