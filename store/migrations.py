"""The schema, built up by small named steps applied in order at start-up."""

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database, Migrations

migrations = Migrations("coproduce")


def not_undone(log: str) -> str:
    """The query of a view of `log`'s rows as they are, leaving out what was undone (the undo
    events themselves stay). The data export writes each such view from its log's rows while
    the view still reads exactly this (`NOT_UNDONE` in store/tables.py). Files made by m002
    and m009 hold this text: changed, it would no longer match theirs."""
    return f"""SELECT * FROM {log} WHERE batch NOT IN
            (SELECT json_extract(data, '$.batch') FROM {log} WHERE kind = 'undone')"""


@migrations()
def m001_groups_members_meetings_events(db: Database) -> None:
    db.table("groups").create(
        {"id": str, "name": str, "perspectives": str, "created_at": str},
        pk="id",
        not_null={"name", "perspectives"},
    )
    db.table("members").create(
        {
            "id": str,
            "group_id": str,
            "name": str,
            "perspective": str,
            "needs": str,
            "consent_named": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "name", "perspective"},
    )
    db.table("meetings").create(
        {
            "id": str,
            "group_id": str,
            "title": str,
            "starts_at": str,
            "place": str,
            "format": str,
            "length_minutes": int,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "title", "starts_at"},
    )
    db.table("events").create(
        {
            "seq": int,
            "id": str,
            "meeting_id": str,
            "batch": int,
            "at": str,
            "kind": str,
            "data": str,
        },
        pk="seq",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"id", "meeting_id", "batch", "at", "kind", "data"},
    )
    db.table("events").create_index(["id"], unique=True)
    db.table("events").create_index(["meeting_id", "seq"])
    db.table("members").create_index(["group_id"])
    db.table("meetings").create_index(["group_id"])


@migrations()
def m002_views_for_browsing(db: Database) -> None:
    """Read-only views over the event log, so the file makes sense in any SQLite tool.
    `live_events` leaves out what was undone (and the undo events themselves stay in `events`)."""
    db.create_view("live_events", not_undone("events"))
    db.create_view(
        "agenda_items",
        """SELECT meeting_id, json_extract(data, '$.item_id') AS item_id,
            json_extract(data, '$.title') AS title,
            json_extract(data, '$.proposed_by') AS proposed_by,
            json_extract(data, '$.timebox_minutes') AS timebox_minutes, at AS added_at
        FROM live_events WHERE kind = 'item_added' ORDER BY seq""",
    )
    db.create_view(
        "notes",
        """SELECT meeting_id, json_extract(data, '$.item_id') AS item_id,
            json_extract(data, '$.text') AS text,
            json_extract(data, '$.author_id') AS author_id, at
        FROM live_events WHERE kind = 'note_written' ORDER BY seq""",
    )
    db.create_view(
        "decisions",
        """SELECT meeting_id, json_extract(data, '$.item_id') AS item_id,
            json_extract(data, '$.text') AS text, json_extract(data, '$.method') AS method,
            json_extract(data, '$.votes_for') AS votes_for,
            json_extract(data, '$.votes_against') AS votes_against,
            json_extract(data, '$.abstentions') AS abstentions,
            json_extract(data, '$.stand_asides') AS stand_asides,
            json_extract(data, '$.concerns') AS concerns, at
        FROM live_events WHERE kind = 'decision_recorded' ORDER BY seq""",
    )
    db.create_view(
        "actions",
        """SELECT meeting_id, json_extract(data, '$.item_id') AS item_id,
            json_extract(data, '$.what') AS what, json_extract(data, '$.owner_id') AS owner_id,
            json_extract(data, '$.due') AS due, at
        FROM live_events WHERE kind = 'action_recorded' ORDER BY seq""",
    )


@migrations()
def m003_access_settings(db: Database) -> None:
    """What a group and its members asked for: the group's screen theme, who wants easy-read
    papers, and how often a meeting stops for a scheduled break (0: no scheduled breaks)."""
    db.table("groups").add_column("theme", str)
    db.table("members").add_column("easy_read", int, not_null_default=0)
    db.table("meetings").add_column("break_every_minutes", int, not_null_default=0)


@migrations()
def m004_extra_speaking_time(db: Database) -> None:
    """Whose recorded needs ask for extra time to speak: their turns get twice the group's
    soft limit before the time warning shows."""
    db.table("members").add_column("extra_time", int, not_null_default=0)


@migrations()
def m005_outcomes_reviews_action_updates(db: Database) -> None:
    """What the group says success looks like and its reviews over time, what became of each
    action after the meeting, and the group's own check-out questions.

    These belong to the group, not to one meeting, so they are tables rather than events (the
    event log is per meeting). Rows are only ever added: a later review or update is a new row,
    so the history of progress is kept."""
    db.table("outcomes").create(
        {
            "id": str,
            "group_id": str,
            "text": str,
            "measure": str,
            "evidence": str,
            "scale_top": int,
            "scale_words": str,
            "review_schedule": str,
            "first_review": str,
            "rrule": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"group_id", "text", "scale_top", "first_review"},
    )
    db.table("reviews").create(
        {
            "id": str,
            "outcome_id": str,
            "reviewed_on": str,
            "progress": int,
            "story": str,
            "number": float,
            "said_by_member": str,
            "said_by": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("outcome_id", "outcomes", "id"), ("said_by_member", "members", "id")],
        not_null={"outcome_id", "reviewed_on", "progress"},
    )
    db.table("action_updates").create(
        {"id": str, "action_id": str, "status": str, "note": str, "at": str},
        pk="id",
        not_null={"action_id", "status", "at"},
    )
    db.table("outcomes").create_index(["group_id"])
    db.table("reviews").create_index(["outcome_id", "reviewed_on"])
    db.table("action_updates").create_index(["action_id", "at"])
    db.table("groups").add_column("checkout_questions", str)


@migrations()
def m006_acting_role_and_erasures(db: Database) -> None:
    """In which role each change was made (the facilitator at the projector, the minute-taker's
    or an attendee's own device, the command line): empty for changes made before this. And a
    record of each person forgotten at their request: their pseudonym and when, never a name."""
    db.table("events").add_column("role", str)
    db.table("erasures").create(
        {"member_id": str, "pseudonym": str, "at": str, "role": str},
        pk="member_id",
        not_null={"pseudonym", "at"},
    )


@migrations()
def m007_device_access(db: Database) -> None:
    """Participants' own devices in a browser (`coproduce serve`): the join code shown on the
    projector while serving, and each device let in with it, tied to one member, revocable."""
    db.table("device_invitations").create(
        {"code": str, "meeting_id": str, "address": str, "opened_at": str, "closed_at": str},
        pk="code",
        foreign_keys=[("meeting_id", "meetings", "id")],
        not_null={"meeting_id", "address", "opened_at"},
    )
    db.table("device_connections").create(
        {
            "token": str,
            "meeting_id": str,
            "member_id": str,
            "view": str,
            "opened_at": str,
            "revoked_at": str,
        },
        pk="token",
        foreign_keys=[("meeting_id", "meetings", "id"), ("member_id", "members", "id")],
        not_null={"meeting_id", "member_id", "view", "opened_at"},
    )
    db.table("device_invitations").create_index(["meeting_id"])
    db.table("device_connections").create_index(["meeting_id"])


@migrations()
def m008_evaluation_views(db: Database) -> None:
    """Views for the main evaluation measures, so the file answers "who spoke, for how long, who
    held the roles, how did people feel, what became of the actions" in any SQLite tool.

    A turn's seconds leave out breaks and the times it was paused, as the reports do. The
    evenness of speaking time (Gini) is in the reports, not a view."""
    db.create_view(
        "speaking_turns",
        """WITH marks AS (
            SELECT meeting_id, seq, kind, julianday(at) AS day,
                json_extract(data, '$.member_id') AS member_id,
                LEAD(julianday(at)) OVER (PARTITION BY meeting_id ORDER BY seq) AS next_day
            FROM live_events WHERE kind IN ('turn_started', 'turn_ended', 'meeting_ended')
        ),
        breaks AS (
            SELECT meeting_id, day AS from_day, next_day AS to_day FROM (
                SELECT meeting_id, kind, julianday(at) AS day,
                    LEAD(julianday(at)) OVER (PARTITION BY meeting_id ORDER BY seq) AS next_day
                FROM live_events WHERE kind IN ('break_started', 'break_ended', 'meeting_ended')
            ) WHERE kind = 'break_started'
        ),
        pauses AS (
            SELECT meeting_id, day AS from_day, next_day AS to_day FROM (
                SELECT meeting_id, kind, julianday(at) AS day,
                    LEAD(julianday(at)) OVER (PARTITION BY meeting_id ORDER BY seq) AS next_day
                FROM live_events WHERE kind IN
                    ('turn_paused', 'turn_resumed', 'turn_started', 'turn_ended', 'meeting_ended')
            ) WHERE kind = 'turn_paused'
        ),
        stopped AS (SELECT * FROM breaks UNION ALL SELECT * FROM pauses)
        SELECT t.meeting_id, t.member_id,
            strftime('%Y-%m-%dT%H:%M:%fZ', t.day) AS started_at,
            strftime('%Y-%m-%dT%H:%M:%fZ', t.next_day) AS ended_at,
            ROUND(((t.next_day - t.day) - COALESCE((
                SELECT SUM(MAX(0, MIN(t.next_day, COALESCE(s.to_day, t.next_day))
                    - MAX(t.day, s.from_day)))
                FROM stopped s WHERE s.meeting_id = t.meeting_id), 0)) * 86400, 1) AS seconds
        FROM marks t WHERE t.kind = 'turn_started'""",
    )
    db.create_view(
        "speaking_by_person",
        """WITH present AS (
            SELECT e.meeting_id, j.value AS member_id
            FROM live_events e, json_each(e.data, '$.present') j
            WHERE e.kind = 'meeting_started'
        ),
        people AS (
            SELECT meeting_id, member_id FROM present
            UNION SELECT meeting_id, member_id FROM speaking_turns
        )
        SELECT p.meeting_id, p.member_id, m.name, m.perspective, m.consent_named,
            COUNT(t.started_at) AS turns, ROUND(COALESCE(SUM(t.seconds), 0), 1) AS seconds
        FROM people p
        LEFT JOIN members m ON m.id = p.member_id
        LEFT JOIN speaking_turns t
            ON t.meeting_id = p.meeting_id AND t.member_id = p.member_id
        GROUP BY p.meeting_id, p.member_id""",
    )
    db.create_view(
        "speaking_by_perspective",
        """SELECT meeting_id, COALESCE(perspective, 'not on the group''s list') AS perspective,
            COUNT(*) AS people, SUM(turns > 0) AS spoke, SUM(turns) AS turns,
            ROUND(SUM(seconds), 1) AS seconds,
            ROUND(SUM(seconds) / NULLIF((SELECT SUM(seconds) FROM speaking_by_person a
                WHERE a.meeting_id = b.meeting_id), 0), 3) AS share
        FROM speaking_by_person b GROUP BY meeting_id, perspective""",
    )
    db.create_view(
        "role_spells",
        """WITH handed AS (
            SELECT meeting_id, seq, at, json_extract(data, '$.role') AS role,
                json_extract(data, '$.member_id') AS member_id
            FROM live_events WHERE kind = 'role_handed'
        )
        SELECT h.meeting_id, h.role, h.member_id, h.at AS since,
            COALESCE(
                (SELECT n.at FROM handed n WHERE n.meeting_id = h.meeting_id
                    AND n.role = h.role AND n.seq > h.seq ORDER BY n.seq LIMIT 1),
                (SELECT e.at FROM live_events e WHERE e.meeting_id = h.meeting_id
                    AND e.kind = 'meeting_ended' ORDER BY e.seq DESC LIMIT 1)
            ) AS until
        FROM handed h""",
    )
    db.create_view(
        "checkout_answers",
        """WITH latest AS (
            SELECT * FROM live_events e WHERE kind = 'checkout_given' AND seq = (
                SELECT MAX(seq) FROM live_events l WHERE l.kind = 'checkout_given'
                AND l.meeting_id = e.meeting_id
                AND json_extract(l.data, '$.member_id') = json_extract(e.data, '$.member_id'))
        )
        SELECT l.meeting_id, json_extract(l.data, '$.member_id') AS member_id,
            q.value AS question, json_extract(l.data, '$.answers[' || q.key || ']') AS answer,
            NULLIF(json_extract(l.data, '$.rung'), '') AS rung, l.at
        FROM latest l, json_each(l.data, '$.questions') q""",
    )
    db.create_view(
        "action_status",
        """SELECT a.meeting_id, json_extract(a.data, '$.action_id') AS action_id,
            json_extract(a.data, '$.what') AS what,
            json_extract(a.data, '$.owner_id') AS owner_id, json_extract(a.data, '$.due') AS due,
            COALESCE(u.status, 'open') AS status, u.note, u.at AS updated_at
        FROM live_events a
        LEFT JOIN action_updates u ON u.rowid = (
            SELECT rowid FROM action_updates x
            WHERE x.action_id = json_extract(a.data, '$.action_id')
            ORDER BY x.at DESC, x.rowid DESC LIMIT 1)
        WHERE a.kind = 'action_recorded'""",
    )
    db.create_view(
        "review_trend",
        """SELECT o.group_id, o.id AS outcome_id, o.text AS outcome, o.scale_top,
            r.reviewed_on, r.progress,
            r.progress - LAG(r.progress) OVER (PARTITION BY o.id ORDER BY r.reviewed_on, r.rowid)
                AS change,
            r.story, r.number, r.said_by_member, r.said_by
        FROM reviews r JOIN outcomes o ON o.id = r.outcome_id""",
    )


@migrations()
def m009_group_preparation_log(db: Database) -> None:
    """What a group does before an agenda exists: issues raised and merged, dot votes, candidate
    times and places with access checklists, who can come, needs, the group agreement, payment.

    These belong to the group and outlive any one meeting, so they are kept in a log of their own
    per group, shaped like the meetings' `events`: every change is a new row, undo is an
    `undone` row, nothing is erased, and the history comes for free. Views make them easy to
    query: `issues` (merged ones name the issue they were merged into) and `agenda_issue_links`
    (each agenda item and the issue it came from, so "you said, we did" can follow an issue into
    the meetings and their decisions and actions)."""
    db.table("group_events").create(
        {
            "seq": int,
            "id": str,
            "group_id": str,
            "batch": int,
            "at": str,
            "kind": str,
            "data": str,
            "role": str,
        },
        pk="seq",
        foreign_keys=[("group_id", "groups", "id")],
        not_null={"id", "group_id", "batch", "at", "kind", "data"},
    )
    db.table("group_events").create_index(["id"], unique=True)
    db.table("group_events").create_index(["group_id", "seq"])
    db.create_view("live_group_events", not_undone("group_events"))
    db.create_view(
        "issues",
        """SELECT e.group_id, json_extract(e.data, '$.issue_id') AS issue_id,
            json_extract(e.data, '$.text') AS text,
            json_extract(e.data, '$.raised_by') AS raised_by,
            json_extract(e.data, '$.heard_how') AS heard_how,
            json_extract(e.data, '$.heard_where') AS heard_where,
            json_extract(e.data, '$.heard_on') AS heard_on, e.at AS recorded_at,
            (SELECT json_extract(m.data, '$.kept_id') FROM live_group_events m
                WHERE m.kind = 'issues_merged'
                AND json_extract(m.data, '$.merged_id') = json_extract(e.data, '$.issue_id')
                ORDER BY m.seq DESC LIMIT 1) AS merged_into
        FROM live_group_events e WHERE e.kind = 'issue_raised' ORDER BY e.seq""",
    )
    db.create_view(
        "agenda_issue_links",
        """SELECT e.meeting_id, json_extract(e.data, '$.item_id') AS item_id,
            json_extract(e.data, '$.title') AS title, j.value AS issue_id
        FROM live_events e, json_each(json_extract(e.data, '$.issue_ids')) j
        WHERE e.kind = 'item_added' ORDER BY e.seq""",
    )


@migrations()
def m010_payments_and_agenda_moves(db: Database) -> None:
    """For the evaluation: what each person was offered and given for each meeting
    (`payments`), and each agenda item moved after the order was set, with who asked and why
    (`agenda_moves`)."""
    db.create_view(
        "payments",
        """SELECT group_id, json_extract(data, '$.meeting_id') AS meeting_id,
            json_extract(data, '$.member_id') AS member_id,
            json_extract(data, '$.offered') AS offered,
            json_extract(data, '$.given') AS given,
            json_extract(data, '$.amount_pence') AS amount_pence, at
        FROM live_group_events WHERE kind = 'payment_recorded' ORDER BY seq""",
    )
    db.create_view(
        "agenda_moves",
        """SELECT meeting_id, json_extract(data, '$.item_id') AS item_id,
            json_extract(data, '$.position') + 1 AS moved_to,
            json_extract(data, '$.asked_by') AS asked_by,
            json_extract(data, '$.reason') AS reason, at
        FROM live_events WHERE kind = 'item_moved' ORDER BY seq""",
    )


@migrations()
def m012_issues_not_possible(db: Database) -> None:
    """For "You said, we did": each issue the group found it could not act on, and why
    (`issue_not_possible` events in a group's preparation log)."""
    db.create_view(
        "issues_not_possible",
        """SELECT group_id, json_extract(data, '$.issue_id') AS issue_id,
            json_extract(data, '$.reason') AS reason, at
        FROM live_group_events WHERE kind = 'issue_not_possible' ORDER BY seq""",
    )


@migrations()
def m013_changes_before_they_were_logged(db: Database) -> None:
    """Since this version every change to a group's records is also an event in its log
    (`session.changes`). Records made before it get their event here, at the time the row says
    it was made (or, if it says none, the time of the upgrade) and with no role (the history
    shows "not recorded"). A theme or check-out questions chosen before it have no time kept, so
    they have no event."""
    upgraded_at = datetime.now(UTC).isoformat()
    found = [
        (at or upgraded_at, group_id, kind, json.dumps(data, ensure_ascii=False), role)
        for at, group_id, kind, data, role in _changes_so_far(db)
    ]
    logged = {
        (kind, data) for kind, data in db.execute("SELECT kind, data FROM group_events").fetchall()
    }
    # The same record gets the same event id in every copy of a file, so two copies upgraded
    # apart and later combined with `coproduce merge` do not list it twice.
    new = {
        uuid.uuid5(BACKFILL, "\0".join((group_id, kind, at, data))).hex: (
            at,
            group_id,
            kind,
            data,
            role,
        )
        for at, group_id, kind, data, role in found
        if (kind, data) not in logged
    }
    first = db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM group_events").fetchone()[0]
    rows = [
        {
            "seq": first + offset,
            "id": id_,
            "group_id": group_id,
            "batch": first + offset,
            "at": at,
            "kind": kind,
            "data": data,
            "role": role,
        }
        for offset, (id_, (at, group_id, kind, data, role)) in enumerate(
            sorted(new.items(), key=lambda pair: pair[1][:4])
        )
    ]
    db.table("group_events").insert_all(rows)


Found = tuple[str | None, str, str, dict[str, Any], str | None]
BACKFILL = uuid.UUID("5c0a2f6e-1d2b-4c6a-9a51-3f1e2b7c8d90")  # names the ids m013 gives


def _changes_so_far(db: Database) -> Iterator[Found]:
    """(when, group, kind, data, role) of each record made before changes were logged: only a
    person forgotten kept the role it was done in."""
    for id_, name, perspectives, at in db.execute(
        "SELECT id, name, perspectives, created_at FROM groups"
    ).fetchall():
        data = {"name": name, "perspectives": json.loads(perspectives)}
        yield at, id_, "group_created", data, None
    for id_, group_id, perspective, consent, at in db.execute(
        "SELECT id, group_id, perspective, consent_named, created_at FROM members"
    ).fetchall():
        data = {"member_id": id_, "perspective": perspective, "consent_named": bool(consent)}
        yield at, group_id, "member_added", data, None
    for row in db.execute(
        "SELECT id, group_id, title, starts_at, place, format, length_minutes, created_at"
        " FROM meetings"
    ).fetchall():
        fields = ("meeting_id", "title", "starts_at", "place", "format", "length_minutes")
        data = dict(zip(fields, (row[0], *row[2:7]), strict=True))
        yield row[7], row[1], "meeting_scheduled", data, None
    for id_, group_id, text, measure, schedule, at in db.execute(
        "SELECT id, group_id, text, measure, review_schedule, created_at FROM outcomes"
    ).fetchall():
        data = {"outcome_id": id_, "text": text, "measure": measure, "review_schedule": schedule}
        yield at, group_id, "outcome_defined", data, None
    for id_, outcome_id, on, progress, said_by, group_id, at in db.execute(
        "SELECT r.id, r.outcome_id, r.reviewed_on, r.progress, r.said_by_member, o.group_id,"
        " r.created_at FROM reviews r JOIN outcomes o ON o.id = r.outcome_id"
    ).fetchall():
        keys = ("review_id", "outcome_id", "reviewed_on", "progress", "said_by_member")
        data = dict(zip(keys, (id_, outcome_id, on, progress, said_by), strict=True))
        yield at, group_id, "review_recorded", data, None
    for action_id, status, note, at, group_id in db.execute(
        "SELECT u.action_id, u.status, u.note, u.at, m.group_id FROM action_updates u"
        " JOIN events e ON e.kind = 'action_recorded'"
        " AND json_extract(e.data, '$.action_id') = u.action_id"
        " JOIN meetings m ON m.id = e.meeting_id"
    ).fetchall():
        data = {"action_id": action_id, "status": status, "note": note or ""}
        yield at, group_id, "action_updated", data, None
    for member_id, name, at, role, group_id in db.execute(
        "SELECT e.member_id, e.pseudonym, e.at, e.role, m.group_id FROM erasures e"
        " JOIN members m ON m.id = e.member_id"
    ).fetchall():
        yield at, group_id, "person_forgotten", {"member_id": member_id, "pseudonym": name}, role


@migrations()
def m014_folded_states(db: Database) -> None:
    """Each meeting's state as last folded from its log (`store.folded`): a derived copy kept
    for speed, never a source of truth. Changing or removing any event of a meeting (forget,
    erasure) deletes its meeting's copy, so a copy can only be behind the log, never differ."""
    db.execute(
        """CREATE TABLE folded_states (
            meeting_id TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            last_seq INTEGER NOT NULL,
            state TEXT NOT NULL
        )"""
    )
    for change, meetings in (
        ("UPDATE", "old.meeting_id, new.meeting_id"),
        ("DELETE", "old.meeting_id"),
    ):
        db.execute(
            f"""CREATE TRIGGER folded_states_stale_on_{change.lower()} AFTER {change} ON events
            BEGIN DELETE FROM folded_states WHERE meeting_id IN ({meetings}); END"""
        )


@migrations()
def m015_speaking_by_perspective_in_one_pass(db: Database) -> None:
    """The same view, with each meeting's total speaking time taken once per meeting (a window)
    instead of once per row: on 60 long meetings the old view took over a minute to read."""
    db.execute("DROP VIEW speaking_by_perspective")
    db.create_view(
        "speaking_by_perspective",
        """SELECT meeting_id, COALESCE(perspective, 'not on the group''s list') AS perspective,
            COUNT(*) AS people, SUM(turns > 0) AS spoke, SUM(turns) AS turns,
            ROUND(SUM(seconds), 1) AS seconds,
            ROUND(SUM(seconds) / NULLIF(SUM(SUM(seconds)) OVER (PARTITION BY meeting_id), 0), 3)
                AS share
        FROM speaking_by_person b GROUP BY meeting_id, perspective""",
    )


@migrations()
def m016_outcomes_answer_issues(db: Database) -> None:
    """An outcome may say which issues raised before the meetings it answers, so "You said, we
    did" can follow an issue to the progress made on it. `outcome_issue_links`: one row per
    outcome and issue."""
    db.table("outcomes").add_column("issue_ids", str)
    db.create_view(
        "outcome_issue_links",
        """SELECT o.group_id, o.id AS outcome_id, o.text AS outcome, j.value AS issue_id
        FROM outcomes o, json_each(COALESCE(o.issue_ids, '[]')) j ORDER BY o.rowid""",
    )


@migrations()
def m017_views_read_the_log_once(db: Database) -> None:
    """The same rows, read faster. `speaking_by_person` works out `speaking_turns` once
    (materialised) instead of once for who spoke and again for how long; and the few undone
    events have an index, so a view over `live_events` no longer reads the whole log to find
    them. Reading every table and view of a 60-meeting archive: 2.3 -> 1.7 s."""
    db.execute("CREATE INDEX idx_events_undone ON events(kind) WHERE kind = 'undone'")
    db.execute("DROP VIEW speaking_by_person")
    db.create_view(
        "speaking_by_person",
        """WITH present AS (
            SELECT e.meeting_id, j.value AS member_id
            FROM live_events e, json_each(e.data, '$.present') j
            WHERE e.kind = 'meeting_started'
        ),
        turns AS MATERIALIZED (
            SELECT meeting_id, member_id, started_at, seconds FROM speaking_turns
        ),
        people AS (
            SELECT meeting_id, member_id FROM present
            UNION SELECT meeting_id, member_id FROM turns
        )
        SELECT p.meeting_id, p.member_id, m.name, m.perspective, m.consent_named,
            COUNT(t.started_at) AS turns, ROUND(COALESCE(SUM(t.seconds), 0), 1) AS seconds
        FROM people p
        LEFT JOIN members m ON m.id = p.member_id
        LEFT JOIN turns t ON t.meeting_id = p.meeting_id AND t.member_id = p.member_id
        GROUP BY p.meeting_id, p.member_id""",
    )


@migrations()
def m018_pauses_found_from_each_pause(db: Database) -> None:
    """The same `speaking_turns`, read faster: a pause's end (the next turn mark) is looked up
    from each pause, by the meeting's index, instead of numbering every turn mark of every
    meeting to find the few pauses (a third of the view's time on 60 long meetings)."""
    db.execute("DROP VIEW speaking_turns")
    db.create_view(
        "speaking_turns",
        """WITH marks AS (
            SELECT meeting_id, seq, kind, julianday(at) AS day,
                json_extract(data, '$.member_id') AS member_id,
                LEAD(julianday(at)) OVER (PARTITION BY meeting_id ORDER BY seq) AS next_day
            FROM live_events WHERE kind IN ('turn_started', 'turn_ended', 'meeting_ended')
        ),
        breaks AS (
            SELECT meeting_id, day AS from_day, next_day AS to_day FROM (
                SELECT meeting_id, kind, julianday(at) AS day,
                    LEAD(julianday(at)) OVER (PARTITION BY meeting_id ORDER BY seq) AS next_day
                FROM live_events WHERE kind IN ('break_started', 'break_ended', 'meeting_ended')
            ) WHERE kind = 'break_started'
        ),
        pauses AS (
            SELECT p.meeting_id, julianday(p.at) AS from_day, (
                SELECT julianday(n.at) FROM live_events n
                WHERE n.meeting_id = p.meeting_id AND n.seq > p.seq AND n.kind IN
                    ('turn_paused', 'turn_resumed', 'turn_started', 'turn_ended', 'meeting_ended')
                ORDER BY n.seq LIMIT 1
            ) AS to_day
            FROM live_events p WHERE p.kind = 'turn_paused'
        ),
        stopped AS (SELECT * FROM breaks UNION ALL SELECT * FROM pauses)
        SELECT t.meeting_id, t.member_id,
            strftime('%Y-%m-%dT%H:%M:%fZ', t.day) AS started_at,
            strftime('%Y-%m-%dT%H:%M:%fZ', t.next_day) AS ended_at,
            ROUND(((t.next_day - t.day) - COALESCE((
                SELECT SUM(MAX(0, MIN(t.next_day, COALESCE(s.to_day, t.next_day))
                    - MAX(t.day, s.from_day)))
                FROM stopped s WHERE s.meeting_id = t.meeting_id), 0)) * 86400, 1) AS seconds
        FROM marks t WHERE t.kind = 'turn_started'""",
    )


@migrations()
def m019_events_found_by_kind(db: Database) -> None:
    """Views that pick one kind of event from the log (agenda items, decisions, actions, roles,
    checkout answers...) each read the whole log to find them: about 20 ms each on a 60-meeting
    archive, a third of a second for every export of the tables. An index on the kind lets them
    go straight to those events (every table and view as CSV: 1.9 -> 1.7 s), still in the
    log's order (the index keeps each kind's events in `seq` order; one on the kind and the
    meeting would list them meeting by meeting). It also serves what the partial index on
    undone events did, so that one goes."""
    db.execute("CREATE INDEX idx_events_kind ON events(kind)")
    db.execute("DROP INDEX idx_events_undone")
