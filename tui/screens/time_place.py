"""Time and place chosen together: candidate places with their access checklists, candidate
times, who can make each, and the needs a place can't meet (or might not) before confirming."""

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from session import access
from session.dates import full_date_time
from session.plan import Option, unmet_needs
from tui.literal import literal
from tui.screens.prepare_base import PrepScreen
from tui.screens.prepare_forms import (
    AvailabilityForm,
    ChecklistForm,
    ChooseForm,
    NeedsForm,
    OptionForm,
    PlaceForm,
)

MARKS = {access.YES: "✓", access.NO: "✗ no", access.UNKNOWN: "?"}
KEY = "✓ yes · ✗ no · ? unknown (never counted as met)"


class TimePlaceScreen(PrepScreen):
    title_words = "Time and place"
    BINDINGS = [
        Binding(
            "p",
            "place",
            "Add place",
            tooltip="Add a candidate place and answer its access checklist.",
            id="where.place",
        ),
        Binding(
            "k",
            "check",
            "Checklist",
            tooltip="Answer one access question for a place.",
            id="where.check",
        ),
        Binding(
            "o",
            "option",
            "Add time",
            tooltip="Add a candidate time at one of the places.",
            id="where.option",
        ),
        Binding(
            "c",
            "can",
            "Who can come",
            tooltip="Record which options one person can make.",
            id="where.can",
        ),
        Binding(
            "n",
            "needs",
            "Needs",
            tooltip="Record someone's access needs from the checklist.",
            id="where.needs",
        ),
        Binding(
            "x",
            "choose",
            "Confirm",
            tooltip="Confirm a time and place after seeing the unmet needs.",
            id="where.choose",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change; it stays in the history.",
            id="where.undo",
        ),
    ]

    def options(self) -> list[Option]:
        meeting = self.prep.meeting
        return self.prep.plan.options_for(meeting.id) if meeting else []

    def needs_words(self, option: Option) -> str:
        """The needs this option's place does not meet, or might not: by need, not by name,
        except for people who agreed to be named."""
        unmet = unmet_needs(self.prep.plan, option.id)
        if not unmet:
            return "Every need recorded is met here."
        lines = ["Needs not met here, or not known to be met:"]
        for match in unmet:
            people = f"{match.people} {'person' if match.people == 1 else 'people'}"
            named = ", ".join(self.prep.name(m) for m in match.named)
            lines.append(
                f"  • {match.feature}: {match.status} ({people}{'; ' + named if named else ''})"
            )
        return "\n".join(lines)

    def body(self) -> RenderableType:
        plan = self.prep.plan
        meeting = self.prep.meeting
        text = Text()
        if meeting is not None:
            now = f"Now planned: {full_date_time(meeting.starts_at)} at {meeting.place}\n\n"
            text.append(literal(now))
        text.append("Candidate times, most people able to come first\n", style="bold")
        if not self.options():
            text.append("  None yet. Press o to add one.\n")
        members = len(self.prep.members())
        chosen = plan.chosen.get(meeting.id) if meeting else None
        for number, option in plan.ranked_options(meeting.id if meeting else ""):
            mark = "  ✔ CHOSEN" if option.id == chosen else ""
            text.append(f"{number:>3}. {full_date_time(option.starts_at)} at ")
            text.append(literal(plan.place(option.place_id).name))
            text.append(
                f"{mark}\n     {'█' * option.coming} {option.coming} of {members} can come\n"
            )
            text.append(literal("     " + self.needs_words(option).replace("\n", "\n     ") + "\n"))
        text.append("\nPlaces and their access checklists", style="bold")
        text.append(f" ({KEY})\n")
        if not plan.places:
            text.append("  None yet. Press p to add one.\n")
        for place in plan.places:
            text.append("  ")
            text.append(literal(place.name, "bold"))
            text.append(": ")
            marks = (
                f"{MARKS[place.answers.get(feature, access.UNKNOWN)]} {feature}"
                for feature in access.FEATURES
            )
            text.append(" · ".join(marks) + "\n")
        return text

    def action_place(self) -> None:
        self.app.push_screen(PlaceForm(self.prep), self.after)

    def action_check(self) -> None:
        if not self.prep.plan.places:
            self.notify("Add a place first: press p.", title="Not yet", severity="warning")
            return
        self.app.push_screen(ChecklistForm(self.prep), self.after)

    def action_option(self) -> None:
        if not self.prep.plan.places:
            self.notify("Add a place first: press p.", title="Not yet", severity="warning")
            return
        self.app.push_screen(OptionForm(self.prep), self.after)

    def action_can(self) -> None:
        if not self.options():
            self.notify("Add a candidate time first: press o.", title="Not yet", severity="warning")
            return
        self.app.push_screen(AvailabilityForm(self.prep, self.options()), self.after)

    def action_needs(self) -> None:
        self.app.push_screen(NeedsForm(self.prep), self.after)

    def action_choose(self) -> None:
        if not self.options():
            self.notify("Add a candidate time first: press o.", title="Not yet", severity="warning")
            return
        meeting = self.prep.meeting
        assert meeting is not None
        first = self.prep.plan.ranked_options(meeting.id)[0][0]
        self.app.push_screen(
            ChooseForm(self.prep, self.options(), self.needs_words, first), self.after
        )
