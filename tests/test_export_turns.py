"""The turn-taking record in the minutes (store/export_turns.py): every turn, interjections,
overrides, read-back marks, amendments and the glossary; unnamed people stay unnamed."""

from datetime import UTC, datetime
from functools import partial

from session import live, readback, turns
from session.clock import FrozenClock
from session.queue import PROGRESSIVE
from session.setup import new_group, new_meeting, new_member
from session.signals import JARGON, PROCESS
from store.db import memory_db
from store.export import UNNAMED
from store.export import minutes as write_minutes
from store.live import LiveMeeting
from store.records import save_group, save_meeting, save_member

OPENED = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)


def test_the_minutes_keep_turns_interjections_overrides_amendments_and_the_glossary() -> None:
    db, clock = memory_db(), FrozenClock(OPENED)
    group = new_group("Riverside Forum")
    save_group(db, group, clock)
    ann = new_member(group, "Ann Lee", "lived experience")
    bob = new_member(group, "Bob Hart", "professional")
    zed = new_member(group, "Zed Quist", "carer or family", consent_named=False)
    for member in (ann, bob, zed):
        save_member(db, member, clock)
    meeting = new_meeting(group, "Winter", datetime(2026, 12, 1, 14, 0), "Hall", "hybrid", 90)
    save_meeting(db, meeting, clock)
    run = LiveMeeting(db, meeting.id, clock).do
    members = [ann, bob, zed]
    run(partial(live.add_item, title="Transport", proposed_by=ann.id, timebox_minutes=10))
    run(partial(live.start_meeting, present=[ann.id, bob.id, zed.id]))
    run(lambda s: turns.choose_policy(s, PROGRESSIVE, ["lived experience"], members))
    run(partial(live.raise_hand, member_id=bob.id))
    run(partial(live.raise_hand, member_id=ann.id))
    run(lambda s: turns.override_order(s, bob.id, "has to leave | early", members))
    run(lambda s: live.next_speaker(s, members))
    clock.advance(90)
    run(lambda s: turns.interject(s, zed.id, PROCESS))
    run(lambda s: turns.interject(s, ann.id, JARGON, "s117 *aftercare*"))
    run(lambda s: live.next_speaker(s, members))
    clock.advance(20)
    run(lambda s: live.next_speaker(s, members))
    run(lambda s: turns.define_word(s, "s117 *aftercare*", "Free help after hospital"))
    run(partial(live.hand_role, role=live.MINUTE_TAKER, member_id=ann.id))
    run(partial(live.write_note, text="Late three times"))
    run(readback.agree_read_back)
    state = LiveMeeting(db, meeting.id, clock).state
    run(lambda s: readback.amend(s, state.notes[0].id, "Late four times", "recounted"))
    run(live.end_meeting)

    minutes = write_minutes(db, meeting.id, clock)

    assert (
        "- Late four times — *Ann Lee, 14:01* (agreed at read-back; amended: see Amendments)"
        in (minutes)
    )
    assert "| 14:00 | Bob Hart | Transport | 2 min | turn |" in minutes
    assert f"| 14:01 | {UNNAMED} | Transport | under 1 min | Point of process |" in minutes
    assert "| 14:01 | Bob Hart | Transport | under 1 min | turn |" in minutes
    assert f"| 14:01 | {UNNAMED} | ⚑ Point of process | — | Transport |" in minutes
    assert "| 14:01 | Ann Lee | ‼ Jargon! Plain words, please | s117 \\*aftercare\\* |" in minutes
    assert "- Transport: Progressive" in minutes
    assert "(lived experience first)" in minutes
    assert "| 14:00 | Bob Hart | Ann Lee | has to leave \\| early | Transport |" in minutes
    assert "| 14:01 | Late three times | Late four times | recounted | yes |" in minutes
    assert "- **s117 \\*aftercare\\***: Free help after hospital (flagged by Ann Lee)" in minutes
    assert "Zed Quist" not in minutes
