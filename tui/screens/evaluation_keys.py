"""The evaluation keys of a meeting's main screen: record each person's check-out, and open the
evaluation of the meeting. A mixin for the live screen, which provides the meeting, its group and
members, and shows the state."""

from textual.binding import Binding
from textual.screen import Screen

from session.setup import Group, Member
from store.live import LiveMeeting

CHECKED_OUT = "  ✔ checked out"


EVALUATION_BINDINGS = [
    Binding(
        "C",
        "checkout",
        "Check-out",
        show=False,
        tooltip="Each person says if they felt heard, could say what mattered, and the pace.",
        id="live.checkout",
    ),
    Binding(
        "E",
        "evaluate",
        "Evaluation",
        show=False,
        tooltip="Who spoke and for how long, whose items got the time, and the check-out.",
        id="live.evaluate",
    ),
]


class EvaluationKeys(Screen[None]):
    """The actions of `EVALUATION_BINDINGS`, which the live screen lists after its own keys."""

    meeting: LiveMeeting
    group: Group
    members: list[Member]

    def action_checkout(self) -> None:
        from store.evaluation import checkout_questions
        from tui.screens.checkout import CheckoutForm
        from tui.screens.forms import PersonPicker

        state = self.meeting.state
        if state.started_at is None:
            self.notify("Check-out happens once the meeting has started.", title="Not yet")
            return
        questions = checkout_questions(self.meeting.db, self.group.id)
        people = [m for m in self.members if m.id in state.present] or self.members
        done = {c.member_id: CHECKED_OUT for c in state.checkouts}

        def chosen(member_id: str | None) -> None:
            if member_id is not None:
                form = CheckoutForm(self.meeting, member_id, self.person(member_id), questions)
                self.app.push_screen(form, self.after_checkout)

        self.app.push_screen(PersonPicker("Whose check-out is this?", people, done), chosen)

    def after_checkout(self, saved: bool | None) -> None:
        if saved:
            self.show_state()
            self.notify("Check-out saved. Press C for the next person.", title="Check-out")

    def person(self, member_id: str | None) -> str:
        raise NotImplementedError

    def show_state(self) -> None:
        raise NotImplementedError

    def action_evaluate(self) -> None:
        from tui.screens.evaluation import EvaluationScreen

        meeting = self.meeting
        self.app.push_screen(EvaluationScreen(meeting.db, meeting.meeting_id, meeting.clock))
