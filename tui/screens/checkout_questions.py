"""The group's own check-out questions, set in the app: one box a question, empty boxes left
out, or back to the default questions."""

from sqlite_utils import Database
from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Label

from session.checkout import DEFAULT_QUESTIONS
from session.checkout_questions import MOST_QUESTIONS, group_questions
from session.clock import Clock
from store.evaluation import checkout_questions, save_checkout_questions
from tui.screens.form import FormScreen
from tui.widgets.ticks import TickBox


class CheckoutQuestionsForm(FormScreen):
    heading = "The group's check-out questions"

    def __init__(self, db: Database, group_id: str, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.group_id = group_id
        self.clock = clock
        self.chosen: tuple[str, ...] = ()

    def fields(self) -> ComposeResult:
        yield Label(
            "Each person answers these at the end of a meeting: Yes, Partly, No, or Pass. "
            f"Up to {MOST_QUESTIONS}; leave a box empty for fewer."
        )
        current = checkout_questions(self.db, self.group_id)
        for number in range(MOST_QUESTIONS):
            yield Label(f"Question {number + 1}")
            asked = current[number] if number < len(current) else ""
            yield Input(asked, id=f"question-{number}")
        yield TickBox("Go back to the default questions", id="default")

    def save(self) -> None:
        if self.query_one("#default", Checkbox).value:
            chosen: tuple[str, ...] = DEFAULT_QUESTIONS
        else:
            typed = [self.query_one(f"#question-{n}", Input).value for n in range(MOST_QUESTIONS)]
            chosen = group_questions([q for q in typed if q.strip()])
        save_checkout_questions(self.db, self.group_id, chosen, self.clock)
        self.chosen = chosen
