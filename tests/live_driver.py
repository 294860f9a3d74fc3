"""Helpers for driving the live screen with Textual's Pilot, as a facilitator would."""

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static

from session.clock import FrozenClock
from store import records
from store.db import open_db
from store.demo import create_demo
from tui.app import CoproduceApp, make_app
from tui.screens.live import LiveScreen

MEETING_TIME = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def demo_app(db_path: Path, clock: FrozenClock) -> CoproduceApp:
    db = open_db(db_path)
    return make_app(db, create_demo(db, clock), clock)


def frozen_clock() -> FrozenClock:
    return FrozenClock(MEETING_TIME)


async def report_shown(pilot: Pilot[Any]) -> None:
    """Wait, as someone at the screen would, for a report being worked out in a worker thread
    (the evaluation screen's) to be shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def shown(pilot: Pilot[None], selector: str) -> str:
    """The plain text a widget on the current screen shows."""
    return str(pilot.app.screen.query_one(selector, Static).content)


async def choose(pilot: Pilot[None], name: str) -> None:
    """In an open person picker, choose `name` with the arrow keys and Enter."""
    options = pilot.app.screen.query_one(OptionList)
    labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    target = next(i for i, label in enumerate(labels) if label.startswith(name))
    await pilot.press("home", *["down"] * target, "enter")
    await pilot.pause()


async def press_then_choose(pilot: Pilot[None], key: str, name: str) -> None:
    await pilot.press(key)
    await pilot.pause()
    await choose(pilot, name)


async def advance(pilot: Pilot[Any], seconds: float) -> None:
    """Let `seconds` pass on the frozen clock, and show it as the once-a-second update would."""
    app = pilot.app
    assert isinstance(app, CoproduceApp) and isinstance(app.clock, FrozenClock)
    app.clock.advance(seconds)
    live_screen(pilot).show_clocks()
    await pilot.pause()


def live_screen(pilot: Pilot[Any]) -> LiveScreen:
    """The live screen the pilot is on."""
    screen = pilot.app.screen
    assert isinstance(screen, LiveScreen)
    return screen


async def fill(pilot: Pilot[None], selector: str, text: str) -> None:
    """Type into an input in the open form, replacing what was there."""
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.pause()
    field.insert_text_at_cursor(text)
    await pilot.pause()


def member_id(pilot: Pilot[None], name: str) -> str:
    app = pilot.app
    assert isinstance(app, CoproduceApp)
    group_id = records.get_meeting(app.db, app.meeting_id).group_id
    return records.find_member(app.db, group_id, name).id


async def select(pilot: Pilot[None], selector: str, value: str) -> None:
    pilot.app.screen.query_one(selector, Select).value = value
    await pilot.pause()
