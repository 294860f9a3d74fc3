"""Everything coproduce holds about one person, for a subject access request: their details,
every event in the meetings' record that refers to them or mentions their name (with when and in
which role it was recorded), their speaking turns, and any other row that refers to them.

Other people appear only as "another member": the answer is about this person."""

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from session.acting import role_words
from session.describe import describe
from session.events import from_data
from session.pseudonyms import scrubber
from session.setup import Member
from store.folded import folded
from store.log import GROUP_LOG
from store.markdown import inline
from store.records import get_group, meetings

ANOTHER = "another member"
NOT_ABOUT_ONE_PERSON = {"_sqlite_migrations", "members", "events", "folded_states"}

Record = dict[str, Any]


def person_record(db: Database, member: Member, now: datetime) -> Record:
    """The whole answer, as data: what the JSON export holds and the Markdown one shows."""
    row = db.execute("SELECT * FROM members WHERE id = ?", [member.id])
    details = dict(zip([c[0] for c in row.description], row.fetchone(), strict=True))
    group = get_group(db, member.group_id)
    return {
        "about": "Everything coproduce holds about one person.",
        "made_at": now.isoformat(),
        "person": details,
        "group": {"id": group.id, "name": group.name},
        "meetings": [m for m in _meetings(db, member) if m["events"] or m["turns"]],
        "other_records": dict(_other_records(db, member)),
    }


def _refers(value: Any, member_id: str) -> bool:
    return any(text == member_id for text in _texts(value))


def _mentions(value: Any, member: Member) -> bool:
    """Whether a text in `value` names them. Each text is looked at as it was typed: in JSON's
    text a line break is `\\n`, where a name just after it is not found as a word."""
    scrub = scrubber([member])
    return any(scrub(text) != text for text in _texts(value))


def _texts(value: Any) -> Iterator[str]:
    """Every string in `value`, however deep in its lists and dicts (their values)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _texts(inner)
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _texts(inner)


def _meetings(db: Database, member: Member) -> Iterator[Record]:
    for meeting in meetings(db, member.group_id):
        state = folded(db, meeting.id)
        titles = {item.id: item.title for item in state.items}
        rows = db.execute(
            "SELECT at, kind, data, role FROM events WHERE meeting_id = ? ORDER BY seq",
            [meeting.id],
        ).fetchall()
        events = []
        for at, kind, data, role in rows:
            values = json.loads(data)
            if not (_refers(values, member.id) or _mentions(values, member)):
                continue
            words = describe(
                from_data(kind, values),
                lambda m: member.name if m == member.id else ANOTHER,
                _title_in(titles),
            )
            events.append(
                {"at": at, "role": role_words(role), "kind": kind, "what": words, "data": values}
            )
        turns = [
            {"started_at": t.started_at.isoformat(), "seconds": round(t.seconds)}
            for t in state.turns
            if t.member_id == member.id
        ]
        yield {
            "meeting": {
                "id": meeting.id,
                "title": meeting.title,
                "starts_at": meeting.starts_at.isoformat(),
                "place": meeting.place,
            },
            "attended": member.id in state.present,
            "events": events,
            "turns": turns,
        }


def _title_in(titles: dict[str, str]) -> Callable[[str], str]:
    return lambda item_id: titles.get(item_id, "an agenda item")


def _other_records(db: Database, member: Member) -> Iterator[tuple[str, list[Record]]]:
    for table in db.table_names():
        if table in NOT_ABOUT_ONE_PERSON or table.startswith("sqlite_"):
            continue
        cursor = db.execute(f"SELECT * FROM [{table}]")
        header = [c[0] for c in cursor.description]
        rows = (dict(zip(header, values, strict=True)) for values in cursor.fetchall())
        if table == GROUP_LOG.table:  # what each event says, as data, so their id is found in it
            rows = ({**row, "data": json.loads(row["data"])} for row in rows)
        found = [
            row for row in rows if _refers(list(row.values()), member.id) or _mentions(row, member)
        ]
        if found:
            yield table, found


def person_json(record: Record) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def person_markdown(record: Record) -> str:
    person = record["person"]
    lines = [
        f"# What coproduce holds about {inline(person['name'])}",
        "",
        f"Made {record['made_at'][:16].replace('T', ' at ')}, from the group "
        f"{inline(record['group']['name'])}.",
        "",
        "## Their details",
        "",
    ]
    lines += [f"- **{inline(k)}:** {inline(_shown(v))}" for k, v in person.items()]
    for entry in record["meetings"]:
        meeting = entry["meeting"]
        lines += ["", f"## {inline(meeting['title'])}, {meeting['starts_at'][:10]}", ""]
        lines.append("- Attended." if entry["attended"] else "- Not recorded as attending.")
        for turn in entry["turns"]:
            lines.append(f"- Spoke from {turn['started_at'][11:16]} for {turn['seconds']} seconds.")
        for event in entry["events"]:
            lines.append(
                f"- {event['at'][11:16]} ({inline(event['role'])}): {inline(event['what'])}"
            )
    for table, rows in record["other_records"].items():
        lines += ["", f"## In {inline(table)}", ""]
        lines += [f"- {inline(json.dumps(row, ensure_ascii=False))}" for row in rows]
    return "\n".join(lines) + "\n"


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "(none)"
    return str(value)
