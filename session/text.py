"""Checks on text that people type: names, notes, decisions."""

import re

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
    if any("\ud800" <= char <= "\udfff" for char in cleaned):
        # Bytes that were not UTF-8 (from a file or terminal set to another encoding) reach
        # Python as lone surrogates, which can't be stored or shown.
        raise DomainError(
            f"Part of {what} isn't readable text (it may come from a file or terminal set to "
            "another character encoding). Please type it again."
        )
    if len(cleaned) > limit:
        raise DomainError(
            f"That is {len(cleaned):,} characters long. "
            f"Please keep {what} to {limit:,} characters or fewer."
        )
    return cleaned


def optional_text(value: str, what: str, limit: int = TEXT_LIMIT) -> str:
    """Like `required_text`, but an empty answer is fine."""
    return required_text(value, what, limit) if value.strip() else ""


def visible(text: str) -> str:
    """`text` with control characters (escape codes among them) turned into visible symbols, so
    that what a person typed is shown literally and can never drive the terminal. Text with
    none (nearly all) is found so by one search, about twenty times faster than translating it
    a character at a time: the live screen shows a dozen notes this way at every key."""
    return text.translate(_VISIBLE) if _INVISIBLE.search(text) else text


_VISIBLE = {
    **{code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A},
    0x7F: "\u2421",
    **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)},
    # Lone surrogates (bytes that were not UTF-8) can't be shown or printed: a replacement mark.
    **{code: "\ufffd" for code in range(0xD800, 0xE000)},
}
_INVISIBLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
