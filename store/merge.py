"""Combining several groups' databases into one, for an organisation-wide evaluation.

Groups, members, meetings, outcomes and the rest have ids unique across databases (uuid4), so
their rows are copied as they are; a row already there (from an earlier merge) is left alone.
Events (a meeting's, and a group's preparation log) are numbered locally, so each copied event
gets the next free `seq`, its `batch` (the
first seq of its user action) is renumbered the same way, and every undo is pointed at the new
number of the batch it took back. Running the same merge twice adds nothing."""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from store.db import open_db, writing
from store.errors import StoreError
from store.log import GROUP_LOG, MEETING_LOG

# Parents before children, so foreign keys hold at every step.
FIRST = ("groups", "members", "meetings")
LOGS = (MEETING_LOG.table, GROUP_LOG.table)  # numbered locally: renumbered when copied
NOT_COPIED = {"_sqlite_migrations", "folded_states", *LOGS}  # folded: rebuilt from the log
LOCAL_PREFIX = "device_"  # one laptop's connections to browsers: nothing to evaluate


@dataclass
class Merged:
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def added(self, table: str, count: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + count


def merge_file(target: Database, source_path: Path) -> Merged:
    """Copy everything in the database at `source_path` into `target`, in one transaction."""
    if not source_path.is_file():
        raise StoreError(f"There is no database at {source_path}.")
    source = open_db(source_path)
    try:
        return merge(target, source)
    finally:
        source.close()


def merge(target: Database, source: Database) -> Merged:
    merged = Merged()
    with writing(target):
        for table in _tables_in_order(source, target, merged):
            _copy_rows(target, source, table, merged)
            if table == "meetings":
                for log in LOGS:
                    _copy_log(target, source, log, merged)
    return merged


def _tables_in_order(source: Database, target: Database, merged: Merged) -> list[str]:
    rest = []
    for table in source.table_names():
        if table in NOT_COPIED or table in FIRST:
            continue
        pks = source.table(table).pks
        if table.startswith(LOCAL_PREFIX) or table not in target.table_names() or len(pks) != 1:
            merged.skipped.append(table)
        else:
            rest.append(table)
    return [*FIRST, *rest]


def _columns(db: Database, table: str) -> list[str]:
    return [c.name for c in db[table].columns]


def _copy_rows(target: Database, source: Database, table: str, merged: Merged) -> None:
    shared = [c for c in _columns(source, table) if c in _columns(target, table)]
    names = ", ".join(f"[{c}]" for c in shared)
    rows = source.execute(f"SELECT {names} FROM [{table}]").fetchall()
    before = target.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    target.conn.executemany(
        f"INSERT OR IGNORE INTO [{table}] ({names}) VALUES ({', '.join('?' for _ in shared)})",
        rows,
    )
    after = target.execute(f"SELECT COUNT(*) FROM [{table}]").fetchone()[0]
    merged.added(table, after - before)


def _copy_log(target: Database, source: Database, log: str, merged: Merged) -> None:
    """Copy a log of events (a meeting's or a group's preparation), renumbering as it goes."""
    if log not in source.table_names():
        return
    shared = [c for c in _columns(source, log) if c in _columns(target, log)]
    cursor = source.execute(f"SELECT {', '.join(shared)} FROM [{log}] ORDER BY seq")
    rows = [dict(zip(shared, values, strict=True)) for values in cursor]
    already = {
        event_id: batch for event_id, batch in target.execute(f"SELECT id, batch FROM [{log}]")
    }
    next_seq = target.execute(f"SELECT COALESCE(MAX(seq), 0) + 1 FROM [{log}]").fetchone()[0]
    batches: dict[int, int] = {}
    copied: list[dict[str, Any]] = []
    for row in rows:
        if row["id"] in already:
            batches.setdefault(row["batch"], already[row["id"]])
            continue
        batches.setdefault(row["batch"], next_seq)
        row = {**row, "seq": next_seq, "batch": batches[row["batch"]]}
        if row["kind"] == "undone":
            data = json.loads(row["data"])
            data["batch"] = batches[data["batch"]]
            row["data"] = json.dumps(data, ensure_ascii=False)
        copied.append(row)
        next_seq += 1
    if copied:
        target.table(log).insert_all(copied)
    merged.added(log, len(copied))
