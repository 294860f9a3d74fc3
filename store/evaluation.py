"""Reading what the evaluation reports need from the database: each meeting folded and
measured, with the group's members and what became of its actions."""

from sqlite_utils import Database

from session.clock import Clock
from session.ids import new_id
from session.live import fold
from session.measures import measure
from session.power import ActionStatus, MeetingRecord
from session.pseudonyms import Names
from store.db import writing
from store.log import load
from store.records import get_group, get_meeting, meetings, members_of


def action_statuses(db: Database) -> dict[str, ActionStatus]:
    """The latest update on each action that has one."""
    rows = db.execute("SELECT action_id, status, note FROM action_updates ORDER BY at, rowid")
    return {action_id: ActionStatus(status, note or "") for action_id, status, note in rows}


def meeting_record(
    db: Database, meeting_id: str, clock: Clock, anonymise: bool = False
) -> MeetingRecord:
    meeting = get_meeting(db, meeting_id)
    group = get_group(db, meeting.group_id)
    members = members_of(db, group.id)
    state = fold(meeting_id, load(db, meeting_id))
    statuses = action_statuses(db)
    done = {action_id for action_id, s in statuses.items() if s.status == "done"}
    measures = measure(state, members, clock(), group.perspectives, done)
    return MeetingRecord(meeting, group, state, measures, Names.of(members, anonymise), statuses)


def group_records(
    db: Database, group_id: str, clock: Clock, anonymise: bool = False
) -> list[MeetingRecord]:
    """Every meeting of the group that has started, earliest first."""
    records = [meeting_record(db, m.id, clock, anonymise) for m in meetings(db, group_id)]
    return [r for r in records if r.state.started_at is not None]


def save_action_update(db: Database, action_id: str, update: ActionStatus, clock: Clock) -> None:
    with writing(db):
        db.table("action_updates").insert(
            {
                "id": new_id(),
                "action_id": action_id,
                "status": update.status,
                "note": update.note,
                "at": clock().isoformat(),
            }
        )
