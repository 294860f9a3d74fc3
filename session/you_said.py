""" "You said, we did": for each issue people raised before the meetings, who raised it and what
came of it (the agenda items it became, their decisions, the actions and what became of them),
or that it was not possible and why, or that it has not been taken up yet. Agenda items that
did not come from an issue follow, meeting by meeting."""

from collections.abc import Sequence

from session.dates import full_date
from session.follow_up import NOT_POSSIBLE
from session.live import Item
from session.outcomes import Outcome, OutcomeReviews, Review, trend
from session.plan import Issue
from session.power import OPEN, MeetingRecord
from session.recognition import Preparation
from session.report import Block, Bullets, Heading, Line, Paragraph, Strong, duration


def _label(record: MeetingRecord) -> str:
    return f"{record.meeting.starts_at:%d %b %Y}: {record.meeting.title}"


def you_said_we_did(
    records: Sequence[MeetingRecord],
    prep: Preparation | None,
    outcomes: Sequence[OutcomeReviews] = (),
) -> list[Block]:
    blocks: list[Block] = [
        Heading("You said, we did"),
        Paragraph(
            "For each issue people raised before the meetings: who raised it, and what came of "
            "it. Then the agenda items raised at the meetings themselves."
        ),
    ]
    issues = prep.plan.open_issues if prep else []
    if prep is None or not issues:
        blocks.append(Paragraph("No issues raised before the meetings were recorded."))
    else:
        for issue in issues:
            blocks += _issue(issue, prep, records, outcomes)
    return blocks + _raised_at_meetings(records, issues_above=prep is not None)


def _issue(
    issue: Issue,
    prep: Preparation,
    records: Sequence[MeetingRecord],
    outcomes: Sequence[OutcomeReviews],
) -> list[Block]:
    plan = prep.plan
    merged = {i.id for i in plan.merged(issue.id)}
    names = records[-1].names if records else None
    raised = prep.raised_by(issue, names) if names else "someone"
    where = f" at {issue.heard_where}" if issue.heard_where else ""
    heard = (
        f"Raised by {raised}. Heard {full_date(issue.heard_on)}{where} (how: {issue.heard_how})."
    )
    lines: list[Line] = []
    for record in records:
        for item in record.state.items:
            if merged & set(item.issue_ids):
                lines += _what_came(record, item)
    if not lines and prep.taken_up(issue.id):
        lines.append((Strong("On the agenda"), " of a meeting still to come."))
    lines += [
        _progress(outcome, reviews)
        for outcome, reviews in outcomes
        if any(plan.kept(i) == issue.id for i in outcome.issue_ids)
    ]
    if issue.id in plan.not_possible:
        lines.append((Strong("Not possible,"), f" because {plan.not_possible[issue.id]}"))
    if not lines:
        lines.append((Strong("Not taken up yet."),))
    return [Heading(issue.text, 3), Paragraph(heard), Bullets(tuple(lines))]


def _progress(outcome: Outcome, reviews: Sequence[Review]) -> Line:
    if not reviews:
        return (Strong("Outcome:"), f" “{outcome.text}”, not reviewed yet.")
    latest, move = trend(list(reviews))[-1]
    return (
        Strong("Outcome:"),
        f" “{outcome.text}”: progress {latest.progress} of {outcome.scale_top} at the review "
        f"on {full_date(latest.reviewed_on)} ({move}).",
    )


def _what_came(record: MeetingRecord, item: Item) -> list[Line]:
    seconds = next((i.seconds for i in record.measures.items if i.item_id == item.id), 0.0)
    lines: list[Line] = [
        (
            Strong("On the agenda:"),
            f" “{item.title}”, {_label(record)} ({duration(seconds)} of the meeting's time).",
        )
    ]
    lines += [
        (Strong("Decided:"), f" {record.state.amended_text(d.id, d.text)}")
        for d in record.state.decisions
        if d.item_id == item.id
    ]
    lines += [
        (
            Strong("Action:"),
            f" {a.what} ({record.names(a.owner_id)}, by {full_date(a.due)}): "
            f"{status_words(record, a.id)}",
        )
        for a in record.state.actions
        if a.item_id == item.id
    ]
    return lines


def _raised_at_meetings(records: Sequence[MeetingRecord], issues_above: bool) -> list[Block]:
    """The agenda items not shown above under the issue they came from."""
    blocks: list[Block] = []
    for r in records:
        from_issues = {i.id for i in r.state.items if i.issue_ids and issues_above}
        lines = []
        for item in r.measures.items:
            if item.item_id in from_issues:
                continue
            raised = (
                r.names.with_perspective(item.proposed_by, item.perspective)
                if item.proposed_by
                else "nobody named"
            )
            decided = [
                r.state.amended_text(d.id, d.text)
                for d in r.state.decisions
                if d.item_id == item.item_id
            ]
            done = [
                f"{a.what} ({r.names(a.owner_id)}): {status_words(r, a.id)}"
                for a in r.state.actions
                if a.item_id == item.item_id
            ]
            did = (
                " ".join([f"Decided: {d}." for d in decided] + [f"Action: {a}." for a in done])
                or "Nothing was decided or taken on yet."
            )
            lines.append(f"“{item.title}”, raised by {raised}. {did}")
        if lines:
            blocks += [Heading(f"Raised at the meeting: {_label(r)}", 3), Bullets(tuple(lines))]
    return blocks


def status_words(record: MeetingRecord, action_id: str) -> str:
    status = record.statuses.get(action_id, OPEN)
    return (
        f"{status.status}, because {status.note}"
        if status.status == NOT_POSSIBLE
        else (f"{status.status} ({status.note})" if status.note else status.status)
    )
