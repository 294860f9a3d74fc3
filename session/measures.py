"""Evidence of shared power in a meeting: who spoke and for how long, how evenly the time was
shared, whose agenda items got the meeting's time, who held the roles, who took on actions, and
how people felt at check-out. Pure functions over the folded meeting and the group's members.

Everyone present counts, whether they spoke or not; so does anyone who took a turn without being
on the attendance list (added during the meeting, say)."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from session.checkout import LADDER, PASS, SCALE
from session.live import LiveState
from session.setup import Member

NOT_LISTED = "not on the group's list"
NOBODY_NAMED = "nobody named"

Perspective = Callable[[str | None], str]  # a member's perspective, looked up by id


@dataclass(frozen=True)
class PersonSpeaking:
    member_id: str
    perspective: str
    present: bool
    turns: int
    seconds: float


@dataclass(frozen=True)
class PerspectiveSpeaking:
    perspective: str
    people: int
    spoke: int
    turns: int
    seconds: float
    share: float | None  # of all speaking time; None when nobody spoke


@dataclass(frozen=True)
class ItemTime:
    item_id: str
    title: str
    proposed_by: str | None
    perspective: str  # of whoever proposed it, or NOBODY_NAMED
    timebox_minutes: int
    seconds: float
    decisions: int
    actions: int


@dataclass(frozen=True)
class ProposerPerspective:
    """The agenda items raised by people of one perspective, and the meeting time they got."""

    perspective: str
    items: int
    seconds: float
    decisions: int
    share: float | None  # of all agenda time; None when no item had any time


@dataclass(frozen=True)
class RoleHeld:
    role: str
    member_id: str
    perspective: str
    seconds: float


@dataclass(frozen=True)
class ActionsOwned:
    member_id: str
    perspective: str
    actions: int
    done: int


@dataclass(frozen=True)
class QuestionAnswers:
    question: str
    counts: tuple[tuple[str, int], ...]  # (answer key, how many), in the order of the scale

    def count(self, key: str) -> int:
        return dict(self.counts).get(key, 0)

    @property
    def answered(self) -> int:
        """Answers that were not a pass."""
        return sum(n for key, n in self.counts if key != PASS)

    @property
    def yes_share(self) -> float | None:
        """The share of answers (passes left out) that were "yes"; None if everyone passed."""
        return self.count("yes") / self.answered if self.answered else None


@dataclass(frozen=True)
class MeetingMeasures:
    meeting_id: str
    present: int
    people: tuple[PersonSpeaking, ...]  # most speaking time first
    turns: int
    speaking_seconds: float
    gini: float | None
    share_who_spoke: float | None
    perspectives: tuple[PerspectiveSpeaking, ...]
    items: tuple[ItemTime, ...]
    proposers: tuple[ProposerPerspective, ...]
    roles: tuple[RoleHeld, ...]
    actions: tuple[ActionsOwned, ...]
    checked_out: int
    checkout: tuple[QuestionAnswers, ...]
    ladder: tuple[tuple[str, int], ...]  # (rung, how many placed the meeting there), bottom first


def gini(values: Sequence[float]) -> float | None:
    """How unevenly a total is shared: 0 when everyone has the same, (n-1)/n when one of n has it
    all. It is the mean absolute difference between every pair, over twice the mean.

    Defined as None (not measurable) when there is nobody, or when the total is zero: if nobody
    spoke, there was no time to share evenly or unevenly, and the reports say so in words.
    """
    total = sum(values)
    if not values or total <= 0:
        return None
    differences = sum(abs(a - b) for a in values for b in values)
    return differences / (2 * len(values) * total)


def _share(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


def measure(
    state: LiveState,
    members: Sequence[Member],
    now: datetime,
    perspectives: Sequence[str] = (),
    done_actions: Iterable[str] = (),
) -> MeetingMeasures:
    """The measures of the meeting folded into `state`. Clocks still running are counted up to
    `now` (or to the meeting's end). `perspectives` gives the order to list them in (the group's
    own list); `done_actions` are the ids of actions since marked done."""
    now = state.ended_at or now
    perspective_of = {m.id: m.perspective for m in members}
    order = {m.id: index for index, m in enumerate(members)}

    def perspective(member_id: str | None) -> str:
        if member_id is None:
            return NOBODY_NAMED
        return perspective_of.get(member_id, NOT_LISTED)

    people = _people(state, now, perspective, order)
    total = sum(p.seconds for p in people)
    items = _items(state, now, perspective)
    ranked = _ranking(perspectives)
    return MeetingMeasures(
        meeting_id=state.meeting_id,
        present=len(state.present),
        people=people,
        turns=sum(p.turns for p in people),
        speaking_seconds=total,
        gini=gini([p.seconds for p in people]),
        share_who_spoke=_share(sum(p.turns > 0 for p in people), len(people)),
        perspectives=_by_perspective(people, total, ranked),
        items=items,
        proposers=_by_proposer(items, ranked),
        roles=_roles(state, now, perspective),
        actions=_actions(state, perspective, set(done_actions), order),
        checked_out=len(state.checkouts),
        checkout=_checkout(state),
        ladder=_ladder(state),
    )


def _ranking(perspectives: Sequence[str]) -> dict[str, int]:
    return {p: index for index, p in enumerate(perspectives)}


def _in_order(names: Iterable[str], ranked: dict[str, int]) -> list[str]:
    return sorted(set(names), key=lambda p: (ranked.get(p, len(ranked)), p))


def _people(
    state: LiveState, now: datetime, perspective: Perspective, order: dict[str, int]
) -> tuple[PersonSpeaking, ...]:
    turns: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    for turn in state.turns:
        turns[turn.member_id] += 1
        seconds[turn.member_id] += turn.seconds
    if state.speaker is not None:
        turns[state.speaker] += 1
        seconds[state.speaker] += state.turn_clock.elapsed(now)
    everyone = set(state.present) | set(turns)
    rows = [
        PersonSpeaking(m, perspective(m), m in state.present, turns[m], seconds[m])
        for m in everyone
    ]
    rows.sort(key=lambda p: (-p.seconds, -p.turns, order.get(p.member_id, len(order)), p.member_id))
    return tuple(rows)


def _by_perspective(
    people: Sequence[PersonSpeaking], total: float, ranked: dict[str, int]
) -> tuple[PerspectiveSpeaking, ...]:
    rows = []
    for name in _in_order((p.perspective for p in people), ranked):
        group = [p for p in people if p.perspective == name]
        seconds = sum(p.seconds for p in group)
        rows.append(
            PerspectiveSpeaking(
                name,
                people=len(group),
                spoke=sum(p.turns > 0 for p in group),
                turns=sum(p.turns for p in group),
                seconds=seconds,
                share=_share(seconds, total),
            )
        )
    return tuple(rows)


def _items(state: LiveState, now: datetime, perspective: Perspective) -> tuple[ItemTime, ...]:
    decisions = Counter(d.item_id for d in state.decisions)
    actions = Counter(a.item_id for a in state.actions)
    return tuple(
        ItemTime(
            item.id,
            item.title,
            item.proposed_by,
            perspective(item.proposed_by),
            item.timebox_minutes,
            item.clock.elapsed(now),
            decisions[item.id],
            actions[item.id],
        )
        for item in state.items
    )


def _by_proposer(
    items: Sequence[ItemTime], ranked: dict[str, int]
) -> tuple[ProposerPerspective, ...]:
    total = sum(i.seconds for i in items)
    rows = []
    for name in _in_order((i.perspective for i in items), ranked):
        raised = [i for i in items if i.perspective == name]
        seconds = sum(i.seconds for i in raised)
        rows.append(
            ProposerPerspective(
                name, len(raised), seconds, sum(i.decisions for i in raised), _share(seconds, total)
            )
        )
    return tuple(rows)


def _roles(state: LiveState, now: datetime, perspective: Perspective) -> tuple[RoleHeld, ...]:
    """Each spell in a role, from when it was handed over until the next handover or the end."""
    rows = []
    for index, spell in enumerate(state.roles):
        later = [s for s in state.roles[index + 1 :] if s.role == spell.role]
        until = later[0].since if later else now
        seconds = max(0.0, (until - spell.since).total_seconds())
        rows.append(RoleHeld(spell.role, spell.member_id, perspective(spell.member_id), seconds))
    return tuple(rows)


def _actions(
    state: LiveState, perspective: Perspective, done: set[str], order: dict[str, int]
) -> tuple[ActionsOwned, ...]:
    owned: Counter[str] = Counter(a.owner_id for a in state.actions)
    finished: Counter[str] = Counter(a.owner_id for a in state.actions if a.id in done)
    owners = sorted(owned, key=lambda m: (-owned[m], order.get(m, len(order)), m))
    return tuple(ActionsOwned(m, perspective(m), owned[m], finished[m]) for m in owners)


def _checkout(state: LiveState) -> tuple[QuestionAnswers, ...]:
    tallies: dict[str, Counter[str]] = {}
    for given in state.checkouts:
        for question, answer in zip(given.questions, given.answers, strict=True):
            tallies.setdefault(question, Counter())[answer] += 1
    return tuple(
        QuestionAnswers(q, tuple((a.key, tally[a.key]) for a in SCALE))
        for q, tally in tallies.items()
    )


def _ladder(state: LiveState) -> tuple[tuple[str, int], ...]:
    placed = Counter(c.rung for c in state.checkouts if c.rung)
    return tuple((rung.key, placed[rung.key]) for rung in LADDER)
