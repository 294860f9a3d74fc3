"""What a group and its members asked for is kept: theme, easy read, scheduled breaks."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from session.clock import FrozenClock
from session.errors import DomainError
from session.setup import new_group, new_meeting, new_member
from store import records, settings
from store.db import open_db

CLOCK = FrozenClock(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))


def test_a_members_wish_for_easy_read_papers_is_kept(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    records.save_member(db, new_member(group, "Joan", "carer or family", easy_read=True), CLOCK)
    records.save_member(db, new_member(group, "Sam", "professional"), CLOCK)
    assert [(m.name, m.easy_read) for m in records.members_of(db, group.id)] == [
        ("Joan", True),
        ("Sam", False),
    ]


def test_a_meetings_break_interval_is_kept(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    meeting = new_meeting(group, "Transport", CLOCK(), "Hall", "in person", 120, 45)
    records.save_meeting(db, meeting, CLOCK)
    assert records.get_meeting(db, meeting.id).break_every_minutes == 45


@pytest.mark.parametrize("minutes", [-5, 13 * 60])
def test_a_break_interval_out_of_range_is_refused(minutes: int) -> None:
    with pytest.raises(DomainError, match="time between breaks"):
        new_meeting(new_group("G"), "T", CLOCK(), "Hall", "in person", 120, minutes)


def test_a_groups_theme_is_remembered(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    group = new_group("Carers' forum")
    records.save_group(db, group, CLOCK)
    assert settings.group_theme(db, group.id) is None
    settings.remember_group_theme(db, group.id, "high-contrast-light")
    assert settings.group_theme(db, group.id) == "high-contrast-light"
