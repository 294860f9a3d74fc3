"""Check-out: the facilitator enters each person's answers to the group's questions, on a scale
shown with words and symbols, or a pass; and, if they say, the rung of the ladder of
co-production where they felt the meeting sat."""

from textual.app import ComposeResult
from textual.widgets import Label, Select

from session.checkout import LADDER, SCALE, give_checkout, label
from session.errors import DomainError
from store.live import LiveMeeting
from tui.literal import literal
from tui.screens.form import FormScreen

NOT_SAID = "not said"


class CheckoutForm(FormScreen):
    heading = "Check-out"
    AUTO_FOCUS = "Select"

    def __init__(
        self, meeting: LiveMeeting, member_id: str, name: str, questions: tuple[str, ...]
    ) -> None:
        super().__init__()
        self.meeting = meeting
        self.member_id = member_id
        self.person_name = name
        self.questions = questions

    def fields(self) -> ComposeResult:
        yield Label(literal(f"{self.person_name}: choose an answer, or Pass, for each question."))
        for number, question in enumerate(self.questions):
            yield Label(literal(question), classes="checkout-question")
            yield Select(
                [(label(answer.key), answer.key) for answer in SCALE],
                prompt="Choose: ✔ Yes · ◐ Partly · ✘ No · ○ Pass",
                id=f"answer-{number}",
            )
        yield Label("Where did this meeting sit on the ladder of co-production? (optional)")
        yield Select(
            [(f"{rung.key}: {rung.meaning}", rung.key) for rung in reversed(LADDER)],
            prompt=NOT_SAID,
            id="rung",
        )

    def save(self) -> None:
        answers = []
        for number, question in enumerate(self.questions):
            chosen = self.query_one(f"#answer-{number}", Select).value
            if not isinstance(chosen, str):
                raise DomainError(f"Please choose an answer, or Pass, for “{question}”.")
            answers.append(chosen)
        rung = self.query_one("#rung", Select).value
        self.meeting.do(
            lambda s: give_checkout(
                s,
                self.member_id,
                self.questions,
                tuple(answers),
                rung if isinstance(rung, str) else "",
            )
        )
