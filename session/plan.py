"""A group's preparation before the agenda exists: its state as the fold of its own log (see
`session.plan_events`), and the commands that check the rules. Like a meeting, nothing is erased:
undo adds an `Undone` for the last action."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from dateutil.parser import ParserError
from dateutil.parser import parse as parse_date

from session import access
from session.changes import Change
from session.dots import Result, check_dots, tally
from session.errors import DomainError
from session.events import Event, Recorded, Undone
from session.ids import new_id
from session.plan_events import (
    AgreementWritten,
    CanCome,
    ChecklistAnswered,
    DotsGiven,
    IssueNotPossible,
    IssueRaised,
    IssuesMerged,
    NeedsRecorded,
    OptionChosen,
    OptionProposed,
    PaymentRecorded,
    PlaceAdded,
    VoteOpened,
    VoterLeft,
    WaysHeardSet,
)
from session.text import NAME_LIMIT, TEXT_LIMIT, TITLE_LIMIT, optional_text, required_text

DEFAULT_WAYS = (
    "conversation",
    "phone",
    "outdoor or community event",
    "meeting",
    "other",
)
MOST_DOTS = 20
OFFERS = ("payment", "expenses")


@dataclass(frozen=True)
class Issue:
    id: str
    number: int  # in the order raised, from 1
    text: str
    raised_by: str | None
    heard_how: str
    heard_where: str
    heard_on: date
    at: datetime


@dataclass(frozen=True)
class Vote:
    id: str
    dots_each: int
    voters: tuple[str, ...]
    issue_ids: tuple[str, ...]
    professionals_vote: bool
    at: datetime
    dots: dict[str, tuple[str, ...]] = field(default_factory=dict)
    left: tuple[str, ...] = ()

    def numbered(self, plan: "GroupPlan") -> dict[int, str]:
        """The vote's issues by the numbers the issues list shows."""
        return {plan.issue(i).number: i for i in self.issue_ids}

    def results(self) -> list[Result]:
        return tally(self.issue_ids, self.dots)


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    answers: dict[str, str]


@dataclass(frozen=True)
class Option:
    id: str
    meeting_id: str
    starts_at: datetime
    place_id: str
    can: dict[str, bool] = field(default_factory=dict)

    @property
    def coming(self) -> int:
        return sum(self.can.values())


@dataclass(frozen=True)
class Agreement:
    rules: tuple[str, ...]
    at: datetime


@dataclass(frozen=True)
class Payment:
    id: str
    meeting_id: str
    member_id: str
    offered: tuple[str, ...]
    given: str
    amount_pence: int | None
    at: datetime


@dataclass(frozen=True)
class GroupPlan:
    group_id: str
    issues: tuple[Issue, ...] = ()
    merged_into: dict[str, str] = field(default_factory=dict)
    not_possible: dict[str, str] = field(default_factory=dict)  # issue id -> why
    ways: tuple[str, ...] = DEFAULT_WAYS
    votes: tuple[Vote, ...] = ()
    places: tuple[Place, ...] = ()
    options: tuple[Option, ...] = ()
    needs: dict[str, access.Need] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)  # meeting id -> option id
    agreements: tuple[Agreement, ...] = ()  # every version, newest last
    payments: tuple[Payment, ...] = ()
    # The latest action still standing, which undo takes back (0: none). Only the latest: an
    # undo refolds the log without it, and the fold then names the one before.
    undoable: int = 0
    last_seq: int = 0

    def issue(self, issue_id: str) -> Issue:
        return next(i for i in self.issues if i.id == issue_id)

    def numbered(self, number: int) -> Issue:
        """The issue numbered `number` where issues are listed (the first is 1)."""
        if not 1 <= number <= len(self.issues):
            raise DomainError(f"There is no issue {number}. `coproduce issue list` shows them.")
        return self.issues[number - 1]

    def kept(self, issue_id: str) -> str:
        """The issue `issue_id` was merged into, following merges of merges; itself if none."""
        while issue_id in self.merged_into:
            issue_id = self.merged_into[issue_id]
        return issue_id

    @property
    def open_issues(self) -> list[Issue]:
        """The issues not merged into another, in the order raised."""
        return [i for i in self.issues if i.id not in self.merged_into]

    def merged(self, issue_id: str) -> list[Issue]:
        """`issue_id` and every issue merged into it, in the order raised."""
        return [i for i in self.issues if self.kept(i.id) == issue_id]

    def raisers(self, issue_id: str) -> list[str | None]:
        """Who raised the issue and every issue merged into it (None: anonymous)."""
        return [i.raised_by for i in self.merged(issue_id)]

    @property
    def vote(self) -> Vote | None:
        """The latest vote, if any."""
        return self.votes[-1] if self.votes else None

    def place(self, place_id: str) -> Place:
        return next(p for p in self.places if p.id == place_id)

    def options_for(self, meeting_id: str) -> list[Option]:
        """The candidate times and places for a meeting, in the order they were proposed (so
        their numbers stay the same as people answer)."""
        return [o for o in self.options if o.meeting_id == meeting_id]

    def ranked_options(self, meeting_id: str) -> list[tuple[int, Option]]:
        """(number, option), most people able to come first; equal counts in number order."""
        numbered = enumerate(self.options_for(meeting_id), start=1)
        return sorted(numbered, key=lambda pair: -pair[1].coming)

    @property
    def agreement(self) -> Agreement | None:
        return self.agreements[-1] if self.agreements else None


# --- folding ---------------------------------------------------------------------------------


def fold(group_id: str, log: list[Recorded]) -> GroupPlan:
    undone = {r.event.batch for r in log if isinstance(r.event, Undone)}
    plan = GroupPlan(group_id)
    for recorded in log:
        if recorded.batch not in undone:
            plan = apply(plan, recorded)
    return replace(plan, last_seq=log[-1].seq if log else 0)


def apply(plan: GroupPlan, recorded: Recorded) -> GroupPlan:
    event, at = recorded.event, recorded.at
    plan = replace(plan, last_seq=recorded.seq)
    if isinstance(event, Change):
        return plan  # the group's other records: history only, not the preparation's undo
    if not isinstance(event, Undone):
        plan = replace(plan, undoable=recorded.batch)
    match event:
        case IssueRaised():
            issue = Issue(
                event.issue_id,
                len(plan.issues) + 1,
                event.text,
                event.raised_by,
                event.heard_how,
                event.heard_where,
                date.fromisoformat(event.heard_on),
                at,
            )
            return replace(plan, issues=(*plan.issues, issue))
        case IssuesMerged():
            reasons = dict(plan.not_possible)  # a reason given for either one holds for both
            if event.merged_id in reasons:
                reasons.setdefault(event.kept_id, reasons.pop(event.merged_id))
            merged_into = {**plan.merged_into, event.merged_id: event.kept_id}
            return replace(plan, merged_into=merged_into, not_possible=reasons)
        case IssueNotPossible():
            return replace(plan, not_possible={**plan.not_possible, event.issue_id: event.reason})
        case WaysHeardSet():
            return replace(plan, ways=event.ways)
        case VoteOpened():
            vote = Vote(
                event.vote_id,
                event.dots_each,
                event.voters,
                event.issue_ids,
                event.professionals_vote,
                at,
            )
            return replace(plan, votes=(*plan.votes, vote))
        case DotsGiven():
            return _with_vote(
                plan,
                event.vote_id,
                lambda v: replace(v, dots={**v.dots, event.member_id: event.issue_ids}),
            )
        case VoterLeft():
            return _with_vote(
                plan, event.vote_id, lambda v: replace(v, left=(*v.left, event.member_id))
            )
        case PlaceAdded():
            return replace(
                plan, places=(*plan.places, Place(event.place_id, event.name, dict(event.answers)))
            )
        case ChecklistAnswered():
            return _answered(plan, event)
        case OptionProposed():
            option = Option(
                event.option_id,
                event.meeting_id,
                datetime.fromisoformat(event.starts_at),
                event.place_id,
            )
            return replace(plan, options=(*plan.options, option))
        case CanCome():
            options = tuple(
                replace(o, can={**o.can, event.member_id: event.can})
                if o.id == event.option_id
                else o
                for o in plan.options
            )
            return replace(plan, options=options)
        case NeedsRecorded():
            need = access.Need(event.member_id, event.needs, event.named)
            return replace(plan, needs={**plan.needs, event.member_id: need})
        case OptionChosen():
            option = next(o for o in plan.options if o.id == event.option_id)
            return replace(plan, chosen={**plan.chosen, option.meeting_id: option.id})
        case AgreementWritten():
            return replace(plan, agreements=(*plan.agreements, Agreement(event.rules, at)))
        case PaymentRecorded():
            payment = Payment(
                event.payment_id,
                event.meeting_id,
                event.member_id,
                event.offered,
                event.given,
                event.amount_pence,
                at,
            )
            return replace(plan, payments=(*plan.payments, payment))
        case Undone():
            return plan
    raise AssertionError(f"unknown event {event!r}")


def _with_vote(plan: GroupPlan, vote_id: str, change: Callable[[Vote], Vote]) -> GroupPlan:
    return replace(plan, votes=tuple(change(v) if v.id == vote_id else v for v in plan.votes))


def _answered(plan: GroupPlan, event: ChecklistAnswered) -> GroupPlan:
    def change(place: Place) -> Place:
        answers = {k: v for k, v in place.answers.items() if k != event.feature}
        if event.answer != access.UNKNOWN:
            answers[event.feature] = event.answer
        return replace(place, answers=answers)

    places = tuple(change(p) if p.id == event.place_id else p for p in plan.places)
    return replace(plan, places=places)


# --- commands: the rules ---------------------------------------------------------------------


def parse_heard_on(typed: str, today: date) -> date:
    """When an issue was heard: "today" (or nothing), "yesterday", or a date not in the future."""
    phrase = typed.strip().casefold()
    if phrase in ("", "today"):
        return today
    if phrase == "yesterday":
        return date.fromordinal(today.toordinal() - 1)
    try:
        heard = parse_date(
            phrase, dayfirst=True, default=datetime.combine(today, datetime.min.time())
        ).date()
    except (ParserError, OverflowError, ValueError):
        raise DomainError(
            f"“{typed}” doesn't read as a date: try “today”, “yesterday” or “3 Dec”."
        ) from None
    if heard > today:
        heard = heard.replace(year=heard.year - 1) if heard.year == today.year else heard
    if heard > today:
        raise DomainError("That date is still to come. When was the issue heard?")
    return heard


def _way(plan: GroupPlan, typed: str) -> str:
    chosen = typed.strip().casefold()
    found = [w for w in plan.ways if w.casefold() == chosen]
    if not found:
        raise DomainError(f"How was it heard? Choose one of: {', '.join(plan.ways)}.")
    return found[0]


def raise_issue(
    plan: GroupPlan,
    text: str,
    raised_by: str | None,
    heard_how: str,
    heard_on: date,
    heard_where: str = "",
) -> list[Event]:
    return [
        IssueRaised(
            issue_id=new_id(),
            text=required_text(text, "the issue", TITLE_LIMIT),
            raised_by=raised_by,
            heard_how=_way(plan, heard_how),
            heard_on=heard_on.isoformat(),
            heard_where=optional_text(heard_where, "where it was heard", TITLE_LIMIT),
        )
    ]


def set_ways(plan: GroupPlan, ways: Sequence[str]) -> list[Event]:
    cleaned = tuple(required_text(w, "a way of hearing issues", NAME_LIMIT) for w in ways)
    if not cleaned:
        raise DomainError("The list needs at least one way issues are heard.")
    return [WaysHeardSet(cleaned)]


def merge_issues(plan: GroupPlan, kept_id: str, merged_id: str) -> list[Event]:
    if plan.kept(kept_id) == plan.kept(merged_id):
        raise DomainError("Those are already the same issue.")
    if kept_id in plan.merged_into or merged_id in plan.merged_into:
        raise DomainError("One of those was already merged into another issue: merge that one.")
    return [IssuesMerged(kept_id, merged_id)]


def issue_not_possible(plan: GroupPlan, issue_id: str, reason: str) -> list[Event]:
    """Record that the group could not act on an issue (the one it was merged into, if it was),
    and why."""
    kept = plan.kept(issue_id)
    if kept in plan.not_possible:
        raise DomainError(
            f"The group already said this was not possible, because {plan.not_possible[kept]}"
        )
    return [IssueNotPossible(kept, required_text(reason, "why it is not possible", TEXT_LIMIT))]


def open_vote(
    plan: GroupPlan,
    dots_each: int,
    voters: Sequence[str],
    issue_ids: Sequence[str],
    professionals_vote: bool = True,
) -> list[Event]:
    if not 1 <= dots_each <= MOST_DOTS:
        raise DomainError(f"Please give each person from 1 to {MOST_DOTS} dots.")
    if not voters:
        raise DomainError("Nobody is voting: choose who is present first.")
    ballot = tuple(plan.kept(i) for i in issue_ids)
    if not ballot:
        raise DomainError("There are no issues to vote on yet. Gather some first.")
    return [
        VoteOpened(
            new_id(), dots_each, tuple(voters), tuple(dict.fromkeys(ballot)), professionals_vote
        )
    ]


def give_dots(plan: GroupPlan, member_id: str, issue_ids: Sequence[str]) -> list[Event]:
    """`member_id`'s dots in the latest vote, replacing any they gave before."""
    vote = _current_vote(plan)
    if member_id not in vote.voters:
        raise DomainError("They are not voting in this vote.")
    if member_id in vote.left:
        raise DomainError("They have left: their dots can no longer change.")
    chosen = check_dots(issue_ids, vote.issue_ids, vote.dots_each)
    return [DotsGiven(vote.id, member_id, chosen)]


def voter_left(plan: GroupPlan, member_id: str) -> list[Event]:
    vote = _current_vote(plan)
    if member_id not in vote.voters or member_id in vote.left:
        raise DomainError("They are not in this vote.")
    return [VoterLeft(vote.id, member_id)]


def _current_vote(plan: GroupPlan) -> Vote:
    if plan.vote is None:
        raise DomainError("There is no vote yet. Start one first.")
    return plan.vote


def add_place(plan: GroupPlan, name: str, answers: dict[str, str] | None = None) -> list[Event]:
    checked = {access.feature(k): access.answer(v) for k, v in (answers or {}).items()}
    named = required_text(name, "the place's name", TITLE_LIMIT)
    if any(p.name.casefold() == named.casefold() for p in plan.places):
        raise DomainError(f"“{named}” is already a candidate place.")
    known = {k: v for k, v in checked.items() if v != access.UNKNOWN}
    return [PlaceAdded(new_id(), named, known)]


def answer_checklist(plan: GroupPlan, place_id: str, feature: str, answer: str) -> list[Event]:
    return [ChecklistAnswered(place_id, access.feature(feature), access.answer(answer))]


def propose_option(
    plan: GroupPlan, meeting_id: str, starts_at: datetime, place_id: str
) -> list[Event]:
    if any(
        o.meeting_id == meeting_id and o.starts_at == starts_at and o.place_id == place_id
        for o in plan.options
    ):
        raise DomainError("That time and place is already a candidate.")
    return [OptionProposed(new_id(), meeting_id, starts_at.isoformat(), place_id)]


def can_come(plan: GroupPlan, option_id: str, member_id: str, can: bool) -> list[Event]:
    return [CanCome(option_id, member_id, can)]


def record_needs(
    plan: GroupPlan, member_id: str, needs: Sequence[str], named: bool = False
) -> list[Event]:
    chosen = tuple(dict.fromkeys(access.feature(n) for n in needs))
    return [NeedsRecorded(member_id, chosen, named)]


def unmet_needs(plan: GroupPlan, option_id: str) -> list[access.NeedMatch]:
    """The needs of the people who can come (or have not said) that the place does not meet,
    or might not: listed before the choice is confirmed."""
    option = next(o for o in plan.options if o.id == option_id)
    coming = [n for m, n in plan.needs.items() if option.can.get(m, True)]
    return access.not_met(access.match(plan.place(option.place_id).answers, coming))


def choose_option(
    plan: GroupPlan, option_id: str, was_starts_at: datetime, was_place: str
) -> list[Event]:
    """Confirm a time and place; the unmet and unknown needs shown are kept with the choice."""
    unmet = tuple(f"{m.feature}: {m.status}" for m in unmet_needs(plan, option_id))
    return [OptionChosen(option_id, unmet, was_starts_at.isoformat(), was_place)]


def write_agreement(plan: GroupPlan, text: str) -> list[Event]:
    rules = tuple(
        required_text(line.lstrip("-•* "), "a rule", TEXT_LIMIT)
        for line in text.splitlines()
        if line.strip(" -•*")
    )
    if not rules:
        raise DomainError("Please write at least one rule the group agrees to.")
    return [AgreementWritten(rules)]


def parse_pence(typed: str) -> int | None:
    """An optional amount in pounds ("20", "£7.50") as pence."""
    cleaned = typed.strip().lstrip("£").replace(",", "")
    if not cleaned:
        return None
    try:
        pounds = float(cleaned)
    except ValueError:
        raise DomainError(
            f"“{typed}” isn't an amount: type it like 20 or £7.50, or leave it empty."
        ) from None
    if not 0 <= pounds <= 100_000:
        raise DomainError("Please give an amount from £0 to £100,000.")
    return round(pounds * 100)


def record_payment(
    plan: GroupPlan,
    meeting_id: str,
    member_id: str,
    offered: Sequence[str],
    given: str = "",
    amount_pence: int | None = None,
) -> list[Event]:
    chosen = tuple(o for o in OFFERS if o in {x.strip().casefold() for x in offered})
    if len(chosen) != len({x.strip().casefold() for x in offered if x.strip()}):
        raise DomainError(f"What was offered is any of: {', '.join(OFFERS)} (or nothing).")
    return [
        PaymentRecorded(
            new_id(),
            meeting_id,
            member_id,
            chosen,
            optional_text(given, "what was given", TITLE_LIMIT),
            amount_pence,
        )
    ]


UNDONE_WORDS = {
    "issue_raised": "an issue raised",
    "issues_merged": "a merge of two issues",
    "issue_not_possible": "an issue found not possible",
    "ways_heard_set": "the list of ways issues are heard",
    "vote_opened": "the start of a vote",
    "dots_given": "someone's dots",
    "voter_left": "someone leaving the vote",
    "place_added": "a candidate place",
    "checklist_answered": "an answer on a place's checklist",
    "option_proposed": "a candidate time",
    "can_come": "who can come",
    "needs_recorded": "someone's access needs",
    "option_chosen": "the choice of time and place",
    "agreement_written": "a change to the group agreement",
    "payment_recorded": "a payment record",
}


def undone_words(events: Sequence[Event]) -> str:
    """What an undone action was, in words (its first event's kind)."""
    return UNDONE_WORDS.get(events[0].kind, "the last change") if events else "the last change"


def undo(plan: GroupPlan) -> list[Event]:
    if not plan.undoable:
        raise DomainError("There is nothing to undo.")
    return [Undone(plan.undoable)]
