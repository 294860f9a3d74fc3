"""What became of an action after its meeting: done, in progress, or not possible (and why)."""

from session.errors import DomainError
from session.power import ActionStatus
from session.text import optional_text, required_text

DONE = "done"
IN_PROGRESS = "in progress"
NOT_POSSIBLE = "not possible"
STATUSES = (DONE, IN_PROGRESS, NOT_POSSIBLE)


def action_update(status: str, note: str = "") -> ActionStatus:
    """A checked update. "Not possible" always says why: that is what the group is owed."""
    chosen = status.strip().casefold()
    if chosen not in STATUSES:
        raise DomainError(f"An action's status is one of: {', '.join(STATUSES)}.")
    if chosen == NOT_POSSIBLE:
        return ActionStatus(chosen, required_text(note, "why it was not possible"))
    return ActionStatus(chosen, optional_text(note, "the note"))
