"""Opening the database (store/db.py) and its schema (store/migrations.py)."""

import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.hookspecs import hookimpl
from sqlite_utils.plugins import pm

from store.db import FileCheck, another_connection, file_of, memory_db, open_db, writing
from store.errors import StoreError
from store.migrations import migrations

TABLES = {"events", "groups", "members", "meetings"}
VIEWS = {
    "live_events",
    "agenda_items",
    "notes",
    "decisions",
    "actions",
    "speaking_turns",
    "speaking_by_person",
    "speaking_by_perspective",
    "role_spells",
    "checkout_answers",
    "action_status",
    "review_trend",
    "live_group_events",
    "issues",
    "agenda_issue_links",
    "outcome_issue_links",
    "payments",
    "agenda_moves",
    "issues_not_possible",
}


def schema(db: Database) -> list[tuple[str, str, str]]:
    return db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def columns(db: Database, name: str) -> list[str]:
    return [row[1] for row in db.execute(f"PRAGMA table_info([{name}])").fetchall()]


def test_migrations_from_an_empty_database_make_the_tables_and_views() -> None:
    db = Database(memory=True)
    migrations.apply(db)
    assert set(db.table_names()) >= TABLES
    assert set(db.view_names()) == VIEWS
    assert columns(db, "events") == [
        "seq",
        "id",
        "meeting_id",
        "batch",
        "at",
        "kind",
        "data",
        "role",
    ]
    assert columns(db, "erasures") == ["member_id", "pseudonym", "at", "role"]
    assert columns(db, "groups") == [
        "id",
        "name",
        "perspectives",
        "created_at",
        "theme",
        "checkout_questions",
    ]
    assert columns(db, "members") == [
        "id",
        "group_id",
        "name",
        "perspective",
        "needs",
        "consent_named",
        "created_at",
        "easy_read",
        "extra_time",
    ]
    assert columns(db, "meetings") == [
        "id",
        "group_id",
        "title",
        "starts_at",
        "place",
        "format",
        "length_minutes",
        "created_at",
        "break_every_minutes",
    ]
    assert columns(db, "agenda_items") == [
        "meeting_id",
        "item_id",
        "title",
        "proposed_by",
        "timebox_minutes",
        "added_at",
    ]
    assert columns(db, "notes") == ["meeting_id", "item_id", "text", "author_id", "at"]
    assert columns(db, "actions") == ["meeting_id", "item_id", "what", "owner_id", "due", "at"]
    assert "votes_for" in columns(db, "decisions")
    assert db["events"].pks == ["seq"]
    assert {fk.other_table for fk in db["events"].foreign_keys} == {"meetings"}
    assert {fk.other_table for fk in db["members"].foreign_keys} == {"groups"}
    assert any(index.unique and index.columns == ["id"] for index in db["events"].indexes)


def test_applying_the_migrations_twice_changes_nothing() -> None:
    db = memory_db()
    before = schema(db)
    applied = [m.name for m in migrations.applied(db)]
    migrations.apply(db)
    assert schema(db) == before
    assert [m.name for m in migrations.applied(db)] == applied
    assert applied == [
        "m001_groups_members_meetings_events",
        "m002_views_for_browsing",
        "m003_access_settings",
        "m004_extra_speaking_time",
        "m005_outcomes_reviews_action_updates",
        "m006_acting_role_and_erasures",
        "m007_device_access",
        "m008_evaluation_views",
        "m009_group_preparation_log",
        "m010_payments_and_agenda_moves",
        "m012_issues_not_possible",
        "m013_changes_before_they_were_logged",
        "m014_folded_states",
        "m015_speaking_by_perspective_in_one_pass",
        "m016_outcomes_answer_issues",
        "m017_views_read_the_log_once",
        "m018_pauses_found_from_each_pause",
        "m019_events_found_by_kind",
    ]
    assert migrations.pending(db) == []


@pytest.mark.parametrize(
    "view", ["agenda_items", "decisions", "actions", "role_spells", "checkout_answers"]
)
def test_a_view_of_one_kind_of_event_goes_straight_to_them(view: str) -> None:
    """Its query plan searches the log by kind instead of reading all of it, and so does the
    look for undone events in every view: what keeps exporting a long archive quick (the
    benchmark measures the time; tests never time anything)."""
    plan = [row[3] for row in memory_db().execute(f"EXPLAIN QUERY PLAN SELECT * FROM [{view}]")]

    assert "SEARCH events USING INDEX idx_events_kind (kind=?)" in plan
    assert not [step for step in plan if step.startswith("SCAN events")]


def test_memory_db_enforces_foreign_keys() -> None:
    db = memory_db()
    with pytest.raises(sqlite3.IntegrityError):
        db["members"].insert({"id": "m", "group_id": "nope", "name": "Ann", "perspective": "x"})


def test_open_db_creates_a_private_file_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "coproduce.db"
    db = open_db(path)
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert set(db.table_names()) >= TABLES
    assert set(db.view_names()) == VIEWS
    db.close()


class _Snooper:
    """A sqlite-utils plugin, as any package installed beside coproduce could register."""

    def __init__(self) -> None:
        self.connections: list[sqlite3.Connection] = []

    @hookimpl
    def prepare_connection(self, conn: sqlite3.Connection) -> None:
        self.connections.append(conn)


def test_no_sqlite_utils_plugin_gets_a_hook_into_the_file(tmp_path: Path) -> None:
    snooper = _Snooper()
    pm.register(snooper)
    try:
        db = open_db(tmp_path / "coproduce.db")
        other = another_connection(tmp_path / "coproduce.db")
        memory_db()
        assert snooper.connections == []
        plain = Database(memory=True)  # the plugin runs where sqlite-utils is left to run it
        assert snooper.connections == [plain.conn]
        plain.close()
    finally:
        pm.unregister(snooper)
    other.close()
    db.close()


def test_open_db_again_keeps_the_data_and_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "coproduce.db"
    db = open_db(path)
    db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
    before = schema(db)
    db.close()
    again = open_db(path)
    assert schema(again) == before
    assert again["groups"].count == 1
    again.close()


def test_another_connection_sees_what_the_first_commits_and_keeps_its_rules(
    tmp_path: Path,
) -> None:
    with pytest.raises(sqlite3.OperationalError):
        another_connection(tmp_path / "moved-away.db")  # never made anew
    assert not (tmp_path / "moved-away.db").exists()
    db = open_db(tmp_path / "c.db")
    other = another_connection(file_of(db) or tmp_path)
    db["groups"].insert({"id": "g", "name": "Forum", "perspectives": "[]"})
    assert other.execute("SELECT name FROM groups").fetchall() == [("Forum",)]
    assert other.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert other.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL
    other.close()


def test_a_check_started_early_is_the_one_open_db_trusts(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_db(path).close()
    check = FileCheck(path)
    assert check.problems() == ["ok"]
    open_db(path, check=check).close()
    assert FileCheck(tmp_path / "missing.db").problems() is None  # open_db then checks itself
    assert not (tmp_path / "missing.db").exists()  # and the check made no file


class FoundDamage(FileCheck):
    def problems(self) -> list[str] | None:
        return ["On tree page 3 cell 16: Offset 43984 out of range"]


def test_what_the_early_check_found_is_what_open_db_refuses(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_db(path).close()
    with pytest.raises(StoreError, match="Offset 43984 out of range"):
        open_db(path, check=FoundDamage(path))


def test_open_db_refuses_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    folder = tmp_path / "not-made-yet"
    with pytest.raises(StoreError) as caught:
        open_db(folder / "coproduce.db")
    assert str(caught.value) == (
        f"The folder {folder} does not exist. Create it, or choose another file."
    )
    assert not folder.exists()


def test_open_db_can_create_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "user-data" / "coproduce"
    open_db(folder / "coproduce.db", create_folder=True).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert (folder / "coproduce.db").is_file()


def assert_refused_and_untouched(path: Path, *phrases: str) -> None:
    before = path.read_bytes()
    siblings = set(path.parent.iterdir())
    with pytest.raises(StoreError) as caught:
        open_db(path)
    assert path.read_bytes() == before
    assert set(path.parent.iterdir()) == siblings
    for phrase in phrases:
        assert phrase in str(caught.value)


def test_a_file_that_is_not_sqlite_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(bytes(range(256)) * 64 + os.urandom(4096))
    assert_refused_and_untouched(
        path, f"{path} can't be used as a coproduce database", "file is not a database"
    )


def test_a_text_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text("Minutes of the meeting\n" * 200)
    assert_refused_and_untouched(path, "can't be used as a coproduce database")


def test_someone_elses_sqlite_database_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE groups (x)")
    conn.execute("INSERT INTO groups VALUES (1)")
    conn.commit()
    conn.close()
    assert_refused_and_untouched(path, "is a database, but not a coproduce one")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_an_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    db = open_db(path)
    assert set(db.table_names()) >= TABLES
    db.close()


def test_a_folder_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "coproduce.db"
    path.mkdir()
    with pytest.raises(StoreError, match="can't be used as a coproduce database"):
        open_db(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_a_folder_without_write_permission_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    try:
        with pytest.raises(StoreError) as caught:
            open_db(folder / "coproduce.db")
        assert str(caught.value) == (
            f"coproduce can't create a database in {folder}: no permission."
        )
    finally:
        folder.chmod(0o700)


def test_writing_commits_on_success(tmp_path: Path) -> None:
    db = open_db(tmp_path / "coproduce.db")
    with writing(db):
        db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
    other = open_db(tmp_path / "coproduce.db")
    assert other["groups"].count == 1
    db.close()
    other.close()


def test_writing_rolls_back_on_error(tmp_path: Path) -> None:
    db = open_db(tmp_path / "coproduce.db")
    with pytest.raises(RuntimeError), writing(db):
        db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
        raise RuntimeError("boom")
    assert db["groups"].count == 0
    assert not db.conn.in_transaction
    db.close()


def test_writing_rolls_back_when_the_commit_fails() -> None:
    db = memory_db()
    db.execute("PRAGMA defer_foreign_keys = ON")  # the check happens at COMMIT
    with pytest.raises(sqlite3.IntegrityError), writing(db):
        db["members"].insert({"id": "m", "group_id": "nope", "name": "Ann", "perspective": "x"})
    assert not db.conn.in_transaction
    assert db["members"].count == 0
    with writing(db):
        db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
    assert db["groups"].count == 1
