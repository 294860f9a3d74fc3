"""Writing files that hold personal data: readable and writable by their owner only."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from store.errors import StoreError

PRIVATE = 0o600


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` as UTF-8, privately (see `private_file`)."""
    with private_file(path) as file:
        file.write(text)


@contextmanager
def private_file(path: Path) -> Iterator[TextIO]:
    """`path` open for writing UTF-8 text, readable and writable by its owner only. The text
    goes to a new file beside it that takes its place once complete, so a fault part way (a
    full disk, a row that can't be read) leaves any file already there as it was. A fault says
    which file."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with os.fdopen(
            os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE), "w", encoding="utf-8"
        ) as file:
            os.fchmod(file.fileno(), PRIVATE)
            yield file
        os.replace(partial, path)
    except OSError as error:
        raise StoreError(f"coproduce can't write {path}: {error.strerror}.") from None
    finally:
        partial.unlink(missing_ok=True)  # gone already once it has taken the path's place
