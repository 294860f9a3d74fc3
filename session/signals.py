"""The hand signals (interjections) anyone can make during a meeting. Each is shown in words and
with a symbol, never by colour alone. Those that ask to speak jump the queue for a brief turn."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Signal:
    words: str
    symbol: str
    asks_to_speak: bool

    @property
    def label(self) -> str:
        return f"{self.symbol} {self.words}"


PROCESS = "process"
CLARIFY = "clarify"
RESPOND = "respond"
JARGON = "jargon"
SLOW = "slow"
BREAK = "break"

SIGNALS = {
    PROCESS: Signal("Point of process", "⚑", asks_to_speak=True),
    CLARIFY: Signal("Clarifying question", "?", asks_to_speak=True),
    RESPOND: Signal("Direct response", "↩", asks_to_speak=True),
    JARGON: Signal("Jargon! Plain words, please", "‼", asks_to_speak=False),
    SLOW: Signal("Slow down or speak up", "≈", asks_to_speak=False),
    BREAK: Signal("I need a break", "☕", asks_to_speak=False),
}
