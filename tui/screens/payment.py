"""Payment and recognition for a meeting: what each person was offered and what was given,
kept for the evaluation. Amounts are optional."""

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from tui.literal import literal
from tui.screens.prepare_base import PrepScreen
from tui.screens.prepare_forms import PaymentForm


def pounds(pence: int | None) -> str:
    return "" if pence is None else f" · £{pence / 100:,.2f}"


class PaymentScreen(PrepScreen):
    title_words = "Payment and recognition"
    BINDINGS = [
        Binding(
            "a",
            "add",
            "Record",
            tooltip="Record what someone was offered and what was given.",
            id="payment.add",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change; it stays in the history.",
            id="payment.undo",
        ),
    ]

    def body(self) -> RenderableType:
        meeting = self.prep.meeting
        assert meeting is not None
        mine = [p for p in self.prep.plan.payments if p.meeting_id == meeting.id]
        text = Text("Nobody should be out of pocket. What was offered and given:\n\n")
        if not mine:
            text.append("Nothing recorded yet. Press a to record it.\n")
        for payment in mine:
            offered = " and ".join(payment.offered) or "nothing offered"
            given = f" · given: {payment.given}" if payment.given else ""
            text.append(
                literal(
                    f"• {self.prep.name(payment.member_id)}: offered {offered}{given}"
                    f"{pounds(payment.amount_pence)}\n"
                )
            )
        return text

    def action_add(self) -> None:
        self.app.push_screen(PaymentForm(self.prep), self.after)
