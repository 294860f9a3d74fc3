"""`coproduce group`, `person`, `meeting` and `agenda`: what they save and say, and how they
refuse bad input without saving anything."""

import os
from datetime import datetime
from pathlib import Path

import pytest

from session import live
from session.setup import DEFAULT_PERSPECTIVES
from store.log import load
from store.records import groups, meetings, members_of
from tests.cli_runner import coproduce, refused, saved

LONG = "x" * 10_000
WHEN = ["--when", "next tuesday 2pm", "--place", "Hall", "--format", "hybrid", "--length", "90"]


def one_group() -> None:
    assert coproduce("group", "new", "Riverside Forum").exit_code == 0


def one_meeting() -> str:
    one_group()
    assert coproduce("person", "add", "Ann Lee", "--perspective", "lived experience").exit_code == 0
    assert coproduce("meeting", "new", "Winter meeting", *WHEN).exit_code == 0
    return meetings(saved())[0].id


def agenda(meeting_id: str) -> list[live.Item]:
    return list(live.fold(meeting_id, load(saved(), meeting_id)).items)


# --- groups ------------------------------------------------------------------------------------


def test_group_new_saves_the_group_with_the_usual_perspectives() -> None:
    result = coproduce("group", "new", "  Riverside Forum ")

    assert result.exit_code == 0
    [group] = groups(saved())
    assert group.name == "Riverside Forum"
    assert group.perspectives == DEFAULT_PERSPECTIVES
    assert f"Started the group “Riverside Forum” ({group.id[:8]})." in result.stdout


def test_group_new_takes_the_group_s_own_perspectives() -> None:
    coproduce("group", "new", "Forum", "--perspective", "young carer", "--perspective", "worker")

    assert groups(saved())[0].perspectives == ("young carer", "worker")


def test_group_list_shows_short_ids_and_names() -> None:
    one_group()
    coproduce("group", "new", "Second")

    listed = coproduce("group", "list").stdout.splitlines()

    assert listed == [f"{g.id[:8]}  {g.name}" for g in groups(saved())]


def test_group_list_says_how_to_start_when_there_are_none() -> None:
    assert "coproduce group new" in coproduce("group", "list").stdout


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("   ", "Please type the group's name: it can't be left empty."),
        (
            LONG,
            "That is 10,000 characters long. "
            "Please keep the group's name to 200 characters or fewer.",
        ),
    ],
)
def test_group_new_refuses_a_blank_or_huge_name(name: str, message: str) -> None:
    refused(coproduce("group", "new", name), message)
    assert groups(saved()) == []


def test_group_new_refuses_a_blank_perspective() -> None:
    refused(coproduce("group", "new", "Forum", "--perspective", " "), "Please type a perspective")
    assert groups(saved()) == []


# --- people ------------------------------------------------------------------------------------


def test_person_add_joins_the_only_group_named_in_the_minutes_by_default() -> None:
    one_group()

    result = coproduce(
        "person", "add", "Ann Lee", "--perspective", "Lived Experience", "--needs", "large print"
    )

    assert result.exit_code == 0
    assert result.stdout == "Added Ann Lee (lived experience) to Riverside Forum.\n"
    [ann] = members_of(saved(), groups(saved())[0].id)
    assert (ann.name, ann.perspective, ann.needs, ann.consent_named) == (
        "Ann Lee",
        "lived experience",
        "large print",
        True,
    )


def test_person_add_no_consent_keeps_them_out_of_the_minutes() -> None:
    one_group()

    result = coproduce("person", "add", "Sam", "--perspective", "other", "--no-consent")

    assert "They will not be named in the minutes." in result.stdout
    assert members_of(saved(), groups(saved())[0].id)[0].consent_named is False


def test_person_add_needs_the_group_when_there_are_several() -> None:
    one_group()
    coproduce("group", "new", "Second")

    refused(
        coproduce("person", "add", "Sam", "--perspective", "other"),
        "There is more than one group: please say which with --group.",
    )
    result = coproduce("person", "add", "Sam", "--perspective", "other", "--group", "second")
    assert result.exit_code == 0
    assert [m.name for g in groups(saved()) for m in members_of(saved(), g.id)] == ["Sam"]


def test_person_add_finds_the_group_by_id_prefix() -> None:
    one_group()
    prefix = groups(saved())[0].id[:5]

    assert (
        coproduce("person", "add", "Sam", "--perspective", "other", "--group", prefix).exit_code
        == 0
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["", "--perspective", "other"], "Please type the name they want to be called"),
        ([LONG, "--perspective", "other"], "That is 10,000 characters long."),
        (["Sam", "--perspective", "alien"], "“alien” is not one of this group's perspectives"),
        (["Sam", "--perspective", "other", "--group", "Nope"], "No group matches “Nope”."),
        (["Sam", "--perspective", "other", "--group", ""], "No group matches “”."),
        (["Sam", "--perspective", "other", "--needs", LONG], "their access and communication"),
    ],
)
def test_person_add_refuses_bad_input_and_saves_nothing(args: list[str], message: str) -> None:
    one_group()

    refused(coproduce("person", "add", *args), message)

    assert members_of(saved(), groups(saved())[0].id) == []


def test_person_add_without_any_group_says_how_to_start_one() -> None:
    refused(
        coproduce("person", "add", "Sam", "--perspective", "other"),
        'There are no groups yet. Start one with: coproduce group new "NAME"',
    )


def test_person_list_shows_needs_and_who_is_not_named() -> None:
    one_group()
    coproduce("person", "add", "Ann", "--perspective", "lived experience", "--needs", "BSL")
    coproduce("person", "add", "Sam", "--perspective", "other", "--no-consent")

    lines = coproduce("person", "list").stdout.splitlines()

    assert [line[10:] for line in lines] == [
        "Ann — lived experience; needs: BSL",
        "Sam — other; not to be named in the minutes",
    ]


# --- meetings ----------------------------------------------------------------------------------


def test_meeting_new_reads_the_time_as_people_say_it_and_prints_the_short_id() -> None:
    one_group()

    result = coproduce("meeting", "new", "Winter meeting", *WHEN)

    assert result.exit_code == 0
    [meeting] = meetings(saved())
    assert meeting.starts_at == datetime(2026, 12, 1, 14, 0)
    assert (meeting.place, meeting.format, meeting.length_minutes) == ("Hall", "hybrid", 90)
    assert "Planned “Winter meeting” for Tuesday 1 December 2026 at 14:00." in result.stdout
    assert f"Its id is {meeting.id[:8]}." in result.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("--when", "next blursday"), "Sorry, “next blursday” doesn't read as a date and time."),
        (("--when", "2020-01-01 10:00"), "has already passed"),
        (("--format", "carrier pigeon"), "The format must be one of: in person, online, hybrid."),
        (("--length", "0"), "Please give the length as a number of minutes from 1 to 720."),
        (("--place", " "), "Please type where it happens"),
    ],
)
def test_meeting_new_refuses_bad_input_and_saves_nothing(
    change: tuple[str, str], message: str
) -> None:
    one_group()
    options = WHEN.copy()
    options[options.index(change[0]) + 1] = change[1]

    refused(coproduce("meeting", "new", "Winter meeting", *options), message)

    assert meetings(saved()) == []


def test_meeting_new_refuses_a_huge_title() -> None:
    one_group()
    refused(coproduce("meeting", "new", LONG, *WHEN), "That is 10,000 characters long.")
    assert meetings(saved()) == []


def test_meeting_new_wants_a_whole_number_of_minutes() -> None:
    one_group()
    options = [*WHEN[:-1], "ninety"]

    result = coproduce("meeting", "new", "Winter meeting", *options)

    assert result.exit_code == 2
    assert "'ninety' is not a valid integer" in result.stderr
    assert meetings(saved()) == []


def test_meeting_list_shows_when_where_and_which_group() -> None:
    meeting_id = one_meeting()

    assert coproduce("meeting", "list").stdout == (
        f"{meeting_id[:8]}  Tuesday 1 December 2026 at 14:00  Winter meeting"
        " — Riverside Forum, Hall (hybrid)\n"
    )


# --- the agenda --------------------------------------------------------------------------------


def test_agenda_add_by_title_and_by_id_with_proposer_and_time_box() -> None:
    meeting_id = one_meeting()

    first = coproduce("agenda", "add", "winter meeting", "Transport", "--proposed-by", "ann lee")
    second = coproduce("agenda", "add", meeting_id[:6], "Respite", "--minutes", "25")

    assert first.stdout == "Added “Transport” (15 min) to the agenda of “Winter meeting”.\n"
    assert second.exit_code == 0
    ann = members_of(saved(), groups(saved())[0].id)[0]
    assert [(i.title, i.proposed_by, i.timebox_minutes) for i in agenda(meeting_id)] == [
        ("Transport", ann.id, 15),
        ("Respite", None, 25),
    ]
    assert coproduce("agenda", "list", meeting_id[:8]).stdout == (
        "1. Transport (15 min, proposed by Ann Lee)\n2. Respite (25 min)\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Nope", "Transport"], "No meeting matches “Nope”. `coproduce meeting list` shows them."),
        (["Winter meeting", " "], "Please type the item's title: it can't be left empty."),
        (["Winter meeting", LONG], "That is 10,000 characters long."),
        (["Winter meeting", "T", "--proposed-by", "Zed"], "No person in this group matches “Zed”"),
        (["Winter meeting", "T", "--minutes", "0"], "the time box as a number of minutes"),
    ],
)
def test_agenda_add_refuses_bad_input_and_saves_nothing(args: list[str], message: str) -> None:
    meeting_id = one_meeting()

    refused(coproduce("agenda", "add", *args), message)

    assert agenda(meeting_id) == []


def test_agenda_list_of_an_unknown_meeting_is_refused() -> None:
    refused(coproduce("agenda", "list", "Nope"), "No meeting matches “Nope”.")


def test_agenda_list_says_when_it_is_empty() -> None:
    one_meeting()
    assert coproduce("agenda", "list", "Winter meeting").stdout == (
        "The agenda of “Winter meeting” is empty.\n"
    )


# --- text is printed literally -----------------------------------------------------------------


def test_markup_and_escape_codes_in_names_are_printed_literally() -> None:
    name = "[bold red]Ann[/] \x1b[31mred\x1b[0m [x]"
    one_group()

    added = coproduce("person", "add", name, "--perspective", "other")
    listed = coproduce("person", "list")

    for output in (added.stdout, listed.stdout):
        assert "[bold red]Ann[/] ␛[31mred␛[0m [x]" in output
        assert "\x1b" not in output


def test_escape_codes_in_a_refusal_are_shown_not_obeyed() -> None:
    one_group()

    result = coproduce("meeting", "new", "T", "--when", "\x1b[2Jsoon", *WHEN[2:])

    refused(result, "Sorry, “␛[2Jsoon” doesn't read as a date and time.")
    assert "\x1b" not in result.stderr


# --- choosing the database ---------------------------------------------------------------------


def test_the_default_database_folder_is_created_when_needed(default_db: Path) -> None:
    assert not default_db.parent.exists()

    assert coproduce("group", "list").exit_code == 0

    assert default_db.exists()


def test_db_option_works_before_or_after_the_command(tmp_path: Path) -> None:
    path = tmp_path / "other.db"

    coproduce("group", "new", "Before", "--db", str(path))
    coproduce("--db", str(path), "group", "new", "After")

    assert coproduce("group", "list", "--db", str(path)).stdout.count("  ") == 2
    assert coproduce("group", "list").stdout.startswith("There are no groups yet.")


def test_a_db_in_a_folder_that_does_not_exist_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "coproduce.db"

    refused(
        coproduce("group", "new", "Forum", "--db", str(path)),
        f"The folder {path.parent} does not exist. Create it, or choose another file.",
    )

    assert not path.parent.exists()


def test_a_db_in_a_folder_without_write_permission_is_refused(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os.access(locked, os.W_OK):
        pytest.skip("running as a user who can write anywhere")

    refused(
        coproduce("group", "list", "--db", str(locked / "c.db")),
        f"coproduce can't create a database in {locked}: no permission.",
    )


def test_a_folder_nobody_may_write_to_is_refused_even_for_root() -> None:
    """/sys refuses new files to every user, root included, so this runs wherever CI runs."""
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    refused(
        coproduce("group", "list", "--db", "/sys/coproduce.db"),
        "coproduce can't create /sys/coproduce.db:",
    )
