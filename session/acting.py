"""In which role a change to a meeting was made. Every batch in the event log keeps one, so the
history says not only when each change happened but from whose hands it came."""

from session.live import MINUTE_TAKER

FACILITATOR = "facilitator"  # the keyboard of the projected screen
ATTENDEE = "attendee"  # a participant's own device: their own hand, up or down
COMMAND_LINE = "command line"  # setting up with `coproduce agenda add` and the like
ACTING_ROLES = (FACILITATOR, MINUTE_TAKER, ATTENDEE, COMMAND_LINE)
NOT_RECORDED = "not recorded (changed before coproduce kept the role)"


def role_words(role: str | None) -> str:
    """The role as the history shows it; changes made before roles were kept have none."""
    return role or NOT_RECORDED
