"""A group of four with a meeting to prepare, and Pilot helpers for the preparation screens."""

from datetime import timedelta
from functools import partial
from pathlib import Path

from sqlite_utils import Database
from textual.pilot import Pilot

from session import plan
from session.clock import FrozenClock
from session.dots import parse_dots
from session.setup import new_group, new_meeting, new_member
from store import records
from store.db import open_db
from store.plan import GroupPreparation
from tests.live_driver import MEETING_TIME, fill, select
from tui.app import CoproduceApp, make_app

PEOPLE = (
    ("Ann", "lived experience"),
    ("Bob", "carer or family"),
    ("Cat", "lived experience"),
    ("Dev", "professional"),
)


def group_of_four(path: Path, clock: FrozenClock, length: int = 60) -> Database:
    db = open_db(path)
    group = new_group("Riverside forum")
    records.save_group(db, group, clock)
    for name, perspective in PEOPLE:
        records.save_member(db, new_member(group, name, perspective), clock)
    meeting = new_meeting(
        group, "Spring meeting", MEETING_TIME + timedelta(days=7), "Town hall", "in person", length
    )
    records.save_meeting(db, meeting, clock)
    return db


def prepare_app(db: Database, clock: FrozenClock) -> CoproduceApp:
    return make_app(db, None, clock)


def person(db: Database, name: str) -> str:
    return records.find_member(db, records.groups(db)[0].id, name).id


async def save(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+s")
    await pilot.pause()


async def raise_issue(pilot: Pilot[None], text: str, by: str, how: str = "conversation") -> None:
    await pilot.press("a")
    await pilot.pause()
    await fill(pilot, "#text", text)
    await select(pilot, "#by", by)
    await select(pilot, "#how", how)
    await save(pilot)


ISSUES = (
    ("Bus passes are ending", "Ann", "conversation"),
    ("Respite care is hard to book", "Bob", "phone"),
    ("Day centre [opening] hours", "Cat", "outdoor or community event"),
    ("Nobody answers the phone", "Dev", "meeting"),
    ("Carers' breaks", "Bob", "conversation"),
    ("Easy-read letters", "Cat", "other"),
)
DOTS = {"Ann": "1 1 2", "Bob": "2 2 5", "Cat": "1 3 6", "Dev": "3 2 1"}


def six_issues_voted(db: Database, clock: FrozenClock) -> None:
    """Six issues from four people, and everyone's three dots given."""
    group_id = records.groups(db)[0].id
    prep = GroupPreparation(db, group_id, clock)
    today = clock().date()
    for text, by, how in ISSUES:
        prep.do(
            partial(
                plan.raise_issue, text=text, raised_by=person(db, by), heard_how=how, heard_on=today
            )
        )
    voters = [person(db, name) for name, _ in PEOPLE]
    prep.do(
        partial(
            plan.open_vote, dots_each=3, voters=voters, issue_ids=[i.id for i in prep.plan.issues]
        )
    )
    vote = prep.plan.vote
    assert vote is not None
    for name, typed in DOTS.items():
        given = parse_dots(typed, vote.numbered(prep.plan))
        prep.do(partial(plan.give_dots, member_id=person(db, name), issue_ids=given))
