"""Groups, members and meetings (session/setup.py) and the checks on typed text
(session/text.py)."""

import sys
from datetime import datetime

import pytest

from session.errors import DomainError
from session.setup import (
    DEFAULT_PERSPECTIVES,
    Group,
    new_group,
    new_meeting,
    new_member,
)
from session.text import (
    _INVISIBLE,
    _VISIBLE,
    NAME_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    optional_text,
    required_text,
    visible,
)

WHEN = datetime(2026, 12, 3, 14, 0)
TRICKY = ["[brackets]", "[bold]x[/]", "\x1b[31mred\x1b[0m", "50% [of] $1 {x}", "émigré 🤝 ✓"]


def refusal(call: object, *args: object, **kwargs: object) -> str:
    assert callable(call)
    with pytest.raises(DomainError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


@pytest.fixture
def group() -> Group:
    return new_group("Riverside Carers")


# --- text -----------------------------------------------------------------------------------


def test_required_text_trims_the_ends_only() -> None:
    assert required_text("  two  words \n", "it") == "two  words"


@pytest.mark.parametrize("typed", TRICKY)
def test_required_text_keeps_markup_and_control_characters_exactly(typed: str) -> None:
    assert required_text(typed, "it") == typed


@pytest.mark.parametrize("typed", ["", " ", "\n\t "])
def test_required_text_refuses_blank(typed: str) -> None:
    assert refusal(required_text, typed, "the note") == (
        "Please type the note: it can't be left empty."
    )


def test_required_text_limit_is_inclusive() -> None:
    assert required_text("x" * 80, "a name", 80) == "x" * 80
    assert refusal(required_text, "x" * 81, "a name", 80) == (
        "That is 81 characters long. Please keep a name to 80 characters or fewer."
    )


def test_required_text_counts_after_trimming() -> None:
    assert required_text("  " + "x" * 80 + "  ", "a name", 80) == "x" * 80


def test_optional_text() -> None:
    assert optional_text("   ", "concerns") == ""
    assert optional_text(" [cost] ", "concerns") == "[cost]"
    assert refusal(optional_text, "x" * (TEXT_LIMIT + 1), "concerns").startswith("That is 2,001")


def test_visible_shows_control_characters_as_symbols() -> None:
    assert visible("\x1b[31mred") == "␛[31mred"
    assert visible("a\tb\rc\x00") == "a␉b␍c␀"
    assert visible("\x7f\x9b") == "␡\\x9b"


def test_visible_keeps_newlines_and_ordinary_text() -> None:
    assert visible("line one\nline two [b]x[/] émigré") == "line one\nline two [b]x[/] émigré"


def test_visible_passes_over_no_character_it_would_change() -> None:
    """Text without a character to change is returned as it is, after one search: that search
    must find every character `visible` changes, and nothing else."""
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        assert bool(_INVISIBLE.search(character)) == (code in _VISIBLE), hex(code)


# --- groups ---------------------------------------------------------------------------------


def test_new_group(group: Group) -> None:
    assert group.name == "Riverside Carers"
    assert group.perspectives == DEFAULT_PERSPECTIVES
    assert len(group.id) == 32
    assert new_group("Riverside Carers").id != group.id


@pytest.mark.parametrize("name", ["", "   "])
def test_a_group_needs_a_name(name: str) -> None:
    assert refusal(new_group, name) == "Please type the group's name: it can't be left empty."


def test_a_group_name_of_ten_thousand_characters_is_refused() -> None:
    assert refusal(new_group, "g" * 10_000) == (
        "That is 10,000 characters long. "
        f"Please keep the group's name to {TITLE_LIMIT} characters or fewer."
    )


def test_a_group_needs_a_perspective() -> None:
    assert refusal(new_group, "Riverside", ()) == (
        "A group needs at least one perspective for members to choose from."
    )
    assert refusal(new_group, "Riverside", ("carer", " ")) == (
        "Please type a perspective: it can't be left empty."
    )


def test_a_group_keeps_its_own_perspectives_trimmed() -> None:
    group = new_group("Riverside", (" Parent ", "Young person"))
    assert group.perspectives == ("Parent", "Young person")


@pytest.mark.parametrize("name", TRICKY)
def test_a_group_name_is_stored_exactly(name: str) -> None:
    assert new_group(name).name == name


# --- members --------------------------------------------------------------------------------


def test_new_member(group: Group) -> None:
    member = new_member(group, " Ann ", "carer or family", " Large print ", consent_named=False)
    assert (member.group_id, member.name, member.perspective, member.needs) == (
        group.id,
        "Ann",
        "carer or family",
        "Large print",
    )
    assert member.consent_named is False


@pytest.mark.parametrize("typed", ["Lived Experience", "  LIVED EXPERIENCE ", "lived experience"])
def test_perspective_is_matched_regardless_of_case(group: Group, typed: str) -> None:
    assert new_member(group, "Ann", typed).perspective == "lived experience"


def test_perspective_is_stored_as_the_group_spells_it() -> None:
    group = new_group("Riverside", ("Parent", "Young person"))
    assert new_member(group, "Ann", "young PERSON").perspective == "Young person"


def test_a_perspective_that_is_not_the_groups_is_refused(group: Group) -> None:
    assert refusal(new_member, group, "Ann", "manager") == (
        "“manager” is not one of this group's perspectives: lived experience, carer or family, "
        "professional, other, prefer not to say."
    )


@pytest.mark.parametrize("name", ["", "  "])
def test_a_member_needs_a_name(group: Group, name: str) -> None:
    assert refusal(new_member, group, name, "other") == (
        "Please type the name they want to be called: it can't be left empty."
    )


def test_a_member_name_of_ten_thousand_characters_is_refused(group: Group) -> None:
    assert refusal(new_member, group, "n" * 10_000, "other") == (
        "That is 10,000 characters long. "
        f"Please keep the name they want to be called to {NAME_LIMIT} characters or fewer."
    )


def test_needs_are_optional_but_limited(group: Group) -> None:
    assert new_member(group, "Ann", "other").needs == ""
    assert refusal(new_member, group, "Ann", "other", "x" * 10_000).startswith(
        "That is 10,000 characters long."
    )


@pytest.mark.parametrize("name", TRICKY)
def test_a_member_name_is_stored_exactly(group: Group, name: str) -> None:
    assert new_member(group, name, "other").name == name


# --- meetings -------------------------------------------------------------------------------


def test_new_meeting(group: Group) -> None:
    meeting = new_meeting(group, " December meeting ", WHEN, " Hall ", " Hybrid ", 90)
    assert (meeting.group_id, meeting.title, meeting.place, meeting.format) == (
        group.id,
        "December meeting",
        "Hall",
        "hybrid",
    )
    assert (meeting.starts_at, meeting.length_minutes) == (WHEN, 90)


def test_a_meeting_format_must_be_known(group: Group) -> None:
    assert refusal(new_meeting, group, "Meeting", WHEN, "Hall", "carrier pigeon", 60) == (
        "The format must be one of: in person, online, hybrid."
    )


@pytest.mark.parametrize("minutes", [0, -1, 721])
def test_a_meeting_length_must_be_sensible(group: Group, minutes: int) -> None:
    assert refusal(new_meeting, group, "Meeting", WHEN, "Hall", "online", minutes) == (
        "Please give the length as a number of minutes from 1 to 720."
    )


def test_a_meeting_needs_a_title_and_a_place(group: Group) -> None:
    assert refusal(new_meeting, group, " ", WHEN, "Hall", "online", 60) == (
        "Please type the meeting's title: it can't be left empty."
    )
    assert refusal(new_meeting, group, "Meeting", WHEN, "", "online", 60) == (
        "Please type where it happens: it can't be left empty."
    )
    assert refusal(new_meeting, group, "m" * 10_000, WHEN, "Hall", "online", 60).startswith(
        "That is 10,000 characters long."
    )
