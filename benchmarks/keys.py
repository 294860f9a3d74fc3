"""Key latency on the live screen: from a key's action starting to the next frame drawn, on
the archive's largest meeting and on an empty one."""

import asyncio
import shutil
import time
from pathlib import Path
from typing import Any

from benchmarks.archive import Archive, add_short_meeting
from benchmarks.figures import Row, ms
from benchmarks.probe import meeting_end, running_from
from store.db import open_db
from tui.app import make_app


def _keys(move: str) -> list[str]:
    """Move between items, undo it, start and end a break, move, undo it: the same work on
    both meetings, each moving the way it can (the largest meeting is on its last item, the
    empty one on its first)."""
    return [move, "u", "b", "b", move, "u"]


def _latencies(db_path: Path, meeting_id: str, presses: int, keys: list[str]) -> list[float]:
    """Seconds from a key's action starting to the screen's next refresh after it: key press,
    commit, state and widgets updated, frame drawn. Pilot only presses the keys; its own
    waiting is not counted."""

    async def run() -> list[float]:
        clock = running_from(meeting_end(db_path, meeting_id))
        db = open_db(db_path)
        app = make_app(db, meeting_id, clock)
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
                await pilot.press(keys[n % len(keys)])
                await pilot.pause()
        db.close()
        return timings

    return asyncio.run(run())


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def key_rows(archive: Archive, folder: Path, presses: int, rounds: int) -> list[Row]:
    """The largest, the empty and a short meeting take turns, `rounds` times each, so that
    whatever else the machine is doing meanwhile weighs on all alike: their ratios are the
    figures. The short meeting has a fifth of the largest one's history and as much on screen:
    against it, the largest shows whether a key's cost grows with the history alone."""
    copy = folder / "actions.db"
    shutil.copy(archive.path, copy)
    short = add_short_meeting(copy)
    meetings = {
        "largest meeting": (archive.largest_meeting, _keys("p")),
        "empty meeting": (archive.empty_meeting, _keys("n")),
        "short meeting": (short, _keys("p")),
    }
    timings: dict[str, list[float]] = {name: [] for name in meetings}
    for _ in range(rounds):
        for name, (meeting_id, keys) in meetings.items():
            timings[name] += _latencies(copy, meeting_id, presses, keys)
    rows = []
    for name, values in timings.items():
        p50, p95 = _percentile(values, 0.5), _percentile(values, 0.95)
        target = "p95 ≤ 16 ms" if name != "short meeting" else ""
        rows.append((f"action latency, {name}: p50 / p95", ms(p50) + " / " + ms(p95), target))
    largest = _percentile(timings["largest meeting"], 0.95)
    for other, label, target in (
        ("empty meeting", "largest ÷ empty", "≤ 1.2x"),
        ("short meeting", "largest ÷ short (1/5 the history, as full)", ""),
    ):
        ratio = largest / _percentile(timings[other], 0.95)
        rows.append((f"action p95, {label}", f"{ratio:.2f}x", target))
    return rows
