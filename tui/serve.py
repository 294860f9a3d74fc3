"""`coproduce serve`: participants' own-device views in a browser, with nothing to install.

textual-serve runs one app process per browser connection. In front of it: a join code (shown
on the projector) that must be typed before anything is served, even the names of the people
in the group; each connection is then tied to one member and can be revoked by the facilitator.
"""

import asyncio
import html
import shlex
import sys
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from sqlite_utils import Database
from textual_serve.app_service import AppService
from textual_serve.server import Server

from session.clock import Clock
from store import device_access, records
from store.device_access import Invitation
from store.errors import StoreError
from tui.serve_address import DEFAULT_HOST, DEFAULT_PORT, shown_address

WRONG_CODE_PAUSE_SECONDS = 1.0
VIEW_COMMANDS = {"attendee": "join", "minutes": "minutes"}


class JoinServer(Server):
    def __init__(
        self,
        db: Database,
        db_path: Path,
        meeting_id: str,
        clock: Clock,
        host: str = DEFAULT_HOST,
        port: int = DEFAULT_PORT,
    ) -> None:
        address = shown_address(host, port)
        super().__init__(command="", host=host, port=port, title="coproduce", public_url=address)
        self.db = db
        self.db_path = db_path
        self.meeting_id = meeting_id
        self.clock = clock
        self.invitation: Invitation = device_access.open_invitation(db, meeting_id, address, clock)

    def web_app(self) -> web.Application:
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_code, name="index"),
                web.get("/join", self.handle_join, name="join"),
                web.get("/device/{token}", self.handle_device, name="device"),
                web.get("/ws/{token}", self.handle_device_socket, name="websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_shutdown.append(self.on_shutdown)
        return app

    def serve(self, debug: bool = False) -> None:
        """Serve until ctrl+c. No access log: request addresses carry join codes and member
        ids, which have no place in a terminal's scrollback or a log file."""
        web.run_app(self.web_app(), host=self.host, port=self.port, access_log=None, print=None)

    async def on_shutdown(self, app: web.Application) -> None:
        device_access.close_invitation(self.db, self.invitation, self.clock)

    async def handle_code(self, request: web.Request) -> web.Response:
        typed = request.query.get("code")
        if typed is None:
            return _page("Join the meeting", CODE_FORM)
        try:
            device_access.check_code(self.db, self.meeting_id, typed)
        except StoreError as refusal:
            await asyncio.sleep(WRONG_CODE_PAUSE_SECONDS)
            return _page("Join the meeting", f"<p>{html.escape(str(refusal))}</p>{CODE_FORM}", 403)
        return _page("Who are you?", self.people_list(typed))

    def people_list(self, code: str) -> str:
        group_id = records.get_meeting(self.db, self.meeting_id).group_id
        links = []
        for member in records.members_of(self.db, group_id):
            for view, words in (
                ("attendee", "follow and raise my hand"),
                ("minutes", "take minutes"),
            ):
                query = f"code={html.escape(code)}&amp;member={member.id}&amp;view={view}"
                links.append(
                    f'<li><a href="/join?{query}">{html.escape(member.name)}: {words}</a></li>'
                )
        return f"<ul>{''.join(links)}</ul>"

    async def handle_join(self, request: web.Request) -> web.Response:
        view = request.query.get("view", "attendee")
        member_id = request.query.get("member", "")
        try:
            if view not in VIEW_COMMANDS:
                raise StoreError("Please choose a view from the list.")
            group_id = records.get_meeting(self.db, self.meeting_id).group_id
            member = records.find_member(self.db, group_id, member_id)
            token = device_access.connect(
                self.db, self.meeting_id, request.query.get("code", ""), member.id, view, self.clock
            )
        except StoreError as refusal:
            await asyncio.sleep(WRONG_CODE_PAUSE_SECONDS)
            return _page("Join the meeting", f"<p>{html.escape(str(refusal))}</p>{CODE_FORM}", 403)
        raise web.HTTPSeeOther(f"/device/{token}")

    def _allowed(self, token: str) -> device_access.Connection:
        found = device_access.connection(self.db, token)
        if found is None or found.meeting_id != self.meeting_id:
            raise web.HTTPNotFound(text="There is no such device. Please join again.")
        if found.revoked:
            raise web.HTTPForbidden(text="The facilitator has disconnected this device.")
        return found

    async def handle_device(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        self._allowed(token)
        context = {
            "font_size": 18,
            "app_websocket_url": self.public_url.replace("http", "ws", 1) + f"/ws/{token}",
            "config": {"static": {"url": f"{self.public_url}/static/"}},
            "application": {"name": "coproduce"},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    def device_command(self, connection: device_access.Connection) -> str:
        """The app process one browser connection runs: that member's own-device view."""
        return shlex.join(
            [
                sys.executable,
                "-m",
                "tui",
                "--db",
                str(self.db_path),
                VIEW_COMMANDS[connection.view],
                "--as",
                connection.member_id,
                "--meeting",
                connection.meeting_id,
                "--connection",
                connection.token,
            ]
        )

    async def handle_device_socket(self, request: web.Request) -> web.WebSocketResponse:
        connection = self._allowed(request.match_info["token"])
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        service = AppService(
            self.device_command(connection),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        width = _whole(request.query.get("width"), 80)
        height = _whole(request.query.get("height"), 24)
        await service.start(width, height)
        try:
            await self._process_messages(websocket, service)
        finally:
            await service.stop()
        return websocket


CODE_FORM = """<form action="/" method="get">
<label for="code">Join code, as shown on the projector</label>
<input id="code" name="code" autocomplete="off" autofocus size="8">
<button type="submit">Join</button>
</form>"""


def _page(title: str, body: str, status: int = 200) -> web.Response:
    text = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · coproduce</title>
<style>body{{font:1.5rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}}
input,button{{font:inherit;padding:.3rem .6rem}} a{{display:inline-block;padding:.3rem 0}}</style>
</head><body><h1>{html.escape(title)}</h1>{body}</body></html>"""
    return web.Response(text=text, content_type="text/html", status=status)


def _whole(text: str | None, default: int) -> int:
    try:
        return max(1, int(text or default))
    except ValueError:
        return default
