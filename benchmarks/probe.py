"""Run in a fresh interpreter by the benchmarks: start an app headless, report when its first
complete frame is ready, and how much memory the process peaked at."""

import asyncio
import resource
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from session.clock import Clock


def peak_kib() -> int:
    """This process's peak memory. On Linux, VmHWM: ru_maxrss keeps the high-water mark of the
    parent that started us (it survives exec), which would hide our own figure."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def as_it_happens(db_path: Path, meeting_id: str) -> Clock:
    """A clock running on from the meeting's last event, as if the room were in it now. The
    archive's meetings are dated years ago: on the system clock the open meeting's current item
    would be thousands of hours over its time, a clock face no meeting ever shows."""
    with sqlite3.connect(db_path) as conn:
        (last,) = conn.execute(
            "SELECT MAX(at) FROM events WHERE meeting_id = ?", [meeting_id]
        ).fetchone()
    offset = datetime.fromisoformat(last) - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset


async def first_frame(kind: str, db_path: str, meeting_id: str) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Label

    if kind == "bare":

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Label("coproduce")

        app: App[None] = Bare()
    else:
        from store.db import open_db
        from tui.app import make_app

        app = make_app(open_db(Path(db_path)), meeting_id, as_it_happens(Path(db_path), meeting_id))
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        print(f"frame {time.perf_counter()} {peak_kib()}", flush=True)


if __name__ == "__main__":
    asyncio.run(first_frame(*sys.argv[1:4]))
