"""Roles offered for a meeting: volunteers recorded, the suggestion order with its reasons
(volunteers with lived experience first, then whoever has held the role least), and the history
of who held each role at the group's earlier meetings."""

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from session import live
from session.dates import full_date
from session.events import ROLES
from session.role_offers import Offer, suggestions
from store.plan import earlier_meetings
from tui.literal import literal
from tui.screens.prepare_base import PrepScreen, attempt
from tui.screens.prepare_forms import HandRoleForm, VolunteerForm


class RolesScreen(PrepScreen):
    title_words = "Roles"
    BINDINGS = [
        Binding(
            "v",
            "volunteer",
            "Volunteer",
            tooltip="Record someone who would like to hold a role.",
            id="roles.volunteer",
        ),
        Binding(
            "h",
            "hand",
            "Fill role",
            tooltip="Give a role to someone for the start of the meeting.",
            id="roles.hand",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change; it stays in the history.",
            id="roles.undo",
        ),
    ]

    def first_choices(self) -> dict[str, str]:
        return {role: offers[0].member_id for role, offers in self.offers().items() if offers}

    def offers(self) -> dict[str, list[Offer]]:
        meeting = self.prep.meeting
        assert meeting is not None
        history = [state for _m, state in earlier_meetings(self.prep.db, meeting)]
        state = self.prep.live().state
        return {role: suggestions(state, self.prep.members(), history, role) for role in ROLES}

    def body(self) -> RenderableType:
        meeting = self.prep.meeting
        assert meeting is not None
        state = self.prep.live().state
        text = Text()
        for role, offers in self.offers().items():
            holder = state.holder(role)
            text.append(f"{role.capitalize()}: ", style="bold")
            text.append(literal(self.prep.name(holder) if holder else "nobody yet"))
            text.append("\n  Suggested, in order:\n")
            for number, offer in enumerate(offers[:5], start=1):
                text.append(
                    literal(f"   {number}. {self.prep.name(offer.member_id)} — {offer.reason}\n")
                )
        text.append("\nWho held each role before\n", style="bold")
        earlier = earlier_meetings(self.prep.db, meeting)
        if not earlier:
            text.append("  This is the group's first meeting.\n")
        for past, past_state in earlier:
            held = "; ".join(
                f"{role}: "
                + ", ".join(
                    dict.fromkeys(
                        self.prep.name(s.member_id) for s in past_state.roles if s.role == role
                    )
                )
                for role in ROLES
                if any(s.role == role for s in past_state.roles)
            )
            text.append(
                literal(
                    f"  {full_date(past.starts_at.date())} · {past.title}: "
                    f"{held or 'no roles recorded'}\n"
                )
            )
        return text

    def action_volunteer(self) -> None:
        self.app.push_screen(VolunteerForm(self.prep), self.after)

    def action_hand(self) -> None:
        self.app.push_screen(HandRoleForm(self.prep, self.first_choices()), self.after)

    def action_undo(self) -> None:
        if attempt(self, lambda: self.prep.live().do(live.undo)):
            self.show()
