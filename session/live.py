"""The live meeting: its state, how each event changes it, and the rules for what may happen
next. Commands check the rules against the state and return the events to commit; they never
change anything themselves."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from session.errors import DomainError
from session.events import (
    DECISION_METHODS,
    ROLES,
    ActionRecorded,
    BreakEnded,
    BreakStarted,
    CheckoutGiven,
    DecisionRecorded,
    Event,
    HandLowered,
    HandRaised,
    Interjected,
    ItemAdded,
    ItemMoved,
    ItemOpened,
    MeetingEnded,
    MeetingStarted,
    NoteWritten,
    OrderOverridden,
    Passed,
    PutBack,
    QueuePolicyChosen,
    ReadBackAgreed,
    RecordAmended,
    Recorded,
    RoleHanded,
    RolePassed,
    RotationSet,
    RoundStarted,
    SignalCleared,
    TurnEnded,
    TurnLimitSet,
    TurnPaused,
    TurnResumed,
    TurnStarted,
    Undone,
    Volunteered,
    WordDefined,
)
from session.ids import new_id
from session.queue import (
    DEFAULT_TURN_SECONDS,
    FIRST_COME,
    Place,
    Waiting,
    order,
    round_places,
    turn_limit,
    with_waits,
)
from session.setup import LONGEST_TIMEBOX_MINUTES, Member, check_minutes
from session.signals import BREAK, JARGON, SIGNALS
from session.stopwatch import Stopwatch
from session.text import TITLE_LIMIT, optional_text, required_text

MINUTE_TAKER = "minute-taker"
LARGEST_VOTE = 100_000


T = TypeVar("T")


def evolve(obj: T, **changes: Any) -> T:
    """`dataclasses.replace` for the fold's frozen dataclasses, without running `__init__` again.

    Folding a long meeting calls this a few times per event, and `replace` on LiveState's many
    fields was most of the time: the minutes of 60 three-hour meetings took 8 s. These classes
    have no `__post_init__`, so their fields are exactly their `__dict__`."""
    if not changes.keys() <= vars(obj).keys():
        unknown = sorted(changes.keys() - vars(obj).keys())
        raise TypeError(f"{type(obj).__name__} has no field {', '.join(unknown)}")
    new = object.__new__(type(obj))
    vars(new).update(vars(obj))
    vars(new).update(changes)
    return new


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    proposed_by: str | None
    timebox_minutes: int
    clock: Stopwatch = field(default_factory=Stopwatch)
    issue_ids: tuple[str, ...] = ()

    def seconds_left(self, now: datetime) -> float:
        return self.timebox_minutes * 60 - self.clock.elapsed(now)


@dataclass(frozen=True)
class Move:
    """An agenda item moved after the order was set: who asked, why, from where to where."""

    item_id: str
    before: int
    after: int
    asked_by: str | None
    reason: str
    at: datetime


@dataclass(frozen=True)
class Turn:
    member_id: str
    item_id: str | None
    started_at: datetime
    seconds: float
    signal: str = ""  # set when the turn answered an interjection


@dataclass(frozen=True)
class Interjection:
    id: str
    member_id: str
    signal: str
    word: str
    item_id: str | None
    at: datetime


@dataclass(frozen=True)
class Pin:
    """Someone placed at the front of the queue, ahead of the policy's order."""

    member_id: str
    reason: str


@dataclass(frozen=True)
class Override:
    member_id: str
    reason: str
    suggested: str | None
    item_id: str | None
    at: datetime


@dataclass(frozen=True)
class Round:
    item_id: str
    number: int
    order: tuple[str, ...]
    done: tuple[str, ...] = ()
    passed: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return len(self.done) == len(self.order)


@dataclass(frozen=True)
class GlossaryWord:
    word: str
    definition: str
    flagged_by: str
    at: datetime


@dataclass(frozen=True)
class Amendment:
    record_id: str
    text: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class Note:
    id: str
    item_id: str | None
    text: str
    author_id: str
    at: datetime


@dataclass(frozen=True)
class Decision:
    id: str
    item_id: str | None
    text: str
    method: str
    votes_for: int
    votes_against: int
    abstentions: int
    stand_asides: int
    concerns: str
    at: datetime


@dataclass(frozen=True)
class Action:
    id: str
    item_id: str | None
    what: str
    owner_id: str
    due: date
    at: datetime


@dataclass(frozen=True)
class Checkout:
    """One person's check-out answers (see `session.checkout`)."""

    member_id: str
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    rung: str
    at: datetime


@dataclass(frozen=True)
class RoleSpell:
    role: str
    member_id: str
    since: datetime
    item_id: str | None = None


@dataclass(frozen=True)
class LiveState:
    meeting_id: str
    items: tuple[Item, ...] = ()
    moves: tuple[Move, ...] = ()
    current: int | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    present: frozenset[str] = frozenset()
    queue: tuple[str, ...] = ()
    speaker: str | None = None
    speaker_since: datetime | None = None
    speaker_item: str | None = None
    turn_clock: Stopwatch = field(default_factory=Stopwatch)
    roles: tuple[RoleSpell, ...] = ()
    notes: tuple[Note, ...] = ()
    decisions: tuple[Decision, ...] = ()
    actions: tuple[Action, ...] = ()
    turns: tuple[Turn, ...] = ()
    checkouts: tuple[Checkout, ...] = ()
    break_since: datetime | None = None
    turn_limit: int = DEFAULT_TURN_SECONDS
    turn_paused: bool = False
    speaker_signal: str = ""
    policies: tuple[QueuePolicyChosen, ...] = ()
    pins: tuple[Pin, ...] = ()
    signals: tuple[Interjection, ...] = ()  # not yet answered
    interjections: tuple[Interjection, ...] = ()
    overrides: tuple[Override, ...] = ()
    round: Round | None = None
    glossary: tuple[GlossaryWord, ...] = ()
    rotations: tuple[RotationSet, ...] = ()
    volunteers: tuple[tuple[str, str], ...] = ()  # (role, member id)
    role_passes: tuple[tuple[str, str], ...] = ()  # (role, member id), until the next hand-over
    agreed: frozenset[str] = frozenset()  # ids of notes and decisions agreed at read-back
    amendments: tuple[Amendment, ...] = ()
    last_break_ended: datetime | None = None  # when scheduled-break reminders count from
    undoable: int = 0  # the batch undo takes back: the latest action still standing (0: none)
    undo_floor: int = 0
    last_seq: int = 0

    @property
    def item(self) -> Item | None:
        return None if self.current is None else self.items[self.current]

    @property
    def item_id(self) -> str | None:
        item = self.item
        return None if item is None else item.id

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    @property
    def on_break(self) -> bool:
        return self.break_since is not None

    def holder(self, role: str) -> str | None:
        """Who holds `role` now, if anyone."""
        spell = self.spell(role)
        return None if spell is None else spell.member_id

    def spell(self, role: str) -> RoleSpell | None:
        return next((s for s in reversed(self.roles) if s.role == role), None)

    @property
    def policy(self) -> QueuePolicyChosen:
        """How the queue is ordered for the current item: first come unless the group chose."""
        chosen = (p for p in reversed(self.policies) if p.item_id == self.item_id)
        return next(chosen, QueuePolicyChosen(self.item_id or "", FIRST_COME))

    @property
    def active_round(self) -> Round | None:
        """The round under way on the current item, if any is still going."""
        if self.round is None or self.round.item_id != self.item_id or self.round.complete:
            return None
        return self.round

    def amended_text(self, record_id: str, original: str) -> str:
        """A note's or decision's text as last amended (the original stays in the record)."""
        changes = (a.text for a in reversed(self.amendments) if a.record_id == record_id)
        return next(changes, original)


# --- folding events into state -------------------------------------------------------------


def fold(meeting_id: str, log: list[Recorded]) -> LiveState:
    """The state after every event in `log` that has not been undone."""
    undone = {r.event.batch for r in log if isinstance(r.event, Undone)}
    state = LiveState(meeting_id)
    for recorded in log:
        if recorded.batch in undone:
            continue
        state = apply(state, recorded)
    return evolve(state, last_seq=log[-1].seq if log else 0)


def apply(state: LiveState, recorded: Recorded) -> LiveState:
    """The state after one more event. An `Undone` needs the whole log: see `fold`."""
    changed = _applied(state, recorded.event, recorded.at)
    # A state just made for this event, held by nobody else yet, is finished in place: one
    # copy per event, not two (folding a three-hour meeting copies the state thousands of times).
    new = evolve(state) if changed is state else changed
    values = vars(new)
    values["last_seq"] = recorded.seq
    values["undoable"], values["undo_floor"] = _undo_tracking(state, recorded)
    return new


def _applied(state: LiveState, event: Event, at: datetime) -> LiveState:
    """What `event` itself changes (`apply` adds the log position and the undo tracking)."""
    match event:
        # The events a long meeting is mostly made of come first: cases are tried in order.
        case HandRaised():
            return evolve(state, queue=(*state.queue, event.member_id))
        case TurnStarted():
            return _start_turn(state, event, at)
        case TurnEnded():
            return _end_turn(state, at)
        case NoteWritten():
            note = Note(event.note_id, event.item_id, event.text, event.author_id, at)
            return evolve(state, notes=(*state.notes, note))
        case ItemAdded():
            item = Item(
                event.item_id,
                event.title,
                event.proposed_by,
                event.timebox_minutes,
                issue_ids=event.issue_ids,
            )
            return evolve(state, items=(*state.items, item))
        case ItemMoved():
            return _moved(state, event, at)
        case MeetingStarted():
            return evolve(state, started_at=at, present=frozenset(event.present))
        case ItemOpened():
            return _open_item(state, event.item_id, at)
        case HandLowered():
            return evolve(
                state,
                queue=tuple(m for m in state.queue if m != event.member_id),
                pins=_unpinned(state, event.member_id),
            )
        case TurnPaused():
            return evolve(state, turn_clock=state.turn_clock.stop(at), turn_paused=True)
        case TurnResumed():
            clock = state.turn_clock if state.on_break else state.turn_clock.start(at)
            return evolve(state, turn_clock=clock, turn_paused=False)
        case QueuePolicyChosen():
            return evolve(state, policies=(*state.policies, event))
        case TurnLimitSet():
            return evolve(state, turn_limit=event.seconds)
        case OrderOverridden():
            override = Override(event.member_id, event.reason, event.suggested, state.item_id, at)
            pin = Pin(event.member_id, f"moved up by the facilitator: {event.reason}")
            return evolve(
                _queued(state, event.member_id),
                pins=(*_unpinned(state, event.member_id), pin),
                overrides=(*state.overrides, override),
            )
        case PutBack():
            pin = Pin(event.member_id, "put back to finish their turn")
            return evolve(
                _queued(state, event.member_id), pins=(pin, *_unpinned(state, event.member_id))
            )
        case Interjected():
            return _interject(state, event, at)
        case SignalCleared():
            return _without_signal(state, event.interjection_id)
        case WordDefined():
            return evolve(state, glossary=_defined(state.glossary, event.word, event.definition))
        case RoundStarted():
            return evolve(state, round=Round(event.item_id, event.number, event.order))
        case Passed():
            if state.round is None:
                return state
            done = evolve(
                state.round,
                done=(*state.round.done, event.member_id),
                passed=(*state.round.passed, event.member_id),
            )
            return evolve(state, round=done)
        case RotationSet():
            return evolve(state, rotations=(*state.rotations, event))
        case Volunteered():
            pair = (event.role, event.member_id)
            return evolve(
                state,
                volunteers=(*state.volunteers, pair),
                role_passes=tuple(p for p in state.role_passes if p != pair),
            )
        case RolePassed():
            return evolve(state, role_passes=(*state.role_passes, (event.role, event.member_id)))
        case ReadBackAgreed():
            return evolve(state, agreed=state.agreed | set(event.record_ids))
        case RecordAmended():
            amendment = Amendment(event.record_id, event.text, event.reason, at)
            return evolve(state, amendments=(*state.amendments, amendment))
        case RoleHanded():
            spell = RoleSpell(event.role, event.member_id, at, state.item_id)
            return evolve(
                state,
                roles=(*state.roles, spell),
                role_passes=tuple(p for p in state.role_passes if p[0] != event.role),
            )
        case DecisionRecorded():
            decision = Decision(
                event.decision_id,
                event.item_id,
                event.text,
                event.method,
                event.votes_for,
                event.votes_against,
                event.abstentions,
                event.stand_asides,
                event.concerns,
                at,
            )
            return evolve(state, decisions=(*state.decisions, decision))
        case ActionRecorded():
            action = Action(
                event.action_id,
                event.item_id,
                event.what,
                event.owner_id,
                date.fromisoformat(event.due),
                at,
            )
            return evolve(state, actions=(*state.actions, action))
        case BreakStarted():
            answered = tuple(s for s in state.signals if s.signal != BREAK)
            return evolve(_pause_clocks(state, at), break_since=at, signals=answered)
        case BreakEnded():
            return evolve(_resume_clocks(state, at), break_since=None, last_break_ended=at)
        case MeetingEnded():
            return evolve(
                _pause_clocks(_end_turn(state, at), at),
                ended_at=at,
                queue=(),
                pins=(),
                signals=(),
            )
        case CheckoutGiven():
            given = Checkout(event.member_id, event.questions, event.answers, event.rung, at)
            kept = tuple(c for c in state.checkouts if c.member_id != event.member_id)
            return evolve(state, checkouts=(*kept, given))
        case Undone():
            return state
    raise AssertionError(f"unknown event {event!r}")


def _undo_tracking(state: LiveState, recorded: Recorded) -> tuple[int, int]:
    """`undoable` and `undo_floor` after this event: which batch (user action) undo takes back,
    and the latest it may never take back (the meeting's start). Only the latest is needed, not
    a stack: once it is undone, the state is the one from before it (kept by `store.live`, or
    the log folded without it), which names the action before. A stack copied at every action
    made folding a long meeting quadratic."""
    if isinstance(recorded.event, MeetingStarted):
        return 0, recorded.batch
    if isinstance(recorded.event, Undone) or recorded.batch <= state.undo_floor:
        return state.undoable, state.undo_floor
    return recorded.batch, state.undo_floor


def _moved(state: LiveState, event: ItemMoved, at: datetime) -> LiveState:
    items = list(state.items)
    before = next(i for i, item in enumerate(items) if item.id == event.item_id)
    current = state.item_id
    items.insert(event.position, items.pop(before))
    move = Move(event.item_id, before, event.position, event.asked_by, event.reason, at)
    index = None if current is None else next(i for i, it in enumerate(items) if it.id == current)
    return evolve(state, items=tuple(items), current=index, moves=(*state.moves, move))


def _with_item(state: LiveState, index: int, item: Item) -> LiveState:
    items = list(state.items)
    items[index] = item
    return evolve(state, items=tuple(items))


def _open_item(state: LiveState, item_id: str, at: datetime) -> LiveState:
    # Only the item's clock stops: whoever is speaking carries on, and so does their turn clock.
    if state.current is not None and not state.on_break:
        item = state.items[state.current]
        state = _with_item(state, state.current, evolve(item, clock=item.clock.stop(at)))
    index = next(i for i, item in enumerate(state.items) if item.id == item_id)
    state = evolve(state, current=index)
    if state.on_break:
        return state
    item = state.items[index]
    return _with_item(state, index, evolve(item, clock=item.clock.start(at)))


def _pause_clocks(state: LiveState, at: datetime) -> LiveState:
    if state.current is not None:
        item = state.items[state.current]
        state = _with_item(state, state.current, evolve(item, clock=item.clock.stop(at)))
    return evolve(state, turn_clock=state.turn_clock.stop(at))


def _resume_clocks(state: LiveState, at: datetime) -> LiveState:
    if state.current is not None:
        item = state.items[state.current]
        state = _with_item(state, state.current, evolve(item, clock=item.clock.start(at)))
    if state.speaker is not None and not state.turn_paused:
        state = evolve(state, turn_clock=state.turn_clock.start(at))
    return state


def _end_turn(state: LiveState, at: datetime) -> LiveState:
    if state.speaker is None or state.speaker_since is None:
        return state
    elapsed = state.turn_clock.elapsed(at)
    turn = Turn(
        state.speaker, state.speaker_item, state.speaker_since, elapsed, state.speaker_signal
    )
    return evolve(
        state,
        turns=(*state.turns, turn),
        speaker=None,
        speaker_since=None,
        speaker_item=None,
        turn_clock=Stopwatch(),
        turn_paused=False,
        speaker_signal="",
    )


def _start_turn(state: LiveState, event: TurnStarted, at: datetime) -> LiveState:
    member = event.member_id
    turn: dict[str, Any] = {
        "speaker": member,
        "speaker_since": at,
        "speaker_item": state.item_id,
        "turn_clock": Stopwatch(running_since=at),
        "turn_paused": False,
    }
    if event.interjection_id:
        answered = next((s for s in state.signals if s.id == event.interjection_id), None)
        started = evolve(state, **turn, speaker_signal=answered.signal if answered else "")
        return _without_signal(started, event.interjection_id)
    round_ = state.active_round
    if round_ is not None and member in round_.order and member not in round_.done:
        turn["round"] = evolve(round_, done=(*round_.done, member))
    # One copy of the state for the whole change: a long meeting starts thousands of turns.
    return evolve(
        state,
        **turn,
        speaker_signal="",
        queue=tuple(m for m in state.queue if m != member),
        pins=_unpinned(state, member),
    )


def _queued(state: LiveState, member_id: str) -> LiveState:
    if member_id in state.queue:
        return state
    return evolve(state, queue=(*state.queue, member_id))


def _unpinned(state: LiveState, member_id: str) -> tuple[Pin, ...]:
    return tuple(p for p in state.pins if p.member_id != member_id)


def _without_signal(state: LiveState, interjection_id: str) -> LiveState:
    return evolve(state, signals=tuple(s for s in state.signals if s.id != interjection_id))


def _interject(state: LiveState, event: Interjected, at: datetime) -> LiveState:
    made = Interjection(
        event.interjection_id, event.member_id, event.signal, event.word, state.item_id, at
    )
    state = evolve(
        state, signals=(*state.signals, made), interjections=(*state.interjections, made)
    )
    known = {w.word.casefold() for w in state.glossary}
    if event.signal == JARGON and event.word and event.word.casefold() not in known:
        word = GlossaryWord(event.word, "", event.member_id, at)
        state = evolve(state, glossary=(*state.glossary, word))
    return state


def _defined(
    glossary: tuple[GlossaryWord, ...], word: str, definition: str
) -> tuple[GlossaryWord, ...]:
    return tuple(
        evolve(w, definition=definition) if w.word.casefold() == word.casefold() else w
        for w in glossary
    )


# --- the suggested order of speakers ---------------------------------------------------------


def typical_turn(state: LiveState) -> float:
    """How long a turn usually takes in this meeting (the soft limit until anyone has spoken)."""
    spoken = [t.seconds for t in state.turns if not t.signal]
    return sum(spoken) / len(spoken) if spoken else float(state.turn_limit)


def speaker_limit(state: LiveState, members: Sequence[Member]) -> int:
    """The soft limit for the current speaker's turn."""
    extra = any(m.id == state.speaker and m.extra_time for m in members)
    return turn_limit(state.turn_limit, extra)


def suggested_queue(
    state: LiveState, members: Sequence[Member] = (), now: datetime | None = None
) -> list[Place]:
    """Who speaks next, in order, each with the reason for their place and a rough wait.

    First anyone whose interjection asks to speak, then anyone the facilitator moved up (or put
    back), then everyone else as the item's policy orders them: a round's people in the round's
    order, then hands raised after it, first come. Everyone in the queue appears exactly once
    (an interjection is a separate, brief place: it does not cost anyone their place)."""
    front = [
        Place(s.member_id, SIGNALS[s.signal].label, signal=s.signal)
        for s in state.signals
        if SIGNALS[s.signal].asks_to_speak
    ]
    pinned = [Place(p.member_id, p.reason) for p in state.pins]
    seen = {p.member_id for p in state.pins}
    round_ = state.active_round
    if round_ is not None:
        in_round = [p for p in round_places(round_.order, round_.done) if p.member_id not in seen]
        seen |= {p.member_id for p in in_round}
        after = order(FIRST_COME, [w for w in _waiting(state, members) if w.member_id not in seen])
        rest = in_round + [Place(p.member_id, f"after the round: {p.reason}") for p in after]
    else:
        waiting = [w for w in _waiting(state, members) if w.member_id not in seen]
        rest = order(state.policy.policy, waiting)
    typical = typical_turn(state)
    left = 0.0
    if state.speaker is not None and now is not None:
        left = typical - state.turn_clock.elapsed(now)
    return with_waits([*front, *pinned, *rest], typical, left)


def _waiting(state: LiveState, members: Sequence[Member]) -> list[Waiting]:
    ahead = set(state.policy.ahead)
    perspective = {m.id: m.perspective for m in members}
    spoken = [t for t in state.turns if not t.signal]
    waiting = []
    for arrived, member_id in enumerate(state.queue, start=1):
        theirs = [t for t in spoken if t.member_id == member_id]
        on_item = sum(1 for t in theirs if t.item_id == state.item_id)
        if state.speaker == member_id and not state.speaker_signal:
            on_item += int(state.speaker_item == state.item_id)
        mine = perspective.get(member_id, "")
        waiting.append(
            Waiting(
                member_id,
                arrived,
                on_item,
                sum(t.seconds for t in theirs),
                mine if mine in ahead else "",
            )
        )
    return waiting


# --- commands: the rules ---------------------------------------------------------------------


def require_running(state: LiveState) -> None:
    if state.ended_at is not None:
        raise DomainError("This meeting has ended. Undo the ending to carry on.")
    if state.started_at is None:
        raise DomainError("This meeting has not started yet.")


def add_item(
    state: LiveState,
    title: str,
    proposed_by: str | None,
    timebox_minutes: int,
    issue_ids: tuple[str, ...] = (),
) -> list[Event]:
    if state.ended_at is not None:
        raise DomainError("This meeting has ended, so its agenda can't change.")
    return [
        ItemAdded(
            item_id=new_id(),
            title=required_text(title, "the item's title", TITLE_LIMIT),
            proposed_by=proposed_by,
            timebox_minutes=check_minutes(timebox_minutes, "the time box", LONGEST_TIMEBOX_MINUTES),
            issue_ids=issue_ids,
        )
    ]


def start_meeting(state: LiveState, present: list[str]) -> list[Event]:
    if state.started_at is not None:
        raise DomainError("This meeting has already started.")
    events: list[Event] = [MeetingStarted(present=tuple(present))]
    if state.items:
        events.append(ItemOpened(state.items[0].id))
    return events


def move_item(state: LiveState, step: int) -> list[Event]:
    require_running(state)
    if not state.items:
        raise DomainError("The agenda is empty. Add an item first.")
    target = 0 if state.current is None else state.current + step
    if target >= len(state.items):
        raise DomainError("This is the last item on the agenda.")
    if target < 0:
        raise DomainError("This is the first item on the agenda.")
    return [ItemOpened(state.items[target].id)]


def raise_hand(state: LiveState, member_id: str) -> list[Event]:
    require_running(state)
    if member_id == state.speaker:
        raise DomainError("They are speaking now.")
    if member_id in state.queue:
        place = state.queue.index(member_id) + 1
        raise DomainError(f"They are already in the queue, at place {place}.")
    return [HandRaised(member_id)]


def lower_hand(state: LiveState, member_id: str) -> list[Event]:
    require_running(state)
    if member_id not in state.queue:
        raise DomainError("They are not in the queue.")
    return [HandLowered(member_id)]


def next_speaker(state: LiveState, members: Sequence[Member] = ()) -> list[Event]:
    """End the current turn, if any, and give the floor to the first in the suggested order.

    An interjection that asks to speak gets a brief turn; whoever it interrupted is put back at
    the front of the queue to finish."""
    require_running(state)
    if state.on_break:
        raise DomainError("The meeting is on a break. End the break first.")
    places = suggested_queue(state, members)
    if not places:
        raise DomainError("Nobody is in the queue to speak next.")
    first = places[0]
    events: list[Event] = [TurnEnded()] if state.speaker else []
    if not first.signal:
        return [*events, TurnStarted(first.member_id)]
    answering = next(s for s in state.signals if SIGNALS[s.signal].asks_to_speak)
    if state.speaker is not None and not state.speaker_signal:
        events.append(PutBack(state.speaker))
    return [*events, TurnStarted(answering.member_id, answering.id)]


def end_turn(state: LiveState) -> list[Event]:
    require_running(state)
    if state.speaker is None:
        raise DomainError("Nobody is speaking at the moment.")
    return [TurnEnded()]


def write_note(state: LiveState, text: str) -> list[Event]:
    require_running(state)
    author = state.holder(MINUTE_TAKER)
    if author is None:
        raise DomainError("Nobody is taking minutes yet. Hand the minute-taker role to someone.")
    return [NoteWritten(new_id(), state.item_id, required_text(text, "the note"), author)]


def hand_role(state: LiveState, role: str, member_id: str) -> list[Event]:
    if state.ended_at is not None:
        raise DomainError("This meeting has ended. Undo the ending to carry on.")
    if role not in ROLES:
        raise DomainError(f"There is no “{role}” role. The roles are: {', '.join(ROLES)}.")
    if state.holder(role) == member_id:
        raise DomainError(f"They already hold the {role} role.")
    return [RoleHanded(role, member_id)]


def record_decision(
    state: LiveState,
    text: str,
    method: str,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    stand_asides: int = 0,
    concerns: str = "",
) -> list[Event]:
    require_running(state)
    if method not in DECISION_METHODS:
        raise DomainError(f"How was it decided? Choose one of: {', '.join(DECISION_METHODS)}.")
    counts = (votes_for, votes_against, abstentions, stand_asides)
    if any(not 0 <= n <= LARGEST_VOTE for n in counts):
        raise DomainError(
            f"Counts of votes and stand-asides must be whole numbers from 0 to {LARGEST_VOTE:,}."
        )
    if method == "vote" and votes_for + votes_against + abstentions == 0:
        raise DomainError("For a vote, please give how many were for, against and abstaining.")
    if method != "vote":
        votes_for = votes_against = abstentions = 0
    if method != "consent":
        stand_asides = 0
    return [
        DecisionRecorded(
            decision_id=new_id(),
            item_id=state.item_id,
            text=required_text(text, "what was decided"),
            method=method,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            stand_asides=stand_asides,
            concerns=optional_text(concerns, "the concerns"),
        )
    ]


def record_action(state: LiveState, what: str, owner_id: str | None, due: date) -> list[Event]:
    require_running(state)
    checked_what = required_text(what, "what needs doing")
    if owner_id is None:
        raise DomainError("Please choose who will do it.")
    return [
        ActionRecorded(
            action_id=new_id(),
            item_id=state.item_id,
            what=checked_what,
            owner_id=owner_id,
            due=due.isoformat(),
        )
    ]


def start_break(state: LiveState) -> list[Event]:
    require_running(state)
    if state.on_break:
        raise DomainError("The meeting is already on a break.")
    return [BreakStarted()]


def end_break(state: LiveState) -> list[Event]:
    require_running(state)
    if not state.on_break:
        raise DomainError("The meeting is not on a break.")
    return [BreakEnded()]


def end_meeting(state: LiveState) -> list[Event]:
    require_running(state)
    events: list[Event] = [BreakEnded()] if state.on_break else []
    return [*events, MeetingEnded()]


def undo(state: LiveState) -> list[Event]:
    if not state.undoable:
        raise DomainError("There is nothing to undo.")
    return [Undone(state.undoable)]
