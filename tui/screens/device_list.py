"""The facilitator's list of devices joined from a browser, to disconnect one."""

from sqlite_utils import Database
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from session.clock import Clock
from store import device_access
from tui.literal import literal

VIEW_WORDS = {"attendee": "following, hand up or down", "minutes": "minute-taker's view"}


class DeviceList(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close", tooltip="Close this list.", id="devices.close")
    ]

    def __init__(self, db: Database, meeting_id: str, names: dict[str, str], clock: Clock) -> None:
        super().__init__()
        self.db = db
        self.meeting_id = meeting_id
        self.names = names
        self.clock = clock

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Devices joined from a browser", classes="form-heading")
            yield Static(id="invitation")
            yield OptionList(id="devices")
            yield Static("Enter disconnects the chosen device · Esc closes", classes="form-hint")

    def on_mount(self) -> None:
        invitation = device_access.current_invitation(self.db, self.meeting_id)
        self.query_one("#invitation", Static).update(
            f"Join at {invitation.address} with the code {invitation.code}"
            if invitation
            else "Not serving: run `coproduce serve` to let people join from a browser."
        )
        self.show_devices()

    def show_devices(self) -> None:
        devices = self.query_one("#devices", OptionList)
        devices.clear_options()
        for found in device_access.open_connections(self.db, self.meeting_id):
            name = self.names.get(found.member_id, "someone")
            words = (
                f"{name} · {VIEW_WORDS[found.view]} · since {found.opened_at.astimezone():%H:%M}"
            )
            devices.add_option(Option(literal(words), id=found.token))
        if devices.option_count:
            devices.highlighted = 0
            devices.focus()
        else:
            devices.add_option(Option("No devices joined", disabled=True))

    @on(OptionList.OptionSelected, "#devices")
    def disconnect(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        device_access.revoke(self.db, event.option.id, self.clock)
        self.notify("Disconnected. That device can no longer see or change the meeting.")
        self.show_devices()
