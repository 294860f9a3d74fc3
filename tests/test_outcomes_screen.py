"""The outcomes screen: the group's outcomes in its own words, whether a review is due, and the
reviews with their trend; the forms that add an outcome and record a review."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from session.clock import FrozenClock
from store.db import open_db
from store.demo import DEMO_GROUP, create_demo
from store.demo_history import create_demo_history
from store.outcomes import outcomes_of, reviews_of
from store.plan import load_plan
from store.records import find_group, find_member
from tests.contrast import shown_text
from tests.live_driver import fill, report_shown, select
from tui.app import CoproduceApp, make_app
from tui.screens.evaluation import EvaluationScreen
from tui.screens.outcome_forms import OutcomeForm, ReviewForm
from tui.screens.outcomes import OutcomesScreen
from tui.themes import THEMES

SnapCompare = Callable[..., bool]
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
SHORT_BREAKS = "Carers can book a short break without help"
SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


def app_with_outcomes(path: Path, made: bool = False) -> CoproduceApp:
    """The example group with its history: one outcome reviewed once, one whose review is due.
    With `made`, the database already exists and is only opened, as after a restart."""
    db = open_db(path)
    clock = FrozenClock(NOW)
    if not made:
        create_demo(db, clock)
        create_demo_history(db, DEMO_GROUP, clock)
    return make_app(db, None, clock)


def everything_shown(pilot: Pilot[Any]) -> str:
    return "\n".join(str(s.render()) for s in pilot.app.screen.query(Static))


def counts(path: Path) -> tuple[int, int, int]:
    db = open_db(path)
    return db["outcomes"].count, db["reviews"].count, db["group_events"].count


async def open_outcomes(pilot: Pilot[Any]) -> None:
    await pilot.press("O")
    await pilot.pause()
    assert isinstance(pilot.app.screen, OutcomesScreen)


async def test_the_screen_shows_each_outcome_whether_it_is_due_and_the_trend(
    tmp_path: Path,
) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        shown = everything_shown(pilot)
        assert "2 outcomes, 1 review due." in shown
        assert "People get to day services on time, every time" in shown
        assert "○ Not due yet: next review Tuesday 1 December 2026." in shown
        assert "Reviewed every month: next review Tuesday 1 December 2026." in shown
        assert "Thursday 29 October 2026\n  ██████ 1 of 5 · first review" in shown
        assert "At the latest review progress was 1 of 5 (first review)." in shown
        assert SHORT_BREAKS in shown
        assert "⏰ REVIEW DUE since Sunday 1 November 2026." in shown
        assert "Not reviewed yet." in shown

        await pilot.press("escape")
        assert not isinstance(app.screen, OutcomesScreen)


async def test_an_outcome_added_in_the_form_is_saved_and_shown_after_a_restart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.db"
    words = "Nobody waits [bold]more[/bold] than 10 minutes"
    app = app_with_outcomes(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, OutcomeForm)
        await fill(pilot, "#text", words)
        await fill(pilot, "#measure", "Minutes waited, from the drivers' log")
        await select(pilot, "#evidence", "number")
        await fill(pilot, "#schedule", "every 3 months")
        assert "→ first review Friday 26 February 2027, then again and again" in str(
            app.screen.query_one("#schedule-read-back", Static).render()
        )
        await fill(pilot, "#scale", "10")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomesScreen)
        assert words in everything_shown(pilot)

    group = find_group(open_db(path), DEMO_GROUP)
    [saved] = [o for o in outcomes_of(open_db(path), group.id) if o.text == words]
    assert (saved.evidence, saved.scale_top, saved.first_review) == (
        "number",
        10,
        date(2027, 2, 26),
    )
    assert "FREQ=MONTHLY;INTERVAL=3" in saved.rrule

    again = app_with_outcomes(path, made=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        shown = everything_shown(pilot)
        assert words in shown
        assert "3 outcomes, 1 review due." in shown
        assert "○ Not due yet: next review Friday 26 February 2027." in shown


async def test_a_review_recorded_in_the_form_is_saved_and_shown_after_a_restart(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.db"
    story = "Booked one myself [b]online[/b] for the first time"
    app = app_with_outcomes(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, ReviewForm)
        assert app.screen.outcome().text == SHORT_BREAKS  # the one that is due comes first
        await fill(pilot, "#progress", "2")
        await fill(pilot, "#story", story)
        group = find_group(app.db, DEMO_GROUP)
        await select(pilot, "#member", find_member(app.db, group.id, "Joan Whitfield").id)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomesScreen)
        shown = everything_shown(pilot)
        assert "2 outcomes, 0 reviews due." in shown
        assert "✔ Reviewed: no further review planned." in shown

    db = open_db(path)
    [outcome] = [o for o in outcomes_of(db, group.id) if o.text == SHORT_BREAKS]
    [review] = reviews_of(db, outcome.id)
    assert (review.progress, review.story, review.reviewed_on) == (2, story, date(2026, 11, 26))
    assert review.said_by_member == find_member(db, group.id, "Joan Whitfield").id

    again = app_with_outcomes(path, made=True)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        shown = everything_shown(pilot)
        assert "Thursday 26 November 2026\n  ████████████ 2 of 5 · first review" in shown
        assert f"Thursday 26 November 2026, said Joan Whitfield: {story}." in shown


async def test_a_second_review_shows_the_trend_in_words(tmp_path: Path) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, ReviewForm)
        on_time = next(o for o, _ in app.screen.outcomes.values() if o.text != SHORT_BREAKS)
        await select(pilot, "#outcome", on_time.id)
        assert "Progress, from 0 to 5" in str(app.screen.query_one("#progress-label").render())
        await fill(pilot, "#progress", "3")
        await fill(pilot, "#number", "2")
        await fill(pilot, "#said-by", "The transport manager")
        await pilot.press("ctrl+s")
        shown = everything_shown(pilot)
        assert "3 of 5 · ↑ up 2" in shown
        assert "At the latest review progress was 3 of 5 (↑ up 2)." in shown
        assert "said The transport manager: the number was 2." in shown


REFUSED_OUTCOMES = [
    ({"#measure": "Stories", "#schedule": "in 6 months"}, "Please type what success looks like"),
    ({"#text": "Fewer late pick-ups", "#schedule": "in 6 months"}, "how it will be measured"),
    ({"#text": "Fewer", "#measure": "Stories", "#schedule": "whenever"}, "doesn't read as a date"),
    (
        {"#text": "Fewer", "#measure": "Stories", "#schedule": "in 6 months", "#scale": "0"},
        "The top of the scale must be a whole number from 1 to 100",
    ),
]


@pytest.mark.parametrize(("typed", "message"), REFUSED_OUTCOMES)
async def test_a_refused_outcome_says_why_and_saves_nothing(
    tmp_path: Path, typed: dict[str, str], message: str
) -> None:
    path = tmp_path / "c.db"
    app = app_with_outcomes(path)
    before = counts(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("a")
        for selector, text in typed.items():
            await fill(pilot, selector, text)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomeForm)
        assert message in str(app.screen.query_one(".form-error", Static).render())
    assert counts(path) == before


REFUSED_REVIEWS = [
    ({"#progress": ""}, "Please give the progress, from 0 to 5"),
    ({"#progress": "6", "#story": "Good"}, "Progress is on the group's scale, from 0 to 5"),
    ({"#progress": "2"}, "Please give the evidence: a story, a number, or both."),
    ({"#progress": "2", "#number": "1e"}, "Please give the number in digits"),
    ({"#progress": "2", "#story": "Good", "#held": "2027-01-05"}, "hasn't happened yet"),
    ({"#progress": "2", "#story": "Good", "#held": "last week"}, "as 2026-11-03"),
    (
        {"#progress": "2", "#story": "Good", "#said-by": "Ann", "#member": "Joan Whitfield"},
        "Please choose a member or type who said it, not both.",
    ),
]


@pytest.mark.parametrize(("typed", "message"), REFUSED_REVIEWS)
async def test_a_refused_review_says_why_and_saves_nothing(
    tmp_path: Path, typed: dict[str, str], message: str
) -> None:
    path = tmp_path / "c.db"
    app = app_with_outcomes(path)
    before = counts(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("r")
        group = find_group(app.db, DEMO_GROUP)
        for selector, text in typed.items():
            if selector == "#member":
                await select(pilot, selector, find_member(app.db, group.id, text).id)
            else:
                await fill(pilot, selector, text)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ReviewForm)
        assert message in str(app.screen.query_one(".form-error", Static).render())
    assert counts(path) == before


async def test_with_no_outcome_yet_the_screen_says_how_to_add_one(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    clock = FrozenClock(NOW)
    create_demo(db, clock)
    app = make_app(db, None, clock)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_outcomes(pilot)
        assert "has not said what success looks like yet. Press a" in everything_shown(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, OutcomesScreen)
        assert any("no outcome to review yet" in str(n.message) for n in app._notifications)


async def test_the_evaluation_screen_opens_the_outcomes_too(tmp_path: Path) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E", "O")
        await pilot.pause()
        assert isinstance(app.screen, OutcomesScreen)
        await pilot.press("escape")
        await report_shown(pilot)
        assert "Power balance" in everything_shown(pilot)


async def test_every_key_of_the_outcomes_screen_is_in_the_palette(tmp_path: Path) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Add an outcome", "Record a review", "Back"} <= titles
        await pilot.press("escape", "E")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Outcomes", "Check-out questions"} <= titles


async def test_the_outcomes_screen_reaches_7_to_1_in_every_theme(tmp_path: Path) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_outcomes(pilot)
        for theme in THEMES:
            app.theme = theme.name
            await pilot.pause()
            shown = shown_text(app.screen)
            assert len(shown) > 3
            faint = {(s.text.strip(), round(s.ratio, 2)) for s in shown if s.ratio < 7}
            assert not faint, f"below 7:1 in {theme.name}: {sorted(faint)}"


@pytest.mark.parametrize("size", SIZES)
def test_outcomes_screen(snap_compare: SnapCompare, tmp_path: Path, size: str) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    assert snap_compare(app, terminal_size=SIZES[size], run_before=open_outcomes)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", [t.name for t in THEMES])
def test_outcomes_screen_in_theme(
    snap_compare: SnapCompare, tmp_path: Path, theme: str, size: str
) -> None:
    app = app_with_outcomes(tmp_path / "c.db")

    async def run_before(pilot: Pilot[Any]) -> None:
        app.theme = theme
        await open_outcomes(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


async def test_an_outcome_can_say_which_issue_it_answers(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    app = app_with_outcomes(path)
    group = find_group(app.db, DEMO_GROUP)
    issue = load_plan(app.db, group.id).open_issues[0]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("a")
        await fill(pilot, "#text", "Pick-ups on time")
        await fill(pilot, "#measure", "Late pick-ups a month")
        await fill(pilot, "#schedule", "in 6 months")
        await select(pilot, "#issue", issue.id)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomesScreen)

    [saved] = [o for o in outcomes_of(open_db(path), group.id) if o.text == "Pick-ups on time"]
    assert saved.issue_ids == (issue.id,)


async def test_escape_codes_typed_into_an_outcome_are_shown_not_obeyed_in_the_notice(
    tmp_path: Path,
) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outcomes(pilot)
        await pilot.press("a")
        await fill(pilot, "#text", "Clear \x1b[2J\x1b[5;41mHIJACK")
        await fill(pilot, "#measure", "Calls")
        await fill(pilot, "#schedule", "in 6 months")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OutcomesScreen)
        [notice] = [str(n.message) for n in app._notifications if "HIJACK" in str(n.message)]
        assert "\x1b" not in notice and "␛[2J" in notice


async def test_the_evaluation_screen_shows_a_review_recorded_from_it(tmp_path: Path) -> None:
    app = app_with_outcomes(tmp_path / "c.db")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("o")  # the group over time, where outcomes are
        await pilot.press("O")
        await pilot.pause()
        await pilot.press("r")
        await fill(pilot, "#progress", "4")
        await fill(pilot, "#story", "Booked one online by herself")
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await report_shown(pilot)
        assert isinstance(app.screen, EvaluationScreen)
        assert "Booked one online by herself" in everything_shown(pilot)
