"""Two meetings the example group has already held, so that evaluation has something to show:
who spoke, whose items got the time, check-outs, actions followed up, issues raised before the
second meeting (two taken up, one not possible, one waiting) and payment for it. Made once, like
the demo.

The first meeting is dominated by professionals; by the second, time is shared more evenly."""

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

from sqlite_utils import Database

from session import live, plan
from session.checkout import DEFAULT_QUESTIONS, give_checkout
from session.clock import Clock, FrozenClock
from session.events import Event
from session.follow_up import action_update
from session.live import LiveState
from session.outcomes import new_outcome, new_review
from session.setup import Group, new_meeting
from store.evaluation import save_action_update
from store.live import LiveMeeting
from store.outcomes import save_outcome, save_review
from store.plan import GroupPreparation
from store.records import find_group, meetings, members_of, save_meeting

Step = Callable[[LiveState], list[Event]] | float  # a command, or minutes passing

FIRST = "Planning the year together"
SECOND = "Transport and short breaks: a first look"


def create_demo_history(db: Database, group_name: str, clock: Clock) -> None:
    """Hold the example group's two earlier meetings, unless they are there already."""
    group = find_group(db, group_name)
    if any(m.title in (FIRST, SECOND) for m in meetings(db, group.id)):
        return
    ids = {m.name.split()[0]: m.id for m in members_of(db, group.id)}
    today = clock().astimezone().date()
    first_day, second_day = today - timedelta(weeks=8), today - timedelta(weeks=4)
    first = _hold(db, group, FIRST, first_day, _first_meeting(ids, first_day))
    prep = GroupPreparation(db, group.id, FrozenClock(clock() - timedelta(weeks=6)))
    issues = _issues(prep, ids, today - timedelta(weeks=6))
    second = _hold(db, group, SECOND, second_day, _second_meeting(ids, second_day, issues))
    for name, offered, given, pence in (
        ("Margaret", ("payment", "expenses"), "£20 and a taxi", 3150),
        ("Tom", ("payment",), "£20 voucher", 2000),
        ("Priya", (), "", None),
    ):
        prep.do(
            partial(
                plan.record_payment,
                meeting_id=second.meeting_id,
                member_id=ids[name],
                offered=offered,
                given=given,
                amount_pence=pence,
            )
        )
    later = FrozenClock(clock() - timedelta(weeks=3))
    save_action_update(db, first.state.actions[0].id, action_update("done"), later)
    save_action_update(db, second.state.actions[0].id, action_update("done"), later)
    save_action_update(
        db,
        second.state.actions[1].id,
        action_update("not possible", "the council would not share the transport contract"),
        later,
    )
    save_action_update(db, second.state.actions[2].id, action_update("in progress"), later)
    _outcomes(db, group, ids, FrozenClock(clock() - timedelta(weeks=8)), second_day)


def _issues(prep: GroupPreparation, ids: dict[str, str], day: date) -> list[str]:
    """Issues raised before the second meeting: the ids of the two it takes up."""
    raised = []
    for text, by, how in (
        ("The bus to the day centre is late or does not come", "Margaret", "phone"),
        ("Nobody explains how to book a short break", "David", "conversation"),
        ("Letters from the council are hard to read", None, "outdoor or community event"),
        ("Free parking at the hospital", "Joan", "conversation"),
    ):
        prep.do(
            partial(
                plan.raise_issue,
                text=text,
                raised_by=ids[by] if by else None,
                heard_how=how,
                heard_on=day,
            )
        )
        raised.append(prep.plan.issues[-1].id)
    prep.do(
        partial(
            plan.issue_not_possible,
            issue_id=raised[3],
            reason="the hospital car park is run by a private company, not the council",
        )
    )
    return raised[:3]


def _outcomes(
    db: Database, group: Group, ids: dict[str, str], then: FrozenClock, day: date
) -> None:
    """One outcome reviewed once already, and one whose review is due now."""
    on_time = new_outcome(
        group.id,
        "People get to day services on time, every time",
        "Late or missed pick-ups each month, and what people tell us",
        "story and number",
        "every month",
        then().date(),
    )
    short_breaks = new_outcome(
        group.id,
        "Carers can book a short break without help",
        "Carers' own stories of booking one",
        "story",
        "in 1 month",
        then().date(),
    )
    save_outcome(db, on_time, then)
    save_outcome(db, short_breaks, then)
    review = new_review(
        on_time,
        day,
        1,
        "Seven late pick-ups in October; two people missed their day centre",
        7,
        ids["Margaret"],
    )
    save_review(db, review, then)


def _hold(db: Database, group: Group, title: str, day: date, steps: list[Step]) -> LiveMeeting:
    starts_at = datetime.combine(day, time(14, 0))
    meeting = new_meeting(group, title, starts_at, "Riverside Community Centre", "hybrid", 90)
    clock = FrozenClock(starts_at.astimezone(UTC))
    save_meeting(db, meeting, clock)
    held = LiveMeeting(db, meeting.id, clock)
    for step in steps:
        if isinstance(step, float | int):
            clock.advance(step * 60)
        else:
            held.do(step)
    return held


def _turn(member_id: str, minutes: float) -> list[Step]:
    return [
        partial(live.raise_hand, member_id=member_id),
        live.next_speaker,
        float(minutes),
        live.end_turn,
    ]


def _checkout(member_id: str, answers: tuple[str, str, str], rung: str) -> Step:
    return partial(
        give_checkout,
        member_id=member_id,
        questions=DEFAULT_QUESTIONS,
        answers=answers,
        rung=rung,
    )


def _item(title: str, proposer: str, minutes: int, issue_ids: tuple[str, ...] = ()) -> Step:
    return partial(
        live.add_item,
        title=title,
        proposed_by=proposer,
        timebox_minutes=minutes,
        issue_ids=issue_ids,
    )


def _first_meeting(p: dict[str, str], day: date) -> list[Step]:
    due = day + timedelta(weeks=2)
    present = [p[n] for n in ("Margaret", "David", "Priya", "Tom", "Aisha", "Gareth", "Joan")]
    return [
        _item("What we want to change this year", p["Priya"], 30),
        _item("How we run our meetings", p["Margaret"], 20),
        _item("Paying people for their time", p["Gareth"], 20),
        partial(live.start_meeting, present=present),
        partial(live.hand_role, role=live.MINUTE_TAKER, member_id=p["Priya"]),
        *_turn(p["Priya"], 9),
        *_turn(p["Gareth"], 8),
        *_turn(p["Margaret"], 2),
        *_turn(p["David"], 3),
        partial(
            live.record_decision, text="Focus on transport and short breaks", method="consensus"
        ),
        3.0,
        partial(live.move_item, step=1),
        *_turn(p["Priya"], 4),
        *_turn(p["Tom"], 1),
        *_turn(p["Aisha"], 2),
        partial(
            live.record_decision, text="Meet every month and share out the roles", method="consent"
        ),
        partial(
            live.record_action,
            what="Find a step-free room with a hearing loop",
            owner_id=p["Gareth"],
            due=due,
        ),
        2.0,
        partial(live.move_item, step=1),
        *_turn(p["Gareth"], 6),
        *_turn(p["Priya"], 3),
        partial(
            live.record_decision,
            text="Pay £20 an hour for meetings, and travel costs",
            method="vote",
            votes_for=6,
            abstentions=1,
        ),
        live.end_meeting,
        _checkout(p["Margaret"], ("partly", "no", "no"), "consultation"),
        _checkout(p["Tom"], ("no", "no", "no"), "informing"),
        _checkout(p["Joan"], ("pass", "pass", "no"), "consultation"),
        _checkout(p["Priya"], ("yes", "yes", "yes"), "co-design"),
        _checkout(p["Gareth"], ("yes", "yes", "partly"), "engagement"),
    ]


def _second_meeting(p: dict[str, str], day: date, issues: list[str]) -> list[Step]:
    due = day + timedelta(weeks=2)
    present = [
        p[n] for n in ("Margaret", "David", "Priya", "Tom", "Aisha", "Gareth", "Joan", "Chloe")
    ]
    return [
        _item("Late and cancelled pick-ups", p["Margaret"], 25, (issues[0],)),
        _item("Booking a short break", p["David"], 25, (issues[1],)),
        _item("Letters people can read", p["Tom"], 15, (issues[2],)),
        partial(live.start_meeting, present=present),
        partial(live.hand_role, role=live.MINUTE_TAKER, member_id=p["Tom"]),
        *_turn(p["Margaret"], 5),
        *_turn(p["Joan"], 3),
        *_turn(p["Priya"], 3),
        *_turn(p["Tom"], 3),
        partial(
            live.record_decision,
            text="Ask the transport team to come to our next meeting",
            method="consensus",
        ),
        partial(
            live.record_action,
            what="Invite the transport team",
            owner_id=p["Margaret"],
            due=due,
        ),
        partial(
            live.record_action,
            what="Get a copy of the transport contract",
            owner_id=p["Gareth"],
            due=due,
        ),
        partial(live.move_item, step=1),
        partial(live.hand_role, role=live.MINUTE_TAKER, member_id=p["Margaret"]),
        *_turn(p["David"], 5),
        *_turn(p["Chloe"], 4),
        *_turn(p["Aisha"], 3),
        *_turn(p["Gareth"], 3),
        partial(
            live.record_action,
            what="Write a one-page guide to booking a short break",
            owner_id=p["David"],
            due=due,
        ),
        partial(live.move_item, step=1),
        *_turn(p["Tom"], 4),
        *_turn(p["Priya"], 2),
        partial(
            live.record_decision,
            text="Easy Read versions of every letter, tested with Tom",
            method="consensus",
        ),
        live.end_meeting,
        _checkout(p["Margaret"], ("yes", "yes", "partly"), "co-design"),
        _checkout(p["Tom"], ("yes", "partly", "yes"), "co-design"),
        _checkout(p["Joan"], ("partly", "yes", "yes"), "engagement"),
        _checkout(p["David"], ("yes", "yes", "yes"), "co-production"),
        _checkout(p["Chloe"], ("yes", "pass", "yes"), "co-design"),
        _checkout(p["Priya"], ("yes", "yes", "yes"), "co-design"),
    ]
