"""Fixtures every test gets: no test touches the real user data folder, and local times read
the same on every machine."""

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.paths import ENV_VAR

UK_TIME = "GMT0BST,M3.5.0/1,M10.5.0"  # POSIX rule for Europe/London: needs no tz database


@pytest.fixture(autouse=True)
def default_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where coproduce keeps its database unless told otherwise: a folder not made yet."""
    path = tmp_path / "user-data" / "coproduce.db"
    monkeypatch.setenv(ENV_VAR, str(path))
    return path


@pytest.fixture(autouse=True)
def uk_local_time() -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = UK_TIME
    time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    time.tzset()
