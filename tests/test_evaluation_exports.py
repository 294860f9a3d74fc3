"""Evaluation exports read back: the reports in Markdown and HTML, every table as CSV and JSON,
and anonymised exports that name nobody."""

import csv
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

import pytest
from sqlite_utils import Database

import store.tables
from session import live, plan
from session.clock import FrozenClock
from session.history import history_report
from session.live import MINUTE_TAKER
from session.power import meeting_report
from session.pseudonyms import pseudonym, scrub_report, scrubber
from store.db import open_db, writing
from store.demo import DEMO_GROUP, DEMO_MEETING, create_demo
from store.demo_history import FIRST, SECOND, create_demo_history
from store.errors import StoreError
from store.evaluation import group_records, meeting_record
from store.files import private_file
from store.live import LiveMeeting
from store.plan import GroupPreparation
from store.records import find_group, find_meeting, members_of
from store.render import to_html, to_markdown
from store.tables import CHUNK, LEFT_OUT, export_tables, exported_names, one_moment, rows
from tests.cli_runner import coproduce

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
VOID = {"meta", "br", "hr", "img", "input", "link", "rect", "path", "line", "circle"}


@pytest.fixture
def db(tmp_path: Path) -> Database:
    opened = open_db(tmp_path / "c.db")
    clock = FrozenClock(NOW)
    create_demo(opened, clock)
    create_demo_history(opened, DEMO_GROUP, clock)
    return opened


def names_in(db: Database) -> list[str]:
    """Every member's full name and first name."""
    group = find_group(db, DEMO_GROUP)
    members = members_of(db, group.id)
    return [m.name for m in members] + [m.name.split()[0] for m in members]


class Checked(HTMLParser):
    """Collects the text, the tags, and any tag closed out of order."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open.pop() != tag:
            self.problems.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Checked:
    checked = Checked()
    checked.feed(html)
    checked.close()
    assert checked.problems == [] and checked.open == []
    return checked


def test_the_meeting_report_in_markdown_says_who_spoke_and_how_evenly(db: Database) -> None:
    record = meeting_record(db, find_meeting(db, FIRST).id, FrozenClock(NOW))
    text = to_markdown(meeting_report(record))

    assert "# Power balance: Planning the year together" in text
    assert "7 people were there and 6 of them spoke (86%): 9 turns, 38 min in all." in text
    assert "How evenly time was shared (Gini coefficient): 0.56." in text
    assert "| Priya Sharma (professional) | ████████████████████ | 16 min · 3 turns · 42% |" in text
    assert "People with the perspective “professional” spoke for 79% of the speaking time." in text
    assert "| minute-taker | Priya Sharma (professional) | 43 min |" in text
    assert "| ✘ No | ████████████████████ | 3 people |" in text
    assert "| Find a step-free room with a hearing loop | Gareth Evans |" in text


def test_the_report_over_time_shows_the_trend_and_you_said_we_did(db: Database) -> None:
    group = find_group(db, DEMO_GROUP)
    text = to_markdown(history_report(group, group_records(db, group.id, FrozenClock(NOW))))

    assert "| 01 Oct 2026: Planning the year together | 8% | 13% | 79% |" in text
    assert "| 29 Oct 2026: Transport and short breaks: a first look | 43% | 34% | 23% |" in text
    assert (
        "Action: Get a copy of the transport contract (Gareth Evans): not possible, because "
        "the council would not share the transport contract." in text
    )
    assert "2 of 4 actions agreed are done." in text


def test_html_parses_and_every_chart_has_a_text_equivalent(db: Database) -> None:
    record = meeting_record(db, find_meeting(db, SECOND).id, FrozenClock(NOW))
    html = to_html(meeting_report(record))
    checked = parsed(html)

    charts = checked.tags.count("svg")
    assert charts >= 4
    assert checked.tags.count("figure") == charts
    assert checked.tags.count("desc") == charts  # the summary, read out by screen readers
    assert checked.tags.count("caption") == charts  # each chart again as a table
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")  # offline
    assert "font-size: 1.3rem" in html
    assert "someone who asked not to be named" in "".join(checked.text)
    assert "Chloe" not in html


def test_typed_text_cannot_become_html(db: Database) -> None:
    group = find_group(db, DEMO_GROUP)
    record = group_records(db, group.id, FrozenClock(NOW))[0]
    evil = "<script>alert(1)</script> & \x1b[31m"
    meeting = record.meeting.__class__(**{**record.meeting.__dict__, "title": evil})
    html = to_html(meeting_report(record.__class__(**{**record.__dict__, "meeting": meeting})))

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ␛[31m" in html
    parsed(html)


def test_every_table_and_view_round_trips_through_csv(db: Database, tmp_path: Path) -> None:
    written = export_tables(db, tmp_path / "csv", "csv")

    assert {p.stem for p in written} == set(exported_names(db))
    assert {"groups", "members", "meetings", "events", "outcomes", "reviews"} <= {
        p.stem for p in written
    }
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        with path.open(newline="", encoding="utf-8") as file:
            read = list(csv.DictReader(file))
        expected = [
            {k: "" if v is None else str(v) for k, v in row.items()}
            for row in rows(db, path.stem, anonymise=False)
        ]
        assert read == expected, path.name


def test_every_table_loads_back_from_json(db: Database, tmp_path: Path) -> None:
    """Row by row, one a line, the same text whether SQLite made the line (a row as read) or
    Python did (a row with a name hidden), however awkward the text typed."""
    under_way = demo_meeting_under_way(db)
    typed = 'She said "no" \\ then\nleft\ttoo \x01 café 😀 [b]x[/b] <i>'
    under_way.do(lambda s: live.write_note(s, typed))
    under_way.do(lambda s: live.write_note(s, "Chloe said " + typed))
    with writing(db):  # a measure's number as typed, not as 15 digits would round it
        db.execute("UPDATE reviews SET number = 0.1 + 0.2")
    written = export_tables(db, tmp_path / "json", "json")

    compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    for path in written:
        text = path.read_text(encoding="utf-8")
        expected = list(rows(db, path.stem, False))
        assert json.loads(text) == expected, path.name
        assert text.splitlines()[1:-1] == [compact(r) + "," for r in expected[:-1]] + [
            compact(r) for r in expected[-1:]
        ], path.name
    events = json.loads((tmp_path / "json" / "events.json").read_text(encoding="utf-8"))
    assert any(e["kind"] == "checkout_given" for e in events)
    notes = json.loads((tmp_path / "json" / "notes.json").read_text(encoding="utf-8"))
    assert {typed, "someone who asked not to be named said " + typed} <= {n["text"] for n in notes}
    reviews = json.loads((tmp_path / "json" / "reviews.json").read_text(encoding="utf-8"))
    assert [r["number"] for r in reviews] == [0.30000000000000004]


@pytest.mark.parametrize("anonymise", [False, True])
@pytest.mark.parametrize("format_", ["csv", "json"])
def test_the_views_of_what_was_not_undone_are_written_with_their_logs(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, format_: str, anonymise: bool
) -> None:
    """`live_events` and `live_group_events` are written in the same pass as the logs they
    keep some rows of, each row read once: they still leave out what was undone, and hide the
    same names, as when each view is read on its own."""
    some_undone(db)
    read_alone = reads(monkeypatch)
    monkeypatch.setattr(store.tables, "CHUNK", 1)  # a chunk of only what was undone, too
    folder = tmp_path / format_
    export_tables(db, folder, format_, anonymise)

    assert {"events", "group_events"} <= set(read_alone)
    assert not {"live_events", "live_group_events"} & set(read_alone)
    for log, view in (("events", "live_events"), ("group_events", "live_group_events")):
        shown = {name: exported_rows(folder / f"{name}.{format_}") for name in (log, view)}
        expected = [as_read(row, format_) for row in rows(db, view, anonymise)]
        assert shown[view] == expected
        assert len(shown[log]) > len(shown[view])  # what was undone is left out
    text = (folder / f"live_events.{format_}").read_text(encoding="utf-8")
    assert "takes this one back" not in text
    assert "Chloe" not in text  # she asked not to be named (and anonymised, nobody is)


def test_a_view_of_what_was_not_undone_defined_anew_is_read_as_it_now_reads(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An evaluator's own `live_events`, newest first: the log's rows in the log's order
    would be wrong for it."""
    some_undone(db)
    with writing(db):
        db.execute("DROP VIEW live_events")
        db.execute("CREATE VIEW live_events AS SELECT * FROM events ORDER BY seq DESC")
    read_alone = reads(monkeypatch)
    export_tables(db, tmp_path / "json", "json")

    assert "live_events" in read_alone
    shown = exported_rows(tmp_path / "json" / "live_events.json")
    assert shown == list(rows(db, "live_events", False))
    assert [row["seq"] for row in shown] == sorted((row["seq"] for row in shown), reverse=True)


def test_a_fault_writing_a_log_leaves_its_view_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log's file and its view's are written together: a fault as the log's takes its
    place leaves both as the last export wrote them, not a new view beside an old log."""
    folder = tmp_path / "csv"
    export_tables(db, folder, "csv")
    before = {name: (folder / name).read_bytes() for name in ("events.csv", "live_events.csv")}
    demo_meeting_under_way(db).do(lambda s: live.write_note(s, "Written since"))
    replace = os.replace

    def full_disk_at_events(source: Path, target: Path) -> None:
        if Path(target).name == "events.csv":
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr("store.files.os.replace", full_disk_at_events)
    with pytest.raises(StoreError, match=r"events\.csv"):
        export_tables(db, folder, "csv")

    assert {name: (folder / name).read_bytes() for name in before} == before
    assert not list(folder.glob(".*.partial"))


def test_a_rule_for_a_view_alone_holds_when_anonymising(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Were some column of `live_events` never to be exported anonymised, unlike `events`,
    the view would be read on its own, with its own rule."""
    rules = store.tables.NEVER_WHEN_ANONYMISED | {("live_events", "data")}
    monkeypatch.setattr(store.tables, "NEVER_WHEN_ANONYMISED", rules)
    export_tables(db, tmp_path / "csv", "csv", anonymise=True)

    view = exported_rows(tmp_path / "csv" / "live_events.csv")
    log = exported_rows(tmp_path / "csv" / "events.csv")
    assert view and {row["data"] for row in view} == {LEFT_OUT}
    assert LEFT_OUT not in {row["data"] for row in log}


def some_undone(db: Database) -> None:
    """A note taken back in the demo meeting, and an issue taken back in the group's plan."""
    under_way = demo_meeting_under_way(db)
    under_way.do(lambda s: live.write_note(s, "Chloe will ring the council"))
    under_way.do(lambda s: live.write_note(s, "Chloe takes this one back"))
    under_way.do(live.undo)
    prep = GroupPreparation(db, find_group(db, DEMO_GROUP).id, FrozenClock(NOW))
    issue = partial(plan.raise_issue, raised_by=None, heard_how="phone", heard_on=NOW.date())
    prep.do(partial(issue, text="Chloe's bus pass"))
    prep.do(plan.undo)


def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the tables and views the export reads (each on its own), as it reads them."""
    read: list[str] = []
    reading = store.tables.table_values

    def table_values(db: Database, name: str, *args: Any) -> Any:
        read.append(name)
        return reading(db, name, *args)

    monkeypatch.setattr(store.tables, "table_values", table_values)
    return read


def exported_rows(path: Path) -> list[dict[str, Any]]:
    if path.suffix == ".json":
        loaded: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return loaded
    with path.open(newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def as_read(row: dict[str, Any], format_: str) -> dict[str, Any]:
    """A row as read back from a file in `format_`: from CSV, every value is text."""
    if format_ == "json":
        return row
    return {k: "" if v is None else str(v) for k, v in row.items()}


def test_the_views_of_who_spoke_are_worked_out_once_and_leave_nothing_behind(
    db: Database, tmp_path: Path
) -> None:
    """The export reads the views of who spoke from one working-out of `speaking_turns`. They
    come out as the views read (above, every table and view round-trips); afterwards the
    connection reads the views themselves again, and no transaction is left open."""
    under_way = demo_meeting_under_way(db)
    people = [m.id for m in members_of(db, find_group(db, DEMO_GROUP).id)]
    under_way.do(lambda s: live.raise_hand(s, people[0]))
    under_way.do(lambda s: live.raise_hand(s, people[1]))
    under_way.do(lambda s: live.next_speaker(s))
    export_tables(db, tmp_path / "csv", "csv")
    under_way.do(lambda s: live.next_speaker(s))

    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []
    assert not db.conn.in_transaction
    for view in ("speaking_turns", "speaking_by_person", "speaking_by_perspective"):
        with (tmp_path / "csv" / f"{view}.csv").open(newline="", encoding="utf-8") as file:
            assert list(csv.DictReader(file)), view
    turns = db.execute("SELECT member_id FROM speaking_turns").fetchall()
    assert (people[1],) in turns  # the view, not what the export worked out


def test_views_of_their_own_over_who_spoke_export_as_they_read(
    db: Database, tmp_path: Path
) -> None:
    """An evaluator's own views in the file, read as themselves when their query can't be
    taken apart (a column list) and with a comment at the end of their query."""
    with writing(db):
        db.execute(
            "CREATE VIEW who_spoke(meeting,person) AS"
            " SELECT meeting_id, member_id FROM speaking_turns -- mine"
        )
        db.execute("CREATE VIEW loud AS SELECT * FROM speaking_by_person WHERE turns > 0 -- mine")
    under_way = demo_meeting_under_way(db)
    people = [m.id for m in members_of(db, find_group(db, DEMO_GROUP).id)]
    under_way.do(lambda s: live.raise_hand(s, people[0]))
    under_way.do(lambda s: live.next_speaker(s))

    written = export_tables(db, tmp_path / "json", "json")

    for path in written:
        assert json.loads(path.read_text(encoding="utf-8")) == list(rows(db, path.stem, False))
    who_spoke = json.loads((tmp_path / "json" / "who_spoke.json").read_text(encoding="utf-8"))
    assert {"meeting", "person"} == set(who_spoke[0])


def test_every_view_is_read_with_its_own_columns(db: Database) -> None:
    with one_moment(db) as query:
        for view in db.view_names():
            read = db.execute(f"SELECT * FROM (\n{query(view)}\n) LIMIT 0").description
            own = db.execute(f"SELECT * FROM [{view}] LIMIT 0").description
            assert [c[0] for c in read] == [c[0] for c in own], view


def test_an_export_inside_a_transaction_reads_it_and_leaves_it_open(
    db: Database, tmp_path: Path
) -> None:
    db.execute("BEGIN")
    db.execute("UPDATE groups SET name = 'Renamed meanwhile'")
    export_tables(db, tmp_path / "csv", "csv")

    assert db.conn.in_transaction
    assert "Renamed meanwhile" in (tmp_path / "csv" / "groups.csv").read_text(encoding="utf-8")
    db.execute("ROLLBACK")
    assert db.execute("SELECT name FROM sqlite_temp_master").fetchall() == []


def test_an_export_that_fails_part_way_leaves_the_last_one_as_it_was(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "csv"
    export_tables(db, folder, "csv")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    demo_meeting_under_way(db).do(lambda s: live.write_note(s, "Chloe will ring the council"))

    def full_disk(row: dict[str, object], scrub: object) -> dict[str, object]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("store.tables._consented", full_disk)  # part way through a table
    with pytest.raises(StoreError, match="No space left on device"):
        export_tables(db, folder, "csv")

    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_every_file_shows_the_same_moment(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A note written while the export runs (the meeting goes on) is in none of the files, not
    in some and missing from others."""
    under_way = demo_meeting_under_way(db)
    other = open_db(tmp_path / "c.db")
    writes = iter(range(1000))

    @contextmanager
    def write_then_note(path: Path) -> Iterator[TextIO]:
        with private_file(path) as file:
            yield file
        other_meeting = LiveMeeting(other, under_way.meeting_id, FrozenClock(NOW))
        other_meeting.do(lambda s: live.write_note(s, f"Written meanwhile {next(writes)}"))

    monkeypatch.setattr("store.tables.private_file", write_then_note)
    export_tables(db, tmp_path / "json", "json")

    read = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "json").iterdir()}
    assert "Written meanwhile" not in "".join(read.values())
    assert next(writes) == len(read)  # a note was written after each file
    other.close()


def test_an_anonymised_export_names_nobody(db: Database, tmp_path: Path) -> None:
    export_tables(db, tmp_path / "csv", "csv", anonymise=True)
    export_tables(db, tmp_path / "json", "json", anonymise=True)
    group = find_group(db, DEMO_GROUP)
    scrub = scrubber(members_of(db, group.id))
    reports = [
        to_html(scrub_report(meeting_report(r), scrub))
        for r in group_records(db, group.id, FrozenClock(NOW), anonymise=True)
    ]
    history = history_report(group, group_records(db, group.id, FrozenClock(NOW), True))
    reports.append(to_markdown(scrub_report(history, scrub)))
    texts = [
        p.read_text(encoding="utf-8")
        for p in tmp_path.rglob("*.*")
        if p.suffix in (".csv", ".json")
    ]

    everything = "\n".join(texts + reports)
    for name in names_in(db):
        assert name.casefold() not in everything.casefold(), name
    assert "Wheelchair user" not in everything
    assert "£20 voucher" not in everything and "taxi" not in everything  # what someone was paid
    assert LEFT_OUT in everything
    tom = members_of(db, group.id)[3]
    assert "Easy Read versions of every letter, tested with " + pseudonym(tom.id) in everything


def test_the_cli_writes_each_format_privately(db: Database, tmp_path: Path) -> None:
    path = str(tmp_path / "c.db")
    db.close()
    for args, output in [
        (["report", FIRST, "--format", "html"], "r.html"),
        (["report", "--format", "md", "--anonymise"], "r.md"),
    ]:
        result = coproduce(*args, "--output", str(tmp_path / output), "--db", path)
        assert result.exit_code == 0, result.output
        assert stat.S_IMODE((tmp_path / output).stat().st_mode) == 0o600
    anonymous = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Person " in anonymous and "Priya" not in anonymous
    result = coproduce("data", str(tmp_path / "out"), "--format", "json", "--db", path)
    assert result.exit_code == 0
    assert "Wrote 12 JSON files" in result.output or "JSON files to" in result.output
    assert stat.S_IMODE((tmp_path / "out").stat().st_mode) == 0o700


def demo_meeting_under_way(db: Database) -> LiveMeeting:
    """The demo meeting started with everyone there, Tom taking the minutes."""
    meeting = find_meeting(db, DEMO_MEETING)
    people = {m.name.split()[0]: m.id for m in members_of(db, meeting.group_id)}
    under_way = LiveMeeting(db, meeting.id, FrozenClock(NOW))
    under_way.do(lambda s: live.start_meeting(s, list(people.values())))
    under_way.do(lambda s: live.hand_role(s, MINUTE_TAKER, people["Tom"]))
    return under_way


@pytest.mark.parametrize("scope", ["meeting", "group"])
@pytest.mark.parametrize("format_", ["md", "html"])
def test_a_report_never_names_someone_who_did_not_consent(
    db: Database, tmp_path: Path, scope: str, format_: str
) -> None:
    """Chloe asked not to be named, and someone typed her name into a note and a decision."""
    under_way = demo_meeting_under_way(db)
    under_way.do(lambda s: live.write_note(s, "Chloe will ring the council"))
    under_way.do(
        lambda s: live.record_decision(s, "Ask chloe's school about pick-ups", "consensus")
    )
    path = str(tmp_path / "c.db")
    target = ["report", DEMO_MEETING] if scope == "meeting" else ["report"]
    result = coproduce(*target, "--db", path, "--format", format_)
    assert result.exit_code == 0, result.output
    assert "chloe" not in result.stdout.casefold()
    assert "Margaret Okafor" in result.stdout


@pytest.mark.parametrize("format_", ["csv", "json"])
def test_the_full_data_export_still_never_names_someone_who_did_not_consent(
    db: Database, tmp_path: Path, format_: str
) -> None:
    folder = tmp_path / "out"
    result = coproduce("data", str(folder), "--format", format_, "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 0, result.output
    written = "".join(p.read_text() for p in folder.iterdir())
    assert "chloe" not in written.casefold()
    assert "Margaret Okafor" in written
    assert "someone who asked not to be named" in written


@pytest.mark.parametrize("format_", ["csv", "json"])
def test_the_data_export_finds_a_name_however_it_was_typed(
    db: Database, tmp_path: Path, format_: str
) -> None:
    """After a line break, in capitals, or beside an accent, Chloe's name is still hidden."""
    under_way = demo_meeting_under_way(db)
    under_way.do(lambda s: live.write_note(s, "Rang the council\nChloe will follow up"))
    under_way.do(lambda s: live.write_note(s, "CHLOE said “café”"))
    folder = tmp_path / "out"
    result = coproduce("data", str(folder), "--format", format_, "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 0, result.output
    written = "".join(p.read_text() for p in folder.iterdir())
    assert "chloe" not in written.casefold()
    assert "café" in written


@pytest.mark.parametrize("format_", ["csv", "json"])
def test_a_name_typed_among_many_rows_is_still_hidden(
    db: Database, tmp_path: Path, format_: str
) -> None:
    """The export looks for names in many rows at once; one named row among them still counts."""
    under_way = demo_meeting_under_way(db)
    under_way.do(lambda s: [e for n in range(CHUNK + 50) for e in live.write_note(s, f"Point {n}")])
    under_way.do(lambda s: live.write_note(s, "Chloe will ring the council"))
    under_way.do(
        lambda s: [e for n in range(CHUNK) for e in live.write_note(s, f"Later point {n}")]
    )
    folder = tmp_path / "out"
    export_tables(db, folder, format_)
    written = "".join(p.read_text() for p in folder.iterdir())
    assert "chloe" not in written.casefold()
    assert "someone who asked not to be named will ring the council" in written
    assert f"Later point {CHUNK - 1}" in written
