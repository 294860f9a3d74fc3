"""The forms of the preparation screens: issues, votes, the agenda, places and times, needs,
roles, the group agreement and payment. Each saves at once through the rules, or shows why not."""

from collections.abc import Callable
from functools import partial

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from session import access, agenda, live, plan, role_offers
from session.dates import full_date_time, parse_when
from session.dots import parse_dots
from session.errors import DomainError
from session.events import ROLES
from session.plan import Issue, Option
from session.plan_events import IssueRaised
from session.setup import Member
from tui.literal import literal
from tui.screens.form import FormScreen
from tui.screens.forms import whole_number
from tui.screens.prepare_base import ANONYMOUS, Prep
from tui.widgets.ticks import TickBox

DEFAULT_ITEM_MINUTES = 15


def people(members: list[Member]) -> list[tuple[Text, str]]:
    """Choices of people for a Select, their names shown literally (never as markup)."""
    return [(literal(m.name), m.id) for m in members]


def chosen(form: FormScreen, selector: str, what: str) -> str:
    value = form.query_one(selector, Select).value
    if not isinstance(value, str):
        raise DomainError(f"Please choose {what}.")
    return value


def numbered(typed: str, count: int, what: str) -> int:
    """A number as listed on screen (from 1), as an index (from 0)."""
    number = whole_number(typed, what)
    if not 1 <= number <= count:
        raise DomainError(f"Please give {what} as a number from 1 to {count}.")
    return number - 1


class IssueForm(FormScreen):
    heading = "Record an issue someone raised"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep
        self.raised: str | None = None

    def fields(self) -> ComposeResult:
        yield Label("The issue, in their words (a question works well)")
        yield Input(id="text")
        yield Label("Raised by")
        choices = [(Text(f"({ANONYMOUS})"), ANONYMOUS), *people(self.prep.members())]
        yield Select(choices, value=ANONYMOUS, allow_blank=False, id="by")
        yield Label("How it was heard")
        ways = self.prep.plan.ways
        yield Select([(literal(w), w) for w in ways], value=ways[0], allow_blank=False, id="how")
        yield Label("Where (optional)")
        yield Input(id="where")
        yield Label("When (today, yesterday, 3 Dec)")
        yield Input("today", id="when")

    def save(self) -> None:
        by = chosen(self, "#by", "who raised it")
        today = self.prep.clock().astimezone().date()
        heard_on = plan.parse_heard_on(self.query_one("#when", Input).value, today)
        events = self.prep.store.do(
            partial(
                plan.raise_issue,
                text=self.query_one("#text", Input).value,
                raised_by=None if by == ANONYMOUS else by,
                heard_how=chosen(self, "#how", "how it was heard"),
                heard_on=heard_on,
                heard_where=self.query_one("#where", Input).value,
            )
        )
        raised = events[0]
        assert isinstance(raised, IssueRaised)
        self.raised = raised.issue_id


class MergeOffer(ModalScreen[bool]):
    """The same issue typed twice: offer to merge them, keeping both people who raised them."""

    BINDINGS = [
        Binding(
            "y",
            "merge",
            "Merge",
            tooltip="Merge them, keeping both people who raised it.",
            id="offer.merge",
        ),
        Binding(
            "n,escape",
            "keep",
            "Keep both",
            tooltip="Keep them as two separate issues.",
            id="offer.keep",
        ),
    ]

    def __init__(self, new: Issue, same: Issue) -> None:
        super().__init__()
        self.new = new
        self.same = same

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("This looks like an issue already raised", classes="form-heading")
            yield Static(literal(f"New: {self.new.number}. {self.new.text}"))
            yield Static(literal(f"Already raised: {self.same.number}. {self.same.text}"))
            yield Static("Merge them? Both people who raised it are kept.")
            yield Static("y merge · n keep both", classes="form-hint")

    def action_merge(self) -> None:
        self.dismiss(True)

    def action_keep(self) -> None:
        self.dismiss(False)


class MergeForm(FormScreen):
    heading = "Merge two issues that say the same thing"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Keep issue number")
        yield Input(id="keep", type="integer")
        yield Label("Merge into it issue number (both raisers are kept)")
        yield Input(id="merge", type="integer")

    def save(self) -> None:
        issues = self.prep.plan.issues
        keep = issues[numbered(self.query_one("#keep", Input).value, len(issues), "the issue")]
        merge = issues[numbered(self.query_one("#merge", Input).value, len(issues), "the issue")]
        self.prep.store.do(partial(plan.merge_issues, kept_id=keep.id, merged_id=merge.id))


class NotPossibleForm(FormScreen):
    heading = "An issue the group cannot act on, and why"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Issue number")
        yield Input(id="issue", type="integer")
        yield Label('Why it is not possible ("You said, we did" will say so)')
        yield Input(id="because")

    def save(self) -> None:
        issue = self.prep.plan.numbered(
            whole_number(self.query_one("#issue", Input).value, "the issue")
        )
        because = self.query_one("#because", Input).value
        self.prep.store.do(partial(plan.issue_not_possible, issue_id=issue.id, reason=because))


class VoteSetupForm(FormScreen):
    heading = "Start a dot vote on the open issues"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Dots for each person")
        yield Input("3", id="dots", type="integer")
        yield TickBox("Professionals vote too (the group's choice)", value=True, id="pros")
        yield Label("Who is here to vote")
        for member in self.prep.members():
            yield TickBox(
                literal(f"{member.name} ({member.perspective})"), value=True, id=f"p-{member.id}"
            )

    def save(self) -> None:
        pros = self.query_one("#pros", Checkbox).value
        voters = [
            m.id
            for m in self.prep.members()
            if self.query_one(f"#p-{m.id}", Checkbox).value
            and (pros or m.perspective != "professional")
        ]
        ballot = [i.id for i in self.prep.plan.open_issues]
        dots = whole_number(self.query_one("#dots", Input).value, "the dots for each person")
        self.prep.store.do(
            partial(
                plan.open_vote,
                dots_each=dots,
                voters=voters,
                issue_ids=ballot,
                professionals_vote=pros,
            )
        )


class DotsForm(FormScreen):
    heading = "Enter one person's dots"

    def __init__(self, prep: Prep, member_id: str) -> None:
        super().__init__()
        self.prep = prep
        self.member_id = member_id

    def fields(self) -> ComposeResult:
        vote = self.prep.plan.vote
        assert vote is not None
        yield Label("Whose dots")
        voters = [m for m in self.prep.members() if m.id in vote.voters and m.id not in vote.left]
        yield Select(people(voters), value=self.member_id, allow_blank=False, id="who")
        yield Label(f"Issue numbers, one per dot ({vote.dots_each} each): e.g. 1 1 3, or 2x3")
        yield Input(id="dots")

    def save(self) -> None:
        vote = self.prep.plan.vote
        assert vote is not None
        given = parse_dots(self.query_one("#dots", Input).value, vote.numbered(self.prep.plan))
        who = chosen(self, "#who", "whose dots these are")
        self.prep.store.do(partial(plan.give_dots, member_id=who, issue_ids=given))


class ItemFromIssueForm(FormScreen):
    heading = "Put an issue on the agenda"

    def __init__(self, prep: Prep, first: int) -> None:
        """`first`: the number of the issue with the most dots not yet on the agenda."""
        super().__init__()
        self.prep = prep
        self.first = first

    def fields(self) -> ComposeResult:
        yield Label("Issue number (as listed)")
        yield Input(str(self.first), id="issue", type="integer")
        yield Label("Time box agreed, in minutes")
        yield Input(str(DEFAULT_ITEM_MINUTES), id="minutes", type="integer")
        yield Label("Title on the agenda (optional: the issue's words if empty)")
        yield Input(id="title")

    def save(self) -> None:
        issues = self.prep.plan.issues
        issue = issues[numbered(self.query_one("#issue", Input).value, len(issues), "the issue")]
        minutes = whole_number(self.query_one("#minutes", Input).value, "the time box")
        title = self.query_one("#title", Input).value
        self.prep.live().do(
            partial(
                agenda.add_from_issue,
                plan=self.prep.plan,
                issue_id=issue.id,
                timebox_minutes=minutes,
                title=title,
            )
        )


class ReorderForm(FormScreen):
    heading = "Move an agenda item: say who asked and why"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Item number")
        yield Input(id="item", type="integer")
        yield Label("Its new place (1 is first)")
        yield Input(id="place", type="integer")
        yield Label("Who asked")
        yield Select(people(self.prep.members()), id="asked")
        yield Label("Why")
        yield Input(id="why")

    def save(self) -> None:
        meeting = self.prep.live()
        items = meeting.state.items
        item = items[numbered(self.query_one("#item", Input).value, len(items), "the item")]
        place = numbered(self.query_one("#place", Input).value, len(items), "its new place")
        asked = self.query_one("#asked", Select).value
        meeting.do(
            partial(
                agenda.reorder_item,
                item_id=item.id,
                position=place,
                asked_by=asked if isinstance(asked, str) else None,
                reason=self.query_one("#why", Input).value,
            )
        )


class PlaceForm(FormScreen):
    heading = "Add a candidate place and its access checklist"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("The place's name")
        yield Input(id="name")
        yield Label("Its access checklist (unknown until someone checks)")
        for number, feature in enumerate(access.FEATURES):
            yield Label(feature)
            yield Select(
                [(a, a) for a in access.ANSWERS],
                value=access.UNKNOWN,
                allow_blank=False,
                id=f"f{number}",
            )

    def save(self) -> None:
        answers = {
            feature: str(self.query_one(f"#f{number}", Select).value)
            for number, feature in enumerate(access.FEATURES)
        }
        self.prep.store.do(
            partial(plan.add_place, name=self.query_one("#name", Input).value, answers=answers)
        )


class ChecklistForm(FormScreen):
    heading = "Answer a question on a place's checklist"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Place")
        yield Select([(literal(p.name), p.id) for p in self.prep.plan.places], id="place")
        yield Label("Question")
        yield Select([(f, f) for f in access.FEATURES], id="feature")
        yield Label("Answer")
        yield Select(
            [(a, a) for a in access.ANSWERS], value=access.YES, allow_blank=False, id="answer"
        )

    def save(self) -> None:
        self.prep.store.do(
            partial(
                plan.answer_checklist,
                place_id=chosen(self, "#place", "the place"),
                feature=chosen(self, "#feature", "the question"),
                answer=chosen(self, "#answer", "the answer"),
            )
        )


class OptionForm(FormScreen):
    heading = "Add a candidate time and place"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("When (e.g. next tuesday 2pm, 3 Dec 10:30)")
        yield Input(id="when")
        yield Static("", id="when-read-back")
        yield Label("Where")
        yield Select([(literal(p.name), p.id) for p in self.prep.plan.places], id="place")

    @on(Input.Changed, "#when")
    def read_back(self, event: Input.Changed) -> None:
        shown = self.query_one("#when-read-back", Static)
        try:
            shown.update(
                literal(
                    f"→ {full_date_time(parse_when(event.value, self.prep.clock().astimezone()))}"
                )
            )
        except DomainError as error:
            shown.update(literal(f"? {error}") if event.value.strip() else "")

    def save(self) -> None:
        meeting = self.prep.live().meeting_id
        when = parse_when(self.query_one("#when", Input).value, self.prep.clock().astimezone())
        place = chosen(self, "#place", "the place (add one with p first)")
        self.prep.store.do(
            partial(plan.propose_option, meeting_id=meeting, starts_at=when, place_id=place)
        )


class AvailabilityForm(FormScreen):
    heading = "Which times and places can they make?"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep, options: list[Option]) -> None:
        super().__init__()
        self.prep = prep
        self.options = options

    def fields(self) -> ComposeResult:
        yield Label("Who")
        yield Select(people(self.prep.members()), id="who")
        yield Label("The option numbers they can make, e.g. 1 3 (empty: none)")
        yield Input(id="can")

    def save(self) -> None:
        who = chosen(self, "#who", "who is answering")
        typed = self.query_one("#can", Input).value.replace(",", " ").split()
        can = {self.options[numbered(t, len(self.options), "an option")].id for t in typed}
        events = [
            e
            for option in self.options
            for e in plan.can_come(self.prep.plan, option.id, who, option.id in can)
        ]
        self.prep.store.do(lambda _plan: events)


class NeedsForm(FormScreen):
    heading = "Someone's access needs, in the checklist's words"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Whose needs")
        yield Select(people(self.prep.members()), id="who")
        for number, feature in enumerate(access.FEATURES):
            yield TickBox(feature, id=f"n{number}")
        yield TickBox("They agree to be named beside a need a place can't meet", id="named")

    @on(Select.Changed, "#who")
    def show_theirs(self, event: Select.Changed) -> None:
        need = self.prep.plan.needs.get(str(event.value))
        for number, feature in enumerate(access.FEATURES):
            self.query_one(f"#n{number}", Checkbox).value = bool(need and feature in need.needs)
        self.query_one("#named", Checkbox).value = bool(need and need.named)

    def save(self) -> None:
        who = chosen(self, "#who", "whose needs these are")
        needs = [
            f for n, f in enumerate(access.FEATURES) if self.query_one(f"#n{n}", Checkbox).value
        ]
        named = self.query_one("#named", Checkbox).value
        self.prep.store.do(partial(plan.record_needs, member_id=who, needs=needs, named=named))


class ChooseForm(FormScreen):
    heading = "Confirm the time and place"
    save_label = "Confirm"

    def __init__(
        self, prep: Prep, options: list[Option], describe: Callable[[Option], str], first: int
    ) -> None:
        """`first`: the number of the option most people can make, offered first."""
        super().__init__()
        self.prep = prep
        self.options = options
        self.describe = describe
        self.first = first

    def fields(self) -> ComposeResult:
        yield Label("Option number (as listed)")
        yield Input(str(self.first), id="option", type="integer")
        yield Static(id="unmet")

    def on_mount(self) -> None:
        self.show_unmet(self.query_one("#option", Input).value)

    @on(Input.Changed, "#option")
    def changed(self, event: Input.Changed) -> None:
        self.show_unmet(event.value)

    def show_unmet(self, typed: str) -> None:
        try:
            option = self.options[numbered(typed, len(self.options), "the option")]
        except DomainError as error:
            self.query_one("#unmet", Static).update(literal(str(error)))
            return
        self.query_one("#unmet", Static).update(literal(self.describe(option)))

    def save(self) -> None:
        option = self.options[
            numbered(self.query_one("#option", Input).value, len(self.options), "the option")
        ]
        meeting = self.prep.meeting
        assert meeting is not None
        self.prep.store.do(
            partial(
                plan.choose_option,
                option_id=option.id,
                was_starts_at=meeting.starts_at,
                was_place=meeting.place,
            )
        )


class VolunteerForm(FormScreen):
    heading = "Who would like to hold a role at this meeting?"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Role")
        yield Select([(r, r) for r in ROLES], id="role")
        yield Label("Who volunteers")
        yield Select(people(self.prep.members()), id="who")

    def save(self) -> None:
        role = chosen(self, "#role", "the role")
        who = chosen(self, "#who", "who volunteers")
        self.prep.live().do(partial(role_offers.offer_to_hold, role=role, member_id=who))


class HandRoleForm(FormScreen):
    heading = "Who holds a role at the start of this meeting?"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep, first_choice: dict[str, str]) -> None:
        super().__init__()
        self.prep = prep
        self.first_choice = first_choice

    def fields(self) -> ComposeResult:
        yield Label("Role")
        yield Select([(r, r) for r in ROLES], value=ROLES[-1], allow_blank=False, id="role")
        yield Label("Who (the first suggestion is chosen for you)")
        yield Select(
            people(self.prep.members()),
            value=self.first_choice.get(ROLES[-1], Select.BLANK),
            id="who",
        )

    @on(Select.Changed, "#role")
    def suggest(self, event: Select.Changed) -> None:
        suggested = self.first_choice.get(str(event.value))
        if suggested:
            self.query_one("#who", Select).value = suggested

    def save(self) -> None:
        role = chosen(self, "#role", "the role")
        who = chosen(self, "#who", "who holds it")
        self.prep.live().do(partial(live.hand_role, role=role, member_id=who))


class AgreementForm(FormScreen):
    heading = "The group agreement: one rule a line (ctrl+s saves)"
    AUTO_FOCUS = "TextArea"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        current = self.prep.plan.agreement
        yield TextArea("\n".join(current.rules) if current else "", id="rules")

    def save(self) -> None:
        text = self.query_one("#rules", TextArea).text
        self.prep.store.do(partial(plan.write_agreement, text=text))


class PaymentForm(FormScreen):
    heading = "Payment and recognition for this meeting"
    AUTO_FOCUS = "Select"

    def __init__(self, prep: Prep) -> None:
        super().__init__()
        self.prep = prep

    def fields(self) -> ComposeResult:
        yield Label("Who")
        yield Select(people(self.prep.members()), id="who")
        yield TickBox("Offered payment for their time", id="payment")
        yield TickBox("Offered expenses (travel, care, support)", id="expenses")
        yield Label("What was given (e.g. voucher, bus fare, thank-you letter)")
        yield Input(id="given")
        yield Label("Amount in pounds (optional)")
        yield Input(id="amount")

    def save(self) -> None:
        who = chosen(self, "#who", "who it was for")
        offered = [o for o in plan.OFFERS if self.query_one(f"#{o}", Checkbox).value]
        amount = plan.parse_pence(self.query_one("#amount", Input).value)
        meeting = self.prep.live().meeting_id
        self.prep.store.do(
            partial(
                plan.record_payment,
                meeting_id=meeting,
                member_id=who,
                offered=offered,
                given=self.query_one("#given", Input).value,
                amount_pence=amount,
            )
        )
