"""Turn-taking in words for the screen: the queue with each place's reason and wait, the signals
waiting to be dealt with, and the speaking share. Names always go through `literal`."""

from collections.abc import Callable, Sequence

from rich.text import Text

from session.live import LiveState
from session.measures import MeetingMeasures
from session.queue import Place, wait_words
from session.signals import SIGNALS
from tui.literal import literal

Name = Callable[[str | None], str]


def queue_text(places: Sequence[Place], name: Name, shown: int) -> Text:
    """Each place on two lines: who and roughly when, then why they are there."""
    if not places:
        return Text("Nobody waiting — press h to add someone", style="italic")
    text = Text()
    for number, place in enumerate(places[:shown], start=1):
        if number > 1:
            text.append("\n")
        text.append_text(literal(f"{number}. {name(place.member_id)}", "bold"))
        text.append(f"  {wait_words(place.wait_seconds)}\n")
        text.append_text(literal(f"   {place.reason}", "italic"))
    if len(places) > shown:
        text.append(f"\n… and {len(places) - shown} more: press f to see everyone")
    return text


def signals_text(state: LiveState, name: Name) -> Text:
    """Signals not yet dealt with, newest last, each in words and with its symbol."""
    lines = []
    for made in state.signals:
        signal = SIGNALS[made.signal]
        word = f": “{made.word}”" if made.word else ""
        lines.append(f"{signal.symbol} {signal.words.upper()}{word} — {name(made.member_id)}")
    return literal("\n".join(lines))


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def share_line(measures: MeetingMeasures) -> str:
    """One line for the projector: the share of speaking time by perspective."""
    parts = [
        f"{p.perspective} {percent(p.share)}" for p in measures.perspectives if p.share is not None
    ]
    return "Speaking share: " + (" · ".join(parts) if parts else "nobody has spoken yet")


def share_text(measures: MeetingMeasures, name: Name) -> Text:
    """The full speaking share: by perspective, by person (with turns), and who has not spoken."""
    text = Text()
    text.append("BY PERSPECTIVE\n", style="bold underline")
    for p in measures.perspectives:
        text.append_text(
            literal(
                f"  {p.perspective}: {percent(p.share)} of the time · "
                f"{p.spoke} of {p.people} spoke · {p.turns} turns\n"
            )
        )
    text.append("BY PERSON\n", style="bold underline")
    total = measures.speaking_seconds
    for person in measures.people:
        if person.turns:
            share = percent(person.seconds / total if total else None)
            minutes = round(person.seconds / 60)
            turns = "1 turn" if person.turns == 1 else f"{person.turns} turns"
            text.append_text(
                literal(
                    f"  {name(person.member_id)}: {share} · {turns} · "
                    f"{'under 1' if minutes < 1 else minutes} min\n"
                )
            )
    silent = [name(p.member_id) for p in measures.people if p.present and not p.turns]
    text.append("NOT SPOKEN YET\n", style="bold underline")
    text.append_text(literal("  " + (", ".join(silent) if silent else "everyone has spoken")))
    return text
