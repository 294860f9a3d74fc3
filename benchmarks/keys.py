"""Key latency on the live screen: from a key's action starting to the next frame drawn, on
the archive's largest meeting and on an empty one."""

import asyncio
import shutil
import time
from pathlib import Path
from typing import Any

from benchmarks.archive import Archive
from benchmarks.figures import Row, ms
from benchmarks.probe import meeting_end, running_from
from store.db import open_db
from tui.app import make_app

ACTION_KEYS = ["n", "u", "b", "b", "p", "u"]


def _latencies(db_path: Path, meeting_id: str, presses: int) -> list[float]:
    """Seconds from a key's action starting to the screen's next refresh after it: key press,
    commit, state and widgets updated, frame drawn. Pilot only presses the keys; its own
    waiting is not counted."""

    async def run() -> list[float]:
        clock = running_from(meeting_end(db_path, meeting_id))
        app = make_app(open_db(db_path), meeting_id, clock)
        timings: list[float] = []
        dispatch = app.run_action

        async def timed(action: Any, *args: Any, **kwargs: Any) -> bool:
            began = time.perf_counter()
            done = await dispatch(action, *args, **kwargs)
            app.screen.call_after_refresh(lambda: timings.append(time.perf_counter() - began))
            return done

        app.run_action = timed  # type: ignore[method-assign]
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            for n in range(presses):
                await pilot.press(ACTION_KEYS[n % len(ACTION_KEYS)])
                await pilot.pause()
        return timings

    return asyncio.run(run())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def key_rows(archive: Archive, folder: Path, presses: int, rounds: int) -> list[Row]:
    """The largest and the empty meeting take turns, `rounds` times each, so that whatever
    else the machine is doing meanwhile weighs on both alike: their ratio is the figure."""
    copy = folder / "actions.db"
    shutil.copy(archive.path, copy)
    large: list[float] = []
    empty: list[float] = []
    for _ in range(rounds):
        large += _latencies(copy, archive.largest_meeting, presses)
        empty += _latencies(copy, archive.empty_meeting, presses)
    rows = []
    for name, values in (("largest meeting", large), ("empty meeting", empty)):
        p50, p95 = _percentile(values, 0.5), _percentile(values, 0.95)
        rows.append(
            (f"action latency, {name}: p50 / p95", ms(p50) + " / " + ms(p95), "p95 ≤ 16 ms")
        )
    ratio = _percentile(large, 0.95) / _percentile(empty, 0.95)
    rows.append(("action p95, largest ÷ empty", f"{ratio:.2f}x", "≤ 1.2x"))
    return rows
