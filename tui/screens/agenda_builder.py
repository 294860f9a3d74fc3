"""Building a meeting's agenda from the group's priorities: issues by dots, items with their
time boxes and who raised them, a warning when they overrun, and every reorder with who and why."""

from functools import partial

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from session import agenda, live
from session.plan import Issue
from session.report import plural
from store.files import write_private
from store.plan import unfinished_from_last_time
from store.sendable import agenda_html, agenda_markdown, sendable_paths
from tui.literal import literal, tell
from tui.screens.prepare_base import PrepScreen, attempt
from tui.screens.prepare_forms import ItemFromIssueForm, ReorderForm

REVIEW_MINUTES = 10


class AgendaBuilderScreen(PrepScreen):
    title_words = "Agenda"
    BINDINGS = [
        Binding(
            "a",
            "add",
            "Add issue",
            tooltip="Put an issue on the agenda with an agreed time box.",
            id="agenda.add",
        ),
        Binding(
            "o",
            "reorder",
            "Move item",
            tooltip="Move an item, saying who asked and why.",
            id="agenda.reorder",
        ),
        Binding(
            "r",
            "review",
            "Actions review",
            tooltip="Add last meeting's unfinished actions as the first item.",
            id="agenda.review",
        ),
        Binding(
            "s",
            "send",
            "Send out",
            tooltip="Write the agenda to send out, in Markdown and easy read.",
            id="agenda.send",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change to the agenda.",
            id="agenda.undo",
        ),
    ]

    def ranked(self) -> list[Issue]:
        """Open issues by the latest vote's dots (most first), then any not voted on."""
        plan = self.prep.plan
        vote = plan.vote
        order = [plan.kept(r.issue_id) for r in vote.results()] if vote else []
        voted = [plan.issue(i) for i in dict.fromkeys(order) if i not in plan.merged_into]
        return voted + [i for i in plan.open_issues if i not in voted]

    def body(self) -> RenderableType:
        plan = self.prep.plan
        state = self.prep.live().state
        names = {m.id: m.name for m in self.prep.members()}
        dots = {r.issue_id: r.dots for r in plan.vote.results()} if plan.vote else {}
        on_agenda = {i for item in state.items for i in item.issue_ids}
        text = Text("Priorities (by dots)\n", style="bold")
        for issue in self.ranked():
            mark = "✓ on the agenda" if issue.id in on_agenda else ""
            count = sum(dots.get(i.id, 0) for i in plan.merged(issue.id))
            text.append(f"{plural(count, 'dot', 'dots'):>7}  {issue.number:>2}. ")
            text.append(literal(issue.text))
            text.append(f"  {mark}\n" if mark else "\n")
        meeting = self.prep.meeting
        assert meeting is not None
        total = agenda.planned_minutes(state)
        text.append(
            f"\nAgenda: {total} of {meeting.length_minutes} minutes planned\n", style="bold"
        )
        for number, item in enumerate(state.items, start=1):
            raisers = [plan.raisers(plan.kept(i)) for i in item.issue_ids[:1]]
            who = ", ".join(
                names.get(r, "someone") if r else "anonymous"
                for r in (raisers[0] if raisers else [])
            )
            text.append(f"{number:>3}. ")
            text.append(literal(item.title))
            text.append(f" · {item.timebox_minutes} min")
            if who:
                text.append(literal(f" · raised by {who}"))
            text.append("\n")
        if not state.items:
            text.append("    Nothing yet. Press a to put the top issue on it.\n")
        warning = agenda.length_warning(state, meeting.length_minutes)
        if warning:
            text.append(f"\n{warning}\n", style="bold reverse")
        if state.moves:
            text.append("\nChanges to the order\n", style="bold")
            titles = {item.id: item.title for item in state.items}
            for move in state.moves:
                asked = names.get(move.asked_by or "", "the facilitator")
                text.append(
                    literal(
                        f"  “{titles.get(move.item_id, '?')}” moved from {move.before + 1} to "
                        f"{move.after + 1}: {asked} asked, because {move.reason}\n"
                    )
                )
        return text

    def action_add(self) -> None:
        ranked = self.ranked()
        if not ranked:
            self.notify("Gather some issues first.", title="Not yet", severity="warning")
            return
        state = self.prep.live().state
        placed = {i for item in state.items for i in item.issue_ids}
        first = next((i for i in ranked if i.id not in placed), ranked[0])
        self.app.push_screen(ItemFromIssueForm(self.prep, first.number), self.after)

    def action_reorder(self) -> None:
        self.app.push_screen(ReorderForm(self.prep), self.after)

    def action_review(self) -> None:
        meeting = self.prep.meeting
        assert meeting is not None
        count = len(unfinished_from_last_time(self.prep.db, meeting))
        command = partial(
            agenda.add_actions_review, open_actions=count, timebox_minutes=REVIEW_MINUTES
        )
        if attempt(self, lambda: self.prep.live().do(command)):
            self.show()

    def action_undo(self) -> None:
        if attempt(self, lambda: self.prep.live().do(live.undo)):
            self.show()

    def action_send(self) -> None:
        meeting = self.prep.meeting
        assert meeting is not None
        paths = sendable_paths(self.prep.db, meeting)
        if paths is None:
            self.notify(
                "This database is in memory: use coproduce agenda send.", severity="warning"
            )
            return
        markdown, html = paths
        write_private(markdown, agenda_markdown(self.prep.db, meeting.id))
        write_private(html, agenda_html(self.prep.db, meeting.id))
        tell(self, f"Wrote {markdown} and {html}.", "Agenda written")
