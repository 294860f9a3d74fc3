"""Setting up inside the app: a group, a meeting, its people and its agenda, with no CLI."""

from pathlib import Path

from textual.widgets import Checkbox

from store import records
from store.db import open_db
from tests.live_driver import fill, frozen_clock, select, shown
from tui.app import make_app
from tui.screens.form import FormScreen
from tui.screens.live import LiveScreen


async def test_a_new_user_sets_up_a_group_and_meeting_and_opens_it(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    app = make_app(db, None, frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert "No groups yet" in shown(pilot, "#home-hint")

        await pilot.press("g")
        await fill(pilot, "#name", "Hillside [carers] forum")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "No meetings yet" in shown(pilot, "#home-hint")

        await pilot.press("n")
        await pilot.pause()
        group = records.groups(db)[0]
        await select(pilot, "#group", group.id)
        await fill(pilot, "#title", "First meeting")
        await fill(pilot, "#when", "next tuesday 2pm")
        assert shown(pilot, "#when-read-back") == "→ Tuesday 8 December 2026 at 14:00"
        await fill(pilot, "#place", "Library, step-free entrance on Mill Lane")
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(pilot.app.screen, LiveScreen)
        assert "No agenda item yet" in shown(pilot, "#item-title")

        await pilot.press("plus")
        await pilot.pause()
        await fill(pilot, "#name", "Sam")
        await select(pilot, "#perspective", "lived experience")
        await fill(pilot, "#needs", "Large print")
        pilot.app.screen.query_one("#consent", Checkbox).value = False
        await pilot.press("ctrl+s")
        await pilot.pause()

        await pilot.press("i")
        await pilot.pause()
        await fill(pilot, "#title", "What matters to us this year")
        await fill(pilot, "#minutes", "30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")
        assert "ITEM 1 OF 1" in shown(pilot, "#item-position")

        await pilot.press("escape")
        await pilot.pause()
        assert "First meeting" in str(pilot.app.screen.query_one("#meetings").render_line(0))

    [sam] = records.members_of(db, group.id)
    assert (sam.name, sam.perspective, sam.needs, sam.consent_named) == (
        "Sam",
        "lived experience",
        "Large print",
        False,
    )
    assert group.name == "Hillside [carers] forum"


async def test_a_meeting_needs_a_group_and_a_readable_time(tmp_path: Path) -> None:
    db = open_db(tmp_path / "m.db")
    app = make_app(db, None, frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, FormScreen)
        await pilot.press("g")
        await fill(pilot, "#name", "Forum")
        await pilot.press("ctrl+s")
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot, "#title", "Meeting")
        await fill(pilot, "#when", "blursday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Please choose the group" in shown(pilot, ".form-error")
        await select(pilot, "#group", records.groups(db)[0].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "doesn't read as a date" in shown(pilot, ".form-error")
    assert records.meetings(db) == []
