"""Run in a fresh interpreter by the benchmarks: start an app headless, report when its first
complete frame is ready (or only when the modules it needs are loaded), and how much memory the
process peaked at."""

import asyncio
import importlib
import resource
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the bare app's process loads nothing of ours
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


def meeting_end(db_path: Path, meeting_id: str) -> datetime:
    """When the meeting's last event happened."""
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        (last,) = conn.execute(
            "SELECT MAX(at) FROM events WHERE meeting_id = ?", [meeting_id]
        ).fetchone()
    return datetime.fromisoformat(last)


def running_from(start: datetime) -> "Clock":
    """A clock carrying on from `start`: the open meeting as if the room were in it now. The
    archive's meetings are dated years ago: on the system clock the open meeting's current item
    would be thousands of hours over its time, a clock face no meeting ever shows."""
    offset = start - datetime.now(UTC)
    return lambda: datetime.now(UTC) + offset


def ready() -> None:
    """Tell the benchmark that this process is ready, and how much memory it peaked at."""
    print(f"ready {time.perf_counter()} {peak_kib()}", flush=True)


async def first_frame(kind: str, db_path: str, meeting_id: str, now: str) -> None:
    """`kind`: "bare", a Textual app showing one label; "live", coproduce on the live screen;
    "modules", as "live" until every module it needs is loaded (Python, Textual, sqlite-utils,
    coproduce's own), and no further: no file opened, no app made."""
    if kind == "modules":
        for module in ("tui.cli", "tui.app"):  # in the order `coproduce` loads them
            importlib.import_module(module)
        ready()
        return
    if kind == "bare":
        from textual.app import App, ComposeResult
        from textual.widgets import Label

        class Bare(App[None]):
            def compose(self) -> ComposeResult:
                yield Label("coproduce")

        app: App[None] = Bare()
    else:
        # As `coproduce` does: its command line, then the file checked while Textual loads.
        import tui.cli  # noqa: F401
        from store.db import FileCheck, open_db

        path = Path(db_path)
        check = FileCheck(path)
        from tui.app import make_app

        clock = running_from(datetime.fromisoformat(now))
        app = make_app(open_db(path, check=check), meeting_id, clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        ready()


if __name__ == "__main__":
    asyncio.run(first_frame(*sys.argv[1:5]))
