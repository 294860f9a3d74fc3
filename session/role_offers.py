"""Roles offered before a meeting: who would like to chair, take minutes or keep time. The
suggestion order puts volunteers with lived experience first, then whoever has held the role
least (see `session.rotation.ranked`), and says why each person is where they are."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from session.errors import DomainError
from session.events import ROLES, Event, Volunteered
from session.live import LiveState
from session.rotation import ranked
from session.setup import Member

LIVED_EXPERIENCE = "lived experience"


@dataclass(frozen=True)
class Offer:
    member_id: str
    reason: str


def held_counts(history: Sequence[LiveState], role: str) -> Counter[str]:
    """How many of the group's meetings each person held `role` in."""
    return Counter(
        member
        for state in history
        for member in {s.member_id for s in state.roles if s.role == role}
    )


def suggestions(
    state: LiveState, members: Sequence[Member], history: Sequence[LiveState], role: str
) -> list[Offer]:
    """Everyone in the group, in the order `role` is offered to them for this meeting."""
    volunteers = {m for r, m in state.volunteers if r == role}
    lived = {m.id for m in members if m.perspective == LIVED_EXPERIENCE}
    held = held_counts(history, role)
    order = ranked([m.id for m in members], held, volunteers, volunteers & lived)
    return [Offer(m, _reason(m in volunteers, m in lived, held[m])) for m in order]


def _reason(volunteered: bool, lived: bool, held: int) -> str:
    times = "never held it" if not held else f"held it {held} time{'s' if held > 1 else ''}"
    if volunteered and lived:
        return f"volunteered, lived experience; {times}"
    return f"volunteered; {times}" if volunteered else times


def offer_to_hold(state: LiveState, role: str, member_id: str) -> list[Event]:
    """Record someone volunteering for a role, before or during the meeting."""
    if state.ended_at is not None:
        raise DomainError("This meeting has ended.")
    if role not in ROLES:
        raise DomainError(f"There is no “{role}” role. The roles are: {', '.join(ROLES)}.")
    if (role, member_id) in state.volunteers:
        raise DomainError(f"They have already volunteered as {role}.")
    return [Volunteered(role, member_id)]
