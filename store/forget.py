"""Forgetting a person at their request (the right to erasure).

Their name becomes their stable pseudonym (`session.pseudonyms.pseudonym`) in their row and
wherever it appears in text anyone typed: the event log's notes, decisions, actions and agenda
items, other people's needs, meetings, outcomes, reviews: every table, and any search index
rebuilt after. Their other personal details (access and communication needs, easy-read and
extra-time wishes, and any column added later) are cleared, and so are the access needs and
payment notes kept for them in their group's preparation log. Their row, id and perspective stay,
so the group's counts (who came, turns, speaking time by perspective) stay true.

Their first name on its own is replaced too, unless someone else in the database shares it.
What cannot be found automatically (a nickname, a surname on its own) is not.

The event log is otherwise never changed; this is the one exception the law asks for. The old
text is overwritten on disk too (secure delete, then VACUUM, then the journal emptied). A
record that someone was forgotten is kept in `erasures`, with their pseudonym and not their name.
"""

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from session.acting import COMMAND_LINE
from session.changes import PersonForgotten
from session.clock import Clock
from session.pseudonyms import folded, pseudonym, scrubber
from session.setup import Member
from store.changes import record_change
from store.db import file_of, writing
from store.records import groups, members_of
from store.tables import scrub_json

# Kept in a forgotten person's row: what the group's counts need, and nothing that names them.
KEPT = {"id", "group_id", "perspective", "consent_named", "created_at"}
NOT_SCRUBBED = {"_sqlite_migrations", "erasures", "folded_states"}  # folded: see m014

Change = tuple[str, int, dict[str, Any]]  # table, rowid, new values of the columns that change

# Their details kept in a group's preparation log (`group_events`), cleared to these values;
# what stays (that a payment was offered, say) keeps the evaluation's counts true.
CLEARED_IN_GROUP_LOG: dict[str, dict[str, Any]] = {
    "needs_recorded": {"needs": [], "named": False},
    "payment_recorded": {"given": ""},
}


@dataclass
class Erasure:
    """What forgetting `member` changes, or changed: rows per table."""

    member: Member
    pseudonym: str
    rows: Counter[str] = field(default_factory=Counter)
    journal_emptied: bool = True
    already_forgotten: bool = False


def is_forgotten(member: Member) -> bool:
    return member.name == pseudonym(member.id)


def plan(db: Database, member: Member) -> Erasure:
    """What `forget` would change, without changing anything."""
    erasure = Erasure(member, pseudonym(member.id), already_forgotten=is_forgotten(member))
    if not erasure.already_forgotten:
        for table, _rowid, _values in _changes(db, member):
            erasure.rows[table] += 1
    return erasure


def forget(db: Database, member: Member, clock: Clock, role: str = COMMAND_LINE) -> Erasure:
    """Replace `member`'s name and clear their details everywhere in `db`, then make sure the old
    text is gone from the file. Running it again for someone already forgotten only does the
    second part (useful when another window had the file open the first time)."""
    erasure = Erasure(member, pseudonym(member.id), already_forgotten=is_forgotten(member))
    db.execute("PRAGMA secure_delete = ON")
    if not erasure.already_forgotten:
        with writing(db):
            for table, rowid, values in list(_changes(db, member)):
                assignments = ", ".join(f"[{column}] = ?" for column in values)
                db.execute(
                    f"UPDATE [{table}] SET {assignments} WHERE rowid = ?", [*values.values(), rowid]
                )
                erasure.rows[table] += 1
            for table in _indexed_tables(db):
                db.table(table).rebuild_fts()
            db.table("erasures").upsert(
                {
                    "member_id": member.id,
                    "pseudonym": erasure.pseudonym,
                    "at": clock().isoformat(),
                    "role": role,
                },
                pk="member_id",
            )
            forgotten = PersonForgotten(member.id, erasure.pseudonym)
            record_change(db, member.group_id, forgotten, clock, role)
    db.execute("VACUUM")
    busy, _frames, _copied = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    erasure.journal_emptied = busy == 0
    return erasure


def copies_beside(db: Database) -> list[Path]:
    """Backup copies made before upgrades, beside the file: forgetting does not reach them."""
    path = file_of(db)
    if path is None:
        return []
    return sorted(path.parent.glob(f"{path.name}.bak-*"))


def _changes(db: Database, member: Member) -> Iterator[Change]:
    scrub = _scrubber_for(db, member)
    skipped = NOT_SCRUBBED | _search_index_tables(db)
    for table in db.table_names():
        if table in skipped or table.startswith("sqlite_"):
            continue
        cursor = db.execute(f"SELECT rowid, * FROM [{table}]")
        header = [column[0] for column in cursor.description][1:]
        for rowid, *values in cursor.fetchall():
            row = dict(zip(header, values, strict=True))
            if table == "members" and row["id"] == member.id:
                changed = _their_row(db, row, pseudonym(member.id))
            else:
                changed = _scrubbed(table, row, scrub)
            if table == "group_events":
                changed = _their_details_cleared(row, changed, member)
            if changed:
                yield table, rowid, changed


def _scrubber_for(db: Database, member: Member) -> Callable[[str], str]:
    """Their whole name, and their first name unless someone else has the same one."""
    everyone = [m for g in groups(db) for m in members_of(db, g.id) if m.id != member.id]
    first = folded(member.name.split()[0]) if member.name.split() else ""
    # Compared as the scrubber finds names: "Chloé" is Chloe's first name too.
    shared = any(m.name.split() and folded(m.name.split()[0]) == first for m in everyone)
    return scrubber([member], first_names=not shared)


def _their_row(db: Database, row: dict[str, Any], name: str) -> dict[str, Any]:
    cleared: dict[str, Any] = {"name": name}
    for column in db.table("members").columns:
        if column.name in KEPT or column.name == "name":
            continue
        cleared[column.name] = _empty(column.type, column.notnull, column.default_value)
    return {k: v for k, v in cleared.items() if row[k] != v}


def _empty(sql_type: str, not_null: bool, default: str | None) -> Any:
    if not not_null:
        return None
    if default is not None:
        return json.loads(default) if default.lstrip("-").isdigit() else default.strip("'")
    return 0 if "INT" in sql_type.upper() else ""


def _scrubbed(table: str, row: dict[str, Any], scrub: Callable[[str], str]) -> dict[str, Any]:
    changed: dict[str, Any] = {}
    for column, value in row.items():
        if not isinstance(value, str) or (table == "members" and column == "name"):
            continue  # someone else's own name is theirs, even if it shares a word
        if table == "events" and column == "data":
            new = json.dumps(scrub_json(json.loads(value), scrub), ensure_ascii=False)
            if json.loads(new) == json.loads(value):
                continue
        else:
            new = scrub(value)
        if new != value:
            changed[column] = new
    return changed


def _their_details_cleared(
    row: dict[str, Any], changed: dict[str, Any], member: Member
) -> dict[str, Any]:
    """`changed`, also clearing `member`'s needs or payment notes if this row records them."""
    cleared = CLEARED_IN_GROUP_LOG.get(row["kind"])
    data = json.loads(changed.get("data", row["data"]))
    if cleared is None or data.get("member_id") != member.id:
        return changed
    new = {**data, **cleared}
    return changed if new == data else {**changed, "data": json.dumps(new, ensure_ascii=False)}


def _virtual_tables(db: Database) -> set[str]:
    rows = db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    ).fetchall()
    return {name for (name,) in rows}


def _search_index_tables(db: Database) -> set[str]:
    """Full-text search indexes and the tables they keep their terms in: rebuilt, not edited."""
    virtual = _virtual_tables(db)
    return {
        t for t in db.table_names() if t in virtual or any(t.startswith(f"{v}_") for v in virtual)
    }


def _indexed_tables(db: Database) -> list[str]:
    return [
        t
        for t in db.table_names()
        if t not in _search_index_tables(db) and db.table(t).detect_fts()
    ]
