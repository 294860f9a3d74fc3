"""Preparing a meeting together, before its agenda exists: the issues people raised (with who,
how, where and when), and the way to each other step: the vote, the agenda, time and place,
roles, the group agreement, and payment."""

from functools import partial

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from session import plan
from session.dates import full_date
from session.duplicates import same_issue
from session.plan import Issue
from tui.literal import literal
from tui.screens.agenda_builder import AgendaBuilderScreen
from tui.screens.agreement import AgreementScreen
from tui.screens.payment import PaymentScreen
from tui.screens.prepare_base import PrepScreen
from tui.screens.prepare_forms import IssueForm, MergeForm, MergeOffer, NotPossibleForm
from tui.screens.roles_offered import RolesScreen
from tui.screens.time_place import TimePlaceScreen
from tui.screens.vote import VoteScreen


class PrepareScreen(PrepScreen):
    title_words = "Before the meeting"
    BINDINGS = [
        Binding(
            "a",
            "add",
            "Add issue",
            tooltip="Record an issue someone raised: who, how, where and when.",
            id="prepare.add",
        ),
        Binding(
            "m",
            "merge",
            "Merge",
            tooltip="Merge two issues that say the same thing, keeping both raisers.",
            id="prepare.merge",
        ),
        Binding(
            "n",
            "not_possible",
            "Not possible",
            tooltip="Say the group cannot act on an issue, and why.",
            id="prepare.not_possible",
        ),
        Binding(
            "v",
            "vote",
            "Dot vote",
            tooltip="Prioritise the issues together with a dot vote.",
            id="prepare.vote",
        ),
        Binding(
            "b",
            "agenda",
            "Agenda",
            tooltip="Build the meeting's agenda from the priorities.",
            id="prepare.agenda",
        ),
        Binding(
            "t",
            "where",
            "Time & place",
            tooltip="Choose the time and place together, checking access needs.",
            id="prepare.where",
        ),
        Binding(
            "r",
            "roles",
            "Roles",
            tooltip="Offer the chair, minute-taker and timekeeper roles.",
            id="prepare.roles",
        ),
        Binding(
            "g",
            "agreement",
            "Agreement",
            tooltip="Show or write the group agreement.",
            id="prepare.agreement",
        ),
        Binding(
            "p",
            "payment",
            "Payment",
            tooltip="Record payment, expenses and recognition for this meeting.",
            id="prepare.payment",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change to issues; it stays in the history.",
            id="prepare.undo",
        ),
    ]

    def body(self) -> RenderableType:
        plan_ = self.prep.plan
        text = Text("Issues raised\n", style="bold")
        if not plan_.open_issues:
            text.append("  None yet. Press a to record what people raise.\n")
        for issue in plan_.open_issues:
            text.append(f"{issue.number:>3}. ")
            text.append(literal(issue.text, "bold"))
            text.append("\n     ")
            for n, same in enumerate(plan_.merged(issue.id)):
                where = f" at {same.heard_where}" if same.heard_where else ""
                text.append("\n     " if n else "")
                text.append(
                    literal(
                        f"raised by {self.prep.name(same.raised_by)} · {same.heard_how}{where} · "
                        f"{full_date(same.heard_on)}"
                        + (f" (merged from {same.number})" if same.id != issue.id else "")
                    )
                )
            if issue.id in plan_.not_possible:
                text.append("\n     ✗ not possible, because ", style="bold")
                text.append(literal(plan_.not_possible[issue.id]))
            text.append("\n")
        return text

    def action_add(self) -> None:
        form = IssueForm(self.prep)
        self.app.push_screen(form, partial(self.added, form))

    def added(self, form: IssueForm, saved: bool | None) -> None:
        self.show()
        if not saved or form.raised is None:
            return
        new = self.prep.plan.issue(form.raised)
        same = self.duplicate_of(new)
        if same is not None:
            self.app.push_screen(MergeOffer(new, same), partial(self.merge_offered, new, same))

    def duplicate_of(self, new: Issue) -> Issue | None:
        return next(
            (
                i
                for i in self.prep.plan.open_issues
                if i.id != new.id and same_issue(i.text, new.text)
            ),
            None,
        )

    def merge_offered(self, new: Issue, same: Issue, merge: bool | None) -> None:
        if merge:
            self.plan_do(partial(plan.merge_issues, kept_id=same.id, merged_id=new.id))

    def action_merge(self) -> None:
        self.app.push_screen(MergeForm(self.prep), self.after)

    def action_not_possible(self) -> None:
        self.app.push_screen(NotPossibleForm(self.prep), self.after)

    def action_vote(self) -> None:
        self.app.push_screen(VoteScreen(self.prep))

    def needs_meeting(self) -> bool:
        if self.prep.meeting is None:
            self.notify(
                "Plan a meeting for this group first: n on the list of meetings.",
                title="Not yet",
                severity="warning",
            )
            return False
        return True

    def action_agenda(self) -> None:
        if self.needs_meeting():
            self.app.push_screen(AgendaBuilderScreen(self.prep))

    def action_where(self) -> None:
        if self.needs_meeting():
            self.app.push_screen(TimePlaceScreen(self.prep))

    def action_roles(self) -> None:
        if self.needs_meeting():
            self.app.push_screen(RolesScreen(self.prep))

    def action_agreement(self) -> None:
        self.app.push_screen(AgreementScreen(self.prep))

    def action_payment(self) -> None:
        if self.needs_meeting():
            self.app.push_screen(PaymentScreen(self.prep))
