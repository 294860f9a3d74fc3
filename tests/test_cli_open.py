"""`coproduce` on its own and `coproduce demo`: which meeting they open on the live screen."""

import subprocess
import sys

import click
import pytest

from session import live
from session.clock import FrozenClock
from store.demo import DEMO_GROUP
from store.demo_history import FIRST, SECOND
from store.live import LiveMeeting
from store.log import load
from store.records import groups, meetings, members_of
from tests.cli_runner import NOW, coproduce, record_app_runs, refused, saved
from tui.cli import AGENDA_COMMANDS, COMMANDS, GROUP_COMMANDS, agenda_commands, cli, group_commands

WHERE = ["--place", "Hall", "--format", "online", "--length", "60"]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    return record_app_runs(monkeypatch)


def test_with_no_meeting_in_progress_it_opens_the_list_of_meetings(
    opened: list[str | None],
) -> None:
    result = coproduce()

    assert result.exit_code == 0
    assert opened == [None]


def test_it_resumes_the_meeting_in_progress(opened: list[str | None]) -> None:
    coproduce("group", "new", "Forum")
    coproduce("meeting", "new", "Earlier", "--when", "tomorrow 9am", *WHERE)
    coproduce("meeting", "new", "Later", "--when", "3 Dec 10:00", *WHERE)
    earlier = next(m.id for m in meetings(saved()) if m.title == "Earlier")
    LiveMeeting(saved(), earlier, FrozenClock(NOW)).do(lambda s: live.start_meeting(s, []))

    assert coproduce().exit_code == 0

    assert opened == [earlier]


def test_an_ended_meeting_is_not_resumed(opened: list[str | None]) -> None:
    coproduce("group", "new", "Forum")
    coproduce("meeting", "new", "Done", "--when", "tomorrow 9am", *WHERE)
    [done] = meetings(saved())
    meeting = LiveMeeting(saved(), done.id, FrozenClock(NOW))
    meeting.do(lambda s: live.start_meeting(s, []))
    meeting.do(live.end_meeting)

    assert coproduce().exit_code == 0

    assert opened == [None]


def test_demo_opens_the_example_and_reuses_it_the_second_time(opened: list[str | None]) -> None:
    assert coproduce("demo").exit_code == 0
    assert coproduce("demo").exit_code == 0

    [group] = groups(saved())
    held, held_again, meeting = meetings(saved())  # two held before, for the evaluation
    assert (held.title, held_again.title) == (FIRST, SECOND)
    assert group.name == DEMO_GROUP
    assert len(members_of(saved(), group.id)) == 8
    assert len([r for r in load(saved(), meeting.id) if r.event.kind == "item_added"]) == 4
    assert opened == [meeting.id, meeting.id]


def test_demo_in_a_missing_folder_is_refused(opened: list[str | None]) -> None:
    refused(
        coproduce("demo", "--db", "/no/such/folder/c.db"),
        "The folder /no/such/folder does not exist.",
    )
    assert opened == []


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["demo"],
        ["export"],
        *[["group", c] for c in ("new", "list")],
        *[["person", c] for c in ("add", "list")],
        *[["meeting", c] for c in ("new", "list")],
        *[["agenda", c] for c in ("add", "list")],
    ],
)
def test_every_command_explains_itself_and_takes_db(command: list[str]) -> None:
    result = coproduce(*command, "--help")

    assert result.exit_code == 0
    assert "--db FILE" in result.stdout


LAZY_GROUPS = [
    (cli, COMMANDS),
    (group_commands, GROUP_COMMANDS),
    (agenda_commands, AGENDA_COMMANDS),
]


@pytest.mark.parametrize(("group", "lazy"), LAZY_GROUPS, ids=["coproduce", "group", "agenda"])
def test_every_command_loaded_when_used_is_found_under_its_own_name(
    group: click.Group, lazy: dict[str, str]
) -> None:
    context = click.Context(group)
    for name in lazy:
        command = group.get_command(context, name)
        assert command is not None and command.name == name
    assert set(lazy) <= set(group.list_commands(context))


def test_opening_coproduce_does_not_load_the_other_commands() -> None:
    """`coproduce` on its own opens the projector screen: the modules of other commands wait."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, tui.cli; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    modules = {
        where.split(":")[0]
        for lazy in (COMMANDS, GROUP_COMMANDS, AGENDA_COMMANDS)
        for where in lazy.values()
    }
    assert modules.isdisjoint(loaded)
