"""A person's rights over what coproduce holds about them: `coproduce forget` erases their name
and details everywhere (the file on disk included) but keeps the group's counts true;
`coproduce export-person` gives them all of it. Files are private to their owner."""

import json
import logging
import re
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlite_utils import Database

from session import live
from session.clock import FrozenClock
from session.live import MINUTE_TAKER, LiveState
from session.pseudonyms import pseudonym
from session.setup import new_member
from store.demo import create_demo
from store.live import LiveMeeting
from store.log import load
from store.paths import default_db_path
from store.records import find_member, get_group, get_meeting, members_of, save_member
from tests.cli_runner import NOW, coproduce, saved
from tests.live_driver import demo_app, fill, frozen_clock, press_then_choose, shown
from tui import cli

NAME = "Margaret Okafor"
NEEDS = "Wheelchair user"


def meeting_with_margaret() -> tuple[Database, str, dict[str, str]]:
    """The example meeting, run for a while, with Margaret in the record in every way: in the
    queue, speaking, owning an action, named in notes and in someone else's needs."""
    db = saved()
    clock = FrozenClock(NOW)
    meeting_id = create_demo(db, clock)
    group = get_group(db, get_meeting(db, meeting_id).group_id)
    save_member(db, new_member(group, "Sam Reid", "other", needs="Sits beside Margaret"), clock)
    who = {m.name: m.id for m in members_of(db, group.id)}
    meeting = LiveMeeting(db, meeting_id, clock)
    steps = [
        lambda s: live.start_meeting(s, list(who.values())),
        lambda s: live.hand_role(s, MINUTE_TAKER, who["Tom Gallagher"]),
        lambda s: live.raise_hand(s, who[NAME]),
        live.next_speaker,
        lambda s: live.write_note(s, "Margaret said the bus was late three times"),
        lambda s: live.write_note(s, "MARGARET OKAFOR will write to the council"),
        live.end_turn,
        lambda s: live.record_action(s, "Write the letter", who[NAME], date(2026, 12, 11)),
        lambda s: live.write_note(s, "Nothing about anyone in particular"),
    ]
    for step in steps:
        clock.advance(60)
        meeting.do(step)
    return db, meeting_id, who


def state_of(db: Database, meeting_id: str) -> LiveState:
    return live.fold(meeting_id, load(db, meeting_id))


def on_disk(path: Path) -> bytes:
    """Every byte coproduce keeps for this database: the file and its journal, lower-cased."""
    return b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*")).lower()


# --- forget ------------------------------------------------------------------------------------


def test_forget_replaces_the_name_everywhere_and_clears_their_details() -> None:
    db, meeting_id, who = meeting_with_margaret()
    before = state_of(db, meeting_id)
    alias = pseudonym(who[NAME])

    result = coproduce("forget", NAME, "--yes")

    assert result.exit_code == 0, result.output
    assert f"{NAME} will become “{alias}”" in result.stdout
    db = saved()
    them = find_member(db, get_meeting(db, meeting_id).group_id, who[NAME][:8])
    assert them.name == alias
    assert them.needs == ""
    assert them.perspective == "lived experience"
    assert len(members_of(db, them.group_id)) == 9
    after = state_of(db, meeting_id)
    assert [n.text for n in after.notes] == [
        f"{alias} said the bus was late three times",
        f"{alias} will write to the council",
        "Nothing about anyone in particular",
    ]
    assert [t.member_id for t in after.turns] == [t.member_id for t in before.turns]
    assert [a.owner_id for a in after.actions] == [who[NAME]]
    assert after.present == before.present
    sam = find_member(db, them.group_id, "Sam Reid")
    assert sam.needs == f"Sits beside {alias}"
    erasures = db.execute("SELECT member_id, pseudonym, role FROM erasures").fetchall()
    assert erasures == [(who[NAME], alias, "command line")]
    minutes = coproduce("export", meeting_id[:8]).stdout
    assert "9 people attended." in minutes
    assert alias in minutes
    assert "Margaret" not in minutes


def test_after_forgetting_no_trace_of_the_name_is_left_in_the_file() -> None:
    meeting_with_margaret()
    path = default_db_path()
    assert b"margaret" in on_disk(path)

    assert coproduce("forget", NAME, "--yes").exit_code == 0

    kept = on_disk(path)
    assert b"margaret" not in kept
    assert b"okafor" not in kept
    assert NEEDS.lower().encode() not in kept


def test_a_search_index_is_rebuilt_without_the_name() -> None:
    db, _, _ = meeting_with_margaret()
    db.table("events").enable_fts(["data"])
    db.table("members").enable_fts(["name", "needs"])
    assert list(db.table("events").search("Margaret"))

    assert coproduce("forget", NAME, "--yes").exit_code == 0

    db = saved()
    assert list(db.table("events").search("Margaret")) == []
    assert list(db.table("members").search("Okafor")) == []
    assert list(db.table("members").search("Wheelchair")) == []
    assert b"margaret" not in on_disk(default_db_path())


def test_a_first_name_someone_else_shares_is_left_alone() -> None:
    db, meeting_id, who = meeting_with_margaret()
    group = get_group(db, get_meeting(db, meeting_id).group_id)
    save_member(db, new_member(group, "Margaret Lee", "carer or family"), FrozenClock(NOW))

    assert coproduce("forget", NAME, "--yes").exit_code == 0

    notes = [n.text for n in state_of(saved(), meeting_id).notes]
    assert notes[0] == "Margaret said the bus was late three times"
    assert notes[1] == f"{pseudonym(who[NAME])} will write to the council"
    assert find_member(saved(), group.id, "Margaret Lee").name == "Margaret Lee"


def test_forget_asks_first_and_saying_no_changes_nothing() -> None:
    meeting_with_margaret()
    before = list(sqlite3.connect(default_db_path()).iterdump())

    result = coproduce_with_input("n\n", "forget", NAME)

    assert result.exit_code == 1
    assert "Forget them? This can't be undone" in result.stdout
    assert list(sqlite3.connect(default_db_path()).iterdump()) == before


def coproduce_with_input(text: str, *args: str) -> Result:
    return CliRunner().invoke(cli.cli, list(args), obj=FrozenClock(NOW), input=text)


def test_with_another_window_open_it_says_how_to_finish_and_a_second_run_does() -> None:
    meeting_with_margaret()
    path = default_db_path()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN")
    other.execute("SELECT COUNT(*) FROM events").fetchone()  # a reader holds the old pages
    try:
        first = coproduce("forget", NAME, "--yes")
    finally:
        other.execute("COMMIT")
        other.close()
    assert first.exit_code == 0
    assert "Another coproduce window has this file open" in first.stdout
    alias = saved().execute("SELECT pseudonym FROM erasures").fetchone()[0]

    second = coproduce("forget", alias, "--yes")

    assert "has already been forgotten. Tidying the file only." in second.stdout
    assert "Another coproduce window" not in second.stdout
    assert b"margaret" not in on_disk(path)


def test_forget_points_out_backup_copies_it_can_not_reach() -> None:
    meeting_with_margaret()
    copy = default_db_path().with_name("coproduce.db.bak-20261126T120000Z")
    copy.write_bytes(b"an old copy")

    result = coproduce("forget", NAME, "--yes")

    assert "These backup copies, made before upgrades, still hold their details:" in result.stdout
    assert str(copy) in result.stdout


# --- export-person -----------------------------------------------------------------------------


def test_export_person_gives_everything_held_about_them_as_json() -> None:
    _, meeting_id, who = meeting_with_margaret()

    result = coproduce("export-person", NAME)

    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["person"]["name"] == NAME
    assert record["person"]["needs"].startswith(NEEDS)
    [meeting] = record["meetings"]
    assert meeting["meeting"]["id"] == meeting_id
    assert meeting["attended"] is True
    assert [t["seconds"] for t in meeting["turns"]] == [180]
    whats = [e["what"] for e in meeting["events"]]
    assert "put Margaret Okafor in the queue" in whats
    assert "gave the floor to Margaret Okafor" in whats
    assert "wrote the note “Margaret said the bus was late three times”" in whats
    assert "recorded the action “Write the letter”" in whats
    assert "Nothing about anyone in particular" not in result.stdout
    assert {e["role"] for e in meeting["events"]} == {"facilitator"}
    [added] = record["other_records"]["group_events"]  # when they were added, and by whom
    assert (added["kind"], added["role"], added["data"]["member_id"]) == (
        "member_added",
        "facilitator",
        who[NAME],
    )
    others = [name for name in who if name != NAME]
    assert "Sam Reid" in others
    assert not [name for name in others if name in result.stdout]


def test_export_person_finds_their_name_after_a_line_break() -> None:
    """A note of several lines names them at the start of its second: the record is theirs."""
    db, meeting_id, _ = meeting_with_margaret()
    note = "Thanks, everyone.\nMargaret will bring the forms"
    LiveMeeting(db, meeting_id, FrozenClock(NOW)).do(lambda s: live.write_note(s, note))

    record = json.loads(coproduce("export-person", NAME).stdout)

    [meeting] = record["meetings"]
    assert note in [e["data"].get("text") for e in meeting["events"]]


def test_export_person_as_markdown_to_a_private_file(tmp_path: Path) -> None:
    meeting_with_margaret()
    output = tmp_path / "margaret.md"

    result = coproduce("export-person", NAME, "--format", "md", "--output", str(output))

    assert result.exit_code == 0
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    text = output.read_text()
    assert text.startswith("# What coproduce holds about Margaret Okafor")
    assert "- Attended." in text
    assert "(facilitator): put Margaret Okafor in the queue" in text


def test_after_forget_export_person_shows_only_the_pseudonym() -> None:
    _, _, who = meeting_with_margaret()
    coproduce("forget", NAME, "--yes")

    result = coproduce("export-person", pseudonym(who[NAME]))

    assert result.exit_code == 0
    assert "Margaret" not in result.stdout
    assert json.loads(result.stdout)["other_records"]["erasures"][0]["member_id"] == who[NAME]


# --- private files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["export", "MEETING", "--format", "md"],
        ["export", "MEETING", "--format", "html"],
        ["export", "MEETING", "--format", "html", "--easy-read"],
        ["report", "MEETING", "--format", "md"],
        ["report", "MEETING", "--format", "html"],
        ["report", "--format", "html"],
        ["export-person", NAME, "--format", "json"],
        ["history", "--format", "html"],
        ["history", "MEETING"],
    ],
)
def test_every_export_is_readable_by_its_owner_only(tmp_path: Path, command: list[str]) -> None:
    _, meeting_id, _ = meeting_with_margaret()
    output = tmp_path / "export.out"
    output.write_text("an older file, readable by anyone")
    output.chmod(0o644)
    args = [meeting_id[:8] if part == "MEETING" else part for part in command]

    result = coproduce(*args, "--output", str(output))

    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    assert "an older file" not in output.read_text()


def test_the_data_folder_export_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    meeting_with_margaret()
    folder = tmp_path / "data"

    result = coproduce("data", str(folder), "--format", "csv")

    assert result.exit_code == 0, result.output
    written = list(folder.iterdir())
    assert written
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o600}


def test_the_database_and_its_journal_are_readable_by_their_owner_only() -> None:
    db, _, _ = meeting_with_margaret()
    path = default_db_path()
    files = list(path.parent.glob(f"{path.name}*"))
    assert {p.name for p in files} >= {"coproduce.db", "coproduce.db-wal", "coproduce.db-shm"}
    assert {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o600}
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    db.close()


# --- consent to be named -----------------------------------------------------------------------


def meeting_with_chloe_named_in_a_note() -> str:
    """Chloe Bennett did not consent to be named; the minute-taker typed her name anyway."""
    db = saved()
    clock = FrozenClock(NOW)
    meeting_id = create_demo(db, clock)
    who = {m.name: m.id for m in members_of(db, get_meeting(db, meeting_id).group_id)}
    meeting = LiveMeeting(db, meeting_id, clock)
    meeting.do(lambda s: live.start_meeting(s, list(who.values())))
    meeting.do(lambda s: live.hand_role(s, MINUTE_TAKER, who["Chloe Bennett"]))
    meeting.do(lambda s: live.raise_hand(s, who["Chloe Bennett"]))
    meeting.do(live.next_speaker)
    clock.advance(90)
    meeting.do(lambda s: live.write_note(s, "Chloe Bennett asked how to book respite"))
    meeting.do(lambda s: live.record_decision(s, "Chloe will find out", "consensus"))
    return meeting_id


def test_someone_who_asked_not_to_be_named_is_not_named_in_the_minutes() -> None:
    meeting_id = meeting_with_chloe_named_in_a_note()

    result = coproduce("export", meeting_id[:8])

    assert result.exit_code == 0, result.output
    assert "chloe" not in result.stdout.casefold()
    assert "bennett" not in result.stdout.casefold()
    assert "someone who asked not to be named" in result.stdout


def test_the_minutes_keep_the_note_but_not_the_name() -> None:
    meeting_id = meeting_with_chloe_named_in_a_note()

    minutes = coproduce("export", meeting_id[:8]).stdout

    assert "- someone who asked not to be named asked how to book respite — *someone" in minutes
    assert "someone who asked not to be named will find out" in minutes


# --- no personal data in logs ------------------------------------------------------------------

SOURCE = Path(__file__).resolve().parents[1]


def test_no_module_writes_a_log() -> None:
    """Nothing people type, nor their names, can reach a log file if nothing logs at all."""
    writes_logs = re.compile(r"import logging|from logging|\.log\(|textual import log")
    found = [
        str(path.relative_to(SOURCE))
        for package in ("session", "store", "tui")
        for path in (SOURCE / package).rglob("*.py")
        if writes_logs.search(path.read_text())
    ]
    assert found == []


async def test_driving_the_app_logs_nothing_about_anyone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    app = demo_app(tmp_path / "m.db", frozen_clock())
    async with app.run_test(size=(80, 24)) as pilot:
        await press_then_choose(pilot, "m", "Tom Gallagher")
        await press_then_choose(pilot, "h", "Margaret Okafor")
        await pilot.press("s", "w")
        await pilot.pause()
        await fill(pilot, "#text", "Margaret's private story")
        await pilot.press("enter")
        await pilot.pause()
        assert "Margaret's private story" in shown(pilot, "#notes")
    assert "Margaret" not in caplog.text
    assert "Tom Gallagher" not in caplog.text


def test_forget_clears_their_needs_and_payment_notes_in_the_groups_preparation_log() -> None:
    _db, meeting_id, _who = meeting_with_margaret()
    assert coproduce("needs", NAME, "step-free access", "--named").exit_code == 0
    paid = coproduce(
        "payment", "add", meeting_id[:8], NAME, "--offered", "payment", "--given", "bus fare"
    )
    assert paid.exit_code == 0, paid.output

    assert coproduce("forget", NAME, "--yes").exit_code == 0

    kept = {
        kind: json.loads(data)
        for kind, data in saved().execute("SELECT kind, data FROM group_events").fetchall()
    }
    assert kept["needs_recorded"]["needs"] == []
    assert kept["needs_recorded"]["named"] is False
    assert kept["payment_recorded"]["given"] == ""
    assert kept["payment_recorded"]["offered"] == ["payment"]
    assert b"step-free" not in on_disk(default_db_path())
    assert b"bus fare" not in on_disk(default_db_path())


def test_export_person_includes_what_the_groups_log_holds_about_them() -> None:
    meeting_with_margaret()
    assert coproduce("needs", NAME, "step-free access", "--named").exit_code == 0

    record = json.loads(coproduce("export-person", NAME).stdout)

    kinds = [row["kind"] for row in record["other_records"]["group_events"]]
    assert kinds == ["member_added", "needs_recorded"]
    assert record["other_records"]["group_events"][1]["data"]["needs"] == ["step-free access"]
