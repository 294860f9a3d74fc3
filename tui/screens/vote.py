"""Dot voting on the projector: each person's dots entered quickly, results as bars and counts,
ties shown as ties."""

from functools import partial

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from session import plan
from session.dots import Result
from session.plan import Vote
from tui.literal import literal
from tui.screens.forms import PersonPicker
from tui.screens.prepare_base import PrepScreen
from tui.screens.prepare_forms import DotsForm, VoteSetupForm

BAR_WIDTH = 30


def rank_words(result: Result) -> str:
    ordinal = {1: "1st", 2: "2nd", 3: "3rd"}.get(result.rank, f"{result.rank}th")
    return f"={ordinal}" if result.tied else ordinal


def bars(prep_plan: plan.GroupPlan, vote: Vote) -> Text:
    """Each issue's dots as a bar and a count in words, highest first; ties say so."""
    results = vote.results()
    most = max((r.dots for r in results), default=0)
    text = Text()
    if most == 0:
        text.append("No dots yet: every issue is level.\n\n")
    for result in results:
        issue = prep_plan.issue(result.issue_id)
        text.append(f"{rank_words(result):>5}  ")
        text.append(f"{issue.number}. ")
        text.append(literal(issue.text))
        text.append("\n       ")
        width = round(BAR_WIDTH * result.dots / most) if most else 0
        text.append("█" * width, style="bold")
        text.append(f" {result.dots} dot{'' if result.dots == 1 else 's'}")
        if result.tied and most:
            text.append(" · tied", style="italic")
        text.append("\n")
    return text


class VoteScreen(PrepScreen):
    title_words = "Dot vote"
    BINDINGS = [
        Binding(
            "d",
            "dots",
            "Enter dots",
            tooltip="Type the next person's dots as issue numbers, e.g. 1 1 3.",
            id="vote.dots",
        ),
        Binding(
            "l",
            "left",
            "Someone left",
            tooltip="Mark someone as gone; the dots they gave still count.",
            id="vote.left",
        ),
        Binding(
            "o",
            "open_vote",
            "New vote",
            tooltip="Start a new dot vote on the open issues.",
            id="vote.open",
        ),
        Binding(
            "u",
            "undo",
            "Undo",
            tooltip="Take back the last change; it stays in the history.",
            id="vote.undo",
        ),
    ]

    def body(self) -> RenderableType:
        vote = self.prep.plan.vote
        if vote is None:
            return Text("No vote yet. Press o to start one: the group sets how many dots each.")
        names = {m.id: m.name for m in self.prep.members()}
        text = Text()
        who = (
            "everyone present" if vote.professionals_vote else "everyone present but professionals"
        )
        text.append(
            f"{vote.dots_each} dots each, for {who}. Several dots on one issue are fine.\n\n"
        )
        text.append_text(bars(self.prep.plan, vote))
        text.append("\nDots given: ")
        for number, voter in enumerate(vote.voters):
            given = len(vote.dots.get(voter, ()))
            status = f"{given}/{vote.dots_each}" if voter in vote.dots else "not yet"
            gone = ", left" if voter in vote.left else ""
            text.append(", " if number else "")
            text.append(literal(f"{names.get(voter, 'someone')} {status}{gone}"))
        return text

    def next_voter(self) -> str | None:
        vote = self.prep.plan.vote
        if vote is None:
            return None
        waiting = [v for v in vote.voters if v not in vote.dots and v not in vote.left]
        present = [v for v in vote.voters if v not in vote.left]
        return next(iter(waiting or present), None)

    def action_dots(self) -> None:
        voter = self.next_voter()
        if voter is None:
            self.notify("Start a vote first: press o.", title="Not yet", severity="warning")
            return
        self.app.push_screen(DotsForm(self.prep, voter), self.after_dots)

    def after_dots(self, saved: bool | None) -> None:
        self.show()
        vote = self.prep.plan.vote
        if (
            saved
            and vote is not None
            and any(v not in vote.dots and v not in vote.left for v in vote.voters)
        ):
            self.action_dots()

    def action_left(self) -> None:
        vote = self.prep.plan.vote
        if vote is None:
            return
        here = [m for m in self.prep.members() if m.id in vote.voters and m.id not in vote.left]
        self.app.push_screen(PersonPicker("Who has left?", here, {}), self.mark_left)

    def mark_left(self, member_id: str | None) -> None:
        if member_id is not None:
            self.plan_do(partial(plan.voter_left, member_id=member_id))

    def action_open_vote(self) -> None:
        self.app.push_screen(VoteSetupForm(self.prep), self.after)
