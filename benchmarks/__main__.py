"""`python -m benchmarks`: build the large archive, measure, and print a table of figures with
their targets. Each figure is measured in the same run as its baseline."""

import argparse
import compileall
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.archive import Archive, build
from benchmarks.exports import export_rows
from benchmarks.figures import Row, ms
from benchmarks.keys import key_rows
from benchmarks.probe import meeting_end
from benchmarks.sync import sync_latencies

ROOT = Path(__file__).resolve().parent.parent
NAME_WIDTH = 66
VALUE_WIDTH = 18


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="start-up runs of each app")
    parser.add_argument("--actions", type=int, default=120, help="key presses per meeting")
    parser.add_argument(
        "--rounds", type=int, default=3, help="times each meeting is opened for those presses"
    )
    parser.add_argument("--notes", type=int, default=40, help="notes sent between processes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "archive.db"
        began = time.perf_counter()
        archive = build(path)
        print(f"built the archive in {time.perf_counter() - began:.1f} s: {_size(path)}")
        print(f"\n{'figure':<{NAME_WIDTH}}  {'measured':>{VALUE_WIDTH}}  target", flush=True)
        for measure in (
            lambda: _startup(archive, args.runs),
            lambda: _fresh(key_rows, archive, Path(folder), args.actions, args.rounds),
            lambda: [_sync(archive, Path(folder), args.notes)],
            lambda: _fresh(export_rows, archive, Path(folder)),
            lambda: _memory(archive),
        ):
            for name, value, target in measure():
                print(f"{name:<{NAME_WIDTH}}  {value:>{VALUE_WIDTH}}  {target}", flush=True)


def _fresh(measure: Callable[..., list[Row]], *args: Any) -> list[Row]:
    """`measure(*args)` in a new interpreter, as a user's command runs: not in this process,
    whose memory holds the archive just built and the apps measured before. (Keys and exports
    measured here came out about 30% slower, from collecting garbage among all that.)"""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(measure, *args).result()


def _size(path: Path) -> str:
    total = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return f"{total / 1e6:.0f} MB on disk"


def _first_frame(kind: str, archive: Archive) -> tuple[float, int]:
    began = time.perf_counter()
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.probe",
            kind,
            str(archive.path),
            archive.largest_meeting,
            meeting_end(archive.path, archive.largest_meeting).isoformat(),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "TEXTUAL": ""},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - began
    child.wait()
    _, _, peak_kib = line.split()
    return elapsed, int(peak_kib)


def _compile_like_an_install() -> None:
    """Installing coproduce with pip compiles its modules to bytecode, as Textual's were when it
    was installed; a checkout run with PYTHONDONTWRITEBYTECODE (as on the build machine) would
    otherwise compile ours from source at every start, which no user's start-up does."""
    for package in ("session", "store", "tui"):
        compileall.compile_dir(ROOT / package, quiet=1)


def _startup(archive: Archive, runs: int) -> list[Row]:
    _compile_like_an_install()
    bare, modules, ours = (
        statistics.median(_first_frame(kind, archive)[0] for _ in range(runs))
        for kind in ("bare", "modules", "live")
    )
    return [
        ("start-up, bare Textual app (baseline)", f"{bare * 1000:.0f} ms", ""),
        ("start-up, live screen on the largest meeting", f"{ours * 1000:.0f} ms", ""),
        (
            "  the same, until its modules are loaded (no file, no app yet)",
            f"{modules * 1000:.0f} ms, {modules / bare:.2f}x bare",
            "",
        ),
        ("start-up ratio", f"{ours / bare:.2f}x", "≤ 1.5x"),
    ]


def _sync(archive: Archive, folder: Path, notes: int) -> Row:
    copy = folder / "sync.db"
    shutil.copy(archive.path, copy)
    latencies = sync_latencies(copy, archive.largest_meeting, notes)
    return (
        "sync, note written in one process → seen in another: median / max",
        ms(statistics.median(latencies)) + " / " + ms(max(latencies)),
        "median < 500 ms",
    )


def _memory(archive: Archive) -> list[Row]:
    _, bare_kib = _first_frame("bare", archive)
    _, ours_kib = _first_frame("live", archive)
    return [
        ("peak memory, bare Textual app (baseline)", f"{bare_kib / 1024:.0f} MB", ""),
        (
            "peak memory, live screen on the largest meeting",
            f"{ours_kib / 1024:.0f} MB",
            "< 150 MB",
        ),
    ]


if __name__ == "__main__":
    main()
