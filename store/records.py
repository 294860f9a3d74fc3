"""Groups, members and meetings: saving them and finding them again by what people type."""

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from session.acting import FACILITATOR
from session.changes import GroupCreated, MeetingScheduled, MemberAdded
from session.clock import Clock
from session.setup import Group, Meeting, Member
from store.changes import record_change
from store.db import writing
from store.errors import StoreError

T = TypeVar("T")


def save_group(db: Database, group: Group, clock: Clock, role: str = FACILITATOR) -> None:
    with writing(db):
        db.table("groups").insert(
            {
                "id": group.id,
                "name": group.name,
                "perspectives": json.dumps(group.perspectives),
                "created_at": clock().isoformat(),
            }
        )
        record_change(db, group.id, GroupCreated(group.name, group.perspectives), clock, role)


def save_member(db: Database, member: Member, clock: Clock, role: str = FACILITATOR) -> None:
    with writing(db):
        db.table("members").insert(
            {
                "id": member.id,
                "group_id": member.group_id,
                "name": member.name,
                "perspective": member.perspective,
                "needs": member.needs,
                "consent_named": int(member.consent_named),
                "easy_read": int(member.easy_read),
                "extra_time": int(member.extra_time),
                "created_at": clock().isoformat(),
            }
        )
        added = MemberAdded(member.id, member.perspective, member.consent_named)
        record_change(db, member.group_id, added, clock, role)


def save_meeting(db: Database, meeting: Meeting, clock: Clock, role: str = FACILITATOR) -> None:
    with writing(db):
        db.table("meetings").insert(
            {
                "id": meeting.id,
                "group_id": meeting.group_id,
                "title": meeting.title,
                "starts_at": meeting.starts_at.isoformat(),
                "place": meeting.place,
                "format": meeting.format,
                "length_minutes": meeting.length_minutes,
                "break_every_minutes": meeting.break_every_minutes,
                "created_at": clock().isoformat(),
            }
        )
        scheduled = MeetingScheduled(
            meeting.id,
            meeting.title,
            meeting.starts_at.isoformat(),
            meeting.place,
            meeting.format,
            meeting.length_minutes,
        )
        record_change(db, meeting.group_id, scheduled, clock, role)


def _group(row: dict[str, Any]) -> Group:
    return Group(row["id"], row["name"], tuple(json.loads(row["perspectives"])))


def _member(row: dict[str, Any]) -> Member:
    return Member(
        row["id"],
        row["group_id"],
        row["name"],
        row["perspective"],
        row["needs"] or "",
        bool(row["consent_named"]),
        easy_read=bool(row["easy_read"]),
        extra_time=bool(row["extra_time"]),
    )


def _meeting(row: dict[str, Any]) -> Meeting:
    return Meeting(
        row["id"],
        row["group_id"],
        row["title"],
        datetime.fromisoformat(row["starts_at"]),
        row["place"],
        row["format"],
        row["length_minutes"],
        break_every_minutes=row["break_every_minutes"],
    )


def groups(db: Database) -> list[Group]:
    return [_group(r) for r in db.table("groups").rows_where(order_by="created_at, rowid")]


def members_of(db: Database, group_id: str) -> list[Member]:
    rows = db.table("members").rows_where("group_id = ?", [group_id], order_by="created_at, rowid")
    return [_member(r) for r in rows]


def meetings(db: Database, group_id: str | None = None) -> list[Meeting]:
    where, args = ("group_id = ?", [group_id]) if group_id else (None, [])
    rows = db.table("meetings").rows_where(where, args, order_by="starts_at, rowid")
    return [_meeting(r) for r in rows]


def get_group(db: Database, group_id: str) -> Group:
    try:
        return _group(db.table("groups").get(group_id))
    except NotFoundError:
        raise StoreError(f"There is no group with the id {group_id}.") from None


def get_meeting(db: Database, meeting_id: str) -> Meeting:
    try:
        return _meeting(db.table("meetings").get(meeting_id))
    except NotFoundError:
        raise StoreError(f"There is no meeting with the id {meeting_id}.") from None


def _pick(found: list[T], what: str, ref: str, listing: str) -> T:
    if len(found) == 1:
        return found[0]
    if not found:
        raise StoreError(f"No {what} matches “{ref}”. {listing}")
    raise StoreError(f"More than one {what} matches “{ref}”: please be more precise. {listing}")


def _matching(ref: str, candidates: list[tuple[T, str, str]]) -> list[T]:
    """The candidates (thing, id, name) that `ref` names: an exact name first, else the start of
    an id, else the start of a name ("margaret" for "Margaret Okafor"). Blank names nothing."""
    typed = ref.strip().casefold()
    if not typed:
        return []
    tiers: tuple[Callable[[str, str], bool], ...] = (
        lambda id_, name: name.casefold() == typed,
        lambda id_, name: id_.startswith(typed),
        lambda id_, name: name.casefold().startswith(typed),
    )
    for matches in tiers:
        found = [thing for thing, id_, name in candidates if matches(id_, name)]
        if found:
            return found
    return []


def find_group(db: Database, ref: str) -> Group:
    found = _matching(ref, [(g, g.id, g.name) for g in groups(db)])
    return _pick(found, "group", ref, "`coproduce group list` shows them.")


def find_meeting(db: Database, ref: str) -> Meeting:
    found = _matching(ref, [(m, m.id, m.title) for m in meetings(db)])
    return _pick(found, "meeting", ref, "`coproduce meeting list` shows them.")


def find_member(db: Database, group_id: str, ref: str) -> Member:
    found = _matching(ref, [(m, m.id, m.name) for m in members_of(db, group_id)])
    return _pick(found, "person in this group", ref, "`coproduce person list` shows them.")


def meeting_in_progress(db: Database) -> str | None:
    """The meeting most recently started and not yet ended, if any: where to resume."""
    row = db.execute(
        """SELECT meeting_id FROM live_events
        WHERE kind IN ('meeting_started', 'meeting_ended')
        GROUP BY meeting_id HAVING SUM(kind = 'meeting_ended') = 0
        ORDER BY MAX(seq) DESC LIMIT 1"""
    ).fetchone()
    return None if row is None else str(row[0])
