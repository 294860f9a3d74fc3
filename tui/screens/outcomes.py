"""The outcomes screen: what success looks like for a group, in its own words, how each outcome
is measured and reviewed, whether a review is due, and every review so far with the trend,
drawn with the same charts as the evaluation screen."""

from datetime import date

from sqlite_utils import Database
from textual.binding import Binding

from session.clock import Clock
from session.history import outcome_progress
from session.outcomes import Outcome, Review, is_due, review_status
from session.pseudonyms import Names, as_consented
from session.report import Block, Paragraph, Report
from session.setup import Group, Member
from store.evaluation import group_outcomes
from store.records import get_group, members_of
from tui.literal import tell
from tui.screens.outcome_forms import OutcomeForm, ReviewForm
from tui.screens.report_screen import ReportScreen

NONE_YET = "The group has not said what success looks like yet. Press a to add an outcome."


def outcomes_report(
    group: Group,
    outcomes: list[tuple[Outcome, list[Review]]],
    members: list[Member],
    today: date,
) -> Report:
    """Each outcome with whether its review is due (in words and a symbol), then how it is
    measured and reviewed, and its reviews with the trend."""
    due = sum(is_due(o, r, today) for o, r in outcomes)
    blocks: list[Block] = [
        Paragraph(
            f"What success looks like for {group.name}, in the group's own words: "
            f"{len(outcomes)} outcome{'' if len(outcomes) == 1 else 's'}, "
            f"{due} review{'' if due == 1 else 's'} due."
            if outcomes
            else NONE_YET
        )
    ]
    names = Names.of(members)
    for outcome, reviews in outcomes:
        heading, *rest = outcome_progress([(outcome, reviews)], names)[1:]
        blocks += [heading, Paragraph(review_status(outcome, reviews, today)), *rest]
    return as_consented(Report(f"Outcomes: {group.name}", tuple(blocks)), members)


class OutcomesScreen(ReportScreen):
    BINDINGS = [
        Binding(
            "a",
            "add_outcome",
            "Add an outcome",
            tooltip="Say what success looks like, how it is measured and when it is reviewed.",
            id="outcomes.add_outcome",
        ),
        Binding(
            "r",
            "add_review",
            "Record a review",
            tooltip="Progress on the group's scale, with the evidence and who said it.",
            id="outcomes.add_review",
        ),
        Binding(
            "escape",
            "dismiss",
            "Back",
            tooltip="Go back to where you were.",
            id="outcomes.back",
        ),
    ]

    def __init__(self, db: Database, group_id: str, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.group = get_group(db, group_id)
        self.clock = clock

    def on_mount(self) -> None:
        self.show()

    def today(self) -> date:
        return self.clock().astimezone().date()

    def outcomes(self) -> list[tuple[Outcome, list[Review]]]:
        return group_outcomes(self.db, self.group.id)

    def show(self) -> None:
        """Read the outcomes afresh from the database and show them."""
        report = outcomes_report(
            self.group, self.outcomes(), members_of(self.db, self.group.id), self.today()
        )
        self.show_report(
            f"{report.title} · ↑↓ scroll · a adds an outcome · r records a review", report
        )

    def action_add_outcome(self) -> None:
        self.open_form(OutcomeForm(self.db, self.group, self.clock))

    def action_add_review(self) -> None:
        outcomes = self.outcomes()
        if not outcomes:
            self.notify(
                "There is no outcome to review yet. Press a to add one.",
                title="Not yet",
                severity="warning",
            )
            return
        self.open_form(
            ReviewForm(self.db, outcomes, members_of(self.db, self.group.id), self.clock)
        )

    def open_form(self, form: OutcomeForm | ReviewForm) -> None:
        """Open `form`; once what it saved is committed, show the outcomes afresh."""

        def after(saved: bool | None) -> None:
            if saved:
                self.show()
                tell(self, form.done, "Outcomes")

        self.app.push_screen(form, after)
