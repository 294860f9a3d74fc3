"""The group agreement (ground rules), written together and kept with the group: shown at the
start of each meeting and whenever someone asks."""

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from session.dates import full_date
from session.plan import Agreement
from tui.literal import literal
from tui.screens.prepare_base import PrepScreen
from tui.screens.prepare_forms import AgreementForm

NONE_YET = "The group has not written its agreement yet."


def rules_text(agreement: Agreement | None) -> Text:
    if agreement is None:
        return Text(NONE_YET)
    text = Text()
    for number, rule in enumerate(agreement.rules, start=1):
        text.append(f"{number}. ")
        text.append(literal(rule))
        text.append("\n")
    return text


class AgreementScreen(PrepScreen):
    title_words = "Group agreement"
    BINDINGS = [
        Binding(
            "e",
            "edit",
            "Write",
            tooltip="Write or change the group agreement, one rule a line.",
            id="agreement.edit",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change; it stays in the history.",
            id="agreement.undo",
        ),
    ]

    def body(self) -> RenderableType:
        plan = self.prep.plan
        text = rules_text(plan.agreement)
        if plan.agreements:
            text.append(f"\nAgreed on {full_date(plan.agreements[-1].at.date())}. ")
            text.append(f"Versions kept: {len(plan.agreements)}.\n")
        else:
            text.append(
                "\nPress e to write it together, for example: take turns to speak; no jargon.\n"
            )
        return text

    def action_edit(self) -> None:
        self.app.push_screen(AgreementForm(self.prep), self.after)


class AgreementReminder(ModalScreen[None]):
    """The agreement on screen as a meeting opens: any key carries on."""

    BINDINGS = [
        Binding(
            "escape,enter,space",
            "close",
            "Carry on",
            tooltip="Close the agreement and carry on with the meeting.",
            id="reminder.close",
        ),
    ]

    def __init__(self, agreement: Agreement) -> None:
        super().__init__()
        self.agreement = agreement

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Label("Our group agreement", classes="form-heading")
            yield Static(rules_text(self.agreement))
            yield Static("Enter or Esc to carry on", classes="form-hint")

    def action_close(self) -> None:
        self.dismiss()
