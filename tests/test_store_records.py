"""Saving groups, members and meetings and finding them again by what people type
(store/records.py)."""

from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from session.clock import FrozenClock
from session.setup import Group, Meeting, new_group, new_meeting, new_member
from store import records
from store.db import memory_db
from store.errors import StoreError

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
TRICKY = "[bold]Ann[/] \x1b[31m émigré"


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(T0)


@pytest.fixture
def db() -> Database:
    return memory_db()


@pytest.fixture
def group(db: Database, clock: FrozenClock) -> Group:
    group = new_group("Riverside Carers", ("Parent", "Young person", "[Other]"))
    records.save_group(db, group, clock)
    return group


def add_meeting(
    db: Database, clock: FrozenClock, group: Group, title: str, starts_at: datetime
) -> Meeting:
    meeting = new_meeting(group, title, starts_at, "Hall", "in person", 90)
    records.save_meeting(db, meeting, clock)
    return meeting


def refusal(call: object, *args: object) -> str:
    assert callable(call)
    with pytest.raises(StoreError) as caught:
        call(*args)
    return str(caught.value)


def test_a_group_round_trips(db: Database, group: Group) -> None:
    assert records.get_group(db, group.id) == group
    assert records.groups(db) == [group]
    row = db["groups"].get(group.id)
    assert row["created_at"] == T0.isoformat()


def test_groups_come_back_in_the_order_they_were_made(db: Database, clock: FrozenClock) -> None:
    made = []
    for name in ("Zebra", "Apple", "Mango"):
        made.append(new_group(name))
        records.save_group(db, made[-1], clock)
    assert [g.name for g in records.groups(db)] == ["Zebra", "Apple", "Mango"]


def test_text_is_stored_exactly(db: Database, clock: FrozenClock) -> None:
    group = new_group(TRICKY, (TRICKY, "other"))
    records.save_group(db, group, clock)
    member = new_member(group, TRICKY, TRICKY.upper(), needs="[needs] \x1b[0m")
    records.save_member(db, member, clock)
    assert records.get_group(db, group.id) == group
    assert records.members_of(db, group.id) == [member]


def test_members_round_trip_in_order_within_their_group(
    db: Database, clock: FrozenClock, group: Group
) -> None:
    other = new_group("Elsewhere")
    records.save_group(db, other, clock)
    ann = new_member(group, "Ann", "parent", "Large print", consent_named=False)
    bob = new_member(group, "Bob", "young person")
    stranger = new_member(other, "Cat", "other")
    for member in (ann, stranger, bob):
        records.save_member(db, member, clock)
        clock.advance(1)
    assert records.members_of(db, group.id) == [ann, bob]
    assert records.members_of(db, other.id) == [stranger]
    assert records.members_of(db, group.id)[0].consent_named is False


def test_meetings_round_trip_sorted_by_when_they_start(
    db: Database, clock: FrozenClock, group: Group
) -> None:
    later = add_meeting(db, clock, group, "January", datetime(2027, 1, 7, 14, 0))
    sooner = add_meeting(db, clock, group, "December", datetime(2026, 12, 3, 14, 0))
    other = new_group("Elsewhere")
    records.save_group(db, other, clock)
    theirs = add_meeting(db, clock, other, "Theirs", datetime(2026, 12, 1, 10, 0))
    assert records.meetings(db, group.id) == [sooner, later]
    assert records.meetings(db) == [theirs, sooner, later]
    assert records.get_meeting(db, later.id) == later


def test_a_meeting_keeps_its_time_zone(db: Database, clock: FrozenClock, group: Group) -> None:
    meeting = add_meeting(db, clock, group, "Aware", datetime(2026, 12, 3, 14, 0, tzinfo=UTC))
    assert records.get_meeting(db, meeting.id).starts_at == meeting.starts_at


def test_get_reports_a_missing_id_as_a_store_error(db: Database) -> None:
    assert refusal(records.get_group, db, "nope") == "There is no group with the id nope."
    assert refusal(records.get_meeting, db, "nope") == "There is no meeting with the id nope."


def test_find_group_by_id_prefix_full_id_or_name(db: Database, group: Group) -> None:
    assert records.find_group(db, group.id[:8]) == group
    assert records.find_group(db, group.id) == group
    assert records.find_group(db, group.id[:8].upper()) == group
    assert records.find_group(db, "Riverside Carers") == group
    assert records.find_group(db, "  riverside CARERS ") == group


def test_the_start_of_a_name_finds_it_when_only_one_starts_that_way(
    db: Database, group: Group, clock: FrozenClock
) -> None:
    assert records.find_group(db, "riverside") == group
    member = new_member(group, "Margaret Okafor", "Parent")
    records.save_member(db, member, clock)
    assert records.find_member(db, group.id, "margaret") == member
    records.save_group(db, new_group("Riverside Youth"), clock)
    assert refusal(records.find_group, db, "Riverside") == (
        "More than one group matches “Riverside”: please be more precise. "
        "`coproduce group list` shows them."
    )


def test_an_exact_name_wins_over_the_start_of_an_id(
    db: Database, group: Group, clock: FrozenClock
) -> None:
    named_like_an_id = new_group(group.id[:4])
    records.save_group(db, named_like_an_id, clock)
    assert records.find_group(db, group.id[:4]) == named_like_an_id


def test_find_group_missing(db: Database) -> None:
    assert refusal(records.find_group, db, "Nobody") == (
        "No group matches “Nobody”. `coproduce group list` shows them."
    )


@pytest.mark.parametrize("ref", ["", "   "])
def test_a_blank_reference_matches_nothing(db: Database, group: Group, ref: str) -> None:
    assert refusal(records.find_group, db, ref).startswith("No group matches")
    member = new_member(group, "Ann", "parent")
    records.save_member(db, member, FrozenClock(T0))
    assert refusal(records.find_member, db, group.id, ref).startswith(
        "No person in this group matches"
    )


def test_find_group_ambiguous_name(db: Database, clock: FrozenClock, group: Group) -> None:
    records.save_group(db, new_group("riverside carers"), clock)
    assert refusal(records.find_group, db, "Riverside Carers") == (
        "More than one group matches “Riverside Carers”: please be more precise. "
        "`coproduce group list` shows them."
    )


def test_find_group_ambiguous_id_prefix(db: Database, clock: FrozenClock) -> None:
    a = Group("abc111", "A")
    b = Group("abc222", "B")
    for group in (a, b):
        records.save_group(db, group, clock)
    assert refusal(records.find_group, db, "abc").startswith("More than one group matches “abc”")
    assert records.find_group(db, "abc2") == b


def test_find_member_looks_only_in_the_group(
    db: Database, clock: FrozenClock, group: Group
) -> None:
    other = new_group("Elsewhere")
    records.save_group(db, other, clock)
    ann = new_member(group, "Ann", "parent")
    other_ann = new_member(other, "Ann", "other")
    records.save_member(db, ann, clock)
    records.save_member(db, other_ann, clock)
    assert records.find_member(db, group.id, "ann") == ann
    assert records.find_member(db, other.id, "ANN") == other_ann
    assert records.find_member(db, group.id, ann.id[:8]) == ann
    assert refusal(records.find_member, db, group.id, other_ann.id[:8]) == (
        f"No person in this group matches “{other_ann.id[:8]}”. `coproduce person list` shows them."
    )


def test_find_member_ambiguous(db: Database, clock: FrozenClock, group: Group) -> None:
    records.save_member(db, new_member(group, "Ann", "parent"), clock)
    records.save_member(db, new_member(group, "ann", "parent"), clock)
    assert refusal(records.find_member, db, group.id, "Ann").startswith(
        "More than one person in this group matches “Ann”"
    )


def test_find_meeting_by_title_or_id(db: Database, clock: FrozenClock, group: Group) -> None:
    meeting = add_meeting(db, clock, group, "December meeting", datetime(2026, 12, 3, 14, 0))
    assert records.find_meeting(db, "december MEETING") == meeting
    assert records.find_meeting(db, meeting.id[:8]) == meeting
    assert refusal(records.find_meeting, db, "January") == (
        "No meeting matches “January”. `coproduce meeting list` shows them."
    )
