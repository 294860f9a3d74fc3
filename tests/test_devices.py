"""Participants' own devices: the minute-taker writes from across the room, attendees raise
their own hands, and the projector shows it all without anyone pressing anything."""

from pathlib import Path

import pytest
from textual.pilot import Pilot

from session import live, readback
from session.acting import ATTENDEE
from session.clock import FrozenClock
from session.errors import DomainError
from session.live import MINUTE_TAKER
from store import records
from store.db import open_db
from store.demo import create_demo
from store.live import LiveMeeting
from tests.live_driver import fill, frozen_clock, shown
from tui.app import make_app
from tui.screens.devices import Device, device_screen
from tui.screens.meeting_screen import MeetingScreen

SIZE = (80, 24)


def started_demo(path: Path, clock: FrozenClock) -> tuple[LiveMeeting, dict[str, str]]:
    """The demo meeting under way, as the facilitator's screen would have started it."""
    db = open_db(path)
    meeting_id = create_demo(db, clock)
    group_id = records.get_meeting(db, meeting_id).group_id
    people = {m.name.split()[0]: m.id for m in records.members_of(db, group_id)}
    projector = LiveMeeting(db, meeting_id, clock)
    projector.do(lambda s: live.start_meeting(s, list(people.values())))
    projector.do(lambda s: live.hand_role(s, MINUTE_TAKER, people["Tom"]))
    return projector, people


async def catch_up(pilot: Pilot[None]) -> None:
    """What the screen does four times a second: look for other devices' writes."""
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    screen.catch_up()
    await pilot.pause()


async def test_the_minute_takers_device_writes_and_the_projector_sees_it(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    projector, people = started_demo(tmp_path / "m.db", clock)
    device = make_app(
        open_db(tmp_path / "m.db"), projector.meeting_id, clock, Device("minutes", people["Tom"])
    )
    async with device.run_test(size=SIZE) as pilot:
        assert "You hold the minute-taker role" in shown(pilot, "#device-status")
        await pilot.press("w")
        await pilot.pause()
        await fill(pilot, "#text", "Written across the room")
        await pilot.press("enter")
        await pilot.pause()
        assert "• Written across the room  (Tom Gallagher)" in shown(pilot, "#item-notes")

    assert projector.refresh()
    [note] = projector.state.notes
    assert (note.text, note.author_id) == ("Written across the room", people["Tom"])


async def test_after_a_hand_over_the_old_device_reads_but_cannot_write(tmp_path: Path) -> None:
    clock = frozen_clock()
    projector, people = started_demo(tmp_path / "m.db", clock)
    device = make_app(
        open_db(tmp_path / "m.db"), projector.meeting_id, clock, Device("minutes", people["Tom"])
    )
    async with device.run_test(size=SIZE) as pilot:
        projector.do(lambda s: live.hand_role(s, MINUTE_TAKER, people["Joan"]))
        projector.do(lambda s: live.write_note(s, "Joan's first note"))
        await catch_up(pilot)
        assert shown(pilot, "#device-status") == (
            "○ Reading only — Joan Whitfield holds the minute-taker role now"
        )
        assert "Joan's first note  (Joan Whitfield)" in shown(pilot, "#item-notes")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), "no form should open"


def test_the_guard_is_checked_inside_the_write_so_a_late_hand_over_still_counts(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    projector, people = started_demo(tmp_path / "m.db", clock)
    screen = device_screen(
        open_db(tmp_path / "m.db"), projector.meeting_id, clock, Device("minutes", people["Tom"])
    )
    projector.do(lambda s: live.hand_role(s, MINUTE_TAKER, people["Joan"]))
    with pytest.raises(DomainError, match="Joan Whitfield holds the minute-taker role now"):
        screen.meeting.do(lambda s: live.write_note(s, "Too late"))
    assert projector.refresh() is False
    assert projector.state.notes == ()


async def test_an_attendee_raises_and_lowers_their_own_hand(tmp_path: Path) -> None:
    clock = frozen_clock()
    projector, people = started_demo(tmp_path / "m.db", clock)
    projector.do(lambda s: live.raise_hand(s, people["Priya"]))
    attendee = make_app(
        open_db(tmp_path / "m.db"),
        projector.meeting_id,
        clock,
        Device("attendee", people["Margaret"]),
    )
    async with attendee.run_test(size=SIZE) as pilot:
        assert shown(pilot, "#device-status") == "Press h to raise your hand"
        await pilot.press("h")
        await pilot.pause()
        assert "you are number 2 in the queue" in shown(pilot, "#device-status")
        assert shown(pilot, "#attendee-queue") == "1. Priya Sharma\n2. Margaret Okafor  ← you"
        assert projector.refresh()
        assert projector.state.queue == (people["Priya"], people["Margaret"])

        projector.do(live.next_speaker)
        await catch_up(pilot)
        assert "number 1 in the queue" in shown(pilot, "#device-status")
        await pilot.press("l")
        await pilot.pause()
        assert shown(pilot, "#device-status") == "Press h to raise your hand"
    assert projector.refresh()
    assert projector.state.queue == ()


async def test_the_minute_takers_device_shows_amendments_and_agreement_as_the_projector_does(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    projector, people = started_demo(tmp_path / "m.db", clock)
    projector.do(lambda s: live.write_note(s, "Buses late"))
    note = projector.state.notes[0]
    projector.do(lambda s: readback.amend(s, note.id, "Buses late three times", "a count"))
    device = make_app(
        open_db(tmp_path / "m.db"), projector.meeting_id, clock, Device("minutes", people["Tom"])
    )
    async with device.run_test(size=SIZE) as pilot:
        assert shown(pilot, "#item-notes") == (
            "• Buses late three times  (Tom Gallagher) (amended)"
        )


async def test_undo_says_what_it_took_back_when_another_device_acted_just_before(
    tmp_path: Path,
) -> None:
    clock = frozen_clock()
    path = tmp_path / "c.db"
    projector, people = started_demo(path, clock)
    app = make_app(projector.db, projector.meeting_id, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        attendee = LiveMeeting(open_db(path), projector.meeting_id, clock, role=ATTENDEE)
        attendee.do(lambda s: live.raise_hand(s, people["Priya"]))
        await pilot.press("u")  # before the screen has looked for other devices' writes
        await pilot.pause()

        notices = [str(n.message) for n in app._notifications if "Undone" in str(n.message)]
        assert notices == ["Undone: put Priya Sharma in the queue."]
