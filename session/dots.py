"""Counting a dot vote: pure functions, so the projector, the command line and the evaluation
count the same way.

Every dot given counts, including those of people who left before the vote was over: they
voted while present. Equal counts share a rank and are shown as ties; with no dots at all,
every issue is tied at nought."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from session.errors import DomainError


@dataclass(frozen=True)
class Result:
    issue_id: str
    dots: int
    rank: int  # 1 is the most dots; equal counts share a rank
    tied: bool  # another issue has the same count


def tally(ballot: Sequence[str], dots: Mapping[str, Sequence[str]]) -> list[Result]:
    """The issues on `ballot`, most dots first (ballot order among equals), from each
    person's dots (person -> one issue id per dot). Dots on issues not on the ballot are
    ignored."""
    counts = Counter(i for given in dots.values() for i in given if i in ballot)
    ordered = sorted(ballot, key=lambda i: -counts[i])
    how_many = Counter(counts[i] for i in ballot)
    return [
        Result(
            i, counts[i], 1 + sum(counts[o] > counts[i] for o in ballot), how_many[counts[i]] > 1
        )
        for i in ordered
    ]


def check_dots(chosen: Sequence[str], ballot: Sequence[str], dots_each: int) -> tuple[str, ...]:
    """One person's dots, refused if they are more than allowed or not on the ballot."""
    if len(chosen) > dots_each:
        raise DomainError(
            f"That is {len(chosen)} dots, and each person has {dots_each}. Please take some away."
        )
    if any(i not in ballot for i in chosen):
        raise DomainError("A dot is on an issue that is not in this vote.")
    return tuple(chosen)


def parse_dots(typed: str, ballot: Mapping[int, str]) -> tuple[str, ...]:
    """Dots typed as issue numbers (`ballot`: number -> issue id): "1 1 3" is two dots on
    issue 1 and one on issue 3; "2x3" is three dots on issue 2. Commas work as spaces."""
    chosen: list[str] = []
    for part in typed.replace(",", " ").split():
        number, _, times = part.casefold().partition("x")
        if not number.isdigit() or (times and not times.isdigit()):
            raise DomainError(
                f"“{part}” is not an issue number. Type numbers such as 1 1 3, or 2x3 for "
                "three dots on issue 2."
            )
        if int(number) not in ballot:
            listed = ", ".join(str(n) for n in sorted(ballot))
            raise DomainError(
                f"There is no issue {int(number)} in this vote. Its issues: {listed}."
            )
        chosen += [ballot[int(number)]] * (int(times) if times else 1)
    return tuple(chosen)
