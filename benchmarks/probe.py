"""Run in a fresh interpreter by the benchmarks: start an app headless, report when its first
complete frame is ready, and how much memory the process peaked at."""

import asyncio
import resource
import sys
import time
from pathlib import Path


def peak_kib() -> int:
    """This process's peak memory. On Linux, VmHWM: ru_maxrss keeps the high-water mark of the
    parent that started us (it survives exec), which would hide our own figure."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


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

        app = make_app(open_db(Path(db_path)), meeting_id)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        print(f"frame {time.perf_counter()} {peak_kib()}", flush=True)


if __name__ == "__main__":
    asyncio.run(first_frame(*sys.argv[1:4]))
