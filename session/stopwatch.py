from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Stopwatch:
    """Elapsed time that can be paused, e.g. by a break, and resumed."""

    banked: float = 0.0
    running_since: datetime | None = None

    @property
    def running(self) -> bool:
        return self.running_since is not None

    def elapsed(self, now: datetime) -> float:
        if self.running_since is None:
            return self.banked
        return self.banked + max(0.0, (now - self.running_since).total_seconds())

    def start(self, at: datetime) -> "Stopwatch":
        return self if self.running else Stopwatch(banked=self.banked, running_since=at)

    def stop(self, at: datetime) -> "Stopwatch":
        return Stopwatch(banked=self.elapsed(at), running_since=None)
