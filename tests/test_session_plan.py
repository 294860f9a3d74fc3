"""Preparation before the agenda exists, as pure rules: issues and merges, dot votes, agendas
built from them, needs matched against places, and the order roles are offered in."""

from datetime import UTC, date, datetime, timedelta

import pytest

from session import access
from session.agenda import (
    add_actions_review,
    add_from_issue,
    length_warning,
    reorder_item,
    unfinished,
)
from session.dots import parse_dots, tally
from session.duplicates import same_issue
from session.errors import DomainError
from session.events import Event, Recorded, RoleHanded
from session.live import Action, LiveState, add_item
from session.live import fold as fold_meeting
from session.plan import (
    GroupPlan,
    add_place,
    answer_checklist,
    can_come,
    choose_option,
    fold,
    give_dots,
    merge_issues,
    open_vote,
    parse_heard_on,
    propose_option,
    raise_issue,
    record_needs,
    undo,
    unmet_needs,
    voter_left,
    write_agreement,
)
from session.power import ActionStatus
from session.role_offers import offer_to_hold, suggestions
from session.setup import Member

T0 = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
TODAY = date(2026, 11, 26)


class Log:
    """Commands run one after another, each a batch, folded as the store would."""

    def __init__(self) -> None:
        self.log: list[Recorded] = []

    def add(self, events: list[Event]) -> None:
        batch = len(self.log) + 1
        for offset, event in enumerate(events):
            self.log.append(Recorded(batch + offset, batch, T0, event))

    def plan(self) -> GroupPlan:
        return fold("g", self.log)

    def meeting(self) -> LiveState:
        return fold_meeting("m", self.log)


def with_issues(*texts: str) -> Log:
    log = Log()
    for number, text in enumerate(texts):
        log.add(raise_issue(log.plan(), text, f"p{number}", "conversation", TODAY))
    return log


# --- issues and merges -----------------------------------------------------------------------


def test_same_issue_ignores_case_punctuation_and_spacing() -> None:
    assert same_issue("Bus passes ending?", "bus  passes ENDING")
    assert same_issue("the bus passes are ending soon", "bus passes are ending soon")
    assert not same_issue("Bus passes", "Respite care")
    assert not same_issue("", "")


def test_merging_keeps_both_people_who_raised_it() -> None:
    log = with_issues("Bus passes", "bus passes!")
    first, second = log.plan().issues
    log.add(merge_issues(log.plan(), first.id, second.id))
    plan = log.plan()
    assert [i.id for i in plan.open_issues] == [first.id]
    assert plan.raisers(first.id) == ["p0", "p1"]
    with pytest.raises(DomainError, match="already the same issue"):
        merge_issues(plan, first.id, second.id)
    log.add(undo(plan))
    assert len(log.plan().open_issues) == 2


def test_an_issue_heard_in_a_way_not_on_the_groups_list_is_refused() -> None:
    with pytest.raises(DomainError, match="conversation, phone"):
        raise_issue(GroupPlan("g"), "Bus passes", None, "carrier pigeon", TODAY)


def test_when_an_issue_was_heard() -> None:
    assert parse_heard_on("", TODAY) == TODAY
    assert parse_heard_on("yesterday", TODAY) == TODAY - timedelta(days=1)
    assert parse_heard_on("3 Dec", TODAY) == date(2025, 12, 3)
    with pytest.raises(DomainError):
        parse_heard_on("soonish", TODAY)


# --- dot votes -------------------------------------------------------------------------------


def test_no_votes_leave_every_issue_tied_at_nought() -> None:
    results = tally(["a", "b"], {})
    assert [(r.dots, r.rank, r.tied) for r in results] == [(0, 1, True), (0, 1, True)]


def test_equal_counts_are_shown_as_ties_sharing_a_rank() -> None:
    results = tally(["a", "b", "c"], {"ann": ["b", "b", "c"], "bob": ["c", "a"]})
    assert [(r.issue_id, r.dots, r.rank, r.tied) for r in results] == [
        ("b", 2, 1, True),
        ("c", 2, 1, True),
        ("a", 1, 3, False),
    ]


def test_dots_of_people_who_then_left_still_count() -> None:
    log = with_issues("Bus passes", "Respite")
    plan = log.plan()
    ballot = [i.id for i in plan.issues]
    log.add(open_vote(plan, 3, ["ann", "bob"], ballot))
    log.add(give_dots(log.plan(), "ann", [ballot[1]] * 3))
    log.add(voter_left(log.plan(), "ann"))
    vote = log.plan().vote
    assert vote is not None and vote.left == ("ann",)
    assert [(r.issue_id, r.dots) for r in vote.results()] == [(ballot[1], 3), (ballot[0], 0)]
    with pytest.raises(DomainError, match="left"):
        give_dots(log.plan(), "ann", [])


def test_more_dots_than_allowed_are_refused_with_a_message() -> None:
    log = with_issues("Bus passes")
    ballot = [i.id for i in log.plan().issues]
    log.add(open_vote(log.plan(), 2, ["ann"], ballot))
    with pytest.raises(DomainError, match="That is 3 dots, and each person has 2"):
        give_dots(log.plan(), "ann", ballot * 3)


def test_dots_are_typed_as_issue_numbers() -> None:
    ballot = {1: "a", 4: "b"}  # issue 2 and 3 were merged into others
    assert parse_dots("1 1, 4", ballot) == ("a", "a", "b")
    assert parse_dots("4x3", ballot) == ("b", "b", "b")
    with pytest.raises(DomainError, match=r"no issue 3 in this vote\. Its issues: 1, 4"):
        parse_dots("3", ballot)
    with pytest.raises(DomainError, match="not an issue number"):
        parse_dots("bus", ballot)


def test_giving_dots_again_replaces_the_earlier_ones() -> None:
    log = with_issues("Bus passes", "Respite")
    ballot = [i.id for i in log.plan().issues]
    log.add(open_vote(log.plan(), 2, ["ann"], ballot))
    log.add(give_dots(log.plan(), "ann", [ballot[0]]))
    log.add(give_dots(log.plan(), "ann", [ballot[1]]))
    vote = log.plan().vote
    assert vote is not None and vote.results()[0].issue_id == ballot[1]


# --- the agenda ------------------------------------------------------------------------------


def test_an_item_from_merged_issues_links_them_all_and_keeps_who_raised_them() -> None:
    log = with_issues("Bus passes", "bus passes")
    first, second = log.plan().issues
    log.add(merge_issues(log.plan(), first.id, second.id))
    events = add_from_issue(LiveState("m"), log.plan(), second.id, 20)
    meeting = Log()
    meeting.add(events)
    (item,) = meeting.meeting().items
    assert item.title == "Bus passes" and item.proposed_by == "p0"
    assert item.issue_ids == (first.id, second.id)
    with pytest.raises(DomainError, match="already on this agenda"):
        add_from_issue(meeting.meeting(), log.plan(), first.id, 5)


def test_a_warning_when_the_time_boxes_add_up_to_more_than_the_meeting() -> None:
    meeting = Log()
    meeting.add(add_item(meeting.meeting(), "One", None, 50))
    assert length_warning(meeting.meeting(), 60) == ""
    meeting.add(add_item(meeting.meeting(), "Two", None, 20))
    warning = length_warning(meeting.meeting(), 60)
    assert "add up to 70 minutes" in warning and "10 more than the meeting's 60" in warning


def test_a_reorder_says_who_asked_and_why() -> None:
    meeting = Log()
    meeting.add(add_item(meeting.meeting(), "One", None, 5))
    meeting.add(add_item(meeting.meeting(), "Two", None, 5))
    two = meeting.meeting().items[1]
    with pytest.raises(DomainError, match="who asked"):
        reorder_item(meeting.meeting(), two.id, 0, None, "urgent")
    meeting.add(reorder_item(meeting.meeting(), two.id, 0, "ann", "The deadline is Friday"))
    state = meeting.meeting()
    assert [i.title for i in state.items] == ["Two", "One"]
    (move,) = state.moves
    assert (move.before, move.after, move.asked_by, move.reason) == (
        1,
        0,
        "ann",
        "The deadline is Friday",
    )


def test_unfinished_actions_from_last_time_are_offered_as_the_first_item() -> None:
    actions = [Action(str(n), None, f"Do {n}", "ann", TODAY, T0) for n in range(3)]
    statuses = {"0": ActionStatus("done"), "1": ActionStatus("in progress")}
    still_open = unfinished(actions, statuses)
    assert [a.id for a in still_open] == ["1", "2"]
    meeting = Log()
    meeting.add(add_item(meeting.meeting(), "Bus passes", None, 5))
    meeting.add(add_actions_review(meeting.meeting(), len(still_open), 10))
    assert meeting.meeting().items[0].title == "Actions review: 2 unfinished actions"
    with pytest.raises(DomainError, match="no unfinished actions"):
        add_actions_review(meeting.meeting(), 0, 10)


# --- time, place and access ------------------------------------------------------------------


def place_with(log: Log, answers: dict[str, str]) -> str:
    log.add(add_place(log.plan(), "Library", answers))
    return log.plan().places[-1].id


def test_a_place_with_an_empty_checklist_leaves_every_need_unknown() -> None:
    needs = [access.Need("ann", ("hearing loop", "step-free access"), named=True)]
    matches = access.match({}, needs)
    assert [(m.feature, m.status) for m in matches] == [
        ("step-free access", "unknown"),
        ("hearing loop", "unknown"),
    ]
    assert access.not_met(matches) == matches


def test_needs_are_matched_and_listed_by_need_naming_only_those_who_agreed() -> None:
    log = Log()
    place = place_with(log, {"step-free access": "yes", "hearing loop": "no"})
    log.add(propose_option(log.plan(), "m", T0, place))
    option = log.plan().options[0].id
    log.add(record_needs(log.plan(), "ann", ["hearing loop", "step-free"], named=True))
    log.add(record_needs(log.plan(), "bob", ["Hearing loop", "quiet room"]))
    log.add(record_needs(log.plan(), "cat", ["quiet room"]))
    log.add(can_come(log.plan(), option, "cat", False))
    unmet = unmet_needs(log.plan(), option)
    assert [(m.feature, m.status, m.people, m.named) for m in unmet] == [
        ("hearing loop", "not met", 2, ("ann",)),
        ("quiet room", "unknown", 1, ()),
    ]
    log.add(answer_checklist(log.plan(), place, "quiet room", "yes"))
    assert [m.feature for m in unmet_needs(log.plan(), option)] == ["hearing loop"]
    log.add(choose_option(log.plan(), option, T0, "Old place"))
    assert log.plan().chosen == {"m": option}


def test_options_are_ranked_by_how_many_can_come() -> None:
    log = Log()
    place = place_with(log, {})
    log.add(propose_option(log.plan(), "m", T0, place))
    log.add(propose_option(log.plan(), "m", T0 + timedelta(days=1), place))
    first, second = (o.id for o in log.plan().options)
    for person in ("ann", "bob"):
        log.add(can_come(log.plan(), second, person, True))
    log.add(can_come(log.plan(), first, "ann", True))
    log.add(can_come(log.plan(), first, "ann", False))
    ranked = log.plan().ranked_options("m")
    assert [(n, o.id, o.coming) for n, o in ranked] == [(2, second, 2), (1, first, 0)]


def test_a_need_off_the_checklist_is_refused_with_the_list() -> None:
    with pytest.raises(DomainError, match="step-free access, accessible toilets"):
        record_needs(GroupPlan("g"), "ann", ["a pony"])


# --- roles and the agreement -----------------------------------------------------------------


def member(id_: str, perspective: str) -> Member:
    return Member(id_, "g", id_.title(), perspective)


def test_roles_are_offered_to_volunteers_with_lived_experience_first_then_least_held() -> None:
    members = [
        member("pro", "professional"),
        member("ann", "lived experience"),
        member("bob", "lived experience"),
        member("cat", "carer or family"),
    ]
    before = Log()
    before.add([RoleHanded("chair", "cat"), RoleHanded("chair", "bob")])
    history = [before.meeting()]
    meeting = Log()
    for volunteer in ("pro", "bob"):
        meeting.add(offer_to_hold(meeting.meeting(), "chair", volunteer))
    offers = suggestions(meeting.meeting(), members, history, "chair")
    assert [(o.member_id, o.reason) for o in offers] == [
        ("bob", "volunteered, lived experience; held it 1 time"),
        ("pro", "volunteered; never held it"),
        ("ann", "never held it"),
        ("cat", "held it 1 time"),
    ]
    with pytest.raises(DomainError, match="already volunteered"):
        offer_to_hold(meeting.meeting(), "chair", "bob")


def test_the_group_agreement_keeps_every_version() -> None:
    log = Log()
    log.add(write_agreement(log.plan(), "- Take turns to speak\n\n- No jargon"))
    log.add(write_agreement(log.plan(), "Take turns\nSay if you do not understand"))
    plan = log.plan()
    assert [a.rules for a in plan.agreements] == [
        ("Take turns to speak", "No jargon"),
        ("Take turns", "Say if you do not understand"),
    ]
    with pytest.raises(DomainError):
        write_agreement(plan, "  \n- ")
