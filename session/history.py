"""The power-balance report of a group over time: the trend, payment and recognition, the
issues raised by each perspective, "You said, we did" (`session.you_said`) and outcomes."""

from collections import Counter
from collections.abc import Sequence

from session.checkout import DEFAULT_QUESTIONS
from session.dates import full_date
from session.follow_up import DONE, IN_PROGRESS, NOT_POSSIBLE
from session.outcomes import OutcomeReviews, Review, schedule_words, trend
from session.power import OPEN, MeetingRecord, gini_words
from session.pseudonyms import Names
from session.recognition import Preparation, issues_by_perspective, payments
from session.report import (
    Bar,
    BarChart,
    Block,
    Bullets,
    Heading,
    Paragraph,
    Report,
    Table,
    percent,
    plural,
)
from session.setup import Group
from session.you_said import you_said_we_did


def _when(record: MeetingRecord) -> str:
    return f"{record.meeting.starts_at:%d %b %Y}"


def _label(record: MeetingRecord) -> str:
    return f"{_when(record)}: {record.meeting.title}"


def history_report(
    group: Group,
    records: Sequence[MeetingRecord],
    outcomes: Sequence[OutcomeReviews] = (),
    prep: Preparation | None = None,
) -> Report:
    """`prep`, the group's preparation: who raised which issue before the meetings, and payment
    and recognition; without it, those sections are left out."""
    title = f"Power balance over time: {group.name}"
    blocks: list[Block] = [Heading(title, 1)]
    if not records:
        blocks.append(Paragraph("No meeting of this group has started yet, so there is no trend."))
        blocks += outcome_progress(outcomes, Names({}))
        return Report(title, tuple(blocks))
    blocks += [
        Paragraph(
            f"{plural(len(records), 'meeting', 'meetings')}, from {_when(records[0])} "
            f"to {_when(records[-1])}."
        ),
        *evenness_over_time(records),
        *perspectives_over_time(group, records),
        *roles_over_time(records),
        *actions_over_time(records),
        *checkout_over_time(records),
        *_preparation(records, prep),
        *you_said_we_did(records, prep, outcomes),
        *outcome_progress(outcomes, records[-1].names),
    ]
    return Report(title, tuple(blocks))


def outcome_progress(outcomes: Sequence[OutcomeReviews], names: Names) -> list[Block]:
    """Each outcome in the group's words, and every review of it with the trend."""
    blocks: list[Block] = [Heading("Outcomes: what success looks like, and progress")]
    if not outcomes:
        return [*blocks, Paragraph("The group has not said what success looks like yet.")]
    for outcome, reviews in outcomes:
        blocks += [
            Heading(outcome.text, 3),
            Paragraph(
                f"Measured by: {outcome.measure} ({outcome.evidence}). "
                f"Progress is rated {outcome.scale_words}. "
                f"Reviewed {schedule_words(outcome, list(reviews))}."
            ),
        ]
        if not reviews:
            blocks.append(Paragraph("Not reviewed yet."))
            continue
        moves = trend(list(reviews))
        blocks.append(
            BarChart(
                "Progress at each review",
                tuple(
                    Bar(
                        full_date(review.reviewed_on),
                        review.progress,
                        f"{review.progress} of {outcome.scale_top} · {move}",
                    )
                    for review, move in moves
                ),
                f"At the latest review progress was {moves[-1][0].progress} of "
                f"{outcome.scale_top} ({moves[-1][1]}).",
                full=outcome.scale_top,
            )
        )
        blocks.append(Bullets(tuple(_evidence(review, names) for review, _ in moves)))
    return blocks


OUTSIDE = "someone outside the group"


def _evidence(review: Review, names: Names) -> str:
    if review.said_by_member:
        who = names(review.said_by_member)
    else:  # their own words, about someone outside the group: never in an anonymised report
        who = OUTSIDE if review.said_by and names.anonymise else review.said_by
    parts = [review.story] if review.story else []
    if review.number is not None:
        parts.append(f"the number was {review.number:g}")
    said = f", said {who}" if who else ""
    return f"{full_date(review.reviewed_on)}{said}: {'; '.join(parts) or 'no evidence given'}."


def evenness_over_time(records: Sequence[MeetingRecord]) -> list[Block]:
    rows = []
    for r in records:
        m = r.measures
        spoke = sum(p.turns > 0 for p in m.people)
        gini = "nobody spoke" if m.gini is None else f"{m.gini:.2f}"
        rows.append(
            (_label(r), str(len(m.people)), f"{spoke} ({percent(m.share_who_spoke)})", gini)
        )
    latest = records[-1].measures
    return [
        Heading("How evenly speaking time was shared"),
        Paragraph(
            "The Gini coefficient is 0 when everyone there spoke for the same time, and near 1 "
            "when one person spoke the whole time. Lower is more even."
        ),
        Table(("Meeting", "There", "Spoke", "Gini"), tuple(rows)),
        BarChart(
            "Share of the people there who spoke",
            tuple(
                Bar(_label(r), r.measures.share_who_spoke or 0, percent(r.measures.share_who_spoke))
                for r in records
            ),
            f"At the latest meeting, {percent(latest.share_who_spoke)} of the people there "
            f"spoke. {gini_words(latest.gini, len(latest.people) or 1)}",
            full=1,
        ),
    ]


def perspectives_over_time(group: Group, records: Sequence[MeetingRecord]) -> list[Block]:
    seen = [
        p
        for p in group.perspectives
        if any(s.perspective == p for r in records for s in r.measures.perspectives)
    ]
    speaking = []
    agenda = []
    for r in records:
        shares = {s.perspective: s.share for s in r.measures.perspectives}
        raised = {p.perspective: p.share for p in r.measures.proposers}
        speaking.append((_label(r), *(percent(shares.get(p)) for p in seen)))
        agenda.append((_label(r), *(percent(raised.get(p)) for p in seen)))
    return [
        Heading("Speaking time, and agenda time, by perspective"),
        Paragraph("The share of each meeting's speaking time taken by people of each perspective."),
        Table(("Meeting", *seen), tuple(speaking)),
        Paragraph(
            "The share of each meeting's agenda time given to items raised by people of each "
            "perspective."
        ),
        Table(("Meeting", *seen), tuple(agenda)),
    ]


def roles_over_time(records: Sequence[MeetingRecord]) -> list[Block]:
    held: Counter[tuple[str, str]] = Counter()
    names = records[-1].names
    perspective: dict[str, str] = {}
    for r in records:
        for role in dict.fromkeys((s.role, s.member_id) for s in r.measures.roles):
            held[role] += 1
        perspective |= {s.member_id: s.perspective for s in r.measures.roles}
    if not held:
        return [Heading("Who held the roles"), Paragraph("Nobody was given a role.")]
    rows = tuple(
        (
            role,
            names.with_perspective(m, perspective[m]),
            plural(n, "meeting", "meetings"),
        )
        for (role, m), n in held.most_common()
    )
    return [
        Heading("Who held the roles"),
        Paragraph("Roles should rotate, with people with lived experience asked first."),
        Table(("Role", "Who", "Held it in"), rows),
    ]


def actions_over_time(records: Sequence[MeetingRecord]) -> list[Block]:
    statuses: Counter[str] = Counter()
    for r in records:
        for action in r.state.actions:
            statuses[r.statuses.get(action.id, OPEN).status] += 1
    total = sum(statuses.values())
    if not total:
        return [Heading("What became of the actions"), Paragraph("No actions were agreed.")]
    order = (DONE, IN_PROGRESS, OPEN.status, NOT_POSSIBLE)
    return [
        Heading("What became of the actions"),
        BarChart(
            "Actions by what became of them",
            tuple(Bar(s, statuses[s], plural(statuses[s], "action", "actions")) for s in order),
            f"{statuses[DONE]} of {plural(total, 'action', 'actions')} agreed are done.",
        ),
    ]


def checkout_over_time(records: Sequence[MeetingRecord]) -> list[Block]:
    questions = list(DEFAULT_QUESTIONS)
    for r in records:
        questions += [q.question for q in r.measures.checkout if q.question not in questions]
    asked = [
        q for q in questions if any(a.question == q for r in records for a in r.measures.checkout)
    ]
    if not asked:
        return [Heading("Check-out over time"), Paragraph("No check-outs were recorded.")]
    rows = []
    for r in records:
        answers = {q.question: q for q in r.measures.checkout}
        cells = [percent(answers[q].yes_share) if q in answers else "—" for q in asked]
        placed = [(n, rung) for rung, n in r.measures.ladder if n]
        rung = max(placed)[1] if placed else "—"
        rows.append((_label(r), str(r.measures.checked_out), *cells, rung))
    return [
        Heading("Check-out over time"),
        Paragraph(
            "The share who said yes to each question (passes left out), and the rung of the "
            "ladder of co-production most people chose."
        ),
        Table(("Meeting", "Checked out", *asked, "Ladder"), tuple(rows)),
    ]


def _preparation(records: Sequence[MeetingRecord], prep: Preparation | None) -> list[Block]:
    if prep is None:
        return []
    title = "Issues raised before the meetings, by perspective"
    names = records[-1].names
    return [
        *issues_by_perspective(prep, title),
        *payments(prep, (r.meeting.id for r in records), names),
    ]
