"""Rotating the minute-taker, timekeeper and chair: how each role rotates, who is suggested next
(volunteers first among those who have held it least), and when a hand-over is due."""

from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime

from session.errors import DomainError
from session.events import ROLES, Event, RolePassed, RotationSet, Volunteered
from session.live import LiveState, require_running

BY_ITEM = "item"
BY_MINUTES = "minutes"
BY_HAND = "hand"
RULES = {
    BY_ITEM: "Hand over at each agenda item",
    BY_MINUTES: "Hand over every few minutes",
    BY_HAND: "Hand over when the group decides",
}


def suggest(
    candidates: Sequence[str],
    held: Counter[str],
    volunteers: set[str],
    passing: set[str],
    holder: str | None,
) -> str | None:
    """Who should hold a role next: among the willing (not the holder, not passing), whoever has
    held it fewest times; volunteers first among equals; then the group's own order."""
    willing = [m for m in candidates if m != holder and m not in passing]
    ranking = ranked(willing, held, volunteers)
    return ranking[0] if ranking else None


def ranked(
    candidates: Sequence[str],
    held: Counter[str],
    volunteers: set[str],
    first: Collection[str] = (),
) -> list[str]:
    """`candidates` in the order a role is offered: anyone in `first` (volunteers with lived
    experience, when roles are offered before a meeting), then whoever has held it fewest
    times, volunteers first among equals, then the group's own order."""
    return sorted(
        candidates,
        key=lambda m: (m not in first, held[m], m not in volunteers, candidates.index(m)),
    )


def rule_for(state: LiveState, role: str) -> RotationSet:
    chosen = (r for r in reversed(state.rotations) if r.role == role)
    return next(chosen, RotationSet(role, BY_HAND))


def suggested_holder(state: LiveState, role: str, roster: Sequence[str]) -> str | None:
    """The suggestion for `role` among the people present, in the group's order."""
    candidates = [m for m in roster if m in state.present]
    held = Counter(s.member_id for s in state.roles if s.role == role)
    volunteers = {m for r, m in state.volunteers if r == role}
    passing = {m for r, m in state.role_passes if r == role}
    return suggest(candidates, held, volunteers, passing, state.holder(role))


def handover_due(state: LiveState, role: str, now: datetime) -> bool:
    """True when the role's rotation says it is time to hand it on (never during a break)."""
    spell = state.spell(role)
    rule = rule_for(state, role)
    if spell is None or not state.running or state.on_break:
        return False
    if rule.rule == BY_ITEM:
        return spell.item_id != state.item_id
    if rule.rule == BY_MINUTES:
        return (now - spell.since).total_seconds() >= rule.every_minutes * 60
    return False


def set_rotation(state: LiveState, role: str, rule: str, every_minutes: int = 0) -> list[Event]:
    if role not in ROLES:
        raise DomainError(f"There is no “{role}” role. The roles are: {', '.join(ROLES)}.")
    if rule not in RULES:
        raise DomainError(f"Choose how the role rotates: {', '.join(RULES)}.")
    if rule == BY_MINUTES and not 1 <= every_minutes <= 240:
        raise DomainError("Please give the minutes between hand-overs, from 1 to 240.")
    return [RotationSet(role, rule, every_minutes if rule == BY_MINUTES else 0)]


def volunteer(state: LiveState, role: str, member_id: str) -> list[Event]:
    require_running(state)
    if (role, member_id) in state.volunteers:
        raise DomainError(f"They have already volunteered as {role}.")
    return [Volunteered(role, member_id)]


def pass_role(state: LiveState, role: str, member_id: str) -> list[Event]:
    """They would rather not take the role this time; the next suggestion skips them."""
    require_running(state)
    if (role, member_id) in state.role_passes:
        raise DomainError(f"They have already passed on the {role} role this time.")
    return [RolePassed(role, member_id)]
