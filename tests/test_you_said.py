""" "You said, we did" from the issues raised before the meetings, issues raised by each
perspective, and payment and recognition, in the power-balance reports (session/you_said.py,
session/recognition.py), read back through `coproduce report`; and `coproduce issue
not-possible`, with its refusals."""

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

import pytest

from session import live, readback
from session.clock import FrozenClock
from session.pseudonyms import UNNAMED
from store.live import LiveMeeting
from store.records import find_group, find_meeting, members_of
from tests.cli_runner import NOW, coproduce, refused, saved

SECRET = "Zelda Quist"


def ok(*args: str) -> str:
    result = coproduce(*args)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture
def held() -> None:
    """Four issues (one merged, one anonymous, one raised by someone who asked not to be
    named), a meeting that took two up, an action followed up, one issue not possible, and
    payment recorded."""
    ok("group", "new", "Riverside forum")
    for name, perspective, *consent in (
        ("Ann Lee", "lived experience"),
        ("Bob Hart", "carer or family"),
        ("Dev Patel", "professional"),
        (SECRET, "lived experience", "--no-consent"),
    ):
        ok("person", "add", name, "--perspective", perspective, *consent)
    ok("issue", "add", "Buses are late", "--by", "Ann", "--when", "3 Nov")
    ok("issue", "add", "The buses are late!", "--by", "Bob", "--how", "phone", "--when", "4 Nov")
    ok("issue", "merge", "1", "2")
    ok("issue", "add", "Nobody explains short breaks", "--when", "5 Nov")
    ok("issue", "add", "Free parking at the hospital", "--by", "Dev", "--when", "5 Nov")
    ok("issue", "add", "Zelda wants a quiet room", "--by", "Zelda", "--when", "6 Nov")
    for title, when in (("Autumn", "25 Nov 2pm"), ("Winter", "next tuesday 2pm")):
        ok(
            "meeting",
            "new",
            title,
            "--when",
            when,
            "--place",
            "Hall",
            "--format",
            "online",
            "--length",
            "60",
        )
    ok("agenda", "from-issue", "Autumn", "1", "--minutes", "20")
    ok("agenda", "from-issue", "Autumn", "5", "--minutes", "10")
    ok("agenda", "from-issue", "Winter", "3", "--minutes", "10")
    ok("agenda", "add", "Autumn", "Any other business", "--minutes", "5")
    db, clock = saved(), FrozenClock(NOW)
    meeting = find_meeting(db, "Autumn")
    people = {m.name: m.id for m in members_of(db, meeting.group_id)}
    run = LiveMeeting(db, meeting.id, clock).do
    run(partial(live.start_meeting, present=list(people.values())))
    run(partial(live.record_decision, text="Write to the bus company", method="consensus"))
    run(
        partial(
            live.record_action,
            what="Draft the letter",
            owner_id=people["Ann Lee"],
            due=date(2026, 12, 4),
        )
    )
    clock.advance(600)
    run(partial(live.move_item, step=1))
    run(
        partial(
            live.record_action,
            what="Ask Zelda what she needs",
            owner_id=people[SECRET],
            due=date(2026, 12, 4),
        )
    )
    clock.advance(300)
    run(live.end_meeting)
    ok("issue", "not-possible", "4", "--because", "the car park is run by a private company")
    ok(
        "payment",
        "add",
        "Autumn",
        "Ann",
        "--offered",
        "payment",
        "--given",
        "a £20 voucher",
        "--amount",
        "20",
    )
    ok(
        "payment",
        "add",
        "Autumn",
        "Zelda",
        "--offered",
        "expenses",
        "--given",
        "taxi home",
        "--amount",
        "12.50",
    )


def test_you_said_we_did_follows_each_issue_to_what_came_of_it(held: None) -> None:
    report = ok("report")
    said = report[report.index("## You said, we did") :]

    assert "### Buses are late\n" in said
    assert (
        "Raised by Ann Lee (lived experience) and Bob Hart (carer or family). Heard Tuesday" in said
    )
    assert (
        "- **On the agenda:** “Buses are late”, 25 Nov 2027: Autumn (10 min of the meeting's time)."
        in said
    )
    assert "- **Decided:** Write to the bus company" in said
    assert "- **Action:** Draft the letter (Ann Lee, by Friday 4 December 2026): open" in said
    assert "Raised by someone anonymously. Heard" in said
    assert "- **On the agenda** of a meeting still to come." in said
    assert "- **Not possible,** because the car park is run by a private company" in said
    assert f"Raised by {UNNAMED}. Heard" in said
    assert "### Raised at the meeting: 25 Nov 2027: Autumn" in said
    assert "“Any other business”, raised by nobody named." in said


def test_issues_by_perspective_and_payment_over_time(held: None) -> None:
    report = ok("report")

    assert "| lived experience | 2 | 2 | 0 | 0 |" in report
    assert "| raised anonymously | 1 | 1 | 0 | 0 |" in report
    assert "| professional | 1 | 0 | 1 | 0 |" in report
    assert "| lived experience | 2 people | 1 | 1 | £32.50 |" in report


def test_the_meeting_report_names_what_was_given_only_with_consent(held: None) -> None:
    report = ok("report", "Autumn")

    assert "## Issues this meeting took up, by who raised them" in report
    assert "| Ann Lee (lived experience) | payment | a £20 voucher | £20.00 |" in report
    assert f"| {UNNAMED} | expenses | not shown: personal | £12.50 |" in report
    assert "taxi home" not in report
    assert "Zelda" not in report and "Quist" not in report


def test_the_anonymised_reports_name_nobody(held: None) -> None:
    db = saved()
    members = members_of(db, find_group(db, "Riverside forum").id)
    for args in (("report", "--anonymise"), ("report", "Autumn", "--anonymise")):
        report = ok(*args, "--format", "html")
        for member in members:
            assert member.name.split()[0] not in report
            assert member.name.split()[-1] not in report
        assert "a £20 voucher" not in report
        assert "Person " in report


def test_not_possible_is_refused_kindly_when_it_cannot_be_recorded(held: None) -> None:
    refused(coproduce("issue", "not-possible", "9", "--because", "x"), "There is no issue 9.")
    refused(
        coproduce("issue", "not-possible", "3", "--because", "   "),
        "Please type why it is not possible",
    )
    refused(
        coproduce("issue", "not-possible", "4", "--because", "again"),
        "The group already said this was not possible, because the car park is run by",
    )
    merged = ok("issue", "not-possible", "2", "--because", "the buses are not ours")
    assert "Issue 1, “Buses are late”: not possible, because the buses are not ours" in merged
    assert "not possible, because the buses are not ours" in ok("issue", "list")


def test_an_outcome_answering_an_issue_shows_its_progress_under_it(held: None) -> None:
    measured = ["--measure", "Late pick-ups a month", "--review", "in 1 month"]
    added = ok("outcome", "add", "Buses on time", *measured, "--issue", "2")  # merged into 1
    assert "Added the outcome “Buses on time”" in added
    ok("outcome", "add", "Short breaks explained", *measured, "--issue", "3")
    later = FrozenClock(datetime(2026, 12, 28, 12, 0, tzinfo=UTC))
    reviewed = coproduce(
        "review", "add", "buses", "--progress", "3", "--story", "Better", clock=later
    )
    assert reviewed.exit_code == 0, reviewed.output

    said = ok("report")
    said = said[said.index("## You said, we did") :]

    buses = said[said.index("### Buses are late") : said.index("### Nobody explains")]
    assert (
        "- **Outcome:** “Buses on time”: progress 3 of 5 at the review on "
        "Monday 28 December 2026 (first review)." in buses
    )
    breaks = said[said.index("### Nobody explains") :]
    assert "- **Outcome:** “Short breaks explained”, not reviewed yet." in breaks
    links = saved().execute("SELECT outcome, issue_id FROM outcome_issue_links").fetchall()
    assert [outcome for outcome, _ in links] == ["Buses on time", "Short breaks explained"]


def test_an_outcome_for_an_issue_that_does_not_exist_is_refused_and_nothing_saved(
    held: None,
) -> None:
    measured = ["--measure", "Late pick-ups a month", "--review", "in 1 month"]
    refused(
        coproduce("outcome", "add", "On time", *measured, "--issue", "9"), "There is no issue 9."
    )
    assert saved().execute("SELECT COUNT(*) FROM outcomes").fetchone()[0] == 0


def test_an_item_raised_at_the_meeting_shows_its_decision_as_amended() -> None:
    ok("group", "new", "Forum")
    ok("person", "add", "Ann Lee", "--perspective", "lived experience")
    when = ["--when", "25 Nov 2pm", "--place", "Hall", "--format", "online", "--length", "60"]
    ok("meeting", "new", "Autumn", *when)
    ok("agenda", "add", "Autumn", "Pay rates", "--minutes", "10")
    db, clock = saved(), FrozenClock(NOW)
    meeting = find_meeting(db, "Autumn")
    run = LiveMeeting(db, meeting.id, clock).do
    run(partial(live.start_meeting, present=[m.id for m in members_of(db, meeting.group_id)]))
    [decided] = run(partial(live.record_decision, text="Pay £20 an hour", method="consensus"))
    record_id = decided.decision_id  # type: ignore[attr-defined]
    run(partial(readback.amend, record_id=record_id, text="Pay £25 an hour", reason="typo"))
    run(live.end_meeting)

    said = ok("report")

    assert "Decided: Pay £25 an hour." in said
    assert "£20" not in said[said.index("## You said, we did") :]


def test_anonymised_reports_and_data_leave_out_who_outside_the_group_said_it(
    held: None, tmp_path: Path
) -> None:
    measured = ["--measure", "Late pick-ups", "--review", "in 1 month", "--issue", "1"]
    ok("outcome", "add", "Buses on time", *measured)
    later = FrozenClock(datetime(2026, 12, 28, 12, 0, tzinfo=UTC))
    outside = ["--said-by", "Mrs Jenkins from the bus company"]
    reviewed = coproduce(
        "review", "add", "buses", "--progress", "2", "--story", "Fewer", *outside, clock=later
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert "Jenkins" in ok("report")

    assert "Jenkins" not in ok("report", "--anonymise")
    assert "someone outside the group" in ok("report", "--anonymise")
    ok("data", str(tmp_path / "out"), "--anonymise")
    for path in (tmp_path / "out").iterdir():
        assert "Jenkins" not in path.read_text(encoding="utf-8"), path.name


def test_an_issue_on_a_coming_agenda_with_an_outcome_says_both(held: None) -> None:
    measured = ["--measure", "Calls", "--review", "in 1 month", "--issue", "3"]
    ok("outcome", "add", "Short breaks explained", *measured)

    said = ok("report")
    breaks = said[said.index("### Nobody explains") :]

    assert "- **On the agenda** of a meeting still to come." in breaks
    assert "- **Outcome:** “Short breaks explained”, not reviewed yet." in breaks


def test_an_issue_found_not_possible_keeps_its_reason_when_merged_into_another(
    held: None,
) -> None:
    ok("issue", "add", "Parking costs too much", "--by", "Ann", "--when", "7 Nov")
    ok("issue", "merge", "6", "4")

    said = ok("report")
    parking = said[said.index("### Parking costs too much") :]

    assert "- **Not possible,** because the car park is run by a private company" in parking
