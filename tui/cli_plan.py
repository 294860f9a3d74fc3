"""The commands for a group's preparation: issues (raised, listed, merged), dot votes, candidate
places with access checklists, times, who can come, access needs and the group agreement.

Issues and places are named by their number as `list` shows it."""

from functools import partial

import click

from session import access, plan
from session.acting import COMMAND_LINE
from session.clock import Clock
from session.dates import full_date, full_date_time, parse_when
from session.dots import parse_dots
from session.duplicates import same_issue
from session.errors import DomainError
from session.plan import GroupPlan, Option
from session.report import plural
from session.setup import Group
from store.plan import GroupPreparation
from store.records import find_meeting, find_member, members_of
from tui.cli_base import db_option, group_option, open_store, pick_group, say


def preparation(clock: Clock, group_ref: str | None) -> tuple[GroupPreparation, Group]:
    db = open_store()
    group = pick_group(db, group_ref)
    return GroupPreparation(db, group.id, clock, COMMAND_LINE), group


def member_id(prep: GroupPreparation, ref: str | None) -> str | None:
    return find_member(prep.db, prep.group_id, ref).id if ref else None


def names(prep: GroupPreparation) -> dict[str | None, str]:
    found: dict[str | None, str] = {m.id: m.name for m in members_of(prep.db, prep.group_id)}
    return {None: "anonymous", **found}


@click.group("issue")
def issue_commands() -> None:
    """What people raise before the agenda exists."""


@issue_commands.command("add")
@click.argument("text")
@click.option("--by", "by_ref", metavar="PERSON", help="Who raised it. Default: anonymous.")
@click.option("--how", default="conversation", show_default=True, help="How it was heard.")
@click.option("--where", default="", help="Where it was heard.")
@click.option("--when", default="today", show_default=True, help="When: today, 3 Dec, ...")
@group_option
@db_option
@click.pass_obj
def issue_add(
    clock: Clock,
    text: str,
    by_ref: str | None,
    how: str,
    where: str,
    when: str,
    group_ref: str | None,
) -> None:
    """Record an issue someone raised: TEXT, in their words."""
    prep, _group = preparation(clock, group_ref)
    heard_on = plan.parse_heard_on(when, clock().astimezone().date())
    prep.do(
        partial(
            plan.raise_issue,
            text=text,
            raised_by=member_id(prep, by_ref),
            heard_how=how,
            heard_on=heard_on,
            heard_where=where,
        )
    )
    new = prep.plan.issues[-1]
    say(f"Recorded issue {new.number}: {new.text}")
    same = next(
        (i for i in prep.plan.open_issues if i.id != new.id and same_issue(i.text, new.text)), None
    )
    if same is not None:
        say(f"It reads the same as issue {same.number}: {same.text}")
        say(
            "To merge them, keeping both people who raised it: "
            f"coproduce issue merge {same.number} {new.number}"
        )


@issue_commands.command("list")
@group_option
@db_option
@click.pass_obj
def issue_list(clock: Clock, group_ref: str | None) -> None:
    """List the open issues, with who raised each, how, where and when."""
    prep, group = preparation(clock, group_ref)
    who = names(prep)
    if not prep.plan.open_issues:
        say(f'No issues yet in {group.name}. Record one with: coproduce issue add "TEXT"')
    for issue in prep.plan.open_issues:
        say(f"{issue.number}. {issue.text}")
        for same in prep.plan.merged(issue.id):
            where = f" at {same.heard_where}" if same.heard_where else ""
            merged = f" (merged from {same.number})" if same.id != issue.id else ""
            say(
                f"    raised by {who.get(same.raised_by, 'someone')} · {same.heard_how}{where} · "
                f"{full_date(same.heard_on)}{merged}"
            )
        if issue.id in prep.plan.not_possible:
            say(f"    not possible, because {prep.plan.not_possible[issue.id]}")


@issue_commands.command("merge")
@click.argument("keep", type=int)
@click.argument("merge", type=int)
@group_option
@db_option
@click.pass_obj
def issue_merge(clock: Clock, keep: int, merge: int, group_ref: str | None) -> None:
    """Merge issue MERGE into issue KEEP: both people who raised them are kept."""
    prep, _group = preparation(clock, group_ref)
    kept = prep.plan.numbered(keep)
    merged = prep.plan.numbered(merge)
    prep.do(partial(plan.merge_issues, kept_id=kept.id, merged_id=merged.id))
    say(f"Merged issue {merge} into issue {keep}: {kept.text}")


@issue_commands.command("not-possible")
@click.argument("number", type=int)
@click.option("--because", required=True, help="Why the group can't act on it, in plain words.")
@group_option
@db_option
@click.pass_obj
def issue_not_possible(clock: Clock, number: int, because: str, group_ref: str | None) -> None:
    """Record that issue NUMBER is not possible, and why: "You said, we did" says so."""
    prep, _group = preparation(clock, group_ref)
    issue = prep.plan.numbered(number)
    prep.do(partial(plan.issue_not_possible, issue_id=issue.id, reason=because))
    kept = prep.plan.issue(prep.plan.kept(issue.id))
    say(f"Issue {kept.number}, “{kept.text}”: not possible, because {because.strip()}")


@issue_commands.command("ways")
@click.argument("ways", nargs=-1, required=True)
@group_option
@db_option
@click.pass_obj
def issue_ways(clock: Clock, ways: tuple[str, ...], group_ref: str | None) -> None:
    """Set the group's own list of WAYS issues are heard (each one an argument)."""
    prep, group = preparation(clock, group_ref)
    prep.do(partial(plan.set_ways, ways=ways))
    say(f"{group.name} hears issues by: {', '.join(prep.plan.ways)}.")


@click.group("vote")
def vote_commands() -> None:
    """Dot votes on the open issues."""


@vote_commands.command("open")
@click.option("--dots", "dots_each", type=int, default=3, show_default=True, help="Dots each.")
@click.option(
    "--present",
    "present_refs",
    multiple=True,
    metavar="PERSON",
    help="Repeat for each. Default: everyone.",
)
@click.option(
    "--professionals/--no-professionals",
    default=True,
    help="Whether professionals vote: the group's choice.",
)
@group_option
@db_option
@click.pass_obj
def vote_open(
    clock: Clock,
    dots_each: int,
    present_refs: tuple[str, ...],
    professionals: bool,
    group_ref: str | None,
) -> None:
    """Start a dot vote on the open issues."""
    prep, _group = preparation(clock, group_ref)
    members = members_of(prep.db, prep.group_id)
    present = (
        {find_member(prep.db, prep.group_id, r).id for r in present_refs}
        if present_refs
        else {m.id for m in members}
    )
    voters = [
        m.id
        for m in members
        if m.id in present and (professionals or m.perspective != "professional")
    ]
    ballot = [i.id for i in prep.plan.open_issues]
    prep.do(
        partial(
            plan.open_vote,
            dots_each=dots_each,
            voters=voters,
            issue_ids=ballot,
            professionals_vote=professionals,
        )
    )
    say(f"Started a vote: {dots_each} dots each for {len(voters)} people, on {len(ballot)} issues.")
    for number, issue_id in enumerate(ballot, start=1):
        say(f"  {number}. {prep.plan.issue(issue_id).text}")


@vote_commands.command("dots")
@click.argument("person_ref", metavar="PERSON")
@click.argument("numbers", nargs=-1)
@group_option
@db_option
@click.pass_obj
def vote_dots(
    clock: Clock, person_ref: str, numbers: tuple[str, ...], group_ref: str | None
) -> None:
    """PERSON's dots, as the vote's issue NUMBERS: 1 1 3, or 2x3 for three on issue 2."""
    prep, _group = preparation(clock, group_ref)
    vote = prep.plan.vote
    if vote is None:
        raise DomainError("There is no vote yet. Start one with: coproduce vote open")
    given = parse_dots(" ".join(numbers), vote.numbered(prep.plan))
    who = member_id(prep, person_ref)
    assert who is not None
    prep.do(partial(plan.give_dots, member_id=who, issue_ids=given))
    say(f"Recorded {len(given)} of {vote.dots_each} dots for {names(prep)[who]}.")


@vote_commands.command("left")
@click.argument("person_ref", metavar="PERSON")
@group_option
@db_option
@click.pass_obj
def vote_left(clock: Clock, person_ref: str, group_ref: str | None) -> None:
    """PERSON left before the vote was over (the dots they gave still count)."""
    prep, _group = preparation(clock, group_ref)
    who = member_id(prep, person_ref)
    assert who is not None
    prep.do(partial(plan.voter_left, member_id=who))
    say(f"{names(prep)[who]} has left; the dots they gave still count.")


@vote_commands.command("results")
@group_option
@db_option
@click.pass_obj
def vote_results(clock: Clock, group_ref: str | None) -> None:
    """The latest vote's results: bars and counts, ties shown as ties."""
    prep, _group = preparation(clock, group_ref)
    vote = prep.plan.vote
    if vote is None:
        raise DomainError("There is no vote yet. Start one with: coproduce vote open")
    for result in vote.results():
        tied = " (tied)" if result.tied else ""
        issue = prep.plan.issue(result.issue_id)
        say(
            f"{result.rank:>3}. {'█' * result.dots} {plural(result.dots, 'dot', 'dots')}"
            f"{tied} — {issue.number}. {issue.text}"
        )


@click.group("place")
def place_commands() -> None:
    """Candidate places and their access checklists."""


@place_commands.command("add")
@click.argument("name")
@click.option("--yes", "yes", multiple=True, metavar="FEATURE", help="A checklist feature it has.")
@click.option("--no", "no", multiple=True, metavar="FEATURE", help="A feature it does not have.")
@group_option
@db_option
@click.pass_obj
def place_add(
    clock: Clock, name: str, yes: tuple[str, ...], no: tuple[str, ...], group_ref: str | None
) -> None:
    """Add a candidate place. Features not given are unknown, never counted as met."""
    prep, _group = preparation(clock, group_ref)
    answers = {**{f: access.NO for f in no}, **{f: access.YES for f in yes}}
    prep.do(partial(plan.add_place, name=name, answers=answers))
    say(
        f"Added place {len(prep.plan.places)}: {name.strip()}. "
        f"Its checklist: {', '.join(access.FEATURES)}."
    )


@place_commands.command("check")
@click.argument("number", type=int)
@click.argument("feature")
@click.argument("answer", type=click.Choice(access.ANSWERS))
@group_option
@db_option
@click.pass_obj
def place_check(
    clock: Clock, number: int, feature: str, answer: str, group_ref: str | None
) -> None:
    """Answer one question (FEATURE) of place NUMBER's checklist."""
    prep, _group = preparation(clock, group_ref)
    place = place_by_number(prep.plan, number)
    prep.do(partial(plan.answer_checklist, place_id=place.id, feature=feature, answer=answer))
    say(f"{place.name}: {access.feature(feature)}: {answer}.")


def place_by_number(state: GroupPlan, number: int) -> plan.Place:
    if not 1 <= number <= len(state.places):
        raise DomainError(f"There is no place {number}. `coproduce place list` shows them.")
    return state.places[number - 1]


@place_commands.command("list")
@group_option
@db_option
@click.pass_obj
def place_list(clock: Clock, group_ref: str | None) -> None:
    """List the candidate places and their checklists."""
    prep, group = preparation(clock, group_ref)
    if not prep.plan.places:
        say(f'No places yet for {group.name}. Add one with: coproduce place add "NAME"')
    for number, place in enumerate(prep.plan.places, start=1):
        say(f"{number}. {place.name}")
        for feature in access.FEATURES:
            say(f"    {place.answers.get(feature, access.UNKNOWN):<8} {feature}")


@click.command("needs")
@click.argument("person_ref", metavar="PERSON")
@click.argument("needs", nargs=-1)
@click.option("--named/--not-named", default=False, help="May they be named beside an unmet need?")
@group_option
@db_option
@click.pass_obj
def needs(
    clock: Clock, person_ref: str, needs: tuple[str, ...], named: bool, group_ref: str | None
) -> None:
    """Record PERSON's access NEEDS, in the access checklist's words (replacing earlier ones)."""
    prep, _group = preparation(clock, group_ref)
    who = member_id(prep, person_ref)
    assert who is not None
    prep.do(partial(plan.record_needs, member_id=who, needs=needs, named=named))
    recorded = prep.plan.needs[who].needs
    say(f"{names(prep)[who]} needs: {', '.join(recorded) or 'nothing on the checklist'}.")


@click.group("option")
def option_commands() -> None:
    """Candidate times and places for a meeting, and who can make each."""


meeting_argument = click.argument("meeting_ref", metavar="MEETING")


def options_of(clock: Clock, meeting_ref: str) -> tuple[GroupPreparation, str, list[Option]]:
    db = open_store()
    meeting = find_meeting(db, meeting_ref)
    prep = GroupPreparation(db, meeting.group_id, clock, COMMAND_LINE)
    return prep, meeting.id, prep.plan.options_for(meeting.id)


@option_commands.command("add")
@meeting_argument
@click.option("--when", required=True, help='e.g. "next wednesday 2pm".')
@click.option("--place", "place_number", type=int, required=True, help="The place's number.")
@db_option
@click.pass_obj
def option_add(clock: Clock, meeting_ref: str, when: str, place_number: int) -> None:
    """Add a candidate time at a candidate place for MEETING."""
    prep, meeting_id, _options = options_of(clock, meeting_ref)
    place = place_by_number(prep.plan, place_number)
    starts_at = parse_when(when, clock().astimezone())
    prep.do(
        partial(plan.propose_option, meeting_id=meeting_id, starts_at=starts_at, place_id=place.id)
    )
    say(f"Added {full_date_time(starts_at)} at {place.name}.")


@option_commands.command("list")
@meeting_argument
@db_option
@click.pass_obj
def option_list(clock: Clock, meeting_ref: str) -> None:
    """MEETING's options, most people able to come first, with the needs each can't meet."""
    prep, meeting_id, _options = options_of(clock, meeting_ref)
    who = names(prep)
    for number, option in prep.plan.ranked_options(meeting_id):
        chosen = " ✔ chosen" if prep.plan.chosen.get(meeting_id) == option.id else ""
        say(
            f"{number}. {full_date_time(option.starts_at)} at "
            f"{prep.plan.place(option.place_id).name}"
            f" — {option.coming} can come{chosen}"
        )
        for match in plan.unmet_needs(prep.plan, option.id):
            named = f"; {', '.join(who[m] for m in match.named)}" if match.named else ""
            count = plural(match.people, "person", "people")
            say(f"    {match.feature}: {match.status} ({count}{named})")


@option_commands.command("can")
@meeting_argument
@click.argument("person_ref", metavar="PERSON")
@click.argument("numbers", nargs=-1, type=int)
@db_option
@click.pass_obj
def option_can(clock: Clock, meeting_ref: str, person_ref: str, numbers: tuple[int, ...]) -> None:
    """PERSON can make the options NUMBERS (as `option list` numbers them), and not the others."""
    prep, _meeting_id, options = options_of(clock, meeting_ref)
    who = member_id(prep, person_ref)
    assert who is not None
    if any(not 1 <= n <= len(options) for n in numbers):
        raise DomainError(f"Options go from 1 to {len(options)}.")
    can = {options[n - 1].id for n in numbers}
    events = [e for o in options for e in plan.can_come(prep.plan, o.id, who, o.id in can)]
    prep.do(lambda _plan: events)
    say(f"{names(prep)[who]} can make {len(can)} of {len(options)} options.")


@option_commands.command("choose")
@meeting_argument
@click.argument("number", type=int)
@click.option("--confirm", is_flag=True, help="Confirm, having read the needs it can't meet.")
@db_option
@click.pass_obj
def option_choose(clock: Clock, meeting_ref: str, number: int, confirm: bool) -> None:
    """Choose option NUMBER for MEETING. Lists unmet needs first; --confirm to go ahead."""
    prep, meeting_id, options = options_of(clock, meeting_ref)
    if not 1 <= number <= len(options):
        raise DomainError(f"Options go from 1 to {len(options)}.")
    option = options[number - 1]
    unmet = plan.unmet_needs(prep.plan, option.id)
    for match in unmet:
        say(
            f"Not met, or not known to be: {match.feature} ({match.status}, "
            f"{plural(match.people, 'person', 'people')})"
        )
    if not confirm:
        say("Nothing chosen yet. Run again with --confirm to choose it.")
        return
    meeting = find_meeting(prep.db, meeting_id)
    prep.do(
        partial(
            plan.choose_option,
            option_id=option.id,
            was_starts_at=meeting.starts_at,
            was_place=meeting.place,
        )
    )
    say(f"Chose {full_date_time(option.starts_at)} at {prep.plan.place(option.place_id).name}.")


@click.group("agreement")
def agreement_commands() -> None:
    """The group agreement (ground rules), written together."""


@agreement_commands.command("set")
@click.argument("rules", nargs=-1, required=True)
@group_option
@db_option
@click.pass_obj
def agreement_set(clock: Clock, rules: tuple[str, ...], group_ref: str | None) -> None:
    """Write the group agreement: each of RULES is one rule. Earlier versions are kept."""
    prep, group = preparation(clock, group_ref)
    prep.do(partial(plan.write_agreement, text="\n".join(rules)))
    say(f"{group.name}'s agreement now has {len(rules)} rules.")


@agreement_commands.command("show")
@group_option
@db_option
@click.pass_obj
def agreement_show(clock: Clock, group_ref: str | None) -> None:
    """Show the group agreement."""
    prep, group = preparation(clock, group_ref)
    agreement = prep.plan.agreement
    if agreement is None:
        say(f'{group.name} has no agreement yet. Write it with: coproduce agreement set "RULE" ...')
        return
    for number, rule in enumerate(agreement.rules, start=1):
        say(f"{number}. {rule}")
