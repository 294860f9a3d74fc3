"""Reading what the evaluation reports need from the database: each meeting folded and
measured, with the group's members and what became of its actions."""

import json

from sqlite_utils import Database

from session.acting import FACILITATOR
from session.changes import ActionUpdated, CheckoutQuestionsSet
from session.checkout import DEFAULT_QUESTIONS
from session.clock import Clock
from session.ids import new_id
from session.live import Action, LiveState
from session.measures import measure
from session.outcomes import Outcome, Review
from session.power import ActionStatus, MeetingRecord
from session.pseudonyms import Names
from session.setup import Group, Meeting, Member
from store.changes import record_change
from store.db import writing
from store.folded import folded, folded_many, reading_many_meetings
from store.outcomes import outcomes_of, reviews_of
from store.records import get_group, get_meeting, meetings, members_of


def action_statuses(db: Database) -> dict[str, ActionStatus]:
    """The latest update on each action that has one."""
    rows = db.execute("SELECT action_id, status, note FROM action_updates ORDER BY at, rowid")
    return {action_id: ActionStatus(status, note or "") for action_id, status, note in rows}


def meeting_record(
    db: Database, meeting_id: str, clock: Clock, anonymise: bool = False
) -> MeetingRecord:
    """One meeting, folded and measured."""
    meeting = get_meeting(db, meeting_id)
    group = get_group(db, meeting.group_id)
    members = members_of(db, group.id)
    state = folded(db, meeting_id)
    return _record(meeting, group, members, state, action_statuses(db), clock, anonymise)


def group_records(
    db: Database, group_id: str, clock: Clock, anonymise: bool = False
) -> list[MeetingRecord]:
    """Every meeting of the group that has started, earliest first. The group, its members and
    what became of the actions are read once for them all."""
    held = meetings(db, group_id)
    if not held:
        return []
    group = get_group(db, group_id)
    members = members_of(db, group_id)
    statuses = action_statuses(db)
    with reading_many_meetings():
        states = folded_many(db, [m.id for m in held])
        records = [
            _record(m, group, members, states[m.id], statuses, clock, anonymise) for m in held
        ]
    return [r for r in records if r.state.started_at is not None]


def group_actions(db: Database, group_id: str) -> list[Action]:
    """Every action agreed in the group's meetings, meeting by meeting."""
    held = [m.id for m in meetings(db, group_id)]
    with reading_many_meetings():
        states = folded_many(db, held)
    return [action for m in held for action in states[m].actions]


def _record(
    meeting: Meeting,
    group: Group,
    members: list[Member],
    state: LiveState,
    statuses: dict[str, ActionStatus],
    clock: Clock,
    anonymise: bool,
) -> MeetingRecord:
    done = {action_id for action_id, s in statuses.items() if s.status == "done"}
    measures = measure(state, members, clock(), group.perspectives, done)
    return MeetingRecord(meeting, group, state, measures, Names.of(members, anonymise), statuses)


def save_action_update(
    db: Database, action_id: str, update: ActionStatus, clock: Clock, role: str = FACILITATOR
) -> None:
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
        changed = ActionUpdated(action_id, update.status, update.note)
        record_change(db, _group_of_action(db, action_id), changed, clock, role)


def _group_of_action(db: Database, action_id: str) -> str:
    row = db.execute(
        "SELECT m.group_id FROM events e JOIN meetings m ON m.id = e.meeting_id"
        " WHERE e.kind = 'action_recorded' AND json_extract(e.data, '$.action_id') = ?",
        [action_id],
    ).fetchone()
    return str(row[0])


def checkout_questions(db: Database, group_id: str) -> tuple[str, ...]:
    """The group's own check-out questions, else the default ones."""
    row = db.execute("SELECT checkout_questions FROM groups WHERE id = ?", [group_id]).fetchone()
    if row is None or not row[0]:
        return DEFAULT_QUESTIONS
    return tuple(json.loads(row[0]))


def save_checkout_questions(
    db: Database, group_id: str, questions: tuple[str, ...], clock: Clock, role: str = FACILITATOR
) -> None:
    with writing(db):
        db.table("groups").update(group_id, {"checkout_questions": json.dumps(questions)})
        record_change(db, group_id, CheckoutQuestionsSet(questions), clock, role)


def group_outcomes(db: Database, group_id: str) -> list[tuple[Outcome, list[Review]]]:
    return [(o, reviews_of(db, o.id)) for o in outcomes_of(db, group_id)]
