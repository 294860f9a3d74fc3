"""Every change to a group's records is in its log with when and in which role it was made
(issue 7): the group, its people and meetings, outcomes and reviews, actions followed up, its
theme and check-out questions, devices let in and disconnected, and people forgotten."""

import json
import shutil
from datetime import UTC, datetime
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from session import plan
from session.acting import ATTENDEE, COMMAND_LINE, FACILITATOR
from session.clock import FrozenClock
from session.live import MINUTE_TAKER
from store import device_access, settings
from store.changes import entries
from store.db import open_db
from store.evaluation import checkout_questions, save_checkout_questions
from store.log import GROUP_LOG
from store.merge import merge_file
from store.migrations import migrations
from store.plan import GroupPreparation, load_plan
from store.records import get_meeting
from tests.cli_runner import NOW, coproduce, saved
from tests.live_driver import demo_app, frozen_clock

LATER = datetime(2027, 1, 5, 9, 30, tzinfo=UTC)


def changes(kind: str) -> list[dict[str, Any]]:
    rows = saved().execute(
        "SELECT at, role, data FROM group_events WHERE kind = ? ORDER BY seq", [kind]
    )
    return [{"at": at, "role": role, **json.loads(data)} for at, role, data in rows.fetchall()]


def test_setting_up_from_the_command_line_is_recorded_with_when_and_the_role() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    assert coproduce("person", "add", "Ann Lee", "--perspective", "carer or family").exit_code == 0
    when = ["--when", "next tuesday 2pm", "--place", "Hall", "--format", "hybrid"]
    scheduled = coproduce("meeting", "new", "Winter", *when, "--length", "90")
    assert scheduled.exit_code == 0, scheduled.output

    [group] = changes("group_created")
    assert (group["at"], group["role"], group["name"]) == (NOW.isoformat(), COMMAND_LINE, "Forum")
    [member] = changes("member_added")
    assert (member["role"], member["perspective"]) == (COMMAND_LINE, "carer or family")
    assert "Ann" not in json.dumps(member)  # the name stays in their row alone
    [meeting] = changes("meeting_scheduled")
    assert (meeting["role"], meeting["title"]) == (COMMAND_LINE, "Winter")


def test_outcomes_reviews_and_action_updates_are_recorded() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    added = coproduce(
        "outcome", "add", "On time", "--measure", "Late pick-ups", "--review", "in 1 month"
    )
    assert added.exit_code == 0, added.output
    later = FrozenClock(LATER)
    reviewed = coproduce(
        "review", "add", "on time", "--progress", "3", "--story", "Better", clock=later
    )
    assert reviewed.exit_code == 0, reviewed.output

    [outcome] = changes("outcome_defined")
    assert (outcome["role"], outcome["text"]) == (COMMAND_LINE, "On time")
    [review] = changes("review_recorded")
    assert (review["at"], review["role"], review["progress"]) == (
        LATER.isoformat(),
        COMMAND_LINE,
        3,
    )
    assert review["outcome_id"] == outcome["outcome_id"]
    shown = coproduce("history").stdout
    assert "| 2027-01-05 09:30 | command line | reviewed “On time”: progress 3 |" in shown


async def test_a_theme_chosen_on_the_projected_screen_is_recorded_as_the_facilitators(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
    rows = open_db(tmp_path / "c.db").execute(
        "SELECT at, role, data FROM group_events WHERE kind = 'theme_chosen'"
    )
    [(at, role, data)] = rows.fetchall()
    assert (at, role) == (app.clock().isoformat(), FACILITATOR)
    assert json.loads(data) == {"theme": "high-contrast-light"}


def test_devices_are_recorded_in_the_role_they_join_in_and_disconnecting_as_the_facilitator(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    db, meeting_id, clock = app.db, app.meeting_id, app.clock
    assert meeting_id is not None
    group_id = get_meeting(db, meeting_id).group_id
    someone = db.execute("SELECT id FROM members LIMIT 1").fetchone()[0]
    invitation = device_access.open_invitation(db, meeting_id, "http://127.0.0.1:8000", clock)
    attendee = device_access.connect(db, meeting_id, invitation.code, someone, "attendee", clock)
    device_access.connect(db, meeting_id, invitation.code, someone, "minutes", clock)
    device_access.revoke(db, attendee, clock)
    device_access.revoke(db, attendee, clock)  # a second click changes nothing
    device_access.close_invitation(db, invitation, clock)

    rows = db.execute(
        "SELECT kind, role, data FROM group_events WHERE group_id = ? AND kind LIKE 'device%'"
        " ORDER BY seq",
        [group_id],
    ).fetchall()
    assert [(kind, role) for kind, role, _ in rows] == [
        ("devices_invited", COMMAND_LINE),
        ("device_connected", ATTENDEE),
        ("device_connected", MINUTE_TAKER),
        ("device_disconnected", FACILITATOR),
        ("devices_invitation_closed", COMMAND_LINE),
    ]
    assert all(invitation.code not in data for _, _, data in rows)


def test_check_out_questions_are_recorded(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    group_id = app.db.execute("SELECT id FROM groups").fetchone()[0]
    save_checkout_questions(app.db, group_id, ("Did you feel heard?",), app.clock, COMMAND_LINE)
    assert checkout_questions(app.db, group_id) == ("Did you feel heard?",)
    [(role, data)] = app.db.execute(
        "SELECT role, data FROM group_events WHERE kind = 'checkout_questions_set'"
    ).fetchall()
    assert role == COMMAND_LINE
    assert json.loads(data) == {"questions": ["Did you feel heard?"]}


def test_forgetting_someone_is_recorded_without_their_name() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    assert (
        coproduce("person", "add", "Margaret Oduya", "--perspective", "carer or family").exit_code
        == 0
    )
    assert coproduce("forget", "Margaret Oduya", "--yes").exit_code == 0
    [forgotten] = changes("person_forgotten")
    assert forgotten["role"] == COMMAND_LINE
    assert "Margaret" not in json.dumps(forgotten)
    assert forgotten["pseudonym"] == saved().execute("SELECT name FROM members").fetchone()[0]


def test_the_preparations_undo_takes_back_preparation_not_the_records_history(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    db, clock = app.db, app.clock
    group_id = db.execute("SELECT id FROM groups").fetchone()[0]
    prep = GroupPreparation(db, group_id, clock)
    heard = {"raised_by": None, "heard_how": "phone", "heard_on": clock().date()}
    prep.do(partial(plan.raise_issue, text="Buses", **heard))
    settings.remember_group_theme(db, group_id, "colour-blind-safe", clock)
    prep.do(plan.undo)

    assert "Buses" not in [i.text for i in load_plan(db, group_id).open_issues]
    assert settings.group_theme(db, group_id) == "colour-blind-safe"
    kinds = [k for (k,) in db.execute("SELECT kind FROM group_events ORDER BY seq").fetchall()]
    assert kinds[-3:] == ["issue_raised", "theme_chosen", "undone"]


def test_the_history_command_lists_each_change_with_when_and_the_role() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    assert coproduce("person", "add", "Ann Lee", "--perspective", "carer or family").exit_code == 0
    later = FrozenClock(LATER)
    quiet = ["--perspective", "professional", "--no-consent"]
    assert coproduce("person", "add", "Bo [b]Ray[/b]", *quiet, clock=later).exit_code == 0

    shown = coproduce("history")

    assert shown.exit_code == 0, shown.output
    lines = shown.stdout.splitlines()
    assert lines[0] == "# The history of Forum"
    assert "| 2026-11-26 12:00 | command line | started the group “Forum” |" in lines
    assert "| 2026-11-26 12:00 | command line | added Ann Lee (carer or family) |" in lines
    assert "| 2027-01-05 09:30 | command line | added someone who asked not to be named |" in lines
    anonymous = coproduce("history", "--anonymise").stdout
    assert "Ann" not in anonymous and "Ray" not in anonymous


def test_a_meetings_history_as_html_has_each_change_and_its_role(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    assert app.meeting_id is not None
    meeting = get_meeting(app.db, app.meeting_id)
    path = str(tmp_path / "c.db")
    assert coproduce("agenda", "add", meeting.id[:8], "Buses", "--db", path).exit_code == 0

    page = coproduce("history", meeting.id[:8], "--format", "html", "--db", path).stdout

    parser = HTMLParser()
    parser.feed(page)
    assert page.count("<h1>") == 1
    assert "<td>command line</td><td>added “Buses” to the agenda</td>" in page


def test_records_made_before_changes_were_logged_get_their_event_on_upgrade() -> None:
    db = Database(memory=True)
    migrations.apply(db, stop_before="m013_changes_before_they_were_logged")
    made = "2026-01-05T10:00:00+00:00"
    db["groups"].insert({"id": "g1", "name": "Forum", "perspectives": "[]", "created_at": made})
    member = {"id": "m1", "group_id": "g1", "name": "Ann", "perspective": "carer or family"}
    db["members"].insert({**member, "consent_named": 1, "created_at": made})
    db["erasures"].insert(
        {"member_id": "m1", "pseudonym": "Person 1", "at": made, "role": "command line"}
    )
    raised = {"issue_id": "i1", "text": "Buses", "raised_by": None, "heard_how": "phone"}
    db["group_events"].insert(
        {
            "seq": 1,
            "id": "e1",
            "group_id": "g1",
            "batch": 1,
            "at": "2026-02-01T10:00:00+00:00",
            "kind": "issue_raised",
            "data": json.dumps({**raised, "heard_on": "2026-02-01"}),
            "role": COMMAND_LINE,
        }
    )

    migrations.apply(db)

    rows = db.execute(
        "SELECT at, role, kind, data FROM group_events WHERE seq > 1 ORDER BY seq"
    ).fetchall()
    assert [(at, role, kind) for at, role, kind, _ in rows] == [
        (made, None, "group_created"),
        (made, None, "member_added"),
        (made, COMMAND_LINE, "person_forgotten"),
    ]
    assert json.loads(rows[1][3]) == {
        "member_id": "m1",
        "perspective": "carer or family",
        "consent_named": True,
    }
    entries_ = entries(db, "g1", GROUP_LOG)
    assert [type(e.event).__name__ for e in entries_] == [  # in the order they were made
        "GroupCreated",
        "MemberAdded",
        "PersonForgotten",
        "IssueRaised",
    ]


def test_two_copies_upgraded_apart_merge_without_listing_a_record_twice(tmp_path: Path) -> None:
    old = Database(tmp_path / "a.db")
    migrations.apply(old, stop_before="m013_changes_before_they_were_logged")
    made = "2026-01-05T10:00:00+00:00"
    old["groups"].insert({"id": "g1", "name": "Forum", "perspectives": "[]", "created_at": made})
    old.close()
    shutil.copy(tmp_path / "a.db", tmp_path / "b.db")

    target = open_db(tmp_path / "a.db")
    merge_file(target, tmp_path / "b.db")

    kinds = [k for (k,) in target.execute("SELECT kind FROM group_events").fetchall()]
    assert kinds == ["group_created"]
