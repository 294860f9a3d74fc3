"""Opening coproduce straight on a meeting shows the live screen alone (quicker to the first
frame); Escape still leads back to the list of meetings, and from there into meetings again.
The garbage collector, paused while starting, runs again once the first screen is drawn."""

import gc
from pathlib import Path

import pytest
from textual.widgets import OptionList

from store.db import open_db
from tests.live_driver import demo_app, frozen_clock
from tui.app import make_app
from tui.screens.home import HomeScreen
from tui.screens.live import LiveScreen


async def test_opened_on_a_meeting_escape_leads_to_the_list_of_meetings(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#meetings", OptionList).option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert len(app.screen_stack) == 2  # the same list again, not one more


async def test_opened_on_the_list_escape_from_a_meeting_returns_to_it(tmp_path: Path) -> None:
    demo_app(tmp_path / "c.db", frozen_clock())
    app = make_app(open_db(tmp_path / "c.db"), None, frozen_clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home


@pytest.mark.parametrize("on_a_meeting", [True, False], ids=["live-screen", "list-of-meetings"])
async def test_garbage_is_collected_again_once_the_first_screen_is_drawn(
    tmp_path: Path, on_a_meeting: bool
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    if not on_a_meeting:
        app = make_app(open_db(tmp_path / "c.db"), None, frozen_clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert gc.isenabled()
