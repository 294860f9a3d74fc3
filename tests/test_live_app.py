"""The live screen driven end to end, as a facilitator would, against a real database file."""

import re
from datetime import date
from pathlib import Path

from session import live
from session.live import MINUTE_TAKER
from store.db import open_db
from store.live import LiveMeeting
from tests.live_driver import (
    advance,
    demo_app,
    fill,
    frozen_clock,
    live_screen,
    member_id,
    press_then_choose,
    select,
    shown,
)
from tests.screen_text import screen_lines

SIZE = (80, 24)


async def test_a_whole_meeting_is_saved_as_it_happens_and_resumes_after_a_restart(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "meeting.db"
    clock = frozen_clock()
    app = demo_app(db_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        assert "ITEM 1 OF 4" in shown(pilot, "#item-position")
        assert "Transport to day services" in shown(pilot, "#item-title")

        await press_then_choose(pilot, "m", "Tom Gallagher")
        assert shown(pilot, "#minute-taker") == "✎ Minutes: Tom Gallagher"

        await press_then_choose(pilot, "h", "Margaret Okafor")
        await press_then_choose(pilot, "h", "Priya Sharma")
        await press_then_choose(pilot, "h", "David Hughes")
        assert shown(pilot, "#queue").splitlines() == [
            "1. Margaret Okafor  next",
            "   asked 1st",
            "2. Priya Sharma  ~2 min",
            "   asked 2nd",
            "3. David Hughes  ~4 min",
            "   asked 3rd",
        ]
        await press_then_choose(pilot, "l", "Priya Sharma")
        assert "Priya" not in shown(pilot, "#queue")

        await pilot.press("s")
        assert shown(pilot, "#speaker-name") == "▶ Margaret Okafor"
        clock.advance(95)
        await pilot.press("s")
        assert shown(pilot, "#speaker-name") == "▶ David Hughes"
        clock.advance(30)

        await pilot.press("w")
        await fill(pilot, "#text", "Pick-ups were late [three] times in May")
        await pilot.press("enter")
        await pilot.pause()
        assert "• Pick-ups were late [three] times in May  (Tom Gallagher)" in shown(
            pilot, "#notes"
        )

        await press_then_choose(pilot, "m", "Joan Whitfield")
        await pilot.press("w")
        await fill(pilot, "#text", "Ask for a named contact at the transport team")
        await pilot.press("enter")
        await pilot.pause()
        assert "(Joan Whitfield)" in shown(pilot, "#notes")

        await pilot.press("d")
        await fill(pilot, "#text", "Write to the transport team together")
        await select(pilot, "#method", "vote")
        await fill(pilot, "#for", "6")
        await fill(pilot, "#against", "1")
        await fill(pilot, "#abstain", "1")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✔ Decided (vote): Write to the transport team together" in shown(
            pilot, "#decisions"
        )

        await pilot.press("a")
        await fill(pilot, "#what", "Draft the letter")
        await select(pilot, "#owner", member_id(pilot, "David Hughes"))
        await fill(pilot, "#due", "next friday")
        assert shown(pilot, "#due-read-back") == "→ Friday 11 December 2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "→ Action: Draft the letter — David Hughes, by Fri 11 Dec" in shown(
            pilot, "#decisions"
        )

        await pilot.press("b")
        assert "ON A BREAK" in shown(pilot, "#status-banner")
        clock.advance(600)
        banner = pilot.app.screen.query_one("#status-banner")
        where = banner.region
        await pilot.press("b")
        assert shown(pilot, "#status-banner") == ""
        assert banner.region == where  # the row stays: nothing below it moves

        await pilot.press("n")
        assert "ITEM 2 OF 4" in shown(pilot, "#item-position")
        await pilot.press("u")
        assert "ITEM 1 OF 4" in shown(pilot, "#item-position")

        await press_then_choose(pilot, "h", "Aisha Begum")

    resumed = LiveMeeting(open_db(db_path), app.meeting_id, clock)
    state = resumed.state
    assert state.current == 0
    assert state.speaker is not None
    assert state.queue and len(state.queue) == 1
    assert state.holder(MINUTE_TAKER) is not None
    assert [n.text for n in state.notes] == [
        "Pick-ups were late [three] times in May",
        "Ask for a named contact at the transport team",
    ]
    assert [t.seconds for t in state.turns] == [95.0]

    again = demo_app(db_path, clock)
    async with again.run_test(size=SIZE) as pilot:
        assert shown(pilot, "#speaker-name") == "▶ David Hughes"
        assert shown(pilot, "#queue").startswith("1. Aisha Begum")
        assert shown(pilot, "#minute-taker") == "✎ Minutes: Joan Whitfield"
        assert "ITEM 1 OF 4" in shown(pilot, "#item-position")
        assert "Draft the letter" in shown(pilot, "#decisions")


async def test_the_record_panel_shows_the_latest_decisions_then_the_latest_actions(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "meeting.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        screen = live_screen(pilot)
        owner = member_id(pilot, "David Hughes")

        def record(decisions: range, actions: range) -> None:
            for n in decisions:
                screen.meeting.do(lambda s, n=n: live.record_decision(s, f"D{n}", "consensus"))
            for n in actions:
                screen.meeting.do(
                    lambda s, n=n: live.record_action(s, f"A{n}", owner, date(2026, 12, 10))
                )
            screen.show_state()

        def records_shown() -> list[str]:
            return re.findall(r": ([AD]\d+)", shown(pilot, "#decisions"))

        record(range(1, 11), range(1, 4))
        assert records_shown() == ["D6", "D7", "D8", "D9", "D10", "A1", "A2", "A3"]

        record(range(0), range(4, 11))
        assert records_shown() == [f"A{n}" for n in range(3, 11)]


async def test_on_a_small_screen_the_newest_notes_and_records_are_the_ones_shown(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "meeting.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        screen = live_screen(pilot)
        await press_then_choose(pilot, "m", "Tom Gallagher")
        for n in range(1, 13):
            screen.meeting.do(lambda s, n=n: live.write_note(s, f"Note {n:02}"))
            screen.meeting.do(lambda s, n=n: live.record_decision(s, f"Step {n:02}", "consensus"))
        screen.show_state()
        await pilot.pause()

        drawn = "\n".join(screen_lines(screen))
        assert "Note 12" in drawn and "Step 12" in drawn
        assert "Note 05" not in drawn and "Step 05" not in drawn  # the oldest shown go first


async def test_an_item_over_its_time_says_so_in_words_and_in_the_clocks_colour(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "meeting.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        clock = pilot.app.screen.query_one("#item-clock")
        title = pilot.app.screen.query_one("#item-title").region
        assert not clock.has_class("over-time")
        await advance(pilot, 26 * 60)  # the first item's time box is 25 minutes
        assert shown(pilot, "#item-clock-label") == "⚠ OVER TIME"
        assert clock.has_class("over-time")
        assert pilot.app.screen.query_one("#item-clock-label").has_class("over-time")
        await advance(
            pilot, 10 * 60
        )  # -11:00 is wider than 24:00 was, but the clock keeps its width
        assert pilot.app.screen.query_one("#item-title").region == title
