"""`coproduce serve`: nothing is served without the join code shown on the projector; each
device is tied to one member and the facilitator can disconnect it."""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from session import live
from session.clock import FrozenClock
from store import device_access, records
from store.db import open_db
from store.demo import create_demo
from store.live import LiveMeeting
from tests.live_driver import frozen_clock, shown
from tui import serve
from tui.app import make_app
from tui.cli_devices import serve as serve_command
from tui.screens.devices import Device
from tui.screens.meeting_screen import MeetingScreen
from tui.serve import JoinServer


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> JoinServer:
    monkeypatch.setattr(serve, "WRONG_CODE_PAUSE_SECONDS", 0)
    clock = frozen_clock()
    path = tmp_path / "m.db"
    db = open_db(path)
    meeting_id = create_demo(db, clock)
    LiveMeeting(db, meeting_id, clock).do(lambda s: live.start_meeting(s, []))
    return JoinServer(db, path, meeting_id, clock)


@pytest.fixture
async def client(server: JoinServer) -> AsyncIterator[TestClient[object, object]]:
    async with TestClient(TestServer(server.web_app())) as client:
        yield client


def member_id(server: JoinServer, name: str) -> str:
    group_id = records.get_meeting(server.db, server.meeting_id).group_id
    return records.find_member(server.db, group_id, name).id


async def join(client: TestClient[object, object], code: str, member: str, view: str) -> str:
    response = await client.get(
        "/join", params={"code": code, "member": member, "view": view}, allow_redirects=False
    )
    assert response.status == 303
    return response.headers["Location"].removeprefix("/device/")


def test_it_listens_on_this_machine_only_unless_told_otherwise(server: JoinServer) -> None:
    assert server.host == "127.0.0.1"
    host = next(p for p in serve_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


async def test_without_the_code_nothing_is_served_not_even_names(
    server: JoinServer, client: TestClient[object, object]
) -> None:
    first = await client.get("/")
    assert first.status == 200
    assert "Join code" in await first.text()
    for typed in ("", "WRONG1", server.invitation.code[:-1]):
        response = await client.get("/", params={"code": typed})
        body = await response.text()
        assert response.status == 403
        assert "That join code is not right." in body
        assert "Margaret" not in body
    refused = await client.get(
        "/join",
        params={"code": "WRONG1", "member": member_id(server, "Margaret"), "view": "attendee"},
        allow_redirects=False,
    )
    assert refused.status == 403
    assert device_access.open_connections(server.db, server.meeting_id) == []


async def test_the_right_code_lists_people_and_ties_the_device_to_one(
    server: JoinServer, client: TestClient[object, object]
) -> None:
    typed = server.invitation.code.lower()
    listing = await client.get("/", params={"code": typed})
    assert listing.status == 200
    assert "Margaret Okafor: follow and raise my hand" in await listing.text()

    margaret = member_id(server, "Margaret")
    token = await join(client, typed, margaret, "attendee")
    page = await client.get(f"/device/{token}")
    assert page.status == 200
    assert f"/ws/{token}" in await page.text()
    [connected] = device_access.open_connections(server.db, server.meeting_id)
    assert (connected.member_id, connected.view) == (margaret, "attendee")
    command = server.device_command(connected)
    assert f"join --as {margaret} --meeting {server.meeting_id} --connection {token}" in command

    device_access.revoke(server.db, token, FrozenClock(connected.opened_at))
    assert (await client.get(f"/device/{token}")).status == 403
    assert (await client.get("/device/made-up")).status == 404


async def test_the_projector_shows_where_to_join_and_disconnects_a_device(
    server: JoinServer, client: TestClient[object, object]
) -> None:
    token = await join(client, server.invitation.code, member_id(server, "Tom"), "minutes")
    app = make_app(server.db, server.meeting_id, server.clock)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert shown(pilot, "#join-info") == (
            f"Join: {server.invitation.address} · code {server.invitation.code}"
        )
        await pilot.press("D")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert device_access.open_connections(server.db, server.meeting_id) == []
    found = device_access.connection(server.db, token)
    assert found is not None and found.revoked


async def test_a_disconnected_device_closes_itself(server: JoinServer) -> None:
    margaret = member_id(server, "Margaret")
    token = device_access.connect(
        server.db, server.meeting_id, server.invitation.code, margaret, "attendee", server.clock
    )
    app = make_app(server.db, server.meeting_id, server.clock, Device("attendee", margaret, token))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        screen.catch_up()
        await pilot.pause()
        assert app.is_running
        device_access.revoke(server.db, token, server.clock)
        screen.catch_up()
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
