"""Check-out at the end of a meeting: each person answers the group's questions on a simple
scale, or passes, and may say where the meeting sat on the ladder of co-production."""

from dataclasses import dataclass

from session.errors import DomainError
from session.events import CheckoutGiven, Event
from session.live import LiveState
from session.text import TITLE_LIMIT, required_text

DEFAULT_QUESTIONS = (
    "Did you feel heard?",
    "Could you say what mattered to you?",
    "Was the pace right?",
)


@dataclass(frozen=True)
class Answer:
    """A point on the scale: its word and its symbol are always shown together, never colour
    alone. `score` is None for a pass."""

    key: str
    word: str
    symbol: str
    score: int | None


SCALE = (
    Answer("yes", "Yes", "✔", 2),
    Answer("partly", "Partly", "◐", 1),
    Answer("no", "No", "✘", 0),
    Answer("pass", "Pass", "○", None),
)
ANSWERS = {answer.key: answer for answer in SCALE}
PASS = "pass"


@dataclass(frozen=True)
class Rung:
    key: str
    meaning: str


# Think Local Act Personal's ladder of co-production, from the bottom rung to the top.
LADDER = (
    Rung("coercion", "people attend only to hear decisions already made"),
    Rung("educating", "people are helped to understand the service"),
    Rung("informing", "people are told what is happening"),
    Rung("consultation", "people are asked, but may not be listened to"),
    Rung("engagement", "people have more say, but power stays with the service"),
    Rung("co-design", "people help design, but may not decide or deliver"),
    Rung("co-production", "an equal relationship, sharing power and decisions"),
)
RUNGS = {rung.key: rung for rung in LADDER}


def label(answer_key: str) -> str:
    """An answer as the room sees it: symbol and word, e.g. "✔ Yes"."""
    answer = ANSWERS[answer_key]
    return f"{answer.symbol} {answer.word}"


def give_checkout(
    state: LiveState,
    member_id: str,
    questions: tuple[str, ...],
    answers: tuple[str, ...],
    rung: str = "",
) -> list[Event]:
    """Record one person's check-out. Allowed once the meeting has started, and after it ends
    (check-out often happens as people leave)."""
    if state.started_at is None:
        raise DomainError("Check-out happens once the meeting has started.")
    checked = tuple(required_text(q, "the question", TITLE_LIMIT) for q in questions)
    if not checked:
        raise DomainError("There are no check-out questions to answer.")
    if len(answers) != len(checked):
        raise DomainError("Please give one answer, or a pass, for each question.")
    if unknown := [a for a in answers if a not in ANSWERS]:
        choices = ", ".join(label(a.key) for a in SCALE)
        raise DomainError(f"“{unknown[0]}” is not an answer. Choose one of: {choices}.")
    if rung and rung not in RUNGS:
        raise DomainError(f"“{rung}” is not a rung of the ladder: {', '.join(RUNGS)}.")
    return [CheckoutGiven(member_id, checked, tuple(answers), rung)]
