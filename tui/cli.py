"""The `coproduce` command: set up groups, people, meetings and agendas, try the example,
export minutes, and open the live screen.

Everything typed is checked by the same rules the screens use; a refusal is one plain sentence
on stderr and exit code 1, with nothing saved. Text from the database is printed literally."""

from functools import partial

import click

from session import live
from session.acting import COMMAND_LINE
from session.clock import Clock, system_clock
from session.dates import full_date_time, parse_when
from session.ids import short
from session.setup import DEFAULT_PERSPECTIVES, MEETING_FORMATS, new_group, new_meeting, new_member
from store.folded import folded
from store.live import LiveMeeting
from store.records import (
    find_meeting,
    find_member,
    groups,
    meeting_in_progress,
    meetings,
    members_of,
    save_group,
    save_meeting,
    save_member,
)
from tui.cli_base import (
    KindGroup,
    db_option,
    group_option,
    open_store,
    pick_group,
    say,
    start_file_check,
)

DEFAULT_TIMEBOX = 15
meeting_argument = click.argument("meeting_ref", metavar="MEETING")


# Where each command that lives in its own module is defined (see KindGroup).
COMMANDS = {
    "action": "tui.cli_evaluation:action_commands",
    "agreement": "tui.cli_plan:agreement_commands",
    "data": "tui.cli_evaluation:data",
    "export": "tui.cli_minutes:export",
    "export-person": "tui.cli_privacy:export_person",
    "forget": "tui.cli_privacy:forget_command",
    "history": "tui.cli_history:history",
    "issue": "tui.cli_plan:issue_commands",
    "join": "tui.cli_devices:join",
    "merge": "tui.cli_evaluation:merge",
    "minutes": "tui.cli_devices:minutes",
    "needs": "tui.cli_plan:needs",
    "option": "tui.cli_plan:option_commands",
    "outcome": "tui.cli_outcomes:outcome_commands",
    "payment": "tui.cli_meeting_prep:payment_commands",
    "place": "tui.cli_plan:place_commands",
    "report": "tui.cli_evaluation:report",
    "review": "tui.cli_outcomes:review_commands",
    "reviews": "tui.cli_outcomes:reviews",
    "role": "tui.cli_meeting_prep:role_commands",
    "serve": "tui.cli_devices:serve",
    "vote": "tui.cli_plan:vote_commands",
}
GROUP_COMMANDS = {"questions": "tui.cli_questions:questions"}
AGENDA_COMMANDS = {
    "check": "tui.cli_meeting_prep:agenda_check",
    "from-issue": "tui.cli_meeting_prep:agenda_from_issue",
    "move": "tui.cli_meeting_prep:agenda_move",
    "review": "tui.cli_meeting_prep:agenda_review",
    "send": "tui.cli_meeting_prep:agenda_send",
}


@click.group(cls=KindGroup, invoke_without_command=True, lazy=COMMANDS)
@db_option
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Run a co-production meeting live on a projected screen.

    Without a command, resumes the meeting in progress, else opens the list of meetings.
    """
    if ctx.invoked_subcommand is not None:
        return
    check = start_file_check()
    from tui.app import make_app  # Textual loads while the file is checked

    db = open_store(check)
    make_app(db, meeting_in_progress(db), ctx.obj).run()


@cli.command()
@db_option
@click.pass_obj
def demo(clock: Clock) -> None:
    """Open an example meeting to try things out.

    The example group and meeting are made the first time and reused after that, with two
    meetings the group held before, to try the evaluation with (E on the list of meetings).
    """
    check = start_file_check()
    from store.demo import DEMO_GROUP, create_demo
    from store.demo_history import create_demo_history
    from tui.app import make_app  # Textual loads while the file is checked

    db = open_store(check)
    meeting_id = create_demo(db, clock)
    create_demo_history(db, DEMO_GROUP, clock)
    make_app(db, meeting_id, clock).run()


@cli.group("group", cls=KindGroup, lazy=GROUP_COMMANDS)
def group_commands() -> None:
    """The groups that meet, and the perspectives their members bring."""


@group_commands.command("new")
@click.argument("name")
@click.option(
    "--perspective",
    "perspectives",
    multiple=True,
    metavar="PERSPECTIVE",
    help="A perspective members can choose; repeat for each. "
    f"Default: {', '.join(DEFAULT_PERSPECTIVES)}.",
)
@db_option
@click.pass_obj
def group_new(clock: Clock, name: str, perspectives: tuple[str, ...]) -> None:
    """Start a group called NAME."""
    db = open_store()
    group = new_group(name, perspectives or DEFAULT_PERSPECTIVES)
    save_group(db, group, clock, COMMAND_LINE)
    say(f"Started the group “{group.name}” ({short(group.id)}).")
    say(f"Its perspectives: {', '.join(group.perspectives)}.")


@group_commands.command("list")
@db_option
def group_list() -> None:
    """List the groups."""
    found = groups(open_store())
    if not found:
        say('There are no groups yet. Start one with: coproduce group new "NAME"')
    for group in found:
        say(f"{short(group.id)}  {group.name}")


@cli.group("person")
def person_commands() -> None:
    """The people in a group."""


@person_commands.command("add")
@click.argument("name")
@group_option
@click.option(
    "--perspective", required=True, metavar="PERSPECTIVE", help="One of the group's perspectives."
)
@click.option("--needs", default="", metavar="TEXT", help="Their access and communication needs.")
@click.option(
    "--consent/--no-consent",
    default=True,
    help="Whether they agree to be named in the minutes. Yes unless --no-consent.",
)
@click.option("--easy-read", is_flag=True, help="They asked for easy-read papers.")
@click.option(
    "--extra-time",
    is_flag=True,
    help="Their needs ask for extra time to speak: twice the group's soft limit per turn.",
)
@db_option
@click.pass_obj
def person_add(
    clock: Clock,
    name: str,
    group_ref: str | None,
    perspective: str,
    needs: str,
    consent: bool,
    extra_time: bool,
    easy_read: bool,
) -> None:
    """Add NAME, the name they want to be called, to a group."""
    db = open_store()
    group = pick_group(db, group_ref)
    member = new_member(
        group, name, perspective, needs, consent, extra_time=extra_time, easy_read=easy_read
    )
    save_member(db, member, clock, COMMAND_LINE)
    say(f"Added {member.name} ({member.perspective}) to {group.name}.")
    if not consent:
        say("They will not be named in the minutes.")


@person_commands.command("list")
@group_option
@db_option
def person_list(group_ref: str | None) -> None:
    """List the people in a group."""
    db = open_store()
    group = pick_group(db, group_ref)
    people = members_of(db, group.id)
    if not people:
        say(f"Nobody is in {group.name} yet. Add someone with: coproduce person add NAME")
    for member in people:
        details = [member.perspective]
        if member.needs:
            details.append(f"needs: {member.needs}")
        if not member.consent_named:
            details.append("not to be named in the minutes")
        if member.easy_read:
            details.append("wants easy-read papers")
        say(f"{short(member.id)}  {member.name} — {'; '.join(details)}")


@cli.group("meeting")
def meeting_commands() -> None:
    """A group's meetings."""


@meeting_commands.command("new")
@click.argument("title")
@group_option
@click.option(
    "--when", required=True, metavar="WHEN", help='When it starts, e.g. "next tuesday 2pm".'
)
@click.option("--place", required=True, metavar="PLACE", help="Where it happens.")
@click.option(
    "--format",
    "format_",
    required=True,
    metavar="FORMAT",
    help=f"One of: {', '.join(MEETING_FORMATS)}.",
)
@click.option(
    "--length",
    type=int,
    required=True,
    metavar="MINUTES",
    help="How long it is planned for, in minutes.",
)
@click.option(
    "--breaks-every",
    type=int,
    default=0,
    metavar="MINUTES",
    help="Remind the room to take a break every MINUTES (0, the default: no reminders).",
)
@db_option
@click.pass_obj
def meeting_new(
    clock: Clock,
    title: str,
    group_ref: str | None,
    when: str,
    place: str,
    format_: str,
    length: int,
    breaks_every: int,
) -> None:
    """Plan a meeting called TITLE."""
    db = open_store()
    group = pick_group(db, group_ref)
    starts_at = parse_when(when, clock().astimezone())
    meeting = new_meeting(group, title, starts_at, place, format_, length, breaks_every)
    save_meeting(db, meeting, clock, COMMAND_LINE)
    say(f"Planned “{meeting.title}” for {full_date_time(meeting.starts_at)}.")
    say(f"Its id is {short(meeting.id)}. Add to its agenda with:")
    say(f'    coproduce agenda add {short(meeting.id)} "ITEM"')


@meeting_commands.command("list")
@db_option
def meeting_list() -> None:
    """List every group's meetings, earliest first."""
    db = open_store()
    found = meetings(db)
    if not found:
        say("There are no meetings yet. Plan one with: coproduce meeting new TITLE")
    names = {group.id: group.name for group in groups(db)}
    for meeting in found:
        say(
            f"{short(meeting.id)}  {full_date_time(meeting.starts_at)}  {meeting.title}"
            f" — {names[meeting.group_id]}, {meeting.place} ({meeting.format})"
        )


@cli.group("agenda", cls=KindGroup, lazy=AGENDA_COMMANDS)
def agenda_commands() -> None:
    """A meeting's agenda."""


@agenda_commands.command("add")
@meeting_argument
@click.argument("title")
@click.option(
    "--proposed-by", "proposer_ref", metavar="PERSON", help="Who asked for it: a name or id."
)
@click.option(
    "--minutes", type=int, default=DEFAULT_TIMEBOX, show_default=True, help="Its time box."
)
@db_option
@click.pass_obj
def agenda_add(
    clock: Clock, meeting_ref: str, title: str, proposer_ref: str | None, minutes: int
) -> None:
    """Add an item called TITLE to MEETING's agenda (its title or id)."""
    db = open_store()
    meeting = find_meeting(db, meeting_ref)
    proposer = find_member(db, meeting.group_id, proposer_ref).id if proposer_ref else None
    LiveMeeting(db, meeting.id, clock, role=COMMAND_LINE).do(
        partial(live.add_item, title=title, proposed_by=proposer, timebox_minutes=minutes)
    )
    say(f"Added “{title.strip()}” ({minutes} min) to the agenda of “{meeting.title}”.")


@agenda_commands.command("list")
@meeting_argument
@db_option
def agenda_list(meeting_ref: str) -> None:
    """List MEETING's agenda (its title or id)."""
    db = open_store()
    meeting = find_meeting(db, meeting_ref)
    items = folded(db, meeting.id).items
    if not items:
        say(f"The agenda of “{meeting.title}” is empty.")
    names = {member.id: member.name for member in members_of(db, meeting.group_id)}
    for number, item in enumerate(items, start=1):
        proposer = f", proposed by {names[item.proposed_by]}" if item.proposed_by else ""
        say(f"{number}. {item.title} ({item.timebox_minutes} min{proposer})")


def main() -> None:
    cli(obj=system_clock)
