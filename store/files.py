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
    """`path` open for writing UTF-8 text. A new file is created with mode 0o600; a file
    already there is made so before it is overwritten. A fault writing it says which file."""
    try:
        with os.fdopen(
            os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE), "w", encoding="utf-8"
        ) as file:
            os.fchmod(file.fileno(), PRIVATE)
            file.truncate()
            yield file
    except OSError as error:
        raise StoreError(f"coproduce can't write {path}: {error.strerror}.") from None
