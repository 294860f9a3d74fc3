"""A group's preparation backed by the database (its own log, `group_events`): each command's
events are committed before the state the screens show changes, as for a live meeting."""

from collections.abc import Callable

from sqlite_utils import Database

from session.acting import FACILITATOR
from session.agenda import unfinished
from session.clock import Clock
from session.events import Event, Undone
from session.live import Action, LiveState
from session.plan import GroupPlan, apply, fold
from session.plan_events import OptionChosen
from session.recognition import Preparation
from session.setup import Meeting
from store.db import writing
from store.evaluation import action_statuses
from store.folded import folded
from store.log import GROUP_LOG, append, load, load_batch
from store.records import meetings, members_of

PlanCommand = Callable[[GroupPlan], list[Event]]


def load_plan(db: Database, group_id: str) -> GroupPlan:
    return fold(group_id, load(db, group_id, log=GROUP_LOG))


def preparation(db: Database, group_id: str) -> Preparation:
    """The group's preparation as the reports need it: its log folded, each member's
    perspective, and the issues its meetings' agendas took up."""
    linked = db.execute(
        """SELECT DISTINCT l.issue_id FROM agenda_issue_links l
            JOIN meetings m ON m.id = l.meeting_id WHERE m.group_id = ?""",
        [group_id],
    )
    return Preparation(
        load_plan(db, group_id),
        {m.id: m.perspective for m in members_of(db, group_id)},
        frozenset(issue_id for (issue_id,) in linked),
    )


def undone_events(db: Database, events: list[Event]) -> list[Event]:
    """The events an `Undone` among `events` took back."""
    return [e for u in events if isinstance(u, Undone) for e in load_batch(db, u.batch, GROUP_LOG)]


class GroupPreparation:
    """One group's preparation. `do(command)` checks the rules against the latest state (other
    processes may have written), commits one batch, then updates `.plan`."""

    def __init__(self, db: Database, group_id: str, clock: Clock, role: str = FACILITATOR) -> None:
        self.db = db
        self.group_id = group_id
        self.clock = clock
        self.role = role
        self.plan = load_plan(db, group_id)

    def do(self, command: PlanCommand) -> list[Event]:
        with writing(self.db):
            self.plan = load_plan(self.db, self.group_id)
            events = command(self.plan)
            recorded = append(self.db, self.group_id, events, self.clock(), self.role, GROUP_LOG)
            self._update_meetings(events)
        if any(isinstance(e, Undone) for e in events):
            self.plan = load_plan(self.db, self.group_id)
        else:
            for item in recorded:
                self.plan = apply(self.plan, item)
        return events

    def _update_meetings(self, events: list[Event]) -> None:
        """A chosen time and place becomes the meeting's; undoing the choice puts back what the
        meeting had before it."""
        for event in events:
            if isinstance(event, OptionChosen):
                option = next(o for o in self.plan.options if o.id == event.option_id)
                place = self.plan.place(option.place_id).name
                self._set_meeting(option.meeting_id, option.starts_at.isoformat(), place)
            if isinstance(event, Undone):
                for was in load_batch(self.db, event.batch, GROUP_LOG):
                    if isinstance(was, OptionChosen):
                        option = next(o for o in self.plan.options if o.id == was.option_id)
                        self._set_meeting(option.meeting_id, was.was_starts_at, was.was_place)

    def _set_meeting(self, meeting_id: str, starts_at: str, place: str) -> None:
        self.db.table("meetings").update(meeting_id, {"starts_at": starts_at, "place": place})


def earlier_meetings(db: Database, meeting: Meeting) -> list[tuple[Meeting, LiveState]]:
    """The group's meetings that started before `meeting`, earliest first, with their state."""
    found = []
    for other in meetings(db, meeting.group_id):
        if other.id == meeting.id or other.starts_at > meeting.starts_at:
            continue
        state = folded(db, other.id)
        if state.started_at is not None:
            found.append((other, state))
    return found


def unfinished_from_last_time(db: Database, meeting: Meeting) -> list[Action]:
    """The unfinished actions of the group's previous meeting (none if there was none)."""
    earlier = earlier_meetings(db, meeting)
    if not earlier:
        return []
    return unfinished(earlier[-1][1].actions, action_statuses(db))
