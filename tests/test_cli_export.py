"""`coproduce export`: the minutes printed or written to a private file."""

import stat
from functools import partial
from pathlib import Path

from session import live
from session.clock import FrozenClock
from store.demo import create_demo
from store.live import LiveMeeting
from store.records import get_meeting, members_of
from tests.cli_runner import NOW, coproduce, refused, saved


def held_demo() -> str:
    """The example meeting, held briefly: a note naming its minute-taker, and an action."""
    db, clock = saved(), FrozenClock(NOW)
    meeting_id = create_demo(db, clock)
    people = {m.name: m.id for m in members_of(db, get_meeting(db, meeting_id).group_id)}
    run = LiveMeeting(db, meeting_id, clock).do
    run(partial(live.start_meeting, present=list(people.values())))
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=people["Chloe Bennett"]))
    run(partial(live.write_note, text="[bold red]Buses[/] late \x1b[31magain"))
    return meeting_id


def test_export_prints_the_minutes_literally_without_the_unnamed_member() -> None:
    meeting_id = held_demo()

    result = coproduce("export", meeting_id[:8])

    assert result.exit_code == 0
    assert result.stdout.startswith("# Getting about and getting a break\n")
    assert "8 people attended." in result.stdout
    assert "\\[bold red\\]Buses\\[/\\] late ␛\\[31magain" in result.stdout
    assert "*someone who asked not to be named, 12:00*" in result.stdout
    assert "Chloe" not in result.stdout
    assert "\x1b" not in result.stdout


def test_export_to_a_file_makes_it_private(tmp_path: Path) -> None:
    held_demo()
    output = tmp_path / "minutes.md"

    result = coproduce("export", "Getting about and getting a break", "--output", str(output))

    assert result.exit_code == 0
    assert f"to {output}." in result.stdout
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert (
        output.read_text(encoding="utf-8")
        == coproduce("export", "getting about and getting a break").stdout
    )


def test_export_over_an_open_file_makes_it_private_too(tmp_path: Path) -> None:
    held_demo()
    output = tmp_path / "minutes.md"
    output.write_text("old and much longer text " * 100)
    output.chmod(0o644)

    coproduce("export", "getting about and getting a break", "--output", str(output))

    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert output.read_text(encoding="utf-8").startswith("# Getting about")
    assert "old and much longer" not in output.read_text(encoding="utf-8")


def test_export_of_an_unknown_meeting_is_refused() -> None:
    refused(coproduce("export", "Nope"), "No meeting matches “Nope”.")


def test_export_to_a_missing_folder_is_refused(tmp_path: Path) -> None:
    held_demo()
    output = tmp_path / "missing" / "minutes.md"

    refused(
        coproduce("export", "getting about and getting a break", "--output", str(output)),
        f"coproduce can't write {output}: No such file or directory.",
    )


def test_export_knows_markdown_and_html_only() -> None:
    held_demo()

    result = coproduce("export", "getting about and getting a break", "--format", "pdf")

    assert result.exit_code == 2
    assert "'pdf' is not one of 'md', 'html'" in result.stderr


def test_export_writes_the_minutes_as_offline_html(tmp_path: Path) -> None:
    held_demo()
    output = tmp_path / "minutes.html"

    result = coproduce("export", "getting about", "--format", "html", "--output", str(output))

    assert result.exit_code == 0
    assert f"Wrote the minutes of “Getting about and getting a break” to {output}." in (
        result.stdout
    )
    page = output.read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert page.count("<h1>") == 1
    assert "<h2>Who attended</h2>" in page
    assert "[bold red]Buses[/] late ␛[31magain" in page
    assert "Chloe" not in page
    assert stat.S_IMODE(output.stat().st_mode) == 0o600


def test_export_easy_read_in_markdown_and_html() -> None:
    held_demo()

    easy = coproduce("export", "getting about", "--easy-read")
    html = coproduce("export", "getting about", "--easy-read", "--format", "html")

    assert easy.exit_code == 0 and html.exit_code == 0
    assert "This is the easy read version of the minutes." in easy.stdout
    assert "## Words we explained" in easy.stdout
    assert "<h2>Words we explained</h2>" in html.stdout
    assert "Chloe" not in easy.stdout + html.stdout


def test_export_anonymised_names_nobody() -> None:
    meeting_id = held_demo()
    db = saved()
    members = members_of(db, get_meeting(db, meeting_id).group_id)

    for extra in ((), ("--easy-read",), ("--format", "html")):
        result = coproduce("export", "getting about", "--anonymise", *extra)
        assert result.exit_code == 0
        for member in members:
            assert member.name not in result.stdout
            assert member.name.split()[0] not in result.stdout
        assert "Person " in result.stdout
