"""A place's access checklist, and members' needs matched against it.

Members choose their needs from the same list of features a place is checked for, so the
match is one to one: a need is met only when the place's answer for that feature is "yes". A
"no" is unmet; a question nobody answered is unknown, and unknown is never counted as met.
Needs are listed by need; a person is named beside one only if they agreed to be."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from session.errors import DomainError

FEATURES = (
    "step-free access",
    "accessible toilets",
    "accessible parking",
    "public transport links",
    "hearing loop",
    "quiet room",
    "BSL or other interpreter",
    "lighting",
    "assistance dogs welcome",
    "outdoor option",
)
YES, NO, UNKNOWN = "yes", "no", "unknown"
ANSWERS = (YES, NO, UNKNOWN)
MET, UNMET = "met", "not met"


@dataclass(frozen=True)
class Need:
    member_id: str
    needs: tuple[str, ...]
    named: bool = False


@dataclass(frozen=True)
class NeedMatch:
    feature: str
    status: str  # MET, UNMET or UNKNOWN
    people: int
    named: tuple[str, ...]  # member ids of those who agreed to be named


def feature(typed: str) -> str:
    """The checklist feature `typed` names (any case), or a refusal listing them."""
    chosen = typed.strip().casefold()
    found = [f for f in FEATURES if f.casefold() == chosen or f.casefold().startswith(chosen)]
    if not chosen or len(found) != 1:
        raise DomainError(f"“{typed}” is not on the access checklist: {', '.join(FEATURES)}.")
    return found[0]


def answer(typed: str) -> str:
    chosen = typed.strip().casefold()
    if chosen not in ANSWERS:
        raise DomainError("Answer each checklist question with yes, no or unknown.")
    return chosen


def status(answers: Mapping[str, str], wanted: str) -> str:
    given = answers.get(wanted, UNKNOWN)
    return MET if given == YES else UNMET if given == NO else UNKNOWN


def match(answers: Mapping[str, str], needs: Sequence[Need]) -> list[NeedMatch]:
    """Each need someone has, in checklist order, with whether this place meets it."""
    found = []
    for wanted in FEATURES:
        having = [n for n in needs if wanted in n.needs]
        if having:
            found.append(
                NeedMatch(
                    wanted,
                    status(answers, wanted),
                    len(having),
                    tuple(n.member_id for n in having if n.named),
                )
            )
    return found


def not_met(matches: Sequence[NeedMatch]) -> list[NeedMatch]:
    """What must be said before the choice is confirmed: unmet and unknown needs."""
    return [m for m in matches if m.status != MET]
