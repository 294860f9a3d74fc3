"""One line of the record as every screen shows it: a note, a decision, an action. The text is
the latest amendment, and read-back agreement is marked; the caller shows it through
`literal`."""

from collections.abc import Callable

from session.live import Action, Decision, LiveState, Note

Name = Callable[[str | None], str]


def agreed_mark(state: LiveState, record_id: str) -> str:
    """Marks a record the room agreed at read-back, and one amended since it was written."""
    amended = any(a.record_id == record_id for a in state.amendments)
    return (" ✓ agreed" if record_id in state.agreed else "") + (" (amended)" if amended else "")


def note_line(state: LiveState, note: Note, name: Name) -> str:
    text = state.amended_text(note.id, note.text)
    return f"• {text}  ({name(note.author_id)}){agreed_mark(state, note.id)}"


def decision_line(state: LiveState, decision: Decision) -> str:
    text = state.amended_text(decision.id, decision.text)
    return f"✔ Decided ({decision.method}): {text}{agreed_mark(state, decision.id)}"


def action_line(action: Action, name: Name) -> str:
    return f"→ Action: {action.what} — {name(action.owner_id)}, by {action.due:%a %d %b}"
