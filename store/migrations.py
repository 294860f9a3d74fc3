"""The schema, built up by small named steps applied in order at start-up."""

from sqlite_utils import Database, Migrations

migrations = Migrations("coproduce")


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
    db.create_view(
        "live_events",
        """SELECT * FROM events WHERE batch NOT IN
            (SELECT json_extract(data, '$.batch') FROM events WHERE kind = 'undone')""",
    )
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
