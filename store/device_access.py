"""Who may join a meeting from a browser: the join code the projector shows while
`coproduce serve` runs, and each device let in with it (one member each, revocable)."""

import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from session.acting import ATTENDEE, COMMAND_LINE, FACILITATOR
from session.changes import (
    DeviceConnected,
    DeviceDisconnected,
    DevicesInvitationClosed,
    DevicesInvited,
)
from session.clock import Clock
from session.live import MINUTE_TAKER
from store.changes import record_change
from store.db import writing
from store.errors import StoreError
from store.records import get_meeting

CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread from the back
CODE_LENGTH = 6
WRONG_CODE = "That join code is not right. Please check the code on the projector."


@dataclass(frozen=True)
class Invitation:
    meeting_id: str
    code: str
    address: str


@dataclass(frozen=True)
class Connection:
    token: str
    meeting_id: str
    member_id: str
    view: str
    opened_at: datetime
    revoked: bool


def open_invitation(db: Database, meeting_id: str, address: str, clock: Clock) -> Invitation:
    """A new join code for `meeting_id`, closing any earlier one."""
    code = "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))
    now = clock().isoformat()
    with writing(db):
        db.execute(
            "UPDATE device_invitations SET closed_at = ?"
            " WHERE meeting_id = ? AND closed_at IS NULL",
            [now, meeting_id],
        )
        db.table("device_invitations").insert(
            {"code": code, "meeting_id": meeting_id, "address": address, "opened_at": now}
        )
        record_change(db, _group(db, meeting_id), DevicesInvited(meeting_id), clock, COMMAND_LINE)
    return Invitation(meeting_id, code, address)


def close_invitation(db: Database, invitation: Invitation, clock: Clock) -> None:
    with writing(db):
        db.execute(
            "UPDATE device_invitations SET closed_at = ? WHERE code = ?",
            [clock().isoformat(), invitation.code],
        )
        closed = DevicesInvitationClosed(invitation.meeting_id)
        record_change(db, _group(db, invitation.meeting_id), closed, clock, COMMAND_LINE)


def current_invitation(db: Database, meeting_id: str) -> Invitation | None:
    row = db.execute(
        "SELECT code, address FROM device_invitations"
        " WHERE meeting_id = ? AND closed_at IS NULL ORDER BY opened_at DESC LIMIT 1",
        [meeting_id],
    ).fetchone()
    return None if row is None else Invitation(meeting_id, row[0], row[1])


def check_code(db: Database, meeting_id: str, typed: str) -> None:
    """Refuse `typed` unless it is the meeting's open join code (any case, spaces ignored)."""
    invitation = current_invitation(db, meeting_id)
    cleaned = "".join(typed.split()).upper()
    if invitation is None or not hmac.compare_digest(cleaned, invitation.code):
        raise StoreError(WRONG_CODE)


def connect(
    db: Database, meeting_id: str, code: str, member_id: str, view: str, clock: Clock
) -> str:
    """Let one device in for `member_id`: the token its browser session is tied to."""
    check_code(db, meeting_id, code)
    token = secrets.token_urlsafe(24)
    with writing(db):
        db.table("device_connections").insert(
            {
                "token": token,
                "meeting_id": meeting_id,
                "member_id": member_id,
                "view": view,
                "opened_at": clock().isoformat(),
            }
        )
        role = MINUTE_TAKER if view == "minutes" else ATTENDEE
        connected = DeviceConnected(meeting_id, member_id, view)
        record_change(db, _group(db, meeting_id), connected, clock, role)
    return token


def _connection(row: tuple[str, str, str, str, str, str | None]) -> Connection:
    token, meeting_id, member_id, view, opened_at, revoked_at = row
    return Connection(
        token,
        meeting_id,
        member_id,
        view,
        datetime.fromisoformat(opened_at),
        revoked_at is not None,
    )


def connection(db: Database, token: str) -> Connection | None:
    row = db.execute(
        "SELECT token, meeting_id, member_id, view, opened_at, revoked_at"
        " FROM device_connections WHERE token = ?",
        [token],
    ).fetchone()
    return None if row is None else _connection(row)


def open_connections(db: Database, meeting_id: str) -> list[Connection]:
    rows = db.execute(
        "SELECT token, meeting_id, member_id, view, opened_at, revoked_at"
        " FROM device_connections WHERE meeting_id = ? AND revoked_at IS NULL ORDER BY opened_at",
        [meeting_id],
    ).fetchall()
    return [_connection(r) for r in rows]


def revoke(db: Database, token: str, clock: Clock) -> None:
    """Disconnect a device: the facilitator's choice, from the projected screen."""
    with writing(db):
        found = connection(db, token)
        if found is None or found.revoked:
            return
        db.execute(
            "UPDATE device_connections SET revoked_at = ? WHERE token = ?",
            [clock().isoformat(), token],
        )
        gone = DeviceDisconnected(found.meeting_id, found.member_id)
        record_change(db, _group(db, found.meeting_id), gone, clock, FACILITATOR)


def _group(db: Database, meeting_id: str) -> str:
    return get_meeting(db, meeting_id).group_id
