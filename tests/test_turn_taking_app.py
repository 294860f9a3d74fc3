"""Fair turn-taking on the live screen, driven as a facilitator would: every interjection, the
time warning, overrides, read-back and hand-over; snapshots of the queue and the share."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from session.live import MINUTE_TAKER
from session.queue import PROGRESSIVE
from session.signals import JARGON, SIGNALS
from store.records import groups, members_of
from tests.cli_runner import coproduce, saved
from tests.live_driver import (
    advance,
    demo_app,
    fill,
    frozen_clock,
    member_id,
    press_then_choose,
    select,
    shown,
)

SIZE = (80, 24)
SnapCompare = Callable[..., bool]
STACK = (
    "David Hughes",
    "Priya Sharma",
    "Margaret Okafor",
    "Gareth Evans",
    "Tom Gallagher",
    "Joan Whitfield",
)


async def signal(pilot: Pilot[Any], kind: str, who: str, word: str = "") -> None:
    await pilot.press("j")
    await pilot.pause()
    await select(pilot, "#signal", kind)
    await select(pilot, "#who", member_id(pilot, who))
    if word:
        await fill(pilot, "#word", word)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def progressive_stack(pilot: Pilot[Any]) -> None:
    await pilot.press("q")
    await pilot.pause()
    await select(pilot, "#policy", PROGRESSIVE)
    await pilot.press("ctrl+s")
    await pilot.pause()
    for name in STACK:
        await press_then_choose(pilot, "h", name)


@pytest.mark.parametrize("kind", list(SIGNALS))
async def test_every_interjection_shows_in_words_and_a_symbol_and_is_recorded(
    tmp_path: Path, kind: str
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "h", "David Hughes")
        await signal(pilot, kind, "Aisha Begum", "FACE assessment" if kind == JARGON else "")
        expected = SIGNALS[kind]
        banner = shown(pilot, "#signals")
        assert banner.startswith(f"{expected.symbol} {expected.words.upper()}")
        assert banner.endswith("— Aisha Begum")
        first = shown(pilot, "#queue").splitlines()[:2]
        if expected.asks_to_speak:
            assert first == ["1. Aisha Begum  next", f"   {expected.label}"]
            await pilot.press("s")
            assert shown(pilot, "#speaker-name") == "▶ Aisha Begum"
            assert not pilot.app.screen.query_one("#signals").display
        else:
            assert first[0].startswith("1. David Hughes")
            await pilot.press("c")
            await pilot.pause()
            assert not pilot.app.screen.query_one("#signals").display
        assert len(app.screen.meeting.state.interjections) == 1  # type: ignore[attr-defined]


async def test_jargon_goes_into_the_glossary_and_gets_a_plain_definition(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await signal(pilot, JARGON, "Tom Gallagher", "FACE assessment")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await fill(pilot, "#definition", "How the council works out what help you can get")
        await pilot.press("enter")
        await pilot.pause()
        [word] = app.screen.meeting.state.glossary  # type: ignore[attr-defined]
        assert word.definition == "How the council works out what help you can get"


async def test_the_time_warning_comes_near_the_end_and_never_cuts_anyone_off(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "h", "David Hughes")
        await press_then_choose(pilot, "h", "Tom Gallagher")
        await pilot.press("s")
        await advance(pilot, 60)
        assert shown(pilot, "#turn-warning") == "1:00 of 2 min"
        assert not app.screen.has_class("turn-warning")
        await advance(pilot, 35)
        assert shown(pilot, "#turn-warning") == "1:35 of 2 min  ⏳ 25 s left of 2 min"
        assert app.screen.has_class("turn-warning")
        await advance(pilot, 300)
        assert "⏰ past 2 min: finish when you are ready" in shown(pilot, "#turn-warning")
        assert shown(pilot, "#speaker-name") == "▶ David Hughes"
        await pilot.press("space")
        await advance(pilot, 100)
        assert shown(pilot, "#turn-warning").startswith("6:35 of 2 min  ⏸ PAUSED")
        await pilot.press("space", "s")
        await advance(pilot, 200)
        # Tom's recorded needs ask for extra time: twice the soft limit, no warning yet
        assert shown(pilot, "#turn-warning") == "3:20 of 4 min"


async def test_an_override_is_shown_with_its_reason_and_kept(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "h", "David Hughes")
        await press_then_choose(pilot, "h", "Joan Whitfield")
        await pilot.press("o")
        await pilot.pause()
        await select(pilot, "#who", member_id(pilot, "Joan Whitfield"))
        await fill(pilot, "#reason", "has to leave at 3")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(pilot, "#queue").splitlines()[:2] == [
            "1. Joan Whitfield  next",
            "   moved up by the facilitator: has to leave at 3",
        ]
        await pilot.press("s")
        assert shown(pilot, "#speaker-name") == "▶ Joan Whitfield"
        [override] = app.screen.meeting.state.overrides  # type: ignore[attr-defined]
        assert override.reason == "has to leave at 3"


async def test_read_back_marks_records_agreed_and_keeps_amendments(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "m", "Tom Gallagher")
        await pilot.press("w")
        await fill(pilot, "#text", "Pick-ups late three times")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "• Pick-ups late three times  (Tom Gallagher) ✓ agreed" in shown(pilot, "#notes")
        await pilot.press("r")
        await pilot.pause()
        note_id = app.screen.meeting.state.notes[0].id  # type: ignore[attr-defined]
        await select(pilot, "#choice", note_id)
        await fill(pilot, "#text", "Pick-ups late four times")
        await fill(pilot, "#reason", "Joan counted again")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "• Pick-ups late four times  (Tom Gallagher) ✓ agreed (amended)" in shown(
            pilot, "#notes"
        )


async def test_the_hand_over_suggests_whoever_has_held_the_role_least(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=SIZE) as pilot:
        await press_then_choose(pilot, "m", "Margaret Okafor")
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("enter")  # the suggestion is listed first
        await pilot.pause()
        state = app.screen.meeting.state  # type: ignore[attr-defined]
        assert state.holder(MINUTE_TAKER) == member_id(pilot, "David Hughes")
        assert shown(pilot, "#minute-taker") == "✎ Minutes: David Hughes"


def test_snapshot_a_progressive_stack_with_its_reasons(
    snap_compare: SnapCompare, tmp_path: Path
) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await progressive_stack(pilot)
        await pilot.press("s")
        await advance(pilot, 100)
        await signal(pilot, "clarify", "Aisha Begum")

    app = demo_app(tmp_path / "m.db", frozen_clock())
    assert snap_compare(app, terminal_size=(160, 45), run_before=run_before)


def test_snapshot_the_speaking_share(snap_compare: SnapCompare, tmp_path: Path) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await progressive_stack(pilot)
        for seconds in (130, 70, 40):
            await pilot.press("s")
            await advance(pilot, seconds)
        await pilot.press("f")
        await pilot.pause()

    app = demo_app(tmp_path / "m.db", frozen_clock())
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_the_command_line_records_who_needs_extra_time_to_speak() -> None:
    coproduce("group", "new", "Forum")
    coproduce("person", "add", "Sam", "--perspective", "other", "--extra-time")
    coproduce("person", "add", "Ann", "--perspective", "other")
    group_id = groups(saved())[0].id
    assert [(m.name, m.extra_time) for m in members_of(saved(), group_id)] == [
        ("Sam", True),
        ("Ann", False),
    ]
