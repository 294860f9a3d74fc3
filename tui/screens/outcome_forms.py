"""Forms for the group's outcomes: say what success looks like, and record a review of progress
with its evidence."""

import math
from datetime import date

from sqlite_utils import Database
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static

from session.clock import Clock
from session.dates import full_date
from session.errors import DomainError
from session.outcomes import (
    EVIDENCE,
    Outcome,
    Review,
    held_on,
    is_due,
    new_outcome,
    new_review,
    parse_schedule,
)
from session.setup import Group, Member
from store.outcomes import save_outcome, save_review
from store.plan import load_plan
from tui.literal import literal
from tui.screens.form import FormScreen
from tui.screens.forms import whole_number


class OutcomeForm(FormScreen):
    heading = "Add an outcome: what success looks like"

    def __init__(self, db: Database, group: Group, clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.group = group
        self.clock = clock
        self.done = ""
        self.issues = load_plan(db, group.id).open_issues

    def fields(self) -> ComposeResult:
        yield Label("What success looks like, in the group's own words")
        yield Input(id="text")
        yield Label("How it will be measured")
        yield Input(id="measure")
        yield Label("The evidence")
        yield Select([(e, e) for e in EVIDENCE], value=EVIDENCE[-1], id="evidence")
        yield Label("When it is reviewed (in 6 months, every 3 months, 3 March)")
        yield Input(id="schedule")
        yield Static("", id="schedule-read-back")
        yield Label("Progress is rated from 0 to")
        yield Input("5", id="scale", type="integer")
        yield Label("What the scale means (optional, e.g. 0 = not at all, 5 = every time)")
        yield Input(id="scale-words")
        yield Label("The issue it answers, raised before the meetings (optional)")
        yield Select(
            [(literal(f"{i.number}. {i.text}"), i.id) for i in self.issues],
            prompt="not from an issue",
            id="issue",
        )

    def today(self) -> date:
        return self.clock().astimezone().date()

    @on(Input.Changed, "#schedule")
    def read_back_schedule(self, event: Input.Changed) -> None:
        read_back = self.query_one("#schedule-read-back", Static)
        if not event.value.strip():
            read_back.update("")
            return
        try:
            first, rule = parse_schedule(event.value, self.today())
        except DomainError as error:
            read_back.update(literal(f"? {error}"))
            return
        again = ", then again and again" if rule else ""
        read_back.update(literal(f"→ first review {full_date(first)}{again}"))

    def save(self) -> None:
        evidence = self.query_one("#evidence", Select).value
        issue = self.query_one("#issue", Select).value
        outcome = new_outcome(
            self.group.id,
            self.query_one("#text", Input).value,
            self.query_one("#measure", Input).value,
            evidence if isinstance(evidence, str) else "",
            self.query_one("#schedule", Input).value,
            self.today(),
            whole_number(self.query_one("#scale", Input).value, "the top of the scale"),
            self.query_one("#scale-words", Input).value,
            (issue,) if isinstance(issue, str) else (),
        )
        save_outcome(self.db, outcome, self.clock)
        self.done = f"Added the outcome “{outcome.text}”."


class ReviewForm(FormScreen):
    heading = "Record a review of progress"
    AUTO_FOCUS = "Select"

    def __init__(
        self,
        db: Database,
        outcomes: list[tuple[Outcome, list[Review]]],
        members: list[Member],
        clock: Clock,
    ) -> None:
        super().__init__()
        self.db = db
        self.outcomes = {outcome.id: (outcome, reviews) for outcome, reviews in outcomes}
        self.members = members
        self.clock = clock
        self.done = ""

    def today(self) -> date:
        return self.clock().astimezone().date()

    def first_choice(self) -> str:
        """The first outcome whose review is due, else the first outcome."""
        due = [o.id for o, r in self.outcomes.values() if is_due(o, r, self.today())]
        return (due or list(self.outcomes))[0]

    def fields(self) -> ComposeResult:
        yield Label("Which outcome")
        yield Select(
            [(literal(o.text), o.id) for o, _ in self.outcomes.values()],
            value=self.first_choice(),
            allow_blank=False,
            id="outcome",
        )
        yield Label("", id="progress-label")
        yield Input(id="progress", type="integer")
        yield Label("", id="measure")
        yield Label("The story: what happened, in the words of whoever said it")
        yield Input(id="story")
        yield Label("The number, if it is measured by one")
        yield Input(id="number", type="number")
        yield Label("Who said it: a member of the group (optional)")
        yield Select(
            [(literal(m.name), m.id) for m in self.members], prompt="nobody chosen", id="member"
        )
        yield Label("Or someone outside the group: who said it (optional)")
        yield Input(id="said-by")
        yield Label("When the review was held (today, or a date like 2026-11-03)")
        yield Input("today", id="held")

    def on_mount(self) -> None:
        self.show_scale()

    def outcome(self) -> Outcome:
        chosen = self.query_one("#outcome", Select).value
        return self.outcomes[str(chosen)][0]

    @on(Select.Changed, "#outcome")
    def show_scale(self) -> None:
        outcome = self.outcome()
        self.query_one("#progress-label", Label).update(
            literal(f"Progress, from 0 to {outcome.scale_top} ({outcome.scale_words})")
        )
        self.query_one("#measure", Label).update(
            literal(f"Measured by: {outcome.measure} ({outcome.evidence})")
        )

    def said_by(self) -> tuple[str | None, str]:
        """The member who said it, or the words typed for someone outside the group."""
        member = self.query_one("#member", Select).value
        typed = self.query_one("#said-by", Input).value
        if isinstance(member, str) and typed.strip():
            raise DomainError("Please choose a member or type who said it, not both.")
        return (member if isinstance(member, str) else None), typed

    def save(self) -> None:
        outcome = self.outcome()
        member_id, said_by = self.said_by()
        review = new_review(
            outcome,
            held_on(self.query_one("#held", Input).value, self.today()),
            progress(self.query_one("#progress", Input).value, outcome),
            self.query_one("#story", Input).value,
            number(self.query_one("#number", Input).value),
            member_id,
            said_by,
        )
        save_review(self.db, review, self.clock)
        self.done = (
            f"Recorded progress {review.progress} of {outcome.scale_top} on “{outcome.text}”."
        )


def progress(typed: str, outcome: Outcome) -> int:
    if not typed.strip():
        raise DomainError(
            f"Please give the progress, from 0 to {outcome.scale_top} ({outcome.scale_words})."
        )
    return whole_number(typed, "the progress")


def number(typed: str) -> float | None:
    """The number typed as evidence, if any."""
    if not typed.strip():
        return None
    try:
        found = float(typed.strip())
    except ValueError:
        found = math.nan
    if not math.isfinite(found):
        raise DomainError(f"Please give the number in digits, like 4 or 2.5, not “{typed}”.")
    return found
