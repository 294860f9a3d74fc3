"""Choosing on screen how a role rotates, and who volunteers or passes: the hand-over is then
prompted when due, and the suggestion follows the volunteer and skips whoever passed."""

from pathlib import Path

from session import rotation
from session.live import MINUTE_TAKER
from tests.live_driver import (
    advance,
    demo_app,
    fill,
    frozen_clock,
    member_id,
    press_then_choose,
    select,
)
from tui.screens.live import LiveScreen


async def test_a_role_rotates_every_few_minutes_with_a_volunteer_and_a_pass(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await press_then_choose(pilot, "m", "Tom Gallagher")
        await pilot.press("Y")
        await pilot.pause()
        await select(pilot, "#role", MINUTE_TAKER)
        await select(pilot, "#rule", rotation.BY_MINUTES)
        await fill(pilot, "#minutes", "20")
        await select(pilot, "#volunteer", member_id(pilot, "Joan Whitfield"))
        await select(pilot, "#passes", member_id(pilot, "Aisha Begum"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, LiveScreen)
        state = screen.meeting.state
        rule = rotation.rule_for(state, MINUTE_TAKER)
        assert (rule.rule, rule.every_minutes) == (rotation.BY_MINUTES, 20)
        roster = [m.id for m in screen.members]
        assert rotation.suggested_holder(state, MINUTE_TAKER, roster) == member_id(
            pilot, "Joan Whitfield"
        )

        await advance(pilot, 19 * 60)
        assert not rotation.handover_due(screen.meeting.state, MINUTE_TAKER, app.clock())
        await advance(pilot, 60)
        assert rotation.handover_due(screen.meeting.state, MINUTE_TAKER, app.clock())


async def test_every_few_minutes_needs_a_number_of_minutes(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("Y")
        await pilot.pause()
        await select(pilot, "#rule", rotation.BY_MINUTES)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Please give the minutes between hand-overs" in str(
            pilot.app.screen.query_one(".form-error").content  # type: ignore[attr-defined]
        )
