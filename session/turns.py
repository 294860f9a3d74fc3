"""The rules for fair turn-taking: choosing how the queue is ordered, rounds and passes, the
soft time limit, overrides, interjections and the glossary. Like `session.live`, each command
checks the rules and returns the events to commit."""

from collections.abc import Sequence

from session.errors import DomainError
from session.events import (
    Event,
    Interjected,
    OrderOverridden,
    Passed,
    PutBack,
    QueuePolicyChosen,
    RoundStarted,
    SignalCleared,
    TurnLimitSet,
    TurnPaused,
    TurnResumed,
    WordDefined,
)
from session.ids import new_id
from session.live import LiveState, require_running, suggested_queue
from session.queue import LONGEST_TURN_SECONDS, POLICIES, ROUND, round_order
from session.setup import Member
from session.signals import JARGON, SIGNALS
from session.text import NAME_LIMIT, TEXT_LIMIT, required_text


def choose_policy(
    state: LiveState, policy: str, ahead: Sequence[str] = (), members: Sequence[Member] = ()
) -> list[Event]:
    """Order the queue on the current item by `policy`. Choosing a round starts one, unless
    one is already going."""
    require_running(state)
    if state.item_id is None:
        raise DomainError("There is no agenda item open to choose a speaking order for.")
    if policy not in POLICIES:
        raise DomainError(f"Choose one of these speaking orders: {', '.join(POLICIES)}.")
    events: list[Event] = [QueuePolicyChosen(state.item_id, policy, tuple(ahead))]
    if policy == ROUND and state.active_round is None:
        events += start_round(state, members)
    return events


def start_round(state: LiveState, members: Sequence[Member]) -> list[Event]:
    """Everyone present gets a turn or may pass. Each new round on an item starts with someone
    else and goes the other way."""
    require_running(state)
    if state.item_id is None:
        raise DomainError("There is no agenda item open for a round.")
    if state.active_round is not None:
        left = len(state.active_round.order) - len(state.active_round.done)
        raise DomainError(f"A round is already going: {left} still to speak or pass.")
    listed = [m.id for m in members if m.id in state.present]
    people = listed + sorted(state.present - set(listed))
    if not people:
        raise DomainError("Nobody is marked present, so there is nobody to go round.")
    number = 1
    if state.round is not None and state.round.item_id == state.item_id:
        number = state.round.number + 1
    return [RoundStarted(state.item_id, number, round_order(people, number))]


def pass_turn(state: LiveState) -> list[Event]:
    """The next person in the round passes."""
    require_running(state)
    round_ = state.active_round
    if round_ is None:
        raise DomainError("Passing is for a round, and no round is going on this item.")
    next_up = next(m for m in round_.order if m not in round_.done)
    return [Passed(next_up)]


def set_turn_limit(state: LiveState, minutes: float) -> list[Event]:
    seconds = round(minutes * 60)
    if not 30 <= seconds <= LONGEST_TURN_SECONDS:
        raise DomainError(
            f"Please give the time for a turn in minutes, from 0.5 to {LONGEST_TURN_SECONDS // 60}."
        )
    if state.ended_at is not None:
        raise DomainError("This meeting has ended. Undo the ending to carry on.")
    return [TurnLimitSet(seconds)]


def override_order(
    state: LiveState, member_id: str, reason: str, members: Sequence[Member] = ()
) -> list[Event]:
    """Let `member_id` speak next, out of the suggested order. The reason is required: it is
    shown beside their place and kept in the record."""
    require_running(state)
    why = required_text(reason, "the reason for changing the order", NAME_LIMIT)
    if member_id == state.speaker:
        raise DomainError("They are speaking now.")
    places = [p for p in suggested_queue(state, members) if not p.signal]
    if places and places[0].member_id == member_id:
        raise DomainError("They are already next in the suggested order.")
    suggested = places[0].member_id if places else None
    return [OrderOverridden(member_id, why, suggested)]


def put_back(state: LiveState) -> list[Event]:
    """The last person to speak goes back to the front of the queue, to finish."""
    require_running(state)
    if state.speaker is not None:
        raise DomainError("Someone is speaking. End their turn first, then put them back.")
    if not state.turns:
        raise DomainError("Nobody has spoken yet, so there is nobody to put back.")
    last = state.turns[-1].member_id
    if any(p.member_id == last for p in state.pins):
        raise DomainError("They are already at the front of the queue.")
    return [PutBack(last)]


def interject(state: LiveState, member_id: str, signal: str, word: str = "") -> list[Event]:
    require_running(state)
    if signal not in SIGNALS:
        raise DomainError(f"There is no “{signal}” signal. The signals are: {', '.join(SIGNALS)}.")
    if signal == JARGON:
        word = required_text(word, "the word that needs plain words", NAME_LIMIT)
    else:
        word = ""
    waiting = [s for s in state.signals if s.member_id == member_id and s.signal == signal]
    if waiting and not word:
        raise DomainError(f"They have already signalled “{SIGNALS[signal].words}”.")
    return [Interjected(new_id(), member_id, signal, word)]


def clear_signal(state: LiveState, interjection_id: str) -> list[Event]:
    """The room has dealt with a signal: it leaves the screen (and stays in the record)."""
    require_running(state)
    if all(s.id != interjection_id for s in state.signals):
        raise DomainError("That signal has already been dealt with.")
    return [SignalCleared(interjection_id)]


def define_word(state: LiveState, word: str, definition: str) -> list[Event]:
    if all(w.word.casefold() != word.casefold() for w in state.glossary):
        raise DomainError(f"“{word}” is not in the glossary.")
    meaning = required_text(definition, "the plain definition", TEXT_LIMIT)
    return [WordDefined(word, meaning)]


def pause_or_resume_turn(state: LiveState) -> list[Event]:
    require_running(state)
    if state.speaker is None:
        raise DomainError("Nobody is speaking, so there is no turn to pause.")
    return [TurnResumed()] if state.turn_paused else [TurnPaused()]
