"""`coproduce action list` and `action update`: every action the group's meetings agreed, with
what became of it, and saying what became of one by the start of its id."""

import pytest

from session.clock import FrozenClock
from store import folded as folding
from store.demo import DEMO_GROUP, create_demo
from store.demo_history import create_demo_history
from store.folded import TABLE
from tests.cli_runner import NOW, coproduce, refused, saved

STEP_FREE = "Find a step-free room with a hearing loop — Gareth Evans, by Thursday 15 October 2026"


def demo_with_history() -> None:
    db = saved()
    create_demo(db, FrozenClock(NOW))
    create_demo_history(db, DEMO_GROUP, FrozenClock(NOW))


def listed() -> list[str]:
    result = coproduce("action", "list")
    assert result.exit_code == 0, result.output
    return [line.split("  ", 1)[1] for line in result.stdout.splitlines()]


def test_the_list_has_every_meetings_actions_in_order_with_their_progress() -> None:
    demo_with_history()
    assert listed() == [
        f"{STEP_FREE}: done",
        "Invite the transport team — Margaret Okafor, by Thursday 12 November 2026: done",
        "Get a copy of the transport contract — Gareth Evans, by Thursday 12 November 2026:"
        " not possible (the council would not share the transport contract)",
        "Write a one-page guide to booking a short break — David Hughes,"
        " by Thursday 12 November 2026: in progress",
    ]


def test_the_list_is_the_same_with_no_state_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """As after an upgrade: every meeting folded again, some in a second process."""
    demo_with_history()
    listed()  # keeps every meeting's state
    kept = listed()
    saved().execute(f"DELETE FROM [{TABLE}]")
    monkeypatch.setattr(folding, "can_fork", lambda: True)  # whatever this machine's cores
    assert listed() == kept


def test_an_action_updated_by_the_start_of_its_id() -> None:
    demo_with_history()
    action_id = coproduce("action", "list").stdout.splitlines()[3].split()[0]
    result = coproduce("action", "update", action_id[:6], "--status", "done")
    assert result.exit_code == 0, result.output
    assert "is now done" in result.stdout
    assert listed()[3].endswith(": done")


def test_an_id_that_starts_no_action_is_refused_and_changes_nothing() -> None:
    demo_with_history()
    before = listed()
    refused(
        coproduce("action", "update", "zzzz", "--status", "done"),
        "No action has an id starting “zzzz”",
    )
    assert listed() == before


def test_a_group_with_no_actions_says_so() -> None:
    create_demo(saved(), FrozenClock(NOW))
    result = coproduce("action", "list")
    assert result.stdout == f"{DEMO_GROUP} has agreed no actions yet.\n"
