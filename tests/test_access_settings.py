"""What a group and its members asked for is kept: theme, easy read, scheduled breaks."""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Static

from session.clock import FrozenClock
from session.errors import DomainError
from session.setup import new_group, new_meeting, new_member
from store import records, settings
from store.db import open_db
from tests.cli_runner import coproduce, saved
from tests.live_driver import demo_app, fill, frozen_clock, select, shown
from tui.app import make_app

CLOCK = FrozenClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))


def test_a_members_wish_for_easy_read_papers_is_kept(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    records.save_member(db, new_member(group, "Joan", "carer or family", easy_read=True), CLOCK)
    records.save_member(db, new_member(group, "Sam", "professional"), CLOCK)
    assert [(m.name, m.easy_read) for m in records.members_of(db, group.id)] == [
        ("Joan", True),
        ("Sam", False),
    ]


def test_a_meetings_break_interval_is_kept(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    meeting = new_meeting(group, "Transport", CLOCK(), "Hall", "in person", 120, 45)
    records.save_meeting(db, meeting, CLOCK)
    assert records.get_meeting(db, meeting.id).break_every_minutes == 45


@pytest.mark.parametrize("minutes", [-5, 13 * 60])
def test_a_break_interval_out_of_range_is_refused(minutes: int) -> None:
    with pytest.raises(DomainError, match="time between breaks"):
        new_meeting(new_group("G"), "T", CLOCK(), "Hall", "in person", 120, minutes)


def test_a_groups_theme_is_remembered(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    assert settings.group_theme(db, group.id) is None
    settings.remember_group_theme(db, group.id, "high-contrast-light", CLOCK)
    assert settings.group_theme(db, group.id) == "high-contrast-light"


def test_the_command_line_records_easy_read_and_a_break_interval() -> None:
    assert coproduce("group", "new", "Carers' forum").exit_code == 0
    added = coproduce("person", "add", "Joan", "--perspective", "carer or family", "--easy-read")
    assert added.exit_code == 0, added.output
    assert "Joan — carer or family; wants easy-read papers" in coproduce("person", "list").output
    planned = coproduce(
        "meeting",
        "new",
        "Transport",
        "--when",
        "next tuesday 2pm",
        "--place",
        "Hall",
        "--format",
        "in person",
        "--length",
        "120",
        "--breaks-every",
        "45",
    )
    assert planned.exit_code == 0, planned.output
    [meeting] = records.meetings(saved())
    assert meeting.break_every_minutes == 45


async def test_the_people_form_and_the_live_screen_show_who_wants_easy_read(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(100, 30)) as pilot:
        easy_read = app.screen.query_one("#easy-read", Static)
        assert not easy_read.display  # nobody in the example asked yet
        await pilot.press("plus")
        await pilot.pause()
        await fill(pilot, "#name", "Sam")
        await select(pilot, "#perspective", "lived experience")
        app.screen.query_one("#easy-read", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert easy_read.display
        assert shown(pilot, "#easy-read") == "▤ Easy-read papers: 1 person asked for them"


async def test_the_meeting_form_sets_a_break_interval_and_refuses_a_bad_one(
    tmp_path: Path,
) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    app = make_app(db, None, CLOCK)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await select(pilot, "#group", group.id)
        await fill(pilot, "#title", "Transport")
        await fill(pilot, "#when", "next tuesday 2pm")
        await fill(pilot, "#place", "Hall")
        await fill(pilot, "#breaks", "-10")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "time between breaks" in shown(pilot, ".form-error")
        assert records.meetings(db) == []
        await fill(pilot, "#breaks", "45")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [meeting] = records.meetings(db)
    assert meeting.break_every_minutes == 45
