"""Preparing a meeting from the command line, for scripting: issues, a dot vote, the agenda,
time and place with access needs, roles, the agreement, payment and the agenda to send out."""

from pathlib import Path

from tests.cli_runner import coproduce, refused, saved


def ok(*args: str) -> str:
    result = coproduce(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_whole_preparation_from_the_command_line(tmp_path: Path) -> None:
    ok("group", "new", "Riverside forum")
    for name, perspective in (
        ("Ann", "lived experience"),
        ("Bob", "carer or family"),
        ("Cat", "lived experience"),
        ("Dev", "professional"),
    ):
        ok("person", "add", name, "--perspective", perspective)
    ok(
        "meeting",
        "new",
        "Spring",
        "--when",
        "next tuesday 2pm",
        "--place",
        "Town hall",
        "--format",
        "in person",
        "--length",
        "60",
    )
    ok("issue", "add", "Bus passes are ending", "--by", "Ann")
    said = ok("issue", "add", "bus passes are ending?", "--by", "Bob", "--how", "phone")
    assert "It reads the same as issue 1" in said and "coproduce issue merge 1 2" in said
    ok("issue", "merge", "1", "2")
    ok(
        "issue",
        "add",
        "Respite care",
        "--by",
        "Cat",
        "--how",
        "outdoor or community event",
        "--where",
        "Summer fair",
        "--when",
        "yesterday",
    )
    ok("issue", "add", "Day centre hours")
    listed = ok("issue", "list")
    assert "1. Bus passes are ending\n    raised by Ann · conversation" in listed
    assert "raised by Bob · phone · Thursday 26 November 2026 (merged from 2)" in listed
    assert (
        "raised by Cat · outdoor or community event at Summer fair · Wednesday 25 November 2026"
        in listed
    )
    assert "raised by anonymous" in listed
    refused(coproduce("issue", "add", "x", "--how", "pigeon"), "Choose one of: conversation")

    ok("vote", "open", "--dots", "2", "--no-professionals")
    ok("vote", "dots", "Ann", "1", "1")
    refused(
        coproduce("vote", "dots", "Bob", "1", "3", "4"), "That is 3 dots, and each person has 2"
    )
    refused(coproduce("vote", "dots", "Bob", "2"), "no issue 2 in this vote. Its issues: 1, 3, 4.")
    refused(coproduce("vote", "dots", "Dev", "1"), "They are not voting")
    ok("vote", "dots", "Bob", "3x2")
    ok("vote", "left", "Bob")
    results = ok("vote", "results")
    assert "  1. ██ 2 dots (tied) — 1. Bus passes are ending" in results
    assert "  1. ██ 2 dots (tied) — 3. Respite care" in results
    assert "  3.  0 dots — 4. Day centre hours" in results

    ok("agenda", "from-issue", "Spring", "3", "--minutes", "40")
    said = ok("agenda", "from-issue", "Spring", "1", "--minutes", "30")
    assert "add up to 70 minutes: 10 more than the meeting's 60" in said
    refused(coproduce("agenda", "move", "Spring", "2", "1", "--why", "x"), "say who asked")
    ok("agenda", "move", "Spring", "2", "1", "--asked-by", "Cat", "--why", "deadline in March")
    checked = ok("agenda", "check", "Spring")
    assert "Moved “Bus passes are ending” from 2 to 1: Cat asked, because deadline" in checked
    listed = ok("agenda", "list", "Spring")
    assert listed.startswith("1. Bus passes are ending (30 min, proposed by Ann)")
    refused(coproduce("agenda", "review", "Spring"), "no unfinished actions")

    ok("place", "add", "Library", "--yes", "step-free access", "--no", "hearing loop")
    ok("place", "add", "Church hall")
    ok("needs", "Ann", "hearing loop", "step-free", "--named")
    ok("needs", "Bob", "quiet room")
    ok("option", "add", "Spring", "--when", "next wednesday 2pm", "--place", "1")
    ok("option", "add", "Spring", "--when", "next thursday 10am", "--place", "2")
    ok("option", "can", "Spring", "Ann", "2")
    ok("option", "can", "Spring", "Cat", "2")
    ok("option", "can", "Spring", "Bob", "1")
    options = ok("option", "list", "Spring")
    assert options.index("Church hall — 2 can come") < options.index("Library — 1 can come")
    assert "    hearing loop: unknown (1 person; Ann)" in options
    said = ok("option", "choose", "Spring", "2")
    assert "Nothing chosen yet" in said and "step-free access (unknown, 1 person)" in said
    ok("option", "choose", "Spring", "2", "--confirm")
    assert ok("meeting", "list").count("Church hall") == 1

    ok("role", "volunteer", "Spring", "chair", "Dev")
    ok("role", "volunteer", "Spring", "chair", "Cat")
    suggested = ok("role", "suggest", "Spring")
    assert "  1. Cat — volunteered, lived experience; never held it\n  2. Dev — volunteered" in (
        suggested
    )
    ok("role", "hand", "Spring", "chair", "Cat")
    ok("agreement", "set", "Take turns to speak", "No jargon")
    assert ok("agreement", "show") == "1. Take turns to speak\n2. No jargon\n"
    ok(
        "payment",
        "add",
        "Spring",
        "Ann",
        "--offered",
        "expenses",
        "--given",
        "Bus fare",
        "--amount",
        "£4.50",
    )
    assert ok("payment", "list", "Spring") == "Ann: offered expenses · given: Bus fare · £4.50\n"

    ok("agenda", "send", "Spring", "--output", str(tmp_path / "agenda.md"))
    markdown = (tmp_path / "agenda.md").read_text()
    easy = (tmp_path / "agenda.html").read_text()
    assert "## Who is chairing\n\n🪑 Cat" in markdown
    assert "1. 🗣 Bus passes are ending. About 30 minutes. Raised by Ann, Bob." in markdown
    assert "Church hall" in markdown and "Hearing loop: not checked yet." in markdown
    assert "BSL or other interpreter: not checked yet." in markdown
    assert "It lasts about 60 minutes" in markdown
    assert "font-size:20px" in easy and "No jargon" in easy
    assert (tmp_path / "agenda.html").stat().st_mode & 0o777 == 0o600
    rows = saved().execute("SELECT COUNT(*) FROM issues WHERE merged_into IS NOT NULL")
    assert rows.fetchone()[0] == 1


def test_an_anonymised_export_leaves_out_access_needs_from_the_groups_log(tmp_path: Path) -> None:
    ok("group", "new", "Riverside forum")
    ok("person", "add", "Ann", "--perspective", "lived experience")
    ok("needs", "Ann", "hearing loop")
    ok("data", str(tmp_path / "out"), "--format", "json", "--anonymise")
    exported = (tmp_path / "out" / "group_events.json").read_text()
    assert "needs_recorded" in exported and "hearing loop" not in exported
    assert "left out: not covered by consent" in exported


def test_payments_and_agenda_moves_can_be_read_in_any_sqlite_tool() -> None:
    ok("group", "new", "Riverside forum")
    ok("person", "add", "Ann", "--perspective", "lived experience")
    ok(
        "meeting", "new", "Spring", "--when", "next tuesday 2pm", "--place", "Hall",
        "--format", "in person", "--length", "60",
    )  # fmt: skip
    for title in ("One", "Two"):
        ok("agenda", "add", "Spring", title)
    ok("agenda", "move", "Spring", "2", "1", "--asked-by", "Ann", "--why", "it is urgent")
    ok("payment", "add", "Spring", "Ann", "--offered", "payment", "--amount", "20")
    db = saved()
    assert db.execute("SELECT moved_to, reason FROM agenda_moves").fetchall() == [
        (1, "it is urgent")
    ]
    assert db.execute("SELECT offered, amount_pence FROM payments").fetchall() == [
        ('["payment"]', 2000)
    ]
