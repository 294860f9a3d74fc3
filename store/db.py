"""Opening the database safely: private file, WAL, foreign keys, a busy timeout, migrations."""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from store.errors import StoreError
from store.migrations import migrations

BUSY_TIMEOUT_MS = 5000


def open_db(path: Path, create_folder: bool = False) -> Database:
    """Open (creating if needed) the database at `path`, with the schema up to date.

    The file is created readable and writable by its owner only: it holds personal data.
    """
    folder = path.parent
    if create_folder:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not folder.is_dir():
        raise StoreError(f"The folder {folder} does not exist. Create it, or choose another file.")
    if not path.exists():
        if not os.access(folder, os.W_OK):
            raise StoreError(f"coproduce can't create a database in {folder}: no permission.")
        try:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise StoreError(f"coproduce can't create {path}: {error.strerror}.") from None
    unusable = f"{path} can't be used as a coproduce database"
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{unusable} ({error}).") from None
    try:
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        # Someone else's database (a typo in --db, say) must be left exactly as it was: no WAL,
        # no migrations table. Ours is either empty or has our migrations recorded.
        if db.table_names() and not migrations.applied(db):
            raise StoreError(
                f"{path} is a database, but not a coproduce one. It has been left as it was."
            )
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{unusable} ({error}).") from None
    except BaseException:
        conn.close()
        raise
    return db


def memory_db() -> Database:
    """A database in memory with the full schema: for tests and benchmarks."""
    db = Database(memory=True)
    db.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db)
    return db


@contextmanager
def writing(db: Database) -> Iterator[Database]:
    """One write transaction, taking the write lock at once so that several processes writing
    the same file wait their turn instead of failing; committed on success, else rolled back."""
    try:
        db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise StoreError(
            "The database is busy: another coproduce window is writing to it. "
            f"Nothing was saved; please try again. ({error})"
        ) from None
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        # Also when COMMIT itself fails (a deferred constraint, a full disk): otherwise the
        # transaction would stay open and every later write would fail.
        db.rollback()
        raise
