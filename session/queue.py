"""Who speaks next, and why: the queue policies a group can choose for an agenda item.

Each policy is a pure function of who is waiting and what they have said so far. The tool only
*suggests* an order, with a reason in plain words for each place; the facilitator can override
it (see `session.live.override_order`)."""

import math
from collections.abc import Sequence
from dataclasses import dataclass

FIRST_COME = "first-come"
ITEM_FIRST = "item-first"
FEWEST_MINUTES = "fewest-minutes"
PROGRESSIVE = "progressive"
ROUND = "round"

POLICIES = {
    FIRST_COME: "First come, first served",
    ITEM_FIRST: "Not yet spoken on this item first",
    FEWEST_MINUTES: "Fewest minutes so far first",
    PROGRESSIVE: "Progressive: not yet spoken first, some perspectives ahead at equal standing",
    ROUND: "A round: everyone in turn, anyone may pass",
}
DEFAULT_TURN_SECONDS = 120
LONGEST_TURN_SECONDS = 30 * 60
WARNING_SECONDS = 30
EXTRA_TIME_FACTOR = 2


@dataclass(frozen=True)
class Waiting:
    """Someone in the queue, with what the policies weigh."""

    member_id: str
    arrived: int  # 1 for the first to put their hand up
    turns_on_item: int
    seconds_so_far: float  # spoken in this meeting
    ahead: str = ""  # the perspective a progressive stack puts ahead, if theirs is one


@dataclass(frozen=True)
class Place:
    member_id: str
    reason: str
    wait_seconds: float = 0.0
    signal: str = ""  # an interjection's signal, when this place answers one


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def minutes_words(seconds: float) -> str:
    minutes = round(seconds / 60)
    return "under 1 min" if minutes < 1 else f"{minutes} min"


def _item_standing(person: Waiting) -> str:
    if person.turns_on_item == 0:
        return "has not spoken on this item yet"
    times = "once" if person.turns_on_item == 1 else f"{person.turns_on_item} times"
    return f"has spoken on this item {times}"


def order(policy: str, waiting: Sequence[Waiting]) -> list[Place]:
    """Everyone in `waiting`, once each, in the order `policy` suggests, with the reason.
    Ties always fall back to who asked first. (A round is ordered by `round_places`.)"""
    by_arrival = sorted(waiting, key=lambda p: p.arrived)
    if policy == ITEM_FIRST:
        ranked = sorted(by_arrival, key=lambda p: p.turns_on_item > 0)
        return [Place(p.member_id, _item_standing(p)) for p in ranked]
    if policy == FEWEST_MINUTES:
        ranked = sorted(by_arrival, key=lambda p: round(p.seconds_so_far))
        return [
            Place(
                p.member_id,
                f"{minutes_words(p.seconds_so_far)} so far"
                if p.seconds_so_far
                else "has not spoken yet",
            )
            for p in ranked
        ]
    if policy == PROGRESSIVE:
        ranked = sorted(by_arrival, key=lambda p: (p.turns_on_item, not p.ahead))
        return [
            Place(p.member_id, _item_standing(p) + (f" · {p.ahead} first" if p.ahead else ""))
            for p in ranked
        ]
    return [Place(p.member_id, f"asked {ordinal(p.arrived)}") for p in by_arrival]


def round_order(people: Sequence[str], number: int) -> tuple[str, ...]:
    """Everyone in a round, once each. Each round starts one person further on and goes the
    other way round from the one before, so nobody (the facilitator included) is always last."""
    if not people:
        return ()
    start = (number - 1) % len(people)
    turned = (*people[start:], *people[:start])
    return turned if number % 2 else (turned[0], *reversed(turned[1:]))


def round_places(order: Sequence[str], done: Sequence[str]) -> list[Place]:
    """The people still to speak (or pass) in a round, in its order."""
    return [
        Place(m, f"round: {place} of {len(order)}")
        for place, m in enumerate(order, start=1)
        if m not in done
    ]


def with_waits(places: Sequence[Place], typical_turn: float, speaker_left: float) -> list[Place]:
    """Each place with a rough wait: what is left of the current turn, plus a typical turn for
    each person ahead."""
    return [
        Place(p.member_id, p.reason, max(0.0, speaker_left) + ahead * typical_turn, p.signal)
        for ahead, p in enumerate(places)
    ]


def wait_words(seconds: float) -> str:
    if seconds < 30:
        return "next"
    return f"~{max(1, round(seconds / 60))} min"


def turn_limit(limit_seconds: int, extra_time: bool) -> int:
    """A turn's soft limit: the group's, doubled for someone whose needs ask for extra time."""
    return limit_seconds * EXTRA_TIME_FACTOR if extra_time else limit_seconds


def time_warning(elapsed: float, limit_seconds: int) -> str:
    """What the speaker's clock says about the soft limit: nothing until its last 30 seconds,
    then a gentle warning. Never an instruction to stop."""
    left = limit_seconds - elapsed
    if left > WARNING_SECONDS:
        return ""
    if left > 0:
        return f"⏳ {math.ceil(left)} s left of {minutes_words(limit_seconds)}"
    return f"⏰ past {minutes_words(limit_seconds)}: finish when you are ready"
