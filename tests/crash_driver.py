"""A meeting run the way the live screen runs it, for the crash test to kill and restart.

    python -m tests.crash_driver DATABASE

Opens the only meeting in DATABASE (the example one), works out from its event log how many of
the scripted actions are already done, and carries on from there. It prints "resume N" once the
meeting is loaded, then "done N" as soon as action N has been committed, which is the moment
the live screen would show it as done, and "finished" at the end. Each action is one batch,
through `LiveMeeting.do` and the same session commands the screen's keys call."""

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.events import Event
from session.live import MINUTE_TAKER, LiveState
from store.db import open_db
from store.live import LiveMeeting
from store.records import meetings, members_of

START = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
SETUP_BATCHES = 4  # the example meeting's agenda, added before it starts
LONG_NOTE = "The bus came late on " + ", ".join(f"day {n}" for n in range(1, 220))

Step = Callable[[LiveState, dict[str, str]], list[Event]]


def _start(state: LiveState, people: dict[str, str]) -> list[Event]:
    return live.start_meeting(state, list(people.values()))


def _hand(name: str) -> Step:
    return lambda state, people: live.raise_hand(state, people[name])


def _minutes(name: str) -> Step:
    return lambda state, people: live.hand_role(state, MINUTE_TAKER, people[name])


def _note(text: str) -> Step:
    return lambda state, people: live.write_note(state, text)


def _decide(text: str, method: str = "consensus", *votes: int) -> Step:
    return lambda state, people: live.record_decision(state, text, method, *votes)


def _action(what: str, name: str, due: date) -> Step:
    return lambda state, people: live.record_action(state, what, people[name], due)


def _plain(command: Callable[[LiveState], list[Event]]) -> Step:
    return lambda state, people: command(state)


def _lower(name: str) -> Step:
    return lambda state, people: live.lower_hand(state, people[name])


def _item(title: str) -> Step:
    return lambda state, people: live.add_item(state, title, people["Tom Gallagher"], 10)


def _part(number: int) -> list[Step]:
    """One agenda item's worth of a meeting: turns, notes, a decision, an action, an undo."""
    return [
        _hand("Margaret Okafor"),
        _hand("Priya Sharma"),
        _hand("David Hughes"),
        _plain(live.next_speaker),
        _note(f"{number}: {LONG_NOTE}"),
        _lower("Priya Sharma"),
        _plain(live.next_speaker),
        _note(f"{number}: a note that will be undone"),
        _plain(live.undo),
        _decide(f"{number}: write to the transport team", "vote", 6, 1, 1),
        _action(f"{number}: draft the letter", "Priya Sharma", date(2026, 12, 11)),
        _plain(live.end_turn),
        _plain(live.start_break),
        _plain(live.end_break),
        _plain(partial(live.move_item, step=+1)),
    ]


SCRIPT: list[Step] = [
    _start,
    _minutes("Tom Gallagher"),
    *_part(1),
    _minutes("Joan Whitfield"),
    *_part(2),
    _item("Anything else"),
    _plain(live.end_meeting),
]


def steps_done(db: Database, meeting_id: str) -> int:
    """How many scripted actions the log holds: each is one batch after the agenda's."""
    count = db.execute(
        "SELECT COUNT(DISTINCT batch) FROM events WHERE meeting_id = ?", [meeting_id]
    ).fetchone()[0]
    return int(count) - SETUP_BATCHES


def run(db: Database, say: Callable[[str], None]) -> LiveMeeting:
    """Carry the meeting on from where its log stops, saying each action once it is committed."""
    [meeting] = meetings(db)
    people = {m.name: m.id for m in members_of(db, meeting.group_id)}
    done = steps_done(db, meeting.id)
    clock = FrozenClock(START + timedelta(minutes=done))
    current = LiveMeeting(db, meeting.id, clock)
    say(f"resume {done}")
    for number in range(done + 1, len(SCRIPT) + 1):
        clock.current = START + timedelta(minutes=number)
        current.do(partial(SCRIPT[number - 1], people=people))
        say(f"done {number}")
    say("finished")
    return current


def main() -> None:
    run(open_db(Path(sys.argv[1])), lambda line: print(line, flush=True))


if __name__ == "__main__":
    main()
