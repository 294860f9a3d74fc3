"""A report as plain blocks (headings, paragraphs, lists, tables, bar charts), decided once and
drawn by each output: Markdown, offline HTML with inline SVG, and the evaluation screen.

All text is kept exactly as people typed it; each renderer escapes it for its own format."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Strong:
    """Words to stand out, such as the label in "**When:** Tuesday"."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Words set apart, such as who wrote a note and when."""

    text: str


@dataclass(frozen=True)
class Symbol:
    """A picture beside words that say the same (easy read's 🕑): shown, but skipped by screen
    readers, which would read its name aloud."""

    text: str


Span = str | Strong | Emphasis | Symbol
Line = str | tuple[Span, ...]  # plain text, or text made of spans


def spans(line: Line) -> tuple[Span, ...]:
    return (line,) if isinstance(line, str) else line


def plain(line: Line) -> str:
    """The line's words without any emphasis."""
    return "".join(s if isinstance(s, str) else s.text for s in spans(line))


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: Line


@dataclass(frozen=True)
class Bullets:
    items: tuple[Line, ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value in words and numbers, e.g. "12 min · 3 turns · 40%"


@dataclass(frozen=True)
class BarChart:
    """Bars always carry their numbers and words, never colour alone. `summary` is the chart in
    one or two sentences, for anyone who can't see it."""

    title: str
    bars: tuple[Bar, ...]
    summary: str
    full: float = 0  # the value a full-length bar stands for; 0: the largest bar's

    @property
    def largest(self) -> float:
        return max([self.full, *(bar.value for bar in self.bars)])


Block = Heading | Paragraph | Bullets | Table | BarChart


@dataclass(frozen=True)
class Report:
    title: str
    blocks: tuple[Block, ...]


def duration(seconds: float) -> str:
    """Seconds in words a room reads at a glance: "under a minute", "12 min", "1 h 5 min"."""
    minutes = round(seconds / 60)
    if minutes < 1:
        return "none" if seconds <= 0 else "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)}%"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
