"""Read-back: the item's notes and decisions on screen for the room to agree, or to amend one
(the original is kept beside the change)."""

from textual.app import ComposeResult
from textual.widgets import Input, Label, Select, Static

from session import readback
from store.live import LiveMeeting
from tui.literal import literal
from tui.screens.form import FormScreen


class ReadBackScreen(FormScreen):
    heading = "Read back: does the room agree this is what was said and decided?"
    save_label = "Save"
    AUTO_FOCUS = "Select"

    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.records = readback.item_records(meeting.state, meeting.state.item_id)

    def fields(self) -> ComposeResult:
        for record in self.records:
            mark = "✓ agreed" if record.agreed else "… to agree"
            amended = " (amended)" if record.text != record.original else ""
            yield Static(literal(f"{mark} · {record.kind}: {record.text}{amended}"))
        yield Label("Agree, or amend one of them")
        options = [("The room agrees everything not yet agreed", "")]
        options += [(literal(f"Amend: {r.text}").plain[:70], r.id) for r in self.records]
        yield Select(options, value="", allow_blank=False, id="choice")
        yield Label("Amended words (only when amending)")
        yield Input(id="text")
        yield Label("Why it changed (kept in the record)")
        yield Input(id="reason")

    def save(self) -> None:
        record_id = str(self.query_one("#choice", Select).value)
        if not record_id:
            self.meeting.do(readback.agree_read_back)
            return
        text = self.query_one("#text", Input).value
        reason = self.query_one("#reason", Input).value
        self.meeting.do(lambda s: readback.amend(s, record_id, text, reason))
