"""The projector view: only what the room needs, unclipped from 80x24 to 240x67."""

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Digits

from session import turns
from session.signals import JARGON
from store import records
from tests.live_driver import advance, demo_app, frozen_clock, member_id, press_then_choose
from tests.screen_text import text_of
from tui.screens.live import LiveScreen
from tui.screens.projector import ProjectorScreen

SIZES = [(80, 24), (100, 30), (120, 30), (160, 45), (200, 50), (240, 67)]
WAITING = ("Priya Sharma", "Joan Whitfield", "Aisha Begum", "Tom Gallagher")


def fully_shown(pilot: Pilot[Any], selector: str) -> str:
    """The widget's text, after checking that all of it is inside the screen."""
    screen = pilot.app.screen
    widget = screen.query_one(selector)
    assert widget.region.area, f"{selector} is not shown"
    for container in (screen, *widget.ancestors_with_self[1:]):
        if isinstance(container, Widget):
            assert container.region.contains_region(widget.region), f"{selector} is cut off"
    assert widget.virtual_size.height <= widget.region.height, f"{selector} is clipped"
    return text_of(widget)


async def speaker_and_queue(pilot: Pilot[Any]) -> None:
    await press_then_choose(pilot, "h", "Margaret Okafor")
    for name in WAITING:
        await press_then_choose(pilot, "h", name)
    await pilot.press("s")
    await advance(pilot, 26 * 60)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_everything_the_room_needs_is_fully_visible(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=size) as pilot:
        await speaker_and_queue(pilot)
        await pilot.press("v")
        assert isinstance(app.screen, ProjectorScreen)
        assert fully_shown(pilot, "#p-position") == "ITEM 1 OF 4"
        assert fully_shown(pilot, "#p-item") == (
            "Transport to day services: late and cancelled pick-ups"
        )
        assert fully_shown(pilot, "#p-speaker") == "▶ Margaret Okafor"
        assert fully_shown(pilot, "#p-next") == (
            "1. Priya Sharma 2. Joan Whitfield 3. Aisha Begum … and 1 more"
        )
        assert fully_shown(pilot, "#p-clock-label") == "⚠ OVER TIME"
        clock = app.screen.query_one("#p-clock", Digits)
        assert clock.value == "-1:00"
        fully_shown(pilot, "#p-clock")
        assert clock.region.height == 3  # big digits
        assert clock.region.width >= Digits.get_content_width(clock, app.size, app.size)


async def test_signals_and_a_due_break_are_shown_in_words_and_symbols(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, LiveScreen)
        await pilot.press("v")
        assert not app.screen.query_one("#p-signal").display
        joan = member_id(pilot, "Joan Whitfield")
        screen.act(lambda s: turns.interject(s, joan, JARGON, "respite"))
        await advance_projector(pilot, 1)
        assert fully_shown(pilot, "#p-signal") == (
            "‼ JARGON! PLAIN WORDS, PLEASE: “respite” — Joan Whitfield"
        )


async def advance_projector(pilot: Pilot[Any], seconds: float) -> None:
    app = pilot.app
    app.clock.advance(seconds)  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, ProjectorScreen)
    screen.tick()
    await pilot.pause()


async def test_a_scheduled_break_is_called_for_on_the_projector(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    db = app.db
    meeting = records.get_meeting(db, app.meeting_id or "")
    db.execute("UPDATE meetings SET break_every_minutes = 45 WHERE id = ?", [meeting.id])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await advance_projector(pilot, 44 * 60)
        assert not app.screen.query_one("#p-signal").display
        await advance_projector(pilot, 60)
        assert fully_shown(pilot, "#p-signal") == (
            "☕ TIME FOR A BREAK — 45 minutes since the last one"
        )
        await pilot.press("b")
        await pilot.pause()
        assert fully_shown(pilot, "#p-signal") == "☕ ON A BREAK (0:00)"


async def test_the_floor_can_be_run_from_the_projector_and_v_goes_back(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        live_screen = app.screen
        await pilot.press("v")
        await press_then_choose(pilot, "h", "Priya Sharma")
        assert isinstance(app.screen, ProjectorScreen)
        assert fully_shown(pilot, "#p-next") == "1. Priya Sharma"
        await pilot.press("s")
        assert fully_shown(pilot, "#p-speaker") == "▶ Priya Sharma"
        assert fully_shown(pilot, "#p-next") == "Nobody waiting"
        await pilot.press("v")
        assert app.screen is live_screen
