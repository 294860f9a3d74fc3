"""Opening the database safely: private file, WAL, foreign keys, a busy timeout, migrations.

A file coproduce can't use safely (someone else's, damaged, read-only, written by a newer
version, on a full disk) is refused with a plain message and left exactly as it was. Before a
migration changes an existing file, a copy of it is kept beside it."""

import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from session.clock import Clock, system_clock
from store.errors import StoreError
from store.faults import damaged, explain, is_fault
from store.files import PRIVATE
from store.migrations import migrations

BUSY_TIMEOUT_MS = 5000


class FileCheck:
    """SQLite's integrity check (`PRAGMA quick_check`) of an existing file, started in a thread
    on its own connection so that it runs while the app is still loading: SQLite lets other
    Python code run while it reads, and on a large archive the check takes tens of milliseconds.
    `open_db(path, check=...)` waits for it before it trusts or changes the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._problems: list[str] | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            # Read-write, as open_db's own connection would be (never created: mode=rw): a
            # read-only one leaves the journal files of a WAL database behind when it closes.
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False
            )
            try:
                self._problems = [row[0] for row in conn.execute("PRAGMA quick_check")]
            finally:
                conn.close()
        except sqlite3.Error:
            return  # open_db meets the fault itself, and explains it

    def problems(self) -> list[str] | None:
        """What the check found ("ok" alone when nothing), or None if it could not run."""
        self._thread.join()
        return self._problems


def open_db(
    path: Path,
    create_folder: bool = False,
    clock: Clock = system_clock,
    check: FileCheck | None = None,
) -> Database:
    """Open (creating if needed) the database at `path`, with the schema up to date. `check`:
    the file's integrity check, if one was started early (it is run here otherwise).

    The file is created readable and writable by its owner only: it holds personal data.
    """
    # The early check's connection is closed before this one opens, as if it had run here.
    checked = check.problems() if check is not None and check.path == path else None
    folder = path.parent
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not folder.is_dir():
        raise StoreError(f"The folder {folder} does not exist. Create it, or choose another file.")
    created = not path.exists()
    _check_writable(path, created)
    if created:
        try:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE))
        except OSError as error:
            raise StoreError(f"coproduce can't create {path}: {error.strerror}.") from None
    journal = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    journal_before = [p.exists() for p in journal]
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.DatabaseError as error:
        raise explain(error, path) from None
    try:
        db = _configured(conn)
        _check_ours(db, path, checked)
        if migrations.pending(db) and migrations.applied(db):
            back_up(db, path, clock)
        db.enable_wal()
        migrations.apply(db)
    except BaseException as error:
        conn.close()
        if created:
            _remove_new_file(path)
        elif not any(journal_before) and not (journal[0].exists() and journal[0].stat().st_size):
            # A journal this run made, with nothing in its log (the shared-memory index is
            # rebuilt from the log), as on a full disk: leave no trace.
            for leftover in journal:
                leftover.unlink(missing_ok=True)
        if isinstance(error, sqlite3.DatabaseError):
            raise explain(error, path) from None
        raise
    return db


def _configured(conn: sqlite3.Connection) -> Database:
    db = _database(conn)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    return db


def _database(conn: sqlite3.Connection | None = None, memory: bool = False) -> Database:
    """A sqlite-utils database that runs no sqlite-utils plugins: no such plugin installed
    beside coproduce gets a hook into a file of people's personal data (and looking for them
    costs about 12 ms of start-up)."""
    return Database(conn, memory=memory, execute_plugins=False)


def another_connection(path: Path) -> Database:
    """A second connection to the app's file (`file_of` its database, found on the app's own
    thread), for slow reading in a worker thread while the app goes on using and writing
    through its own: one connection must not be used by two threads at once. The file was
    checked and brought up to date when the app opened it; it is never created here (a file
    moved away meanwhile is a fault, not a new empty database). Close it when done."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, check_same_thread=False)
    return _configured(conn)


def _check_writable(path: Path, created: bool) -> None:
    """coproduce writes to the file and, in WAL mode, beside it: refuse before touching it."""
    folder = path.parent
    if created and not os.access(folder, os.W_OK):
        raise StoreError(f"coproduce can't create a database in {folder}: no permission.")
    if path.is_dir():
        raise StoreError(f"{path} can't be used as a coproduce database: it is a folder.")
    if created:
        return
    if not os.access(path, os.R_OK | os.W_OK):
        raise StoreError(
            f"{path} is read-only (or not readable) for you, and coproduce must be able to "
            "write to it. It has been left as it was."
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(
            f"The folder {folder} is read-only, and coproduce keeps its journal beside the "
            "database there. Nothing was changed: make the folder writable, or move the file."
        )


def _check_ours(db: Database, path: Path, checked: list[str] | None) -> None:
    """Refuse a file that is damaged, someone else's, or from a newer coproduce."""
    problems = checked or [row[0] for row in db.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise StoreError(damaged(path, "; ".join(problems[:3])))
    # Someone else's database (a typo in --db, say) must be left exactly as it was: no WAL,
    # no migrations table. Ours is either empty or has our migrations recorded.
    applied = {m.name for m in migrations.applied(db)}
    if db.table_names() and not applied:
        raise StoreError(
            f"{path} is a database, but not a coproduce one. It has been left as it was."
        )
    unknown = applied - _known_migrations()
    if unknown:
        raise StoreError(
            f"{path} was written by a newer version of coproduce (it has changes this version "
            f"doesn't know: {', '.join(sorted(unknown))}). It has been left as it was: "
            "please upgrade coproduce to open it."
        )


def _known_migrations() -> set[str]:
    """The names of every migration this version of coproduce has (all pending when empty)."""
    return {m.name for m in migrations.pending(_database(memory=True))}


def back_up(db: Database, path: Path, clock: Clock) -> Path:
    """Copy the database, as it is now, to a private file beside it named after `path` and the
    time: e.g. coproduce.db.bak-20261203T140000Z."""
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.bak-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.bak-{stamp}-{number}")
    try:
        os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))
        copy = sqlite3.connect(target)
        try:
            db.conn.backup(copy)
        finally:
            copy.close()
    except (OSError, sqlite3.DatabaseError) as error:
        _remove_new_file(target)
        if isinstance(error, sqlite3.DatabaseError):
            raise explain(error, path) from None
        raise StoreError(
            f"coproduce must copy {path} before upgrading it, but can't write {target}: "
            f"{error.strerror}. Nothing was changed."
        ) from None
    return target


def _remove_new_file(path: Path) -> None:
    """Take away a file this run created (and its journal), so a refusal leaves no trace."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


def memory_db() -> Database:
    """A database in memory with the full schema: for tests and benchmarks."""
    db = _database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


def file_of(db: Database) -> Path | None:
    """The file behind `db`, or None in memory."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file)
    return None


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at once so that several processes writing
    the same file wait their turn instead of failing; committed on success, else rolled back.

    A fault of the file or disk (busy beyond the timeout, full, read-only) becomes a
    `StoreError` that says so; nothing of the transaction is kept."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if is_fault(error):
            raise explain(error, file_of(db)) from None
        raise
    try:
        yield db
        db.execute("COMMIT")
    except BaseException as error:
        # Also when COMMIT itself fails (a deferred constraint, a full disk): otherwise the
        # transaction would stay open and every later write would fail.
        db.rollback()
        if isinstance(error, sqlite3.DatabaseError) and is_fault(error):
            raise explain(error, file_of(db)) from None
        raise
