"""What the room sees while preparing: the dot vote's results and the agenda builder."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tests.live_driver import fill, frozen_clock, select
from tests.prepare_driver import group_of_four, person, prepare_app, six_issues_voted

SnapCompare = Callable[..., bool]


def test_dot_vote_results(snap_compare: SnapCompare, tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    six_issues_voted(db, clock)
    assert snap_compare(prepare_app(db, clock), terminal_size=(80, 24), press=["P", "v"])


def test_agenda_builder(snap_compare: SnapCompare, tmp_path: Path) -> None:
    clock = frozen_clock()
    db = group_of_four(tmp_path / "c.db", clock)
    six_issues_voted(db, clock)

    async def build(pilot: Pilot[Any]) -> None:
        await pilot.press("P", "b")
        for number, minutes in (("1", "25"), ("2", "20"), ("3", "20")):
            await pilot.press("a")
            await fill(pilot, "#issue", number)
            await fill(pilot, "#minutes", minutes)
            await pilot.press("ctrl+s")
        await pilot.press("o")
        await fill(pilot, "#item", "3")
        await fill(pilot, "#place", "1")
        await select(pilot, "#asked", person(db, "Cat"))
        await fill(pilot, "#why", "letters go out next week")
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = prepare_app(db, clock)
    assert snap_compare(app, terminal_size=(100, 30), run_before=build)
