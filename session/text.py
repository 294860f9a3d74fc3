"""Checks on text that people type: names, notes, decisions."""

from session.errors import DomainError

NAME_LIMIT = 80
TITLE_LIMIT = 200
TEXT_LIMIT = 2000


def required_text(value: str, what: str, limit: int = TEXT_LIMIT) -> str:
    """Return `value` without surrounding spaces, or refuse it if blank or too long.

    The text is otherwise kept exactly as typed: brackets, markup-like text and control
    characters are stored as they are and shown literally by the screens.
    """
    cleaned = value.strip()
    if not cleaned:
        raise DomainError(f"Please type {what}: it can't be left empty.")
    if len(cleaned) > limit:
        raise DomainError(
            f"That is {len(cleaned):,} characters long. Please keep {what} under {limit:,}."
        )
    return cleaned


def optional_text(value: str, what: str, limit: int = TEXT_LIMIT) -> str:
    """Like `required_text`, but an empty answer is fine."""
    return required_text(value, what, limit) if value.strip() else ""
