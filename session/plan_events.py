"""What can happen to a group before its agenda exists: issues raised and merged, dot votes,
candidate times and places with their access checklists, who can come, the group agreement,
payment and recognition. A group's preparation *is* the sequence of these (see `session.plan`),
kept in its own log: they belong to the group, not to one meeting."""

from dataclasses import dataclass

from session.events import Event, Undone


@dataclass(frozen=True)
class IssueRaised(Event):
    """Someone raised a matter. `raised_by` None: raised anonymously."""

    kind = "issue_raised"
    issue_id: str
    text: str
    raised_by: str | None
    heard_how: str
    heard_on: str  # ISO date
    heard_where: str = ""


@dataclass(frozen=True)
class IssuesMerged(Event):
    """Two issues say the same thing: `merged_id` is shown within `kept_id`, and both people
    who raised them are kept."""

    kind = "issues_merged"
    kept_id: str
    merged_id: str


@dataclass(frozen=True)
class WaysHeardSet(Event):
    """The group's own list of how and where issues are heard."""

    kind = "ways_heard_set"
    ways: tuple[str, ...]


@dataclass(frozen=True)
class VoteOpened(Event):
    """A dot vote on `issue_ids`: each of `voters` has `dots_each` dots."""

    kind = "vote_opened"
    vote_id: str
    dots_each: int
    voters: tuple[str, ...]
    issue_ids: tuple[str, ...]
    professionals_vote: bool = True


@dataclass(frozen=True)
class DotsGiven(Event):
    """One person's dots, one issue id per dot (repeated for several on one issue). Giving
    again replaces their earlier dots."""

    kind = "dots_given"
    vote_id: str
    member_id: str
    issue_ids: tuple[str, ...]


@dataclass(frozen=True)
class VoterLeft(Event):
    """Someone left before the vote was over. Dots they gave still count."""

    kind = "voter_left"
    vote_id: str
    member_id: str


@dataclass(frozen=True)
class PlaceAdded(Event):
    """A candidate place and its access checklist: feature -> "yes" or "no"; a feature missing
    from `answers` is unknown."""

    kind = "place_added"
    place_id: str
    name: str
    answers: dict[str, str]


@dataclass(frozen=True)
class ChecklistAnswered(Event):
    """One answer on a place's checklist: "yes", "no" or "unknown" (taking back an answer)."""

    kind = "checklist_answered"
    place_id: str
    feature: str
    answer: str


@dataclass(frozen=True)
class OptionProposed(Event):
    """A candidate time at a candidate place for one meeting."""

    kind = "option_proposed"
    option_id: str
    meeting_id: str
    starts_at: str  # ISO date and time
    place_id: str


@dataclass(frozen=True)
class CanCome(Event):
    """Whether a member can make an option (said again, the later answer counts)."""

    kind = "can_come"
    option_id: str
    member_id: str
    can: bool


@dataclass(frozen=True)
class NeedsRecorded(Event):
    """A member's access needs in the checklist's words. `named`: they agreed to be named beside
    their needs when a place can't meet them; otherwise needs are listed without names."""

    kind = "needs_recorded"
    member_id: str
    needs: tuple[str, ...]
    named: bool = False


@dataclass(frozen=True)
class OptionChosen(Event):
    """The group confirmed a time and place for the meeting, having seen the unmet needs."""

    kind = "option_chosen"
    option_id: str
    unmet: tuple[str, ...] = ()
    was_starts_at: str = ""  # the meeting's time and place before: put back by an undo
    was_place: str = ""


@dataclass(frozen=True)
class AgreementWritten(Event):
    """The group agreement (ground rules) as the group last wrote it, one rule a line."""

    kind = "agreement_written"
    rules: tuple[str, ...]


@dataclass(frozen=True)
class PaymentRecorded(Event):
    """What a person was offered for a meeting ("payment", "expenses") and what was given."""

    kind = "payment_recorded"
    payment_id: str
    meeting_id: str
    member_id: str
    offered: tuple[str, ...]
    given: str = ""
    amount_pence: int | None = None


@dataclass(frozen=True)
class IssueNotPossible(Event):
    """The group found it could not act on an issue, and says why: "You said, we did" shows it
    as "not possible, because …"."""

    kind = "issue_not_possible"
    issue_id: str
    reason: str


PLAN_EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        IssueRaised,
        IssuesMerged,
        IssueNotPossible,
        WaysHeardSet,
        VoteOpened,
        DotsGiven,
        VoterLeft,
        PlaceAdded,
        ChecklistAnswered,
        OptionProposed,
        CanCome,
        NeedsRecorded,
        OptionChosen,
        AgreementWritten,
        PaymentRecorded,
        Undone,
    )
}
