"""session/ and store/ must work without the UI: a fresh interpreter imports every module in
them and must not have loaded Textual, Rich or tui/ (nor, for session/, any storage)."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "session": ("textual", "rich", "tui", "store", "sqlite3", "sqlite_utils"),
    "store": ("textual", "rich", "tui"),
}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_loads_nothing_it_must_not(package: str) -> None:
    modules = [f"{package}.{m.name}" for m in pkgutil.iter_modules([str(ROOT / package)])]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print('\\n'.join(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN[package]!r}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert modules
    assert result.stdout.split() == []
