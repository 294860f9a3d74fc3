"""How people are named in reports and exports: by name when they consented, otherwise as
someone who asked not to be named; or, anonymised, by a stable pseudonym.

A pseudonym is worked out from the member's id alone, so the same person has the same pseudonym
in every export, and in an organisation's merged database, without any key to keep secret."""

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
                names.setdefault(folded(form), label(member) if label else pseudonym(member.id))
    if not names:
        return lambda text: text
    longest_first = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)({longest_first})(?!\w)")

    def scrub(text: str) -> str:
        seen, typed_at = _folded_where(text)
        pieces = []
        done = 0
        for found in pattern.finditer(seen):
            start = typed_at(found.start())
            pieces += [text[done:start], names[found.group(0)]]
            done = typed_at(found.end())  # past any accents typed after the name
        return "".join([*pieces, text[done:]]) if pieces else text

    return scrub


def _folded_where(text: str) -> tuple[str, Callable[[int], int]]:
    """`text` folded, and where each position in it was in `text` (the end maps to the end)."""
    if text.isascii():
        return text.lower(), lambda position: position
    parts = [folded(c) for c in text]
    where = [index for index, part in enumerate(parts) for _ in part] + [len(text)]
    return "".join(parts), where.__getitem__


def folded(text: str) -> str:
    """`text` without case or accents, the way names are compared: "İLKER" and "Ilker" are the
    same, so are "Groß" and "GROSS". Plain ASCII, most text, is only lowered (the same, quicker)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


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
