"""WCAG contrast ratios of the text a screen actually shows."""

from dataclasses import dataclass

from rich.style import Style
from textual.color import Color
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(one: Color, other: Color) -> float:
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@dataclass(frozen=True)
class Shown:
    text: str
    foreground: Color
    background: Color
    widget: Widget

    @property
    def ratio(self) -> float:
        return contrast(self.foreground, self.background)


def colours(style: Style) -> tuple[Color, Color]:
    assert style.color is not None and style.bgcolor is not None, f"no colour in {style}"
    foreground = Color.from_rich_color(style.color)
    background = Color.from_rich_color(style.bgcolor)
    if style.reverse:
        foreground, background = background, foreground
    if style.dim:
        foreground = background.blend(foreground, 0.5)
    return foreground, background


def is_text(characters: str) -> bool:
    """Letters, digits and symbols: not blanks, nor the lines and blocks that draw borders."""
    return any(not c.isspace() and not 0x2500 <= ord(c) <= 0x259F for c in characters)


def shown_text(screen: Screen[object]) -> list[Shown]:
    """Every run of text on `screen`, with the colours it is drawn in."""
    found: list[Shown] = []
    for widget in screen.query("*"):
        region = widget.region
        if not widget.visible or not widget.display or not region.area:
            continue
        for strip in widget.render_lines(Region(0, 0, region.width, region.height)):
            for segment in strip:
                if is_text(segment.text) and segment.style is not None:
                    foreground, background = colours(segment.style)
                    found.append(Shown(segment.text, foreground, background, widget))
    return found
