"""What went wrong with the database file, in plain words.

SQLite reports a full disk, a lock held too long, a read-only file or a damaged file as error
codes; each becomes one `StoreError` sentence that says what happened and that nothing was
changed, so the screens and the command line can show it instead of a traceback."""

import shutil
import sqlite3
from pathlib import Path

from store.errors import StoreError

# Below this much free space, a failed read or write is taken to be a full disk.
NEARLY_FULL_BYTES = 1024 * 1024

FAULTS = ("BUSY", "LOCKED", "FULL", "READONLY", "IOERR", "CORRUPT", "NOTADB", "CANTOPEN", "PERM")


def is_fault(error: sqlite3.Error) -> bool:
    """Whether `error` is about the file or the disk rather than a mistake in coproduce."""
    name = getattr(error, "sqlite_errorname", "") or ""
    return name.removeprefix("SQLITE_").split("_")[0] in FAULTS


def explain(error: sqlite3.Error, path: Path | None = None) -> StoreError:
    """`error` as a `StoreError` a person can act on. `path` is the database file, if known."""
    name = (getattr(error, "sqlite_errorname", "") or "").removeprefix("SQLITE_")
    code = name.split("_")[0]
    the_file = str(path) if path else "The database"
    if code in ("BUSY", "LOCKED"):
        message = busy(error)
    elif code == "FULL" or name == "IOERR_SHMSIZE" or (code == "IOERR" and _nearly_full(path)):
        message = (
            f"The disk is full, so {the_file} can't be written. Nothing was saved. "
            "Free some space, then try again."
        )
    elif code == "READONLY":
        message = f"{the_file} is read-only, so nothing can be saved. Nothing was changed."
    elif code == "IOERR":
        message = (
            f"{the_file} could not be read or written: the disk reported an error ({error}). "
            "Nothing was saved."
        )
    elif code in ("CORRUPT", "NOTADB"):
        message = damaged(path, str(error))
    elif code in ("CANTOPEN", "PERM"):
        message = f"coproduce can't open {the_file}: no permission, or it is not a file."
    else:
        message = f"{the_file} can't be used as a coproduce database ({error})."
    return StoreError(message)


def busy(error: sqlite3.Error) -> str:
    return (
        "The database is busy: another coproduce window is writing to it. "
        f"Nothing was saved; please try again. ({error})"
    )


def damaged(path: Path | None, detail: str) -> str:
    the_file = str(path) if path else "The database"
    return (
        f"{the_file} can't be used as a coproduce database: it is damaged, or it is not a "
        f"database at all ({detail}). It has been left as it was. If there is a backup copy "
        "beside it "
        "(a file ending in .bak- and a date), coproduce can open that instead with --db."
    )


def _nearly_full(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False
