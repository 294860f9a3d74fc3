"""Building a meeting's agenda from the group's priorities: items that keep the issues they came
from, a warning when the time boxes overrun the meeting, reorders that say who asked and why,
and the previous meeting's unfinished actions offered as the first item."""

from collections.abc import Mapping, Sequence

from session.errors import DomainError
from session.events import Event, ItemAdded, ItemMoved
from session.live import Action, LiveState, add_item
from session.plan import GroupPlan
from session.power import ActionStatus
from session.text import required_text

ACTIONS_REVIEW = "Actions review"
FINISHED = ("done", "not possible")


def planned_minutes(state: LiveState) -> int:
    return sum(item.timebox_minutes for item in state.items)


def length_warning(state: LiveState, length_minutes: int) -> str:
    """A warning when the time boxes add up to more than the meeting's length; "" if not."""
    total = planned_minutes(state)
    if total <= length_minutes:
        return ""
    return (
        f"⚠ The time boxes add up to {total} minutes: {total - length_minutes} more than the "
        f"meeting's {length_minutes}. Shorten or drop an item, or agree to run over."
    )


def add_from_issue(
    state: LiveState, plan: GroupPlan, issue_id: str, timebox_minutes: int, title: str = ""
) -> list[Event]:
    """An item for an issue (and every issue merged into it). It is proposed by the first person
    who raised it by name, and keeps them all through the issues it links to."""
    kept = plan.kept(issue_id)
    if any(kept in item.issue_ids for item in state.items):
        raise DomainError("That issue is already on this agenda.")
    merged = plan.merged(kept)
    proposer = next((i.raised_by for i in merged if i.raised_by), None)
    return add_item(
        state,
        title or plan.issue(kept).text,
        proposer,
        timebox_minutes,
        tuple(i.id for i in merged),
    )


def reorder_item(
    state: LiveState, item_id: str, position: int, asked_by: str | None, reason: str
) -> list[Event]:
    """Move an item to `position` (0 is first), saying who asked and why."""
    if state.ended_at is not None:
        raise DomainError("This meeting has ended, so its agenda can't change.")
    ids = [item.id for item in state.items]
    if item_id not in ids:
        raise DomainError("That item is not on this agenda.")
    if not 0 <= position < len(ids):
        raise DomainError(f"Please give a place from 1 to {len(ids)}.")
    if ids.index(item_id) == position:
        raise DomainError("It is already there.")
    if asked_by is None:
        raise DomainError("Please say who asked for the change.")
    return [ItemMoved(item_id, position, asked_by, required_text(reason, "why it moved"))]


def unfinished(actions: Sequence[Action], statuses: Mapping[str, ActionStatus]) -> list[Action]:
    """Actions not yet done (nor found not possible), by their latest update."""
    return [a for a in actions if a.id not in statuses or statuses[a.id].status not in FINISHED]


def add_actions_review(state: LiveState, open_actions: int, timebox_minutes: int) -> list[Event]:
    """The previous meeting's unfinished actions, as the first item."""
    if not open_actions:
        raise DomainError("The group's last meeting left no unfinished actions.")
    if any(item.title.startswith(ACTIONS_REVIEW) for item in state.items):
        raise DomainError("The actions review is already on this agenda.")
    plural = "action" if open_actions == 1 else "actions"
    added = add_item(
        state, f"{ACTIONS_REVIEW}: {open_actions} unfinished {plural}", None, timebox_minutes
    )
    if not state.items:
        return added
    item = added[0]
    assert isinstance(item, ItemAdded)
    return [
        *added,
        ItemMoved(item.item_id, 0, None, "unfinished actions from last time come first"),
    ]
