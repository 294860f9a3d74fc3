"""What a participant may do from their own device: the right to write the minutes moves with
the minute-taker role, and an attendee acts only for themselves."""

from collections.abc import Callable

from session.errors import DomainError
from session.live import MINUTE_TAKER, LiveState

Guard = Callable[[LiveState], None]


def minute_taker_only(member_id: str, name: Callable[[str | None], str]) -> Guard:
    """A check that `member_id` holds the minute-taker role at the moment of writing."""

    def check(state: LiveState) -> None:
        holder = state.holder(MINUTE_TAKER)
        if holder != member_id:
            raise DomainError(
                f"{name(holder)} holds the minute-taker role now, so this device can read the "
                "minutes but not write them."
            )

    return check
