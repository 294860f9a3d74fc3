"""The commands that prepare one meeting: its agenda built from the group's issues (with a time
warning, reorders that say who asked and why, the actions review, and the agenda to send out),
the roles offered, and payment and recognition."""

from functools import partial
from pathlib import Path

import click

from session import agenda, live, plan
from session.acting import COMMAND_LINE
from session.clock import Clock
from session.dates import full_date
from session.errors import DomainError
from session.events import ROLES
from session.role_offers import offer_to_hold, suggestions
from store.files import write_private
from store.live import LiveMeeting
from store.plan import GroupPreparation, earlier_meetings, unfinished_from_last_time
from store.records import find_meeting, find_member, members_of
from store.sendable import agenda_html, agenda_markdown
from tui.cli_base import db_option, say
from tui.cli_base import open_store as open_db_store

meeting_argument = click.argument("meeting_ref", metavar="MEETING")
DEFAULT_TIMEBOX = 15
REVIEW_MINUTES = 10


def meeting_and_plan(clock: Clock, meeting_ref: str) -> tuple[LiveMeeting, GroupPreparation]:
    db = open_db_store()
    meeting = find_meeting(db, meeting_ref)
    return (
        LiveMeeting(db, meeting.id, clock, role=COMMAND_LINE),
        GroupPreparation(db, meeting.group_id, clock, COMMAND_LINE),
    )


def warn_if_long(meeting: LiveMeeting) -> None:
    length = find_meeting(meeting.db, meeting.meeting_id).length_minutes
    warning = agenda.length_warning(meeting.state, length)
    if warning:
        say(warning)


@click.command("from-issue")
@meeting_argument
@click.argument("number", type=int)
@click.option(
    "--minutes", type=int, default=DEFAULT_TIMEBOX, show_default=True, help="Its time box."
)
@click.option("--title", default="", help="Its title on the agenda. Default: the issue's words.")
@db_option
@click.pass_obj
def agenda_from_issue(
    clock: Clock, meeting_ref: str, number: int, minutes: int, title: str
) -> None:
    """Put issue NUMBER (as `issue list` numbers it) on MEETING's agenda."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    if not 1 <= number <= len(prep.plan.issues):
        raise DomainError(f"There is no issue {number}. `coproduce issue list` shows them.")
    issue = prep.plan.issues[number - 1]
    meeting.do(
        partial(
            agenda.add_from_issue,
            plan=prep.plan,
            issue_id=issue.id,
            timebox_minutes=minutes,
            title=title,
        )
    )
    say(f"Added “{meeting.state.items[-1].title}” ({minutes} min), from issue {number}.")
    warn_if_long(meeting)


@click.command("move")
@meeting_argument
@click.argument("number", type=int)
@click.argument("place", type=int)
@click.option("--asked-by", "asked_ref", metavar="PERSON", help="Who asked (needed).")
@click.option("--why", default="", help="Why it moved (needed).")
@db_option
@click.pass_obj
def agenda_move(
    clock: Clock, meeting_ref: str, number: int, place: int, asked_ref: str | None, why: str
) -> None:
    """Move item NUMBER of MEETING's agenda to PLACE (1 is first), saying who asked and why."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    items = meeting.state.items
    if not 1 <= number <= len(items):
        raise DomainError(f"The agenda's items go from 1 to {len(items)}.")
    asked = find_member(meeting.db, prep.group_id, asked_ref).id if asked_ref else None
    meeting.do(
        partial(
            agenda.reorder_item,
            item_id=items[number - 1].id,
            position=place - 1,
            asked_by=asked,
            reason=why,
        )
    )
    say(f"Moved “{items[number - 1].title}” to place {place}.")


@click.command("review")
@meeting_argument
@click.option(
    "--minutes", type=int, default=REVIEW_MINUTES, show_default=True, help="Its time box."
)
@db_option
@click.pass_obj
def agenda_review(clock: Clock, meeting_ref: str, minutes: int) -> None:
    """Add the group's previous meeting's unfinished actions as MEETING's first item."""
    meeting, _prep = meeting_and_plan(clock, meeting_ref)
    found = unfinished_from_last_time(meeting.db, find_meeting(meeting.db, meeting.meeting_id))
    meeting.do(partial(agenda.add_actions_review, open_actions=len(found), timebox_minutes=minutes))
    for action in found:
        say(f"  • {action.what} (due {full_date(action.due)})")
    say("Added the actions review as the first item.")
    warn_if_long(meeting)


@click.command("send")
@meeting_argument
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The Markdown file; the easy-read HTML goes beside it (.html).",
)
@db_option
def agenda_send(meeting_ref: str, output: Path) -> None:
    """Write MEETING's agenda to send out: Markdown, and easy-read HTML beside it."""
    db = open_db_store()
    meeting = find_meeting(db, meeting_ref)
    html_path = output.with_suffix(".html")
    write_private(output, agenda_markdown(db, meeting.id))
    write_private(html_path, agenda_html(db, meeting.id))
    say(f"Wrote {output} and {html_path}.")


@click.command("check")
@meeting_argument
@db_option
@click.pass_obj
def agenda_check(clock: Clock, meeting_ref: str) -> None:
    """Say whether MEETING's time boxes fit its length, and every reorder with who and why."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    length = find_meeting(meeting.db, meeting.meeting_id).length_minutes
    say(f"{agenda.planned_minutes(meeting.state)} of {length} minutes planned.")
    warn_if_long(meeting)
    names = {m.id: m.name for m in members_of(meeting.db, prep.group_id)}
    titles = {i.id: i.title for i in meeting.state.items}
    for move in meeting.state.moves:
        asked = names.get(move.asked_by or "", "the facilitator")
        say(
            f"Moved “{titles[move.item_id]}” from {move.before + 1} to {move.after + 1}: "
            f"{asked} asked, because {move.reason}"
        )


@click.group("role")
def role_commands() -> None:
    """The roles offered for a meeting: chair, minute-taker, timekeeper."""


@role_commands.command("volunteer")
@meeting_argument
@click.argument("role", type=click.Choice(ROLES))
@click.argument("person_ref", metavar="PERSON")
@db_option
@click.pass_obj
def role_volunteer(clock: Clock, meeting_ref: str, role: str, person_ref: str) -> None:
    """PERSON would like to hold ROLE at MEETING."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    who = find_member(meeting.db, prep.group_id, person_ref)
    meeting.do(partial(offer_to_hold, role=role, member_id=who.id))
    say(f"{who.name} volunteered as {role}.")


@role_commands.command("suggest")
@meeting_argument
@db_option
@click.pass_obj
def role_suggest(clock: Clock, meeting_ref: str) -> None:
    """Who each role is offered to first, and why, with who held it before."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    members = members_of(meeting.db, prep.group_id)
    names = {m.id: m.name for m in members}
    earlier = earlier_meetings(meeting.db, find_meeting(meeting.db, meeting.meeting_id))
    history = [state for _m, state in earlier]
    for role in ROLES:
        holder = meeting.state.holder(role)
        say(f"{role}: {names[holder] if holder else 'nobody yet'}")
        for number, offer in enumerate(suggestions(meeting.state, members, history, role), start=1):
            say(f"  {number}. {names[offer.member_id]} — {offer.reason}")
    for past, state in earlier:
        held = "; ".join(f"{s.role}: {names.get(s.member_id, 'someone')}" for s in state.roles)
        say(
            f"Before: {full_date(past.starts_at.date())} {past.title} — "
            f"{held or 'no roles recorded'}"
        )


@role_commands.command("hand")
@meeting_argument
@click.argument("role", type=click.Choice(ROLES))
@click.argument("person_ref", metavar="PERSON")
@db_option
@click.pass_obj
def role_hand(clock: Clock, meeting_ref: str, role: str, person_ref: str) -> None:
    """PERSON holds ROLE at MEETING."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    who = find_member(meeting.db, prep.group_id, person_ref)
    meeting.do(partial(live.hand_role, role=role, member_id=who.id))
    say(f"{who.name} is the {role}.")


@click.group("payment")
def payment_commands() -> None:
    """Payment, expenses and recognition for a meeting, kept for the evaluation."""


@payment_commands.command("add")
@meeting_argument
@click.argument("person_ref", metavar="PERSON")
@click.option("--offered", multiple=True, type=click.Choice(plan.OFFERS), help="Repeat for each.")
@click.option("--given", default="", help="What was given, e.g. a voucher, bus fare.")
@click.option("--amount", default="", help="In pounds, optional: 20 or £7.50.")
@db_option
@click.pass_obj
def payment_add(
    clock: Clock,
    meeting_ref: str,
    person_ref: str,
    offered: tuple[str, ...],
    given: str,
    amount: str,
) -> None:
    """Record what PERSON was offered for MEETING and what was given."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    who = find_member(meeting.db, prep.group_id, person_ref)
    pence = plan.parse_pence(amount)
    prep.do(
        partial(
            plan.record_payment,
            meeting_id=meeting.meeting_id,
            member_id=who.id,
            offered=offered,
            given=given,
            amount_pence=pence,
        )
    )
    say(f"Recorded for {who.name}: offered {' and '.join(offered) or 'nothing'}.")


@payment_commands.command("list")
@meeting_argument
@db_option
@click.pass_obj
def payment_list(clock: Clock, meeting_ref: str) -> None:
    """What each person was offered for MEETING and what was given."""
    meeting, prep = meeting_and_plan(clock, meeting_ref)
    names = {m.id: m.name for m in members_of(meeting.db, prep.group_id)}
    found = [p for p in prep.plan.payments if p.meeting_id == meeting.meeting_id]
    if not found:
        say("Nothing recorded yet for this meeting.")
    for p in found:
        amount = "" if p.amount_pence is None else f" · £{p.amount_pence / 100:,.2f}"
        given = f" · given: {p.given}" if p.given else ""
        say(
            f"{names.get(p.member_id, 'someone')}: offered "
            f"{' and '.join(p.offered) or 'nothing'}{given}{amount}"
        )
