"""The group's own check-out questions: each one typed, none too long, none repeated, and few
enough to answer as people leave."""

from collections.abc import Sequence

from session.errors import DomainError
from session.text import TITLE_LIMIT, required_text

MOST_QUESTIONS = 6


def group_questions(typed: Sequence[str]) -> tuple[str, ...]:
    """The questions as they will be asked, or a kind refusal naming the one to change."""
    if not typed:
        raise DomainError("Please type at least one question for the check-out.")
    if len(typed) > MOST_QUESTIONS:
        raise DomainError(
            f"That is {len(typed)} questions. Please keep the check-out to {MOST_QUESTIONS} "
            "or fewer, so everyone can answer as they leave."
        )
    questions: list[str] = []
    seen: dict[str, int] = {}
    for number, text in enumerate(typed, start=1):
        question = required_text(text, f"question {number}", TITLE_LIMIT)
        same = " ".join(question.casefold().split())
        if same in seen:
            raise DomainError(
                f"Question {number} is the same as question {seen[same]}: “{question}”. "
                "Please change it or leave it out."
            )
        seen[same] = number
        questions.append(question)
    return tuple(questions)
