"""What the room sees: the live screen at a laptop's size and at a projector's."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.live_driver import advance, demo_app, fill, frozen_clock, press_then_choose

SnapCompare = Callable[..., bool]
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


async def meeting_under_way(pilot: Pilot[Any]) -> None:
    await press_then_choose(pilot, "m", "Tom Gallagher")
    for name in ("Margaret Okafor", "Priya Sharma", "Joan Whitfield", "Aisha Begum"):
        await press_then_choose(pilot, "h", name)
    await pilot.press("s")
    await advance(pilot, 130)
    await pilot.press("w")
    await fill(pilot, "#text", "Pick-ups late [three] times in May; one missed altogether")
    await pilot.press("enter")
    await pilot.press("d")
    await fill(pilot, "#text", "Write to the transport team together")
    await pilot.press("ctrl+s")
    await advance(pilot, 25 * 60)


@pytest.mark.parametrize("size", SIZES)
def test_live_screen_during_a_meeting(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    assert snap_compare(app, terminal_size=size, run_before=meeting_under_way)


@pytest.mark.parametrize("size", SIZES)
def test_live_screen_on_a_break(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    assert snap_compare(app, terminal_size=size, press=["b"])


def test_decision_form(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    assert snap_compare(app, terminal_size=(80, 24), press=["d"])
