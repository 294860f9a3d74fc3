"""Bad input on the live screen gets a kind message and changes nothing that was saved."""

from pathlib import Path

import pytest
from textual.pilot import Pilot

from session.setup import new_member
from store import records
from tests.live_driver import (
    demo_app,
    fill,
    frozen_clock,
    member_id,
    press_then_choose,
    select,
    shown,
)
from tui.app import CoproduceApp
from tui.screens.form import FormScreen

SIZE = (80, 24)


def saved_events(pilot: Pilot[None]) -> int:
    app = pilot.app
    assert isinstance(app, CoproduceApp)
    return app.db.table("events").count


def form_error(pilot: Pilot[None]) -> str:
    assert isinstance(pilot.app.screen, FormScreen), "the form should still be open"
    return shown(pilot, ".form-error")


@pytest.mark.parametrize(
    ("key", "field", "typed", "message"),
    [
        ("w", "#text", "   ", "Please type the note: it can't be left empty."),
        ("w", "#text", "x" * 10_000, "That is 10,000 characters long. Please keep the note"),
        ("d", "#text", "", "Please type what was decided: it can't be left empty."),
        ("a", "#what", "", "Please type what needs doing"),
        ("i", "#title", "", "Please type the item's title"),
    ],
)
async def test_a_refused_form_stays_open_with_its_message_and_saves_nothing(
    tmp_path: Path, key: str, field: str, typed: str, message: str
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "m", "Tom Gallagher")
        before = saved_events(pilot)
        await pilot.press(key)
        await pilot.pause()
        if key == "a":
            await fill(pilot, "#due", "tomorrow")
        await fill(pilot, field, typed)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert message in form_error(pilot)
        assert saved_events(pilot) == before


async def test_a_due_date_that_cannot_be_read_is_explained_and_nothing_is_saved(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        before = saved_events(pilot)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, "#what", "Book the room")
        await select(pilot, "#owner", member_id(pilot, "Priya Sharma"))
        await fill(pilot, "#due", "next blursday")
        assert "? Sorry, “next blursday” doesn't read as a date." in shown(pilot, "#due-read-back")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "doesn't read as a date" in form_error(pilot)
        assert saved_events(pilot) == before


async def test_a_key_the_rules_refuse_says_why_and_changes_nothing(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        before = saved_events(pilot)
        await pilot.press("s", "e", "p")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Nobody is in the queue to speak next." in messages
        assert "Nobody is speaking at the moment." in messages
        assert "This is the first item on the agenda." in messages
        assert saved_events(pilot) == before


async def test_typed_text_is_shown_literally_never_as_markup_or_escape_codes(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    app = demo_app(tmp_path / "m.db", clock)
    tricky = "[bold red]Eve[/] \x1b[31mred"
    group = records.get_group(app.db, records.get_meeting(app.db, app.meeting_id).group_id)
    records.save_member(app.db, new_member(group, tricky, "other"), clock)
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "m", "[bold red]Eve")
        assert shown(pilot, "#minute-taker") == "✎ Minutes: [bold red]Eve[/] ␛[31mred"
        await pilot.press("w")
        await pilot.pause()
        await fill(pilot, "#text", "[link=http://x]click[/link] \x1b]0;owned\x07")
        await pilot.press("enter")
        await pilot.pause()
        assert "[link=http://x]click[/link] ␛]0;owned␇" in shown(pilot, "#notes")
