"""How people are named in reports and exports: by name when they consented, otherwise as
someone who asked not to be named; or, anonymised, by a stable pseudonym.

A pseudonym is worked out from the member's id alone, so the same person has the same pseudonym
in every export, and in an organisation's merged database, without any key to keep secret."""

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from session.report import (
    Bar,
    BarChart,
    Block,
    Bullets,
    Emphasis,
    Heading,
    Line,
    Paragraph,
    Report,
    Strong,
    Symbol,
    Table,
)
from session.setup import Member

UNNAMED = "someone who asked not to be named"
NOT_LISTED = "someone not on the group's list"


def pseudonym(member_id: str) -> str:
    """A stable pseudonym for a member, e.g. "Person 3F7A2C"."""
    return f"Person {hashlib.sha256(member_id.encode()).hexdigest()[:6].upper()}"


@dataclass(frozen=True)
class Names:
    """Each member's label in a report, and whether their perspective may be shown beside it."""

    labels: Mapping[str, str]
    anonymise: bool = False
    unnamed: frozenset[str] = frozenset()

    @classmethod
    def of(cls, members: Sequence[Member], anonymise: bool = False) -> "Names":
        """People who did not consent are numbered when there is more than one of them, so
        charts can tell them apart without naming them."""
        if anonymise:
            return cls({m.id: pseudonym(m.id) for m in members}, anonymise=True)
        hidden = [m for m in members if not m.consent_named]
        labels = {m.id: m.name for m in members if m.consent_named}
        for number, member in enumerate(hidden, start=1):
            labels[member.id] = UNNAMED if len(hidden) == 1 else f"{UNNAMED} ({number})"
        return cls(labels, unnamed=frozenset(m.id for m in hidden))

    def __call__(self, member_id: str | None) -> str:
        if member_id is None:
            return "nobody"
        if member_id in self.labels:
            return self.labels[member_id]
        return pseudonym(member_id) if self.anonymise else NOT_LISTED

    def with_perspective(self, member_id: str, perspective: str) -> str:
        """ "Ann (lived experience)", but never for someone who asked not to be named."""
        if member_id in self.unnamed or member_id not in self.labels:
            return self(member_id)
        return f"{self(member_id)} ({perspective})"


def scrubber(
    members: Sequence[Member],
    first_names: bool = True,
    label: Callable[[Member], str] | None = None,
) -> Callable[[str], str]:
    """A function that replaces every member's name in free text, whole or by first name (any
    case, with or without accents, in any width, whole words only), with their pseudonym, or
    with `label(member)` if given. Longer names are matched first. Without `first_names`, only
    whole names are replaced.

    Names are looked for in the text folded as names are compared (`folded`), and each one
    found is replaced where it stands in the text as typed: "Chloé", "CHLOE" and Chloe in
    full-width letters are all Chloe, and Zoë is "zoe" too."""
    names: dict[str, str] = {}
    for member in members:
        first = member.name.split()[0] if member.name.split() and first_names else ""
        for form in (member.name, first):
            if len(folded(form)) > 1:
                key = " ".join(folded(form).split())
                names.setdefault(key, label(member) if label else pseudonym(member.id))
    if not names:
        return lambda text: text
    # Longest first; the words of a name apart by any spaces or line breaks.
    spellings = [
        r"\s+".join(map(re.escape, n.split())) for n in sorted(names, key=len, reverse=True)
    ]
    pattern = re.compile(rf"(?<!\w)({'|'.join(spellings)})(?!\w)")

    def scrub(text: str) -> str:
        if not pattern.search(folded(text)):
            return text  # most text names nobody: fold it whole, quickly, and be done
        seen, where = _folded_where(text)
        pieces = []
        done = 0
        for found in pattern.finditer(seen):
            start, end = found.span()
            if not (where.starts(start) and where.starts(end)):
                continue  # part of a typed character that folds into several ("℀" is "a/c")
            pieces += [text[done : where[start]], names[" ".join(found.group(0).split())]]
            done = where[end]  # past any accents typed after the name
        return "".join([*pieces, text[done:]]) if pieces else text

    return scrub


class _Where(list[int]):
    """For each position in folded text, where it was in the text as typed; the end maps to the
    end of the text."""

    def starts(self, position: int) -> bool:
        """True when `position` is where a typed character's folding starts (or the end)."""
        return position == 0 or self[position - 1] != self[position]


_ASCII_RUNS_OR_ONE = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")


def _folded_where(text: str) -> tuple[str, _Where]:
    """`text` folded (the same as folding it whole), and `_Where`. Plain ASCII folds a character
    to a character and is folded a run at a time; any other character is folded on its own."""
    parts: list[str] = []
    where = _Where()
    for run in _ASCII_RUNS_OR_ONE.finditer(text):
        start, end = run.span()
        typed = run.group()
        if typed.isascii():
            parts.append(folded(typed))
            where.extend(range(start, end))
        else:
            part = _folded_character(typed)
            parts.append(part)
            where.extend([start] * len(part))
    where.append(len(text))
    return "".join(parts), where


@functools.lru_cache(maxsize=4096)
def _folded_character(character: str) -> str:
    """`folded` for one character beyond ASCII: text holds few ("é", "—", "·"), again and again."""
    return folded(character)


# Letters that are not a letter with an accent, so NFKD keeps them, but that people type as one
# ("Aydin" for the Turkish name with a dotless i, "Soren" for Søren, "Lukasz" for Łukasz); and
# curly apostrophes and dashes, typed for the apostrophe or hyphen in a name (O'Neil, Mary-Jane).
_AS_TYPED = str.maketrans(
    {
        "\u0131": "i",  # dotless i
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ħ": "h",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2013": "-",
        "\u2014": "-",
    }
)


def folded(text: str) -> str:
    """`text` without case or accents, the way names are compared: "İLKER" and "Ilker" are the
    same, so are "Groß" and "GROSS", and a dotless i is an i (see `_AS_TYPED`). Plain ASCII,
    most text, is only lowered (the same, quicker)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return kept.casefold().translate(_AS_TYPED)


def as_consented(report: Report, members: Sequence[Member], anonymise: bool = False) -> Report:
    """The report as it may be shown: names typed into notes, decisions and the like are
    replaced for everyone who did not consent to be named (for everyone, anonymised)."""
    if anonymise:
        return scrub_report(report, scrubber(members))
    hidden = [m for m in members if not m.consent_named]
    return scrub_report(report, scrubber(hidden, label=lambda m: UNNAMED))


def scrub_report(report: Report, scrub: Callable[[str], str]) -> Report:
    """The report with `scrub` applied to every piece of text in it."""
    return Report(scrub(report.title), tuple(_scrub_block(b, scrub) for b in report.blocks))


def _scrub_block(block: Block, scrub: Callable[[str], str]) -> Block:
    match block:
        case Heading():
            return Heading(scrub(block.text), block.level)
        case Paragraph():
            return Paragraph(_scrub_line(block.text, scrub))
        case Bullets():
            return Bullets(tuple(_scrub_line(i, scrub) for i in block.items))
        case Table():
            rows = tuple(tuple(scrub(c) for c in row) for row in block.rows)
            return Table(tuple(scrub(h) for h in block.header), rows)
        case BarChart():
            bars = tuple(Bar(scrub(b.label), b.value, scrub(b.shown)) for b in block.bars)
            return BarChart(scrub(block.title), bars, scrub(block.summary), block.full)


def _scrub_line(line: Line, scrub: Callable[[str], str]) -> Line:
    if isinstance(line, str):
        return scrub(line)
    return tuple(
        Strong(scrub(s.text))
        if isinstance(s, Strong)
        else Emphasis(scrub(s.text))
        if isinstance(s, Emphasis)
        else s
        if isinstance(s, Symbol)
        else scrub(s)
        for s in line
    )
