"""Several processes (the projector, the minute-taker's device, attendees) write one database
at once: nothing is lost and nobody sees "database is locked"."""

import subprocess
import sys
from pathlib import Path

from session import live
from session.live import MINUTE_TAKER
from store import records
from store.db import open_db
from store.demo import create_demo
from store.live import LiveMeeting
from tests.live_driver import frozen_clock

ROOT = Path(__file__).resolve().parent.parent
WRITERS = 4
NOTES_EACH = 500


def test_four_processes_writing_500_notes_each_lose_none(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    clock = frozen_clock()
    db = open_db(path)
    meeting_id = create_demo(db, clock)
    someone = records.members_of(db, records.get_meeting(db, meeting_id).group_id)[0].id
    setup = LiveMeeting(db, meeting_id, clock)
    setup.do(lambda s: live.start_meeting(s, [someone]))
    setup.do(lambda s: live.hand_role(s, MINUTE_TAKER, someone))

    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.note_writer",
                str(path),
                meeting_id,
                f"w{n}",
                str(NOTES_EACH),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(WRITERS)
    ]
    results = [w.communicate(timeout=600) for w in writers]

    for writer, (_, errors) in zip(writers, results, strict=True):
        assert "locked" not in errors
        assert writer.returncode == 0, errors
    notes = [n.text for n in LiveMeeting(open_db(path), meeting_id, clock).state.notes]
    assert len(notes) == WRITERS * NOTES_EACH
    for n in range(WRITERS):
        assert [t for t in notes if t.startswith(f"w{n} ")] == [
            f"w{n} note {i}" for i in range(NOTES_EACH)
        ]
