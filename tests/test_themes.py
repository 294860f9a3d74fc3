"""Legible from the back of the room: every piece of text on every screen, in each of the three
themes, measures at least 7:1 against what is behind it; the group's theme is remembered."""

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.pilot import Pilot

from store import settings
from store.db import open_db
from tests.contrast import contrast, shown_text
from tests.live_driver import advance, demo_app, frozen_clock, press_then_choose
from tui.app import make_app
from tui.themes import DEFAULT_THEME, THEMES

AAA = 7.0
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def live(pilot: Pilot[Any]) -> None:
    await press_then_choose(pilot, "m", "Tom Gallagher")
    for name in ("Priya Sharma", "Joan Whitfield"):
        await press_then_choose(pilot, "h", name)
    await pilot.press("s")
    await advance(pilot, 30 * 60)  # over time: the warning colours


async def on_a_break(pilot: Pilot[Any]) -> None:
    await pilot.press("b")


async def projector(pilot: Pilot[Any]) -> None:
    await live(pilot)
    await pilot.press("v")


async def help_screen(pilot: Pilot[Any]) -> None:
    await pilot.press("question_mark")


async def decision_form_with_an_error(pilot: Pilot[Any]) -> None:
    await pilot.press("d", "ctrl+s")


async def person_picker(pilot: Pilot[Any]) -> None:
    await pilot.press("h")


async def home(pilot: Pilot[Any]) -> None:
    await pilot.press("escape")


async def refusal_notice(pilot: Pilot[Any]) -> None:
    await pilot.press("e")  # nobody is speaking: a warning toast


SCREENS: dict[str, Steps] = {
    "live": live,
    "on a break": on_a_break,
    "projector": projector,
    "help": help_screen,
    "form": decision_form_with_an_error,
    "person picker": person_picker,
    "home": home,
    "refusal": refusal_notice,
}


def test_wcag_contrast_is_computed_as_the_standard_says() -> None:
    assert contrast(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    assert contrast(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", [t.name for t in THEMES])
@pytest.mark.parametrize("screen", SCREENS)
async def test_all_text_reaches_7_to_1(tmp_path: Path, theme: str, screen: str) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        app.theme = theme
        await SCREENS[screen](pilot)
        await pilot.pause()
        shown = shown_text(app.screen)
        assert len(shown) > 3, "nothing measured"
        faint = {(s.text.strip(), round(s.ratio, 2)) for s in shown if s.ratio < AAA}
        assert not faint, f"below {AAA}:1 in {theme}: {sorted(faint)}"


async def test_the_group_keeps_the_theme_it_chose(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    app = demo_app(path, frozen_clock())
    group_id = ""
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DEFAULT_THEME == "high-contrast-dark"
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "high-contrast-light"
        group_id = app.screen.group.id  # type: ignore[attr-defined]
        assert settings.group_theme(app.db, group_id) == "high-contrast-light"
        app.theme = "colour-blind-safe"  # as the command palette's "Change theme" does
        await pilot.pause()
    assert settings.group_theme(open_db(path), group_id) == "colour-blind-safe"

    again = make_app(open_db(path), app.meeting_id, frozen_clock())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "colour-blind-safe"


async def test_a_theme_that_no_longer_exists_falls_back_to_the_default(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    app = demo_app(path, frozen_clock())
    db = app.db
    group_id = db.execute("SELECT id FROM groups").fetchone()[0]
    settings.remember_group_theme(db, group_id, "a-theme-from-an-old-version", app.clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
