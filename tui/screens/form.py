"""A modal form that checks its answers with the meeting's rules before it closes."""

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from session.errors import DomainError
from store.errors import StoreError
from tui.literal import literal


class FormScreen(ModalScreen[bool]):
    """Subclasses compose their fields in `fields()` and save them in `save()`.

    `save()` raises `DomainError` for input the rules refuse: the message is shown in the form,
    what was typed stays, and nothing is saved. The form closes (returning True) only once the
    save has been committed.
    """

    BINDINGS = [
        Binding(
            "escape",
            "cancel",
            "Cancel",
            tooltip="Close this form without saving anything.",
            id="form.cancel",
        ),
        Binding(
            "ctrl+s",
            "save",
            "Save",
            tooltip="Check and save what you typed. Enter in a box does the same.",
            id="form.save",
        ),
    ]
    heading = ""
    save_label = "Save"
    AUTO_FOCUS = "Input"

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form"):
            yield Label(self.heading, classes="form-heading")
            yield from self.fields()
            yield Static("", classes="form-error")
            with Horizontal(classes="form-buttons"):
                yield Button(self.save_label, variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def fields(self) -> ComposeResult:
        yield from ()

    def save(self) -> None:
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        error = self.query_one(".form-error", Static)
        error.update(literal(f"⚠ {message}"))
        error.add_class("shown")
        error.scroll_visible(animate=False)

    def action_save(self) -> None:
        try:
            self.save()
        except (DomainError, StoreError) as error:
            self.show_error(str(error))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()
