"""When the database file can't be used safely, coproduce says so in one plain sentence, exits
with code 1, and leaves the file as it was: locked by another writer, read-only, not SQLite,
damaged, written by a newer coproduce, or on a full disk. Before a migration changes an
existing file, a copy is kept beside it."""

import os
import shutil
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database
from textual.widgets import Static

import store.db
from session.clock import FrozenClock
from store.db import open_db, writing
from store.errors import StoreError
from store.migrations import migrations
from tests.cli_runner import coproduce, refused
from tests.live_driver import demo_app, fill, frozen_clock, select, shown

ROOT = os.geteuid() == 0
FULL = "The disk is full"


def made(path: Path) -> Path:
    """A coproduce database with one group and one person, closed so it is all in the file."""
    assert coproduce("group", "new", "Riverside", "--db", str(path)).exit_code == 0
    added = coproduce(
        "person", "add", "Ann Lee", "--perspective", "carer or family", "--db", str(path)
    )
    assert added.exit_code == 0
    assert not Path(f"{path}-wal").exists()
    return path


def content(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@contextmanager
def left_as_it_was(path: Path) -> Iterator[None]:
    """The file's bytes, and the folder's list of files, are the same afterwards."""
    before = path.read_bytes()
    names = sorted(p.name for p in path.parent.iterdir())
    yield
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == names


def write_person(path: Path) -> list[str]:
    return ["person", "add", "Bo Chen", "--perspective", "other", "--db", str(path)]


# --- locked by another writer ------------------------------------------------------------------


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.db, "BUSY_TIMEOUT_MS", 100)


@pytest.mark.usefixtures("short_timeout")
def test_a_write_while_another_writer_holds_the_lock_is_refused(tmp_path: Path) -> None:
    path = made(tmp_path / "c.db")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with left_as_it_was(path):
            refused(coproduce(*write_person(path)), "The database is busy")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [line for line in content(path) if "Bo Chen" in line] == []


@pytest.mark.usefixtures("short_timeout")
def test_a_file_another_program_holds_exclusively_is_refused_even_for_reading(
    tmp_path: Path,
) -> None:
    path = made(tmp_path / "c.db")
    before = content(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        refused(coproduce("person", "list", "--db", str(path)), "The database is busy")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert content(path) == before


# --- read-only file or folder ------------------------------------------------------------------


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` (a file or folder) read-only for this user, root included: root ignores
    permission bits, so as root the file is made immutable with chattr instead."""
    if ROOT:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr")
        made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
        if made.returncode != 0:
            pytest.skip(f"chattr +i is not supported here: {made.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(0o500 if path.is_dir() else 0o400)
        try:
            yield
        finally:
            path.chmod(mode)


def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = made(tmp_path / "c.db")
    with read_only(path), left_as_it_was(path):
        refused(coproduce(*write_person(path)), f"{path} is read-only")
        refused(coproduce("person", "list", "--db", str(path)), "It has been left as it was.")


def test_a_database_in_a_read_only_folder_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = made(folder / "c.db")
    with read_only(folder), left_as_it_was(path):
        refused(coproduce(*write_person(path)), f"The folder {folder} is read-only")


def test_a_new_database_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    with read_only(folder):
        refused(
            coproduce("group", "list", "--db", str(folder / "c.db")),
            f"coproduce can't create a database in {folder}: no permission.",
        )
    assert list(folder.iterdir()) == []


# --- not SQLite, or damaged --------------------------------------------------------------------


def garble(path: Path, at: int, length: int) -> None:
    with path.open("r+b") as file:
        file.seek(at)
        file.write(bytes((n * 37 + 11) % 256 for n in range(length)))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: p.write_text("Minutes of the meeting\n" * 300), id="text-file"),
        pytest.param(lambda p: os.truncate(p, p.stat().st_size // 2), id="cut-in-half"),
        pytest.param(lambda p: garble(p, 100, 300), id="garbled-header-and-schema"),
        pytest.param(lambda p: garble(p, 4096 * 2 + 8, 2000), id="garbled-table-page"),
    ],
)
def test_a_damaged_file_is_refused_and_left_as_it_was(tmp_path: Path, damage: object) -> None:
    path = made(tmp_path / "c.db")
    assert callable(damage)
    damage(path)
    with left_as_it_was(path):
        refused(coproduce("person", "list", "--db", str(path)), "It has been left as it was.")
        refused(coproduce(*write_person(path)), "can't be used as a coproduce database")
        # Opening the app checks the file in a thread while Textual loads: refused just the same.
        refused(coproduce("--db", str(path)), "It has been left as it was.")


# --- written by a newer version ----------------------------------------------------------------


def test_a_database_from_a_newer_coproduce_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = made(tmp_path / "c.db")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('coproduce', 'm999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with left_as_it_was(path):
        result = coproduce("person", "list", "--db", str(path))
    refused(result, "was written by a newer version of coproduce")
    assert "m999_from_the_future" in result.stderr
    assert "please upgrade coproduce" in result.stderr


# --- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB file system of its own, which can really fill up. Needs root and mount."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not ROOT:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"can't mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill_disk(folder: Path, leave: int) -> None:
    """Fill the disk with a file, then free `leave` bytes of it."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, bytes(4096))
    except OSError:
        pass
    finally:
        os.close(fd)
    os.truncate(filler, max(0, filler.stat().st_size - leave))


@pytest.mark.parametrize("leave", [0, 40 * 1024], ids=["no-room-at-all", "room-to-open-only"])
def test_a_write_on_a_full_disk_is_refused_and_saves_nothing(small_disk: Path, leave: int) -> None:
    path = made(small_disk / "c.db")
    before = content(path)
    fill_disk(small_disk, leave)
    with left_as_it_was(path):
        refused(coproduce(*write_person(path), "--needs", "x" * 2000), FULL)
    (small_disk / "filler").unlink()
    assert content(path) == before
    assert coproduce(*write_person(path)).exit_code == 0


def test_a_new_database_on_a_full_disk_is_refused_and_leaves_nothing(small_disk: Path) -> None:
    fill_disk(small_disk, 0)
    refused(coproduce("group", "new", "Riverside", "--db", str(small_disk / "c.db")), FULL)
    assert [p.name for p in small_disk.iterdir()] == ["filler"]


def test_a_write_that_outgrows_the_file_is_rolled_back_and_explained(tmp_path: Path) -> None:
    """The same fault without root: SQLite's page limit stands in for the disk."""
    db = open_db(tmp_path / "c.db")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(StoreError, match=FULL), writing(db):
        db["groups"].insert({"id": "g", "name": "x" * 100_000, "perspectives": "[]"})
    assert not db.conn.in_transaction
    assert db["groups"].count == 0
    with writing(db):
        db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
    assert db["groups"].count == 1


# --- a copy before a migration changes the file ------------------------------------------------


def old_database(path: Path) -> list[str]:
    """A database as an older coproduce left it: every migration but the last applied."""
    names = [m.name for m in migrations.pending(Database(memory=True))]
    db = Database(path)
    db.enable_wal()
    migrations.apply(db, stop_before=names[-1])
    db["groups"].insert({"id": "g", "name": "Riverside", "perspectives": "[]"})
    db.close()
    return names


def test_before_a_migration_changes_a_file_a_private_copy_is_made_beside_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.db"
    names = old_database(path)
    before = content(path)
    clock = FrozenClock(datetime(2026, 12, 3, 14, 0, 5, tzinfo=UTC))

    open_db(path, clock=clock).close()

    backup = tmp_path / "c.db.bak-20261203T140005Z"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db", backup.name]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert content(backup) == before
    copy = Database(backup)
    assert [m.name for m in migrations.applied(copy)] == names[:-1]
    copy.close()
    again = Database(path)
    assert [m.name for m in migrations.applied(again)] == names
    again.close()


def test_a_second_upgrade_in_the_same_second_keeps_both_copies(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    old_database(path)
    (tmp_path / "c.db.bak-20261203T140005Z").write_text("an earlier copy")
    clock = FrozenClock(datetime(2026, 12, 3, 14, 0, 5, tzinfo=UTC))

    open_db(path, clock=clock).close()

    assert (tmp_path / "c.db.bak-20261203T140005Z").read_text() == "an earlier copy"
    assert (tmp_path / "c.db.bak-20261203T140005Z-2").is_file()


def test_no_copy_is_made_of_a_new_or_up_to_date_file(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    open_db(path).close()
    open_db(path).close()
    assert [p.name for p in tmp_path.iterdir()] == ["c.db"]


# --- in the app --------------------------------------------------------------------------------


async def test_on_a_full_disk_the_live_screen_says_so_and_shows_nothing_as_done(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = app.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        app.db.execute("VACUUM")  # no free pages to reuse (an index dropped by m019 leaves some)
        pages = app.db.execute("PRAGMA page_count").fetchone()[0]
        app.db.execute(f"PRAGMA max_page_count = {pages}")
        await pilot.press("d")
        await pilot.pause()
        await fill(pilot, "#text", "y" * 2000)  # with the concerns, more than a page
        await select(pilot, "#method", "consent")
        await fill(pilot, "#concerns", "z" * 2000)
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(app.screen.query_one(".form-error", Static).content)
        assert f"⚠ {FULL}" in error
        await pilot.press("escape")
        await pilot.pause()
        assert "None yet" in shown(pilot, "#decisions")
        assert app.db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
