"""The evaluation screen: the power-balance report of a meeting, or of its group over time,
drawn in the terminal with the same charts as the HTML report: bars with numbers and words."""

from sqlite_utils import Database
from textual.binding import Binding

from session.clock import Clock
from session.history import history_report
from session.power import meeting_report
from session.pseudonyms import as_consented
from session.report import Report
from store.evaluation import group_outcomes, group_records, meeting_record
from store.plan import preparation
from store.records import get_meeting, members_of
from tui.literal import tell
from tui.screens.checkout_questions import CheckoutQuestionsForm
from tui.screens.outcomes import OutcomesScreen
from tui.screens.report_screen import ReportScreen


class EvaluationScreen(ReportScreen):
    BINDINGS = [
        Binding(
            "o",
            "toggle_scope",
            "Over time / this meeting",
            tooltip="Switch between this meeting and the group's meetings over time.",
            id="evaluation.toggle_scope",
        ),
        Binding(
            "O",
            "outcomes",
            "Outcomes",
            tooltip="What success looks like for the group, its reviews and the trend.",
            id="evaluation.outcomes",
        ),
        Binding(
            "Q",
            "checkout_questions",
            "Check-out questions",
            tooltip="The questions each person answers at the end of a meeting.",
            id="evaluation.checkout_questions",
        ),
        Binding(
            "escape",
            "app.pop_screen",
            "Back",
            tooltip="Go back to where you were.",
            id="evaluation.back",
        ),
    ]

    def __init__(self, db: Database, meeting_id: str, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.meeting_id = meeting_id
        self.clock = clock
        self.over_time = False

    def on_mount(self) -> None:
        self.show()

    def report(self, db: Database, over_time: bool) -> Report:
        record = meeting_record(db, self.meeting_id, self.clock)
        group_id = record.group.id
        prep = preparation(db, group_id)
        built = (
            history_report(
                record.group,
                group_records(db, group_id, self.clock),
                group_outcomes(db, group_id),
                prep,
            )
            if over_time
            else meeting_report(record, prep)
        )
        return as_consented(built, members_of(db, group_id))

    def show(self) -> None:
        scope = "the group over time" if self.over_time else "this meeting"
        title = f"Evaluation · {scope} · ↑↓ scroll · o switches view"
        over_time = self.over_time  # as it is now: the report is built in another thread
        self.show_report_when_built(title, self.db, lambda db: self.report(db, over_time))

    def action_toggle_scope(self) -> None:
        self.over_time = not self.over_time
        self.show()

    def group_id(self) -> str:
        return get_meeting(self.db, self.meeting_id).group_id

    def action_outcomes(self) -> None:
        """Reviews recorded there are part of this report: it is shown again on the way back."""
        self.app.push_screen(OutcomesScreen(self.db, self.group_id(), self.clock), self.back)

    def back(self, _: None) -> None:
        self.show()

    def action_checkout_questions(self) -> None:
        form = CheckoutQuestionsForm(self.db, self.group_id(), self.clock)

        def after(saved: bool | None) -> None:
            if saved:
                asked = " · ".join(form.chosen)
                tell(self, f"The check-out will ask: {asked}", "Saved")

        self.app.push_screen(form, after)
