"""Every screen in each theme, at a laptop's size (80x24) and a projector's (160x45)."""

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from session import live as rules
from store import records
from store.live import LiveMeeting
from tests.live_driver import advance, demo_app, frozen_clock, press_then_choose, report_shown
from tui.app import make_app
from tui.screens.devices import DEVICE_VIEWS, Device
from tui.themes import THEMES

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def live(pilot: Pilot[Any]) -> None:
    await press_then_choose(pilot, "m", "Tom Gallagher")
    for name in ("Margaret Okafor", "Priya Sharma", "Joan Whitfield", "Aisha Begum"):
        await press_then_choose(pilot, "h", name)
    await pilot.press("s")
    await advance(pilot, 26 * 60)


async def projector(pilot: Pilot[Any]) -> None:
    await live(pilot)
    await pilot.press("v")


async def home(pilot: Pilot[Any]) -> None:
    await pilot.press("escape")


async def form(pilot: Pilot[Any]) -> None:
    await pilot.press("d", "ctrl+s")  # with its refusal shown


async def help_screen(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


async def floor(pilot: Pilot[Any]) -> None:
    await live(pilot)
    await pilot.press("f")


async def evaluation(pilot: Pilot[Any]) -> None:
    await live(pilot)
    await pilot.press("E")
    await report_shown(pilot)


async def prepare(pilot: Pilot[Any]) -> None:
    await pilot.press("escape", "P")


async def devices(pilot: Pilot[Any]) -> None:
    await pilot.press("D")


async def vote(pilot: Pilot[Any]) -> None:
    await pilot.press("escape", "P", "v")


async def agenda(pilot: Pilot[Any]) -> None:
    await pilot.press("escape", "P", "b")


async def time_and_place(pilot: Pilot[Any]) -> None:
    await pilot.press("escape", "P", "t")


async def roles(pilot: Pilot[Any]) -> None:
    await pilot.press("escape", "P", "r")


SCREENS: dict[str, Steps] = {
    "home": home,
    "live": live,
    "projector": projector,
    "form": form,
    "help": help_screen,
    "floor": floor,
    "evaluation": evaluation,
    "prepare": prepare,
    "devices": devices,
    "vote": vote,
    "agenda": agenda,
    "time-and-place": time_and_place,
    "roles": roles,
}
SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", [t.name for t in THEMES])
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_in_theme(
    snap_compare: SnapCompare, tmp_path: Path, screen: str, theme: str, size: str
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())

    async def run_before(pilot: Pilot[Any]) -> None:
        app.theme = theme
        await SCREENS[screen](pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", [t.name for t in THEMES])
@pytest.mark.parametrize("view", DEVICE_VIEWS)
def test_own_device_view_in_theme(
    snap_compare: SnapCompare, tmp_path: Path, view: str, theme: str, size: str
) -> None:
    """The minute-taker's and an attendee's own devices, with the meeting under way."""
    clock = frozen_clock()
    projector = demo_app(tmp_path / "c.db", clock)
    group_id = records.get_meeting(projector.db, projector.meeting_id or "").group_id
    tom = records.find_member(projector.db, group_id, "Tom Gallagher").id
    meeting = LiveMeeting(projector.db, projector.meeting_id or "", clock)
    meeting.do(lambda s: rules.start_meeting(s, [tom]))
    meeting.do(lambda s: rules.hand_role(s, rules.MINUTE_TAKER, tom))
    meeting.do(lambda s: rules.raise_hand(s, tom))
    app = make_app(projector.db, projector.meeting_id, clock, Device(view, tom))

    async def run_before(pilot: Pilot[Any]) -> None:
        app.theme = theme
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
