"""`coproduce minutes` and `coproduce join`: which meeting and whose device they open."""

from typing import Any

import pytest

from session import live
from session.clock import FrozenClock
from store.live import LiveMeeting
from store.records import find_member, meetings
from tests.cli_runner import NOW, coproduce, refused, saved
from tui import cli_devices
from tui.screens.devices import Device

WHERE = ["--place", "Hall", "--format", "online", "--length", "60"]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    class NotRun:
        def __init__(self, *args: Any) -> None:
            calls.append(args[1:2] + args[3:])

        def run(self) -> None:
            pass

    monkeypatch.setattr(cli_devices, "make_app", NotRun)
    return calls


def forum_with_a_meeting(start: bool) -> str:
    coproduce("group", "new", "Forum")
    coproduce("person", "add", "Margaret Okafor", "--perspective", "lived experience")
    coproduce("meeting", "new", "Autumn", "--when", "tomorrow 10:00", *WHERE)
    [meeting] = meetings(saved())
    if start:
        LiveMeeting(saved(), meeting.id, FrozenClock(NOW)).do(lambda s: live.start_meeting(s, []))
    return meeting.id


@pytest.mark.parametrize(("command", "view"), [("minutes", "minutes"), ("join", "attendee")])
def test_a_device_opens_on_the_meeting_in_progress_as_that_person(
    opened: list[tuple[Any, ...]], command: str, view: str
) -> None:
    meeting_id = forum_with_a_meeting(start=True)
    margaret = find_member(saved(), meetings(saved())[0].group_id, "Margaret Okafor")

    assert coproduce(command, "--as", "margaret").exit_code == 0

    assert opened == [(meeting_id, Device(view, margaret.id))]


def test_with_no_meeting_in_progress_it_asks_which(opened: list[tuple[Any, ...]]) -> None:
    forum_with_a_meeting(start=False)
    refused(coproduce("join", "--as", "Margaret Okafor"), "No meeting is in progress.")
    assert coproduce("join", "--as", "Margaret Okafor", "--meeting", "Autumn").exit_code == 0
    assert len(opened) == 1


def test_someone_not_in_the_group_is_refused(opened: list[tuple[Any, ...]]) -> None:
    forum_with_a_meeting(start=True)
    refused(coproduce("minutes", "--as", "Nobody"), "No person in this group matches “Nobody”.")
    assert opened == []
