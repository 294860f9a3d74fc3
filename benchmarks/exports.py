"""Every export: the minutes of every meeting, the power-balance report over all meetings, and the
whole archive (every table and view, `coproduce data`) in each of its formats.

Each is timed twice: cold, with no meeting's folded state kept (`store.folded`), as after an
upgrade of coproduce (a state kept by another version is never trusted) or after a meeting whose
app never closed (a pulled plug); and warm, as after meetings held in the app (it keeps each
meeting's state as the meeting's screen closes) and every later time (nothing changed since).
The formats are called as the commands call them, in this process, on one open database."""

import time
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from benchmarks.archive import Archive
from benchmarks.figures import Row
from session.clock import system_clock
from session.history import history_report
from session.pseudonyms import as_consented
from store.db import open_db, writing
from store.evaluation import group_outcomes, group_records
from store.export import minutes
from store.folded import TABLE, folded
from store.plan import preparation
from store.records import groups, members_of
from store.render import to_html, to_markdown
from store.tables import export_tables

Export = tuple[str, Callable[[Database, Archive, Path], object]]


def _minutes(format_: str, easy_read: bool) -> Callable[[Database, Archive, Path], object]:
    return lambda db, archive, folder: [
        minutes(db, m, format_=format_, easy_read=easy_read) for m in archive.meetings
    ]


def _report(render: Callable[..., str]) -> Callable[[Database, Archive, Path], object]:
    """The group's power-balance report over time, as `coproduce report` makes it."""

    def make(db: Database, archive: Archive, folder: Path) -> object:
        group = groups(db)[0]
        records = group_records(db, group.id, system_clock)
        built = history_report(
            group, records, group_outcomes(db, group.id), preparation(db, group.id)
        )
        return render(as_consented(built, members_of(db, group.id)))

    return make


def _tables(format_: str) -> Callable[[Database, Archive, Path], object]:
    return lambda db, archive, folder: export_tables(db, folder / format_, format_)


EXPORTS: list[Export] = [
    ("minutes of every meeting, Markdown", _minutes("md", False)),
    ("minutes of every meeting, HTML", _minutes("html", False)),
    ("easy-read minutes of every meeting, Markdown", _minutes("md", True)),
    ("easy-read minutes of every meeting, HTML", _minutes("html", True)),
    ("power-balance report over all meetings, Markdown", _report(to_markdown)),
    ("power-balance report over all meetings, HTML", _report(to_html)),
    ("the whole archive, every table and view, CSV", _tables("csv")),
    ("the whole archive, every table and view, JSON", _tables("json")),
]
REPORT = EXPORTS[4][0]
# The target for exporting the whole archive is for `coproduce data`, in each of its formats:
# the minutes and reports above are each one meeting's or one group's.
WHOLE_ARCHIVE = {EXPORTS[6][0], EXPORTS[7][0]}


def _forget_folded(db: Database) -> None:
    with writing(db):
        db.execute(f"DELETE FROM [{TABLE}]")


def _timed(db: Database, archive: Archive, folder: Path, forget: bool) -> dict[str, float]:
    """Seconds for each export; with `forget`, nothing kept before each (cold)."""
    seconds = {}
    for name, export in EXPORTS:
        if forget:
            _forget_folded(db)
        began = time.perf_counter()
        export(db, archive, folder)
        seconds[name] = time.perf_counter() - began
    return seconds


def _all_in_turn(db: Database, archive: Archive, folder: Path) -> float:
    """Every format one after another, starting with nothing kept: the first folds, the rest
    read what it kept."""
    _forget_folded(db)
    began = time.perf_counter()
    for _name, export in EXPORTS:
        export(db, archive, folder)
    return time.perf_counter() - began


def export_rows(archive: Archive, folder: Path) -> list[Row]:
    db = open_db(archive.path)
    cold = _timed(db, archive, folder, forget=True)
    for meeting_id in archive.meetings:
        folded(db, meeting_id)  # the last cold export kept nothing: keep every meeting again
    warm = _timed(db, archive, folder, forget=False)
    in_turn = _all_in_turn(db, archive, folder)
    rows = [
        (
            f"export: {name}, cold / warm",
            _pair(cold[name], warm[name]),
            "< 2 s" if name in WHOLE_ARCHIVE else "",
        )
        for name in cold
    ]
    rows.append(
        (
            f"export: the power-balance report ({len(archive.meetings)} meetings), cold / warm",
            _pair(cold[REPORT], warm[REPORT]),
            "< 1 s",
        )
    )
    rows.append(
        (
            "export: all of the above one after another, from cold / warm",
            _pair(in_turn, sum(warm.values())),
            "",
        )
    )
    return rows


def _pair(cold: float, warm: float) -> str:
    return f"{cold * 1000:.0f} / {warm * 1000:.0f} ms"
