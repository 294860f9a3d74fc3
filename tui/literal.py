from rich.text import Text
from textual.notifications import SeverityLevel
from textual.widget import Widget

from session.text import visible


def literal(text: str, style: str = "") -> Text:
    """Text people typed, ready to show: never read as markup, control codes made visible."""
    return Text(visible(text), style=style)


def tell(where: Widget, message: str, title: str, severity: SeverityLevel = "information") -> None:
    """A notice whose words may hold what people typed (or a path): shown literally, like
    `literal`, escape codes included."""
    where.notify(visible(message), title=title, severity=severity, markup=False)


def clock_face(seconds: float) -> str:
    """Seconds as m:ss (or h:mm:ss), with a minus sign when a time box is overrun."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02}:{secs:02}"
    return f"{sign}{minutes}:{secs:02}"
