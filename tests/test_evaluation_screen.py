"""The evaluation screen: the same report and charts as the exports, drawn in the terminal."""

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database
from textual.pilot import Pilot
from textual.widgets import Static

from session.clock import FrozenClock
from session.report import Report
from store.db import open_db
from store.demo import DEMO_GROUP, create_demo
from store.demo_history import FIRST, create_demo_history
from store.records import find_meeting
from tests.live_driver import report_shown
from tui.app import CoproduceApp, make_app
from tui.screens.evaluation import EvaluationScreen
from tui.screens.help import HelpScreen
from tui.screens.report_screen import NOT_BUILT, WORKING

SnapCompare = Callable[..., bool]
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def app_with_history(path: Path) -> CoproduceApp:
    db = open_db(path)
    clock = FrozenClock(NOW)
    create_demo(db, clock)
    create_demo_history(db, DEMO_GROUP, clock)
    return make_app(db, None, clock)


async def open_first_meeting(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, CoproduceApp)
    await app.push_screen(EvaluationScreen(app.db, find_meeting(app.db, FIRST).id, app.clock))
    await report_shown(pilot)


def everything_shown(pilot: Pilot[Any]) -> str:
    return "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))


async def test_the_screen_shows_the_meetings_charts_in_words_and_bars(tmp_path: Path) -> None:
    app = app_with_history(tmp_path / "c.db")
    async with app.run_test(size=(100, 40)) as pilot:
        await open_first_meeting(pilot)
        shown = everything_shown(pilot)
        assert "Power balance: Planning the year together" in shown
        assert "Priya Sharma (professional)\n  ████████████████████████████" in shown
        assert "16 min · 3 turns · 42%" in shown
        assert "How evenly time was shared (Gini coefficient): 0.56." in shown

        await pilot.press("o")
        await report_shown(pilot)
        shown = everything_shown(pilot)
        assert "Power balance over time: Riverside Care Forum (example)" in shown
        assert "You said, we did" in shown

        await pilot.press("escape")
        assert not isinstance(app.screen, EvaluationScreen)


async def test_the_report_is_worked_out_aside_and_keys_answer_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over years of meetings a report takes seconds: the screen must not freeze meanwhile."""
    finish = threading.Event()
    build = EvaluationScreen.report

    def slow(screen: EvaluationScreen, db: Database, over_time: bool) -> Report:
        finish.wait(timeout=10)
        return build(screen, db, over_time)

    monkeypatch.setattr(EvaluationScreen, "report", slow)
    app = app_with_history(tmp_path / "c.db")
    async with app.run_test(size=(100, 40)) as pilot:
        await app.push_screen(EvaluationScreen(app.db, find_meeting(app.db, FIRST).id, app.clock))
        await pilot.pause()
        assert WORKING in everything_shown(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        finish.set()
        await report_shown(pilot)
        assert "Power balance: Planning the year together" in everything_shown(pilot)


async def test_a_report_that_cannot_be_worked_out_says_why_and_the_app_carries_on(
    tmp_path: Path,
) -> None:
    app = app_with_history(tmp_path / "c.db")
    async with app.run_test(size=(100, 40)) as pilot:
        (tmp_path / "c.db").rename(tmp_path / "moved.db")  # moved away while the app is open
        await app.push_screen(EvaluationScreen(app.db, find_meeting(app.db, FIRST).id, app.clock))
        await report_shown(pilot)
        assert NOT_BUILT in everything_shown(pilot)
        assert any("c.db" in str(n.message) for n in app._notifications)
        assert not (tmp_path / "c.db").exists()  # no new, empty file in its place
        await pilot.press("escape")
        assert not isinstance(app.screen, EvaluationScreen)


SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 45), id="160x45")]


@pytest.mark.parametrize("size", SIZES)
def test_evaluation_screen(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with_history(tmp_path / "c.db")
    assert snap_compare(app, terminal_size=size, run_before=open_first_meeting)


def test_evaluation_screen_over_time(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = app_with_history(tmp_path / "c.db")

    async def over_time(pilot: Pilot[Any]) -> None:
        await open_first_meeting(pilot)
        await pilot.press("o")
        await report_shown(pilot)
        await pilot.press("pagedown")

    assert snap_compare(app, terminal_size=(160, 45), run_before=over_time)


async def test_the_list_of_meetings_shows_due_reviews_and_opens_an_evaluation(
    tmp_path: Path,
) -> None:
    app = app_with_history(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        reviews = str(app.screen.query_one("#home-reviews", Static).render())
        assert "⏰ Review due Sunday 1 November 2026: “Carers can book a short break" in reviews

        await pilot.press("down", "E")  # the newest meeting is first; the one before it held
        await report_shown(pilot)
        assert isinstance(app.screen, EvaluationScreen)
        assert "Power balance: Transport and short breaks: a first look" in everything_shown(pilot)
