"""A meeting killed with SIGKILL again and again, at many points, loses nothing it had shown
as done, and carries on where it was.

`tests/crash_driver.py` runs the meeting in another process exactly as the live screen does
(`LiveMeeting.do` with the session commands) and prints "done N" the moment action N is
committed. This test kills it right after reading such a line, wherever it has got to by then
(often in the middle of writing the next action), checks the file, and starts it again. Nothing
here depends on how fast the machine is: each kill follows a line read, not a timer."""

import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from session.clock import FrozenClock
from session.live import LiveState
from store.db import memory_db, open_db
from store.demo import create_demo
from store.records import meetings, members_of
from tests.crash_driver import SCRIPT, SETUP_BATCHES, START, run

REPO = Path(__file__).resolve().parents[1]
FEWEST_KILLS = 20
# After reading "resume", wait for this many more "done" lines before killing, in turn: 0 kills
# during the first write after a restart.
WAITS = (1, 0, 2)


def batches(path_or_db: Any) -> list[list[str]]:
    """The kinds of event in each batch after the agenda's, in order."""
    db = open_db(path_or_db) if isinstance(path_or_db, Path) else path_or_db
    rows = db.execute("SELECT batch, kind FROM events ORDER BY seq").fetchall()
    grouped: dict[int, list[str]] = {}
    for batch, kind in rows:
        grouped.setdefault(batch, []).append(kind)
    if isinstance(path_or_db, Path):
        db.close()
    return list(grouped.values())[SETUP_BATCHES:]


@dataclass
class Driver:
    process: subprocess.Popen[str]
    stdout: IO[str]

    @classmethod
    def start(cls, path: Path, errors: IO[str]) -> "Driver":
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_driver", str(path)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
        )
        assert process.stdout is not None
        return cls(process, process.stdout)

    def line(self) -> str:
        line = self.stdout.readline().strip()
        assert line, "the driver stopped without saying why: see its errors above"
        return line

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.stdout.close()


def summary(state: LiveState, names: dict[str, str]) -> dict[str, object]:
    """What the screen shows and the minutes say, with ids (random per database) as names."""
    return {
        "items": [(i.title, i.timebox_minutes, i.clock) for i in state.items],
        "current": state.current,
        "started": state.started_at,
        "ended": state.ended_at,
        "queue": [names[m] for m in state.queue],
        "speaker": state.speaker and names[state.speaker],
        "on break": state.break_since,
        "notes": [(n.text, names[n.author_id], n.at) for n in state.notes],
        "decisions": [
            (d.text, d.method, d.votes_for, d.votes_against, d.abstentions, d.at)
            for d in state.decisions
        ],
        "actions": [(a.what, names[a.owner_id], a.due, a.at) for a in state.actions],
        "turns": [(names[t.member_id], t.started_at, t.seconds) for t in state.turns],
        "roles": [(r.role, names[r.member_id], r.since) for r in state.roles],
        "undo takes back": state.undoable,
    }


def names_in(db: Any) -> dict[str, str]:
    [meeting] = meetings(db)
    return {m.id: m.name for m in members_of(db, meeting.group_id)}


def test_killed_at_twenty_or_more_points_it_loses_nothing_shown_as_done_and_resumes(
    tmp_path: Path,
) -> None:
    reference_db = memory_db()
    create_demo(reference_db, FrozenClock(START))
    reference = run(reference_db, lambda line: None)
    expected = batches(reference_db)
    assert len(expected) == len(SCRIPT)

    path = tmp_path / "meeting.db"
    create_demo(open_db(path), FrozenClock(START))
    shown_done = 0
    kills: list[tuple[int, int]] = []  # (last action shown as done, actions found after the kill)
    with (tmp_path / "driver-errors.txt").open("w+") as errors:
        while True:
            driver = Driver.start(path, errors)
            resumed = int(driver.line().removeprefix("resume "))
            assert resumed >= shown_done, f"action {shown_done} was shown as done, then lost"
            if resumed == len(SCRIPT):
                assert driver.line() == "finished"
                driver.process.wait()
                break
            target = min(resumed + WAITS[len(kills) % len(WAITS)], len(SCRIPT))
            while target > resumed and (line := driver.line()) != f"done {target}":
                assert line.startswith("done "), line
            shown_done = max(shown_done, target)
            driver.kill()

            found = batches(path)
            assert len(found) >= shown_done, "an action shown as done is missing"
            assert found == expected[: len(found)], "a half-written or stray action is in the log"
            kills.append((shown_done, len(found)))

    assert len(kills) >= FEWEST_KILLS, kills
    assert batches(path) == expected
    resumed_db = open_db(path)
    again = run(resumed_db, lambda line: None)
    assert summary(again.state, names_in(resumed_db)) == summary(
        reference.state, names_in(reference_db)
    )
    assert again.state.ended_at is not None
