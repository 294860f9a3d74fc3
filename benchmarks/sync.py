"""Sync latency between two processes on one database: a note written through LiveMeeting in
this process, seen by a second process polling as the live screen does."""

import random
import subprocess
import sys
import time
from pathlib import Path

from session import live
from session.clock import system_clock
from store.db import open_db
from store.live import LiveMeeting
from tui.screens.meeting_screen import REFRESH_SECONDS

ROOT = Path(__file__).resolve().parent.parent


def sync_latencies(db_path: Path, meeting_id: str, notes: int) -> list[float]:
    """Seconds from each note's commit to a second process seeing it."""
    reader = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.sync", str(db_path), meeting_id, str(notes)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None
    try:
        assert reader.stdout.readline().strip() == "ready"
        writer = LiveMeeting(open_db(db_path), meeting_id, system_clock)
        rng = random.Random(2)
        committed = []
        for n in range(notes):
            time.sleep(rng.uniform(0.05, 2 * REFRESH_SECONDS))
            writer.do(lambda s, n=n: live.write_note(s, f"sync note {n}"))
            committed.append(time.time())
        seen = [float(reader.stdout.readline()) for _ in range(notes)]
    finally:
        reader.kill()
        reader.wait()
    return [s - c for s, c in zip(seen, committed, strict=True)]


def watch(db_path: str, meeting_id: str, notes: int) -> None:
    """The second process: poll like the live screen, print when each new note is seen."""
    meeting = LiveMeeting(open_db(Path(db_path)), meeting_id, system_clock)
    known = len(meeting.state.notes)
    print("ready", flush=True)
    while notes:
        if meeting.refresh():
            now = time.time()
            for _ in meeting.state.notes[known:]:
                print(now, flush=True)
                notes -= 1
            known = len(meeting.state.notes)
        time.sleep(REFRESH_SECONDS)


if __name__ == "__main__":
    watch(sys.argv[1], sys.argv[2], int(sys.argv[3]))
