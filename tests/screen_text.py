"""What a widget actually draws on the screen, as plain text."""

from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget


def text_of(widget: Widget) -> str:
    """The widget's drawn text, each run of spaces and line breaks made one space."""
    region = widget.region
    lines = widget.render_lines(Region(0, 0, region.width, region.height))
    return " ".join(" ".join("".join(seg.text for seg in line).split()) for line in lines).strip()


def screen_lines(screen: Screen) -> list[str]:
    """Every line the screen draws, as plain text: what the room reads, scrolling and all."""
    return ["".join(seg.text for seg in strip) for strip in screen._compositor.render_strips()]
