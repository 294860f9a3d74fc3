"""Evidence from a group's preparation for the power-balance reports: payment and recognition
given for people's time, and the issues people of each perspective raised before the meetings.

What a person was given is a personal note (forgetting someone clears it): it is shown only
beside someone named with their consent, never when anonymised."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from session.plan import GroupPlan, Issue, Payment
from session.pseudonyms import Names
from session.report import Block, Heading, Paragraph, Table, plural

ANONYMOUS = "raised anonymously"
NOT_SHOWN = "not shown: personal"


@dataclass(frozen=True)
class Preparation:
    """A group's preparation log, folded, with each member's perspective."""

    plan: GroupPlan
    perspectives: Mapping[str, str]  # member id -> perspective
    on_agenda: frozenset[str] = frozenset()  # issues some meeting's agenda took up

    def taken_up(self, issue_id: str) -> bool:
        """Whether the issue, or one merged with it, became an agenda item."""
        kept = self.plan.kept(issue_id)
        return any(self.plan.kept(i) == kept for i in self.on_agenda)

    def perspective(self, member_id: str | None) -> str:
        if member_id is None:
            return ANONYMOUS
        return self.perspectives.get(member_id, "not on the group's list")

    def raised_by(self, issue: Issue, names: Names) -> str:
        """Everyone who raised the issue or one merged into it, as consent allows."""
        who = []
        for member_id in dict.fromkeys(self.plan.raisers(issue.id)):
            if member_id is None:
                who.append("someone anonymously")
            else:
                who.append(names.with_perspective(member_id, self.perspective(member_id)))
        return _and(who)


def _and(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def pounds(pence: int | None) -> str:
    return "—" if pence is None else f"£{pence / 100:,.2f}"


def payments(prep: Preparation, meeting_ids: Iterable[str], names: Names) -> list[Block]:
    """What each person was offered and given for the meetings, and the totals by perspective."""
    wanted = set(meeting_ids)
    found = [p for p in prep.plan.payments if p.meeting_id in wanted]
    heading = Heading("Payment and recognition")
    if not found:
        return [heading, Paragraph("No payment or recognition was recorded.")]
    blocks: list[Block] = [
        heading,
        Paragraph(
            "What people were offered for their time, and what was given. What someone was "
            "given is shown only for people named with their consent."
        ),
        _by_perspective(prep, found),
    ]
    if len(wanted) == 1:
        rows = tuple(
            (
                names.with_perspective(p.member_id, prep.perspective(p.member_id)),
                " and ".join(p.offered) or "nothing",
                _given(p, names),
                pounds(p.amount_pence),
            )
            for p in found
        )
        blocks.append(Table(("Who", "Offered", "Given", "Amount"), rows))
    return blocks


def _given(payment: Payment, names: Names) -> str:
    if names.anonymise or payment.member_id in names.unnamed:
        return NOT_SHOWN if payment.given else "—"
    return payment.given or "—"


def _by_perspective(prep: Preparation, found: Sequence[Payment]) -> Table:
    people: dict[str, set[str]] = {}
    offered: Counter[tuple[str, str]] = Counter()
    amounts: Counter[str] = Counter()
    for p in found:
        perspective = prep.perspective(p.member_id)
        people.setdefault(perspective, set()).add(p.member_id)
        for offer in p.offered:
            offered[perspective, offer] += 1
        amounts[perspective] += p.amount_pence or 0
    rows = tuple(
        (
            perspective,
            plural(len(who), "person", "people"),
            str(offered[perspective, "payment"]),
            str(offered[perspective, "expenses"]),
            pounds(amounts[perspective]),
        )
        for perspective, who in people.items()
    )
    header = ("Perspective", "Recorded for", "Offered payment", "Offered expenses", "Amount given")
    return Table(header, rows)


def issues_by_perspective(
    prep: Preparation, title: str, issue_ids: Iterable[str] | None = None, empty: str = ""
) -> list[Block]:
    """How many issues people of each perspective raised (an issue merged into another counts
    for each person who raised it), and what came of them: taken onto an agenda, found not
    possible, or waiting. `issue_ids`: only those (e.g. the ones a meeting took up)."""
    plan = prep.plan
    wanted = set(issue_ids) if issue_ids is not None else None
    raised: Counter[str] = Counter()
    taken: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    for issue in plan.issues:
        if wanted is not None and issue.id not in wanted:
            continue
        perspective = prep.perspective(issue.raised_by)
        kept = plan.kept(issue.id)
        raised[perspective] += 1
        if prep.taken_up(issue.id):
            taken[perspective] += 1
        elif kept in plan.not_possible:
            refused[perspective] += 1
    heading = Heading(title)
    if not raised:
        return [heading, Paragraph(empty or "No issues raised beforehand were recorded.")]
    rows = tuple(
        (
            perspective,
            str(count),
            str(taken[perspective]),
            str(refused[perspective]),
            str(count - taken[perspective] - refused[perspective]),
        )
        for perspective, count in raised.most_common()
    )
    header = ("Raised by", "Issues", "On an agenda", "Not possible", "Not taken up yet")
    return [heading, Table(header, rows)]
