"""Scheduled breaks: a meeting that asked for a break every N minutes is told when one is due."""

from datetime import datetime

from session.live import LiveState


def seconds_since_break(state: LiveState, now: datetime) -> float | None:
    """Meeting time since it started or since the last break ended; None when not running or
    on a break (nothing is due then)."""
    if not state.running or state.on_break or state.started_at is None:
        return None
    since = state.last_break_ended or state.started_at
    return (now - since).total_seconds()


def break_due(state: LiveState, every_minutes: int, now: datetime) -> bool:
    """True once `every_minutes` of meeting have passed without a break (0: never)."""
    elapsed = seconds_since_break(state, now)
    return every_minutes > 0 and elapsed is not None and elapsed >= every_minutes * 60
