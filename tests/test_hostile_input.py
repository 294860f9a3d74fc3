"""Whatever people type (control characters, terminal escape sequences, right-to-left text,
emoji, 10,000-character strings, markup-like text, bytes that are not UTF-8) into any text
field or date: nothing crashes, the rules either accept it or say why in words, what is
accepted is stored exactly, and it is shown literally, never obeyed as markup or escape codes.

Property-based, through `session/` and the store, the command line, and the app with Pilot."""

import asyncio
import re
import tempfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from session import live, plan
from session.checkout_questions import group_questions
from session.clock import FrozenClock
from session.dates import parse_due, parse_when
from session.errors import DomainError
from session.events import Event
from session.live import MINUTE_TAKER, LiveState
from session.outcomes import new_outcome, new_review
from session.plan import GroupPlan
from session.setup import new_group, new_meeting, new_member
from session.text import visible
from store.db import memory_db
from store.demo import create_demo
from store.evaluation import checkout_questions, save_checkout_questions
from store.live import LiveMeeting
from store.outcomes import outcomes_of, reviews_of, save_outcome, save_review
from store.plan import GroupPreparation, load_plan
from store.records import get_group, groups, members_of, save_group, save_member
from tests.cli_runner import coproduce
from tests.live_driver import demo_app, fill, frozen_clock, shown
from tui.literal import literal
from tui.screens.live import LiveScreen

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
LONG = "x" * 10_000
NOT_UTF8 = "\udcff"  # how a byte that is not UTF-8 reaches Python from the command line
SPECIMENS = [
    "\x1b[31mred\x1b[0m",
    "\x1b]0;owned\x07",
    "\x1b[2J\x1b[H",
    "\x00\x08\x7f\x9b",
    "\u202eevil\u202c",
    "مرحبا بالعالم",
    "שלום",
    "👩🏽‍🦽🧑‍🤝‍🧑",
    "[bold red]Eve[/]",
    "[link=http://x]click[/link]",
    "[@click=app.quit]x[/]",
    "**not bold** _not em_ <b>not html</b> &amp;",
    "| a | b |\n# heading",
    "'; DROP TABLE events; --",
    "\r\n\t",
]
hostile = st.one_of(
    st.text(alphabet=st.characters(), max_size=300),
    st.sampled_from([*SPECIMENS, LONG, NOT_UTF8]),
    st.lists(st.sampled_from(SPECIMENS), min_size=1, max_size=4).map("".join),
    st.tuples(st.text(max_size=20), st.sampled_from([*SPECIMENS, NOT_UTF8])).map("".join),
)
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def accepted(make: Callable[[], object]) -> object | None:
    """What `make` returns, or None if the rules refused it in words."""
    try:
        return make()
    except DomainError as error:
        assert str(error)
        return None


def started() -> tuple[Database, LiveMeeting]:
    db = memory_db()
    clock = FrozenClock(NOW)
    meeting = LiveMeeting(db, create_demo(db, clock), clock)
    people = [m.id for g in groups(db) for m in members_of(db, g.id)]
    meeting.do(lambda s: live.start_meeting(s, people))
    meeting.do(lambda s: live.hand_role(s, MINUTE_TAKER, people[0]))
    return db, meeting


@settings(max_examples=60, deadline=None)
@given(text=hostile)
def test_the_text_of_a_group_or_person_is_stored_exactly_or_refused(text: str) -> None:
    db = memory_db()
    clock = FrozenClock(NOW)
    group = accepted(lambda: new_group(text))
    if group is not None:
        save_group(db, group, clock)  # type: ignore[arg-type]
        assert get_group(db, group.id).name == text.strip()  # type: ignore[attr-defined]
    forum = new_group("Forum")
    save_group(db, forum, clock)
    person = accepted(lambda: new_member(forum, text, "other", needs=text))
    if person is not None:
        save_member(db, person, clock)  # type: ignore[arg-type]
        [saved] = members_of(db, forum.id)
        assert (saved.name, saved.needs) == (text.strip(), text.strip())
    meeting = accepted(lambda: new_meeting(forum, text, NOW, text, "online", 60))
    if meeting is not None:
        assert meeting.title == meeting.place == text.strip()  # type: ignore[attr-defined]


COMMANDS: list[Callable[[LiveState, str], list[Event]]] = [
    lambda s, t: live.add_item(s, t, None, 10),
    live.write_note,
    lambda s, t: live.record_decision(s, t, "consent", stand_asides=1, concerns=t),
    lambda s, t: live.record_action(s, t, s.holder(MINUTE_TAKER), date(2026, 12, 4)),
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile, which=st.integers(min_value=0, max_value=len(COMMANDS) - 1))
def test_what_is_typed_during_a_meeting_is_stored_exactly_or_refused(text: str, which: int) -> None:
    db, meeting = started()
    before = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    done = accepted(lambda: meeting.do(lambda s: COMMANDS[which](s, text)))
    again = LiveMeeting(db, meeting.meeting_id, meeting.clock).state
    if done is None:
        assert db.execute("SELECT COUNT(*) FROM events").fetchone()[0] == before
        return
    stored = [
        *[i.title for i in again.items[4:]],
        *[n.text for n in again.notes],
        *[d.text for d in again.decisions],
        *[d.concerns for d in again.decisions],
        *[a.what for a in again.actions],
    ]
    assert set(stored) == {text.strip()}


@settings(max_examples=150, deadline=None)
@given(text=hostile)
def test_any_date_typed_is_read_or_refused_in_words(text: str) -> None:
    due = accepted(lambda: parse_due(text, NOW.date()))
    assert due is None or (isinstance(due, date) and due >= NOW.date())
    when = accepted(lambda: parse_when(text, NOW.astimezone()))
    assert when is None or (isinstance(when, datetime) and when.tzinfo is None)


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_typed_text_is_shown_literally_with_no_control_codes_left(text: str) -> None:
    shown_text = literal(text)
    assert shown_text.plain == visible(text)
    assert not shown_text.spans
    assert not CONTROL.search(shown_text.plain)


@settings(max_examples=25, deadline=None)
@given(text=hostile)
def test_the_command_line_saves_or_refuses_and_prints_literally(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = ["--db", str(Path(folder) / "c.db")]
        assert coproduce("group", "new", "Forum", *db).exit_code == 0
        added = coproduce(
            "person", "add", "--perspective", "other", "--needs", text, *db, "--", text
        )
        assert added.exit_code in (0, 1), added.output
        assert added.exception is None or isinstance(added.exception, SystemExit), added.exception
        listed = coproduce("person", "list", *db)
        assert listed.exit_code == 0
        if added.exit_code == 0:
            assert visible(text.strip()) in listed.stdout
        assert not CONTROL.search(listed.stdout.replace("\n", ""))


async def test_in_the_app_every_kind_of_hostile_note_is_shown_literally_and_kept_exactly() -> None:
    """Every specimen at once in one note, then one too long and one not UTF-8 (refused)."""
    await _write_notes(["".join(SPECIMENS), LONG, NOT_UTF8])


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(hostile, min_size=1, max_size=2))
def test_in_the_app_any_note_is_shown_literally_and_kept_exactly_or_refused(
    texts: list[str],
) -> None:
    asyncio.run(_write_notes(texts))


async def _write_notes(texts: list[str]) -> None:
    """Write each of `texts` as a note through the form, as the facilitator would."""
    with tempfile.TemporaryDirectory() as folder:
        app = demo_app(Path(folder) / "m.db", frozen_clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = pilot.app.screen
            assert isinstance(screen, LiveScreen)
            who = next(m.id for g in groups(app.db) for m in members_of(app.db, g.id))
            screen.meeting.do(lambda s: live.hand_role(s, MINUTE_TAKER, who))
            screen.show_state()
            kept: list[str] = []
            for text in texts:
                await pilot.press("w")
                await pilot.pause()
                await fill(pilot, "#text", text)
                await pilot.press("ctrl+s")
                await pilot.pause()
                notes = [n.text for n in LiveMeeting(app.db, app.meeting_id, app.clock).state.notes]
                if len(notes) > len(kept):
                    kept.append(text.strip())
                    assert notes == kept
                    assert visible(text.strip())[:20] in shown(pilot, "#notes")
                else:
                    error = shown(pilot, ".form-error")
                    assert error.startswith("⚠ ")
                    assert not CONTROL.search(error)
                    await pilot.press("escape")
                    await pilot.pause()


PREPARATION: list[Callable[[GroupPlan, str], list[Event]]] = [
    lambda p, t: plan.raise_issue(p, t, None, "phone", NOW.date(), heard_where=t),
    plan.add_place,
    plan.write_agreement,
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile, which=st.integers(min_value=0, max_value=len(PREPARATION) - 1))
def test_what_is_typed_before_a_meeting_is_stored_exactly_or_refused(text: str, which: int) -> None:
    db = memory_db()
    forum = new_group("Forum")
    save_group(db, forum, FrozenClock(NOW))
    prep = GroupPreparation(db, forum.id, FrozenClock(NOW))
    before = db.execute("SELECT COUNT(*) FROM group_events").fetchone()[0]
    done = accepted(lambda: prep.do(lambda p: PREPARATION[which](p, text)))
    if done is None:
        assert db.execute("SELECT COUNT(*) FROM group_events").fetchone()[0] == before
        return
    again = load_plan(db, forum.id)
    rules = again.agreement.rules if again.agreement else ()
    stored = [
        *[i.text for i in again.issues],
        *[i.heard_where for i in again.issues],
        *[p.name for p in again.places],
        *rules,
    ]
    typed = {text.strip(), *(line.lstrip("-•* ").strip() for line in text.splitlines())}
    assert stored and set(stored) <= typed


@settings(max_examples=40, deadline=None)
@given(text=hostile)
def test_outcomes_reviews_and_check_out_questions_are_stored_exactly_or_refused(text: str) -> None:
    db = memory_db()
    clock = FrozenClock(NOW)
    forum = new_group("Forum")
    save_group(db, forum, clock)
    outcome = accepted(
        lambda: new_outcome(forum.id, text, text, "story", "in 6 months", NOW.date())
    )
    if outcome is not None:
        save_outcome(db, outcome, clock)  # type: ignore[arg-type]
        [kept] = outcomes_of(db, forum.id)
        assert (kept.text, kept.measure) == (text.strip(), text.strip())
        review = accepted(lambda: new_review(kept, NOW.date(), 3, text))
        if review is not None:
            save_review(db, review, clock)  # type: ignore[arg-type]
            assert [r.story for r in reviews_of(db, kept.id)] == [text.strip()]
    questions = accepted(lambda: group_questions([text]))
    if questions is not None:
        save_checkout_questions(db, forum.id, questions, clock)  # type: ignore[arg-type]
        assert checkout_questions(db, forum.id) == (text.strip(),)
