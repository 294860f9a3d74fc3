"""What every view of one meeting shares (the projector's, the minute-taker's, an attendee's):
the people's names, following other devices' writes, and acting with kind refusals."""

from collections.abc import Callable

from textual.screen import Screen

from session.errors import DomainError
from session.events import Event
from session.live import LiveState
from session.setup import Group, Meeting, Member
from store import records
from store.errors import StoreError
from store.live import LiveMeeting
from tui.literal import tell

REFRESH_SECONDS = 0.25


class MeetingScreen(Screen[None]):
    def __init__(self, meeting: LiveMeeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.details: Meeting = records.get_meeting(meeting.db, meeting.meeting_id)
        self.group: Group = records.get_group(meeting.db, self.details.group_id)
        self.load_members()

    def load_members(self) -> None:
        self.members: list[Member] = records.members_of(self.meeting.db, self.group.id)
        self.by_id = {m.id: m for m in self.members}

    def person(self, member_id: str | None) -> str:
        if member_id is None:
            return "nobody"
        member = self.by_id.get(member_id)
        return member.name if member else "someone who has left the group"

    def item_title(self, item_id: str) -> str:
        return next((i.title for i in self.meeting.state.items if i.id == item_id), "an item")

    def on_unmount(self) -> None:
        """As the meeting's screen closes (going back, or quitting), its state is kept: the
        first minutes or report after the meeting need not fold its whole log."""
        self.meeting.keep()

    def follow_other_devices(self) -> None:
        self.set_interval(REFRESH_SECONDS, self.catch_up)

    def catch_up(self) -> None:
        """Show what other devices (the minute-taker's, say) have written since we last looked."""
        if self.meeting.refresh():
            self.show_state()

    def show_state(self) -> None:
        raise NotImplementedError

    def act(self, command: Callable[[LiveState], list[Event]]) -> bool:
        """Commit `command`'s events, then show the new state. A refusal is shown kindly."""
        try:
            self.meeting.do(command)
        except (DomainError, StoreError) as error:
            tell(self, str(error), "Not done", "warning")
            return False
        self.show_state()
        return True
