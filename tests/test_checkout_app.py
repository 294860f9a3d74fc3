"""Check-out on the live screen, and the evaluation opened from it, as a facilitator would."""

from pathlib import Path

from textual.widgets import OptionList, Select, Static

from session.live import fold
from store.db import open_db
from store.log import load
from tests.live_driver import (
    demo_app,
    frozen_clock,
    member_id,
    press_then_choose,
    report_shown,
    select,
)
from tui.screens.checkout import CheckoutForm
from tui.screens.evaluation import EvaluationScreen


async def test_each_persons_check_out_is_saved_and_shown_in_the_evaluation(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("x")
        assert "C: check-out · E: evaluation" in str(
            app.screen.query_one("#status-banner", Static).render()
        )
        await press_then_choose(pilot, "C", "Tom Gallagher")
        assert isinstance(app.screen, CheckoutForm)
        overlay = app.screen.query_one("#answer-0", Select).query_one("SelectOverlay", OptionList)
        labels = [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]
        assert labels[1:] == ["✔ Yes", "◐ Partly", "✘ No", "○ Pass"]

        await select(pilot, "#answer-0", "yes")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CheckoutForm)  # two questions still unanswered
        assert "Please choose an answer, or Pass, for “Could you say what mattered to you?”" in (
            str(app.screen.query_one(".form-error", Static).render())
        )

        await select(pilot, "#answer-1", "partly")
        await select(pilot, "#answer-2", "pass")
        await select(pilot, "#rung", "co-design")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, CheckoutForm)

        tom = member_id(pilot, "Tom Gallagher")
        db = open_db(tmp_path / "m.db")
        meeting_id = app.meeting_id
        assert meeting_id is not None
        [saved] = fold(meeting_id, load(db, meeting_id)).checkouts
        assert (saved.member_id, saved.answers, saved.rung) == (
            tom,
            ("yes", "partly", "pass"),
            "co-design",
        )

        await pilot.press("E")
        await report_shown(pilot)
        assert isinstance(app.screen, EvaluationScreen)
        shown = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "1 person checked out." in shown
        assert "1 of 1 who answered said yes." in shown
        assert "1 person said co-design." in shown
