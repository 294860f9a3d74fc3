"""The group's own check-out questions, set from the command line: checked, kept and asked."""

from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from session.checkout import DEFAULT_QUESTIONS
from session.checkout_questions import MOST_QUESTIONS, group_questions
from session.errors import DomainError
from store import records
from store.db import open_db
from store.evaluation import checkout_questions, save_checkout_questions
from store.records import groups
from tests.cli_runner import coproduce, refused, saved
from tests.live_driver import demo_app, fill, frozen_clock, press_then_choose
from tui.screens.checkout import CheckoutForm
from tui.screens.checkout_questions import CheckoutQuestionsForm


def test_questions_are_kept_as_typed_and_refused_kindly() -> None:
    assert group_questions(["  Did you feel heard? ", "[b]What[/b] next?"]) == (
        "Did you feel heard?",
        "[b]What[/b] next?",
    )
    with pytest.raises(DomainError, match="at least one question"):
        group_questions([])
    with pytest.raises(DomainError, match="Please type question 2: it can't be left empty"):
        group_questions(["One?", "   "])
    with pytest.raises(DomainError, match="Please keep question 1 to 200 characters"):
        group_questions(["x" * 201])
    with pytest.raises(DomainError, match="Question 3 is the same as question 1"):
        group_questions(["Was the pace right?", "Other?", "was the  PACE right?"])
    with pytest.raises(DomainError, match=f"keep the check-out to {MOST_QUESTIONS} or fewer"):
        group_questions([f"Q{n}?" for n in range(MOST_QUESTIONS + 1)])


def test_the_group_sets_its_questions_sees_them_and_goes_back_to_the_defaults() -> None:
    coproduce("group", "new", "Riverside")
    shown = coproduce("group", "questions")
    assert shown.exit_code == 0
    assert "1. Did you feel heard?" in shown.output

    result = coproduce("group", "questions", "Did you feel heard?", "What should we do next?")
    assert result.exit_code == 0, result.output
    assert "2. What should we do next?" in result.output
    group_id = groups(saved())[0].id
    assert checkout_questions(saved(), group_id) == (
        "Did you feel heard?",
        "What should we do next?",
    )
    assert "2. What should we do next?" in coproduce("group", "questions").output

    assert coproduce("group", "questions", "--default").exit_code == 0
    assert checkout_questions(saved(), group_id) == DEFAULT_QUESTIONS


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (["Fine?", " "], "Please type question 2: it can't be left empty."),
        (["Fine?", "fine?"], "Question 2 is the same as question 1"),
        ([f"Q{n}?" for n in range(7)], "Please keep the check-out to 6 or fewer"),
        (["--default", "Fine?"], "either --default or your own questions, not both"),
    ],
)
def test_refused_questions_leave_the_groups_questions_alone(typed: list[str], message: str) -> None:
    coproduce("group", "new", "Riverside")
    coproduce("group", "questions", "Did you feel heard?", "What next?")
    refused(coproduce("group", "questions", *typed), message)
    group_id = groups(saved())[0].id
    assert checkout_questions(saved(), group_id) == ("Did you feel heard?", "What next?")


async def test_the_group_sets_its_questions_in_the_app_and_the_check_out_asks_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.db"
    app = demo_app(path, frozen_clock())
    async with app.run_test(size=(100, 40)) as pilot:
        group_id = records.get_meeting(app.db, app.meeting_id or "").group_id
        await pilot.press("E", "Q")
        assert isinstance(app.screen, CheckoutQuestionsForm)
        assert app.screen.query_one("#question-0", Input).value == DEFAULT_QUESTIONS[0]
        await fill(pilot, "#question-1", "What should we [b]do[/b] next time?")
        await fill(pilot, "#question-2", "")
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, CheckoutQuestionsForm)
        asked = ("Did you feel heard?", "What should we [b]do[/b] next time?")
        assert checkout_questions(open_db(path), group_id) == asked

        await pilot.press("Q")
        await fill(pilot, "#question-1", "did you feel   HEARD?")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, CheckoutQuestionsForm)
        assert "Question 2 is the same as question 1" in str(
            app.screen.query_one(".form-error", Static).render()
        )
        await pilot.press("escape", "escape")
        assert checkout_questions(open_db(path), group_id) == asked

        await press_then_choose(pilot, "C", "Tom Gallagher")
        assert isinstance(app.screen, CheckoutForm)
        shown = [str(label.render()) for label in app.screen.query(".checkout-question")]
        assert shown == list(asked)


async def test_the_form_goes_back_to_the_default_questions(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    app = demo_app(path, frozen_clock())
    async with app.run_test(size=(100, 40)) as pilot:
        group_id = records.get_meeting(app.db, app.meeting_id or "").group_id
        save_checkout_questions(app.db, group_id, ("Only this?",), app.clock)
        await pilot.press("E", "Q")
        assert app.screen.query_one("#question-1", Input).value == ""
        app.screen.query_one("#default", Checkbox).value = True
        await pilot.press("ctrl+s")
        assert not isinstance(app.screen, CheckoutQuestionsForm)
        assert checkout_questions(open_db(path), group_id) == DEFAULT_QUESTIONS
