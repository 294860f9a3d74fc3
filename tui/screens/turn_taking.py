"""Fair turn-taking on a meeting's main screen: the keys and what they do. The live screen builds
on this; the rules are in `session.turns`, `session.rotation` and `session.readback`."""

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from session import live, readback, rotation, turns
from session.live import MINUTE_TAKER, LiveState, speaker_limit, suggested_queue
from session.measures import measure
from session.queue import POLICIES, minutes_words, time_warning
from session.setup import Member
from session.signals import SIGNALS
from tui.css_class import set_class_if_changed
from tui.literal import clock_face, literal
from tui.screens.meeting_screen import MeetingScreen
from tui.turn_text import queue_text, share_line, signals_text


def _binding(
    key: str, action: str, description: str, tooltip: str, key_display: str | None = None
) -> Binding:
    return Binding(
        key,
        action,
        description,
        show=False,
        key_display=key_display,
        tooltip=tooltip,
        id=f"live.{action}",
    )


# Added after the live screen's own keys; like most of them they are left out of the Footer, which
# has room for the everyday keys only. Help (?) and the command palette list them all.
TURN_BINDINGS = [
    _binding("j", "interject", "Signal", "Note a hand signal: point of process, jargon, …"),
    _binding("c", "clear_signal", "Signal dealt with", "Take a dealt-with signal off the screen."),
    _binding(
        "o", "override", "Out of order", "Let someone speak next, out of order, with a reason."
    ),
    _binding("k", "put_back", "Put back", "Put the last speaker back at the front to finish."),
    _binding("space", "pause_turn", "Pause turn", "Pause or carry on the speaker's clock."),
    _binding(
        "full_stop",
        "pass_turn",
        "Pass",
        "The next person in the round passes.",
        key_display=".",
    ),
    _binding(
        "q", "turn_rules", "Turn rules", "This item's speaking order and the time for a turn."
    ),
    _binding("f", "floor", "Floor and share", "The whole queue and the speaking share."),
    _binding("g", "glossary", "Glossary", "Words flagged as jargon, with plain definitions."),
    _binding("r", "read_back", "Read back", "Read back this item's notes and decisions."),
    _binding("y", "rotate_role", "Roles", "Hand over a role to the suggested person, or pass."),
    _binding(
        "Y", "role_rules", "Role rules", "Set how a role rotates; note who volunteers or passes."
    ),
]


class TurnTakingScreen(MeetingScreen):
    share_shown = False

    # --- showing ---------------------------------------------------------------------------

    def show_floor(self, state: LiveState, shown: int) -> None:
        """The queue with reasons and waits, signals waiting, the turn warning, the share line,
        and a prompt when a role is due to be handed over."""
        now = self.meeting.clock()
        places = suggested_queue(state, self.members, now)
        self.query_one("#queue", Static).update(queue_text(places, self.person, shown))
        self.query_one("#queue-heading", Static).update(
            f"NEXT TO SPEAK · {POLICIES[state.policy.policy].split(':')[0].lower()}"
        )
        signals = self.query_one("#signals", Static)
        signals.update(signals_text(state, self.person))
        signals.display = bool(state.signals)
        prompt = self.query_one("#handover", Static)
        prompt.update(self.handover_text(state))
        prompt.display = bool(prompt.content)
        share = self.query_one("#share-line", Static)
        share.display = self.share_shown
        if self.share_shown:
            measures = measure(state, self.members, now, self.group.perspectives)
            share.update(literal(share_line(measures)))
        self.show_turn_warning(state)

    def show_turn_warning(self, state: LiveState) -> None:
        warning = self.query_one("#turn-warning", Static)
        if state.speaker is None:
            warning.update("")
            return
        elapsed = state.turn_clock.elapsed(self.meeting.clock())
        limit = speaker_limit(state, self.members)
        words = time_warning(elapsed, limit)
        set_class_if_changed(self, bool(words) and not state.speaker_signal, "turn-warning")
        if state.turn_paused:
            words = "⏸ PAUSED — press space to carry on"
        if state.speaker_signal:
            words = f"answering: {SIGNALS[state.speaker_signal].label}"
        warning.update(f"{clock_face(elapsed)} of {minutes_words(limit)}  {words}".rstrip())

    def handover_text(self, state: LiveState) -> Text:
        roster = [m.id for m in self.members]
        for role in ("minute-taker", "timekeeper", "chair"):
            if rotation.handover_due(state, role, self.meeting.clock()):
                suggested = rotation.suggested_holder(state, role, roster)
                who = self.person(suggested) if suggested else "someone"
                return literal(f"✎ Time to hand over the {role} role: {who}? — press y")
        return Text("")

    # --- acting ----------------------------------------------------------------------------

    def after_form(self, saved: bool | None) -> None:
        if saved:
            self.show_state()

    def present_members(self) -> list[Member]:
        return [m for m in self.members if m.id in self.meeting.state.present] or self.members

    def action_interject(self) -> None:
        from tui.screens.turn_forms import SignalForm

        self.app.push_screen(SignalForm(self.meeting, self.present_members()), self.after_form)

    def action_clear_signal(self) -> None:
        from tui.screens.turn_forms import SignalPicker

        state = self.meeting.state
        if not state.signals:
            self.notify("No signals are waiting.", title="Not done", severity="warning")
            return
        if len(state.signals) == 1:
            only = state.signals[0].id
            self.act(lambda s: turns.clear_signal(s, only))
            return

        def picked(interjection_id: str | None) -> None:
            if interjection_id is not None:
                self.act(lambda s: turns.clear_signal(s, interjection_id))

        self.app.push_screen(SignalPicker(state, self.person), picked)

    def action_override(self) -> None:
        from tui.screens.turn_forms import OverrideForm

        state = self.meeting.state
        people = [m for m in self.present_members() if m.id != state.speaker]
        self.app.push_screen(OverrideForm(self.meeting, people, self.members), self.after_form)

    def action_put_back(self) -> None:
        self.act(turns.put_back)

    def action_pause_turn(self) -> None:
        self.act(turns.pause_or_resume_turn)

    def action_pass_turn(self) -> None:
        self.act(turns.pass_turn)

    def action_turn_rules(self) -> None:
        from tui.screens.turn_forms import TurnRulesForm

        if self.meeting.state.item is None:
            self.notify("Open an agenda item first.", title="Not done", severity="warning")
            return
        self.app.push_screen(TurnRulesForm(self.meeting, self.group, self.members), self.after_form)

    def toggle_share(self) -> bool:
        self.share_shown = not self.share_shown
        self.show_state()
        return self.share_shown

    def action_floor(self) -> None:
        from tui.screens.turn_forms import FloorScreen

        now = self.meeting.clock()
        self.app.push_screen(
            FloorScreen(self.meeting, self.members, self.group, self.person, now, self.toggle_share)
        )

    def action_glossary(self) -> None:
        from tui.screens.turn_forms import DefineWordForm, GlossaryScreen

        def picked(word: str | None) -> None:
            if word is not None:
                self.app.push_screen(DefineWordForm(self.meeting, word), self.after_form)

        self.app.push_screen(GlossaryScreen(self.meeting.state), picked)

    def action_read_back(self) -> None:
        from tui.screens.readback import ReadBackScreen

        records = readback.item_records(self.meeting.state, self.meeting.state.item_id)
        if not records:
            self.notify(
                "Nothing has been written on this item yet.", title="Not done", severity="warning"
            )
            return
        self.app.push_screen(ReadBackScreen(self.meeting), self.after_form)

    def action_role_rules(self) -> None:
        from tui.screens.turn_forms import RoleRulesForm

        self.app.push_screen(RoleRulesForm(self.meeting, self.present_members()), self.after_form)

    def action_rotate_role(self) -> None:
        from tui.screens.forms import PersonPicker

        state, roster = self.meeting.state, [m.id for m in self.members]
        due = [
            r
            for r in ("minute-taker", "timekeeper", "chair")
            if rotation.handover_due(state, r, self.meeting.clock())
        ]
        role = due[0] if due else MINUTE_TAKER
        suggested = rotation.suggested_holder(state, role, roster)
        notes = {suggested: "  ← suggested"} if suggested else {}
        holder = state.holder(role)
        people = [m for m in self.present_members() if m.id != holder]
        people.sort(key=lambda m: m.id != suggested)

        def hand(member_id: str | None) -> None:
            if member_id is not None:
                self.act(lambda s: live.hand_role(s, role, member_id))

        self.app.push_screen(PersonPicker(f"Who takes the {role} role now?", people, notes), hand)
