"""Names are found in typed text whatever their case or accents, so consent, anonymising and
forgetting hold for "İbrahim" and "Groß" as for "Ann"."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from session.pseudonyms import UNNAMED, folded, pseudonym, scrubber
from session.setup import new_group, new_member
from tests.cli_runner import coproduce, saved


def test_a_name_is_found_in_any_case_and_with_or_without_its_accents() -> None:
    group = new_group("Forum")
    ibrahim = new_member(group, "İbrahim Yilmaz", "carer or family")
    gross = new_member(group, "Anna Groß", "professional")
    scrub = scrubber([ibrahim, gross])

    said = scrub("İbrahim spoke; İBRAHİM YILMAZ agreed; ibrahim too. ANNA GROSS and Anna Groß.")

    assert "brahim" not in said.casefold() and "gro" not in said.casefold()
    assert said.count(pseudonym(ibrahim.id)) == 3
    assert said.count(pseudonym(gross.id)) == 2
    assert folded("İLKER") == folded("Ilker") and folded("Groß") == folded("GROSS")


def test_a_name_typed_without_its_accents_is_found_too() -> None:
    """People often leave accents out when they type: "zoe" is Zoë, "Jose" is José."""
    group = new_group("Forum")
    zoe = new_member(group, "Zoë Martin", "lived experience")
    jose = new_member(group, "José Silva", "carer or family")
    scrub = scrubber([zoe, jose])

    said = scrub("zoe asked; ZOE MARTIN agreed; Zoë too. Jose and JOSÉ SILVA.")

    assert "zo" not in said.casefold() and "jos" not in said.casefold()
    assert said.count(pseudonym(zoe.id)) == 3 and said.count(pseudonym(jose.id)) == 2


def test_a_name_typed_with_accents_it_does_not_have_is_found_too() -> None:
    """Chloe's name with an accent added, in full-width letters, or with its accent typed as a
    separate mark: all hers, and nothing of it is left behind."""
    group = new_group("Forum")
    chloe = new_member(group, "Chloe Bennett", "lived experience")
    scrub = scrubber([chloe], label=lambda m: UNNAMED)

    said = scrub(
        "Chloé said; CHLOÉ BENNETT agreed; \uff23\uff48\uff4c\uff4f\uff45 and Chloe\u0301 too."
    )

    assert said == f"{UNNAMED} said; {UNNAMED} agreed; {UNNAMED} and {UNNAMED} too."
    assert scrub("Chloés") == "Chloés"  # whole words only
    assert scrub("\uff38") == "\uff38" and scrub("") == ""


def test_a_name_is_found_as_people_type_it_on_an_ordinary_keyboard() -> None:
    """A dotless i typed as i, other letters without an accent to strip, curly apostrophes and
    dashes, and the words of a name apart by more than one space or a line break."""
    group = new_group("Forum")
    aydin = new_member(group, "Ayd\u0131n Kaya", "lived experience")
    soren = new_member(group, "S\u00f8ren Lund", "carer or family")
    oneil = new_member(group, "Siobhan O'Neil", "professional")
    mary = new_member(group, "Mary-Jane Smith", "other")
    scrub = scrubber([aydin, soren, oneil, mary], label=lambda m: m.perspective.upper())

    said = scrub(
        "Aydin, AYDIN KAYA, Soren, Siobhan O\u2019Neil, Mary\u2013Jane and Mary-Jane  Smith;"
        " Aydin\nKaya too."
    )

    assert said == (
        "LIVED EXPERIENCE, LIVED EXPERIENCE, CARER OR FAMILY, PROFESSIONAL, OTHER and OTHER;"
        " LIVED EXPERIENCE too."
    )


def test_a_name_is_never_found_in_part_of_a_typed_character() -> None:
    """\u2100 folds to "a/c": the "a" is not the start of Cathy's name."""
    cathy = new_member(new_group("Forum"), "Cathy Ng", "other")

    assert scrubber([cathy])("z \u2100athy") == "z \u2100athy"


@settings(deadline=None)
@given(st.text(), st.text())
def test_a_name_among_any_other_text_is_replaced_where_it_stands(before: str, after: str) -> None:
    """Whatever is typed around it (accents, capitals, letters that fold into two), the name
    is replaced where it is, and the text either side is what it would be on its own."""
    chloe = new_member(new_group("Forum"), "Chloé", "lived experience")
    scrub = scrubber([chloe], label=lambda _: "[someone]")

    said = scrub(f"{before} CHLOÉ {after}")

    assert said == f"{scrub(before)} [someone] {scrub(after)}"


def test_the_data_export_hides_a_name_typed_in_capitals_with_a_dotted_i(tmp_path: Path) -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    quiet = ["--perspective", "lived experience", "--no-consent"]
    assert coproduce("person", "add", "Ilker Demir", *quiet).exit_code == 0
    raised = coproduce("issue", "add", "İLKER wants step-free access", "--when", "3 Nov")
    assert raised.exit_code == 0, raised.output

    assert coproduce("data", str(tmp_path / "out"), "--format", "json").exit_code == 0

    for table in ("issues", "group_events"):
        text = (tmp_path / "out" / f"{table}.json").read_text(encoding="utf-8")
        assert "LKER" not in text and "lker" not in text, table
        assert UNNAMED in json.dumps(json.loads(text), ensure_ascii=False)


def test_forget_reaches_a_name_typed_in_capitals_with_a_dotted_i() -> None:
    assert coproduce("group", "new", "Forum").exit_code == 0
    assert coproduce("person", "add", "İbrahim Yilmaz", "--perspective", "other").exit_code == 0
    assert (
        coproduce("issue", "add", "İBRAHİM says the lift is broken", "--when", "3 Nov").exit_code
        == 0
    )

    forgot = coproduce("forget", "İbrahim Yilmaz", "--yes")

    assert forgot.exit_code == 0, forgot.output
    assert "folded_states" not in forgot.output
    [(text,)] = saved().execute("SELECT text FROM issues").fetchall()
    assert "BRAH" not in text and text.startswith("Person ")


def test_forget_leaves_someone_else_whose_first_name_folds_the_same() -> None:
    """Chloe Smith is forgotten; Chloé Jones is another person. "Chloé" on its own could be
    either, so only Chloe Smith's whole name is replaced."""
    assert coproduce("group", "new", "Forum").exit_code == 0
    for name in ("Chloe Smith", "Chlo\u00e9 Jones"):
        assert coproduce("person", "add", name, "--perspective", "other").exit_code == 0
    said = "Chlo\u00e9 Jones wants a ramp; Chlo\u00e9 agreed; CHLOE SMITH said no"
    assert coproduce("issue", "add", said, "--when", "3 Nov").exit_code == 0

    assert coproduce("forget", "Chloe Smith", "--yes").exit_code == 0

    [(text,)] = saved().execute("SELECT text FROM issues").fetchall()
    assert text.startswith("Chlo\u00e9 Jones wants a ramp; Chlo\u00e9 agreed; Person ")
    assert "SMITH" not in text
