"""Preparing a meeting in the app, as a facilitator would with the group: issues, a dot vote,
the agenda, time and place, roles, the group agreement and payment."""

from datetime import date, timedelta
from functools import partial
from pathlib import Path

from textual.widgets import Checkbox, Select, Static, TextArea

from session import live
from session.follow_up import action_update
from session.setup import new_meeting
from store import records
from store.evaluation import save_action_update
from store.live import LiveMeeting
from store.plan import load_plan
from tests.live_driver import MEETING_TIME, fill, frozen_clock, select, shown
from tests.prepare_driver import group_of_four, person, prepare_app, raise_issue, save
from tui.screens.agreement import AgreementReminder
from tui.screens.form import FormScreen
from tui.screens.live import LiveScreen
from tui.screens.prepare import PrepareScreen
from tui.screens.prepare_forms import MergeOffer


async def test_issues_are_gathered_and_the_same_issue_twice_offers_a_merge(tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(pilot.app.screen, PrepareScreen)
        assert "None yet" in shown(pilot, "#prep-body")
        await raise_issue(pilot, "Bus passes are ending", person(db, "Ann"))
        await raise_issue(pilot, "bus passes are ending!", person(db, "Bob"), "phone")
        assert isinstance(pilot.app.screen, MergeOffer)
        await pilot.press("y")
        await pilot.pause()
        body = shown(pilot, "#prep-body")
        assert "raised by Ann · conversation" in body
        assert "raised by Bob · phone" in body and "(merged from 2)" in body
        assert len(load_plan(db, records.groups(db)[0].id).open_issues) == 1

        await pilot.press("u")
        await pilot.pause()
        assert "2. bus passes are ending!" in shown(pilot, "#prep-body")

        await pilot.press("a")
        await pilot.pause()
        await save(pilot)
        assert isinstance(pilot.app.screen, FormScreen)
        assert "can't be left empty" in shown(pilot, ".form-error")


async def test_an_issue_the_group_cannot_act_on_is_marked_with_why(tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P")
        await pilot.pause()
        await raise_issue(pilot, "Free parking at the hospital", person(db, "Dev"))
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot, "#issue", "1")
        await save(pilot)
        assert "Please type why it is not possible" in shown(pilot, ".form-error")
        await fill(pilot, "#because", "the car park is [b]private[/b]")
        await save(pilot)
        assert isinstance(pilot.app.screen, PrepareScreen)
        body = shown(pilot, "#prep-body")
        assert "✗ not possible, because the car park is [b]private[/b]" in body

    kept = load_plan(db, records.groups(db)[0].id)
    assert list(kept.not_possible.values()) == ["the car park is [b]private[/b]"]


async def test_a_dot_vote_is_entered_person_by_person_and_refuses_too_many(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P")
        for text in ("Bus passes", "Respite care", "Day centre hours"):
            await raise_issue(pilot, text, person(db, "Cat"))
        await pilot.press("v")
        await pilot.pause()
        assert "No vote yet" in shown(pilot, "#prep-body")
        await pilot.press("o")
        await pilot.pause()
        await fill(pilot, "#dots", "2")
        pilot.app.screen.query_one("#pros", Checkbox).value = False
        await save(pilot)
        assert "for everyone present but professionals" in shown(pilot, "#prep-body")

        await pilot.press("d")
        await pilot.pause()
        assert pilot.app.screen.query_one("#who", Select).value == person(db, "Ann")
        await fill(pilot, "#dots", "1 1 2")
        await save(pilot)
        assert "That is 3 dots, and each person has 2" in shown(pilot, ".form-error")
        await fill(pilot, "#dots", "1 1")
        await save(pilot)
        # the next person's form opens at once
        assert pilot.app.screen.query_one("#who", Select).value == person(db, "Bob")
        await fill(pilot, "#dots", "2x2")
        await save(pilot)
        await fill(pilot, "#dots", "3")
        await save(pilot)
        body = shown(pilot, "#prep-body")
        assert "=1st  1. Bus passes" in body and "=1st  2. Respite care" in body
        assert "2 dots · tied" in body and "1 dot\n" in body
        assert "Ann 2/2, Bob 2/2, Cat 1/2" in body and "Dev" not in body


async def test_the_agenda_is_built_from_the_priorities_with_links_and_a_time_warning(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock, length=60)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P")
        await raise_issue(pilot, "Bus passes", person(db, "Ann"))
        await raise_issue(pilot, "Respite care", person(db, "Bob"))
        await pilot.press("b")
        await pilot.pause()
        for issue, minutes in (("2", "40"), ("1", "30")):
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, "#issue", issue)
            await fill(pilot, "#minutes", minutes)
            await save(pilot)
        body = shown(pilot, "#prep-body")
        assert "1. Respite care · 40 min · raised by Bob" in body
        assert "2. Bus passes · 30 min · raised by Ann" in body
        assert "add up to 70 minutes: 10 more than the meeting's 60" in body

        await pilot.press("o")
        await pilot.pause()
        await fill(pilot, "#item", "2")
        await fill(pilot, "#place", "1")
        await select(pilot, "#asked", person(db, "Cat"))
        await fill(pilot, "#why", "the bus passes end in March")
        await save(pilot)
        body = shown(pilot, "#prep-body")
        assert "1. Bus passes" in body
        assert "“Bus passes” moved from 2 to 1: Cat asked, because the bus passes end" in body
        links = db.execute("SELECT title, issue_id FROM agenda_issue_links").fetchall()
        issues = dict(db.execute("SELECT issue_id, text FROM issues").fetchall())
        assert {(title, issues[issue]) for title, issue in links} == {
            ("Respite care", "Respite care"),
            ("Bus passes", "Bus passes"),
        }

        await pilot.press("u")
        await pilot.pause()
        assert "Changes to the order" not in shown(pilot, "#prep-body")


async def test_time_and_place_are_chosen_with_unmet_needs_shown_first(tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P", "t")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        await fill(pilot, "#name", "Library")
        await save(pilot)
        body = shown(pilot, "#prep-body")
        assert "Library: ? step-free access · ? accessible toilets" in body

        await pilot.press("n")
        await pilot.pause()
        await select(pilot, "#who", person(db, "Ann"))
        pilot.app.screen.query_one("#n0", Checkbox).value = True  # step-free access
        pilot.app.screen.query_one("#n4", Checkbox).value = True  # hearing loop
        await save(pilot)
        await pilot.press("k")
        await pilot.pause()
        place = load_plan(db, records.groups(db)[0].id).places[0].id
        await select(pilot, "#place", place)
        await select(pilot, "#feature", "hearing loop")
        await select(pilot, "#answer", "no")
        await save(pilot)

        await pilot.press("o")
        await pilot.pause()
        await fill(pilot, "#when", "next wednesday 2pm")
        await select(pilot, "#place", place)
        await save(pilot)
        await pilot.press("c")
        await pilot.pause()
        await select(pilot, "#who", person(db, "Bob"))
        await fill(pilot, "#can", "1")
        await save(pilot)
        body = shown(pilot, "#prep-body")
        assert "1 of 4 can come" in body
        assert "hearing loop: not met (1 person)" in body
        assert "step-free access: unknown (1 person)" in body and "Ann" not in body

        await pilot.press("x")
        await pilot.pause()
        assert "hearing loop: not met" in shown(pilot, "#unmet")
        await save(pilot)
        meeting = records.meetings(db)[0]
        assert meeting.place == "Library" and meeting.starts_at.strftime("%a %H:%M") == "Wed 14:00"
        assert "✔ CHOSEN" in shown(pilot, "#prep-body")
        assert "Now planned: Wednesday 9 December 2026 at 14:00 at Library" in shown(
            pilot, "#prep-body"
        )
        await pilot.press("u")
        await pilot.pause()
        assert records.meetings(db)[0].place == "Town hall"


async def test_roles_are_offered_and_filled_and_the_agreement_opens_the_meeting(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P", "r")
        await pilot.pause()
        assert "This is the group's first meeting" in shown(pilot, "#prep-body")
        await pilot.press("v")
        await pilot.pause()
        await select(pilot, "#role", "chair")
        await select(pilot, "#who", person(db, "Cat"))
        await save(pilot)
        assert "1. Cat — volunteered, lived experience; never held it" in shown(pilot, "#prep-body")
        await pilot.press("h")
        await pilot.pause()
        assert pilot.app.screen.query_one("#who", Select).value == person(db, "Cat")
        await save(pilot)
        assert "Chair: Cat" in shown(pilot, "#prep-body")

        await pilot.press("escape", "g")
        await pilot.pause()
        assert "has not written its agreement" in shown(pilot, "#prep-body")
        await pilot.press("e")
        await pilot.pause()
        pilot.app.screen.query_one("#rules", TextArea).text = "Take turns to speak\nNo jargon"
        await save(pilot)
        assert "1. Take turns to speak\n2. No jargon" in shown(pilot, "#prep-body")

        await pilot.press("escape", "escape", "enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AgreementReminder)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LiveScreen)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(pilot.app.screen, AgreementReminder), "and again on request"
        assert any(
            "1. Take turns to speak" in str(s.content) for s in pilot.app.screen.query(Static)
        )
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LiveScreen)


async def test_payment_and_recognition_are_recorded_for_the_meeting(tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P", "p")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await select(pilot, "#who", person(db, "Ann"))
        pilot.app.screen.query_one("#expenses", Checkbox).value = True
        await fill(pilot, "#given", "Bus fare")
        await fill(pilot, "#amount", "£abc")
        await save(pilot)
        assert "isn't an amount" in shown(pilot, ".form-error")
        await fill(pilot, "#amount", "£4.50")
        await save(pilot)
        assert "Ann: offered expenses · given: Bus fare · £4.50" in shown(pilot, "#prep-body")


async def test_last_meetings_unfinished_actions_are_offered_as_the_first_item(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    group = records.groups(db)[0]
    earlier = new_meeting(
        group, "Winter", MEETING_TIME - timedelta(days=30), "Hall", "in person", 60
    )
    records.save_meeting(db, earlier, clock)
    past = LiveMeeting(db, earlier.id, clock)
    past.do(partial(live.start_meeting, present=[person(db, "Ann")]))
    for what in ("Ring the council", "Book the room"):
        past.do(
            partial(
                live.record_action, what=what, owner_id=person(db, "Ann"), due=date(2026, 12, 1)
            )
        )
    save_action_update(db, past.state.actions[0].id, action_update("done"), clock)

    async with prepare_app(db, clock).run_test(size=(100, 40)) as pilot:
        await pilot.press("P")  # the list shows the latest meeting first: Spring
        await raise_issue(pilot, "Bus passes", person(db, "Bob"))
        await pilot.press("b", "a")
        await save(pilot)
        await pilot.press("r")
        await pilot.pause()
        body = shown(pilot, "#prep-body")
        assert "1. Actions review: 1 unfinished action · 10 min" in body
        assert "2. Bus passes" in body
        assert "moved from 2 to 1: the facilitator asked, because unfinished actions" in body
