"""Writing people's text into Markdown so that it reads as typed and can't change the layout."""

import re
from collections.abc import Sequence
from functools import lru_cache

from session.text import visible

INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>|~#]|&(?=#?\w+;)")
BLOCK_START = re.compile(r"^([>+=-])|^(\d+)([.)])")


@lru_cache(maxsize=4096)  # minutes repeat the same names, times and durations in every table
def inline(text: str, line_start: bool = True) -> str:
    """`text` as one line of Markdown that renders literally.

    Line breaks become spaces, control characters become visible symbols, and the characters
    Markdown would read as formatting, links, HTML, table cells or headings are escaped. Without
    `line_start` (text after a heading's `#`, or inside a line), what would only mean something
    at the start of a line (a list's `-` or `1.`) is left as it is.
    """
    flat = " ".join(visible(text).split())
    escaped = INLINE_SPECIAL.sub(lambda match: "\\" + match.group(0), flat)
    return line_started(escaped) if line_start else escaped


def line_started(markdown: str) -> str:
    """`markdown` with whatever would start a list or a quote at the start of a line escaped."""
    return BLOCK_START.sub(_escape_block_start, markdown)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return f"{match.group(2)}\\{match.group(3)}"


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """A Markdown table, one string per line. Cells must already be escaped with `inline`."""
    lines = [_row(header), _row(tuple("---" for _ in header))]
    return lines + [_row(row) for row in rows]


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(cells) + " |"
