"""Run as a separate process by the concurrency test: write notes as fast as it can."""

import sys
from pathlib import Path

from session import live
from session.clock import system_clock
from store.db import open_db
from store.live import LiveMeeting


def write_notes(db_path: str, meeting_id: str, writer: str, count: int) -> None:
    meeting = LiveMeeting(open_db(Path(db_path)), meeting_id, system_clock)
    for n in range(count):
        meeting.do(lambda s, n=n: live.write_note(s, f"{writer} note {n}"))


if __name__ == "__main__":
    write_notes(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
