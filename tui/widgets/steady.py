from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import VisualType
from textual.widgets import Digits, Static

_NOTHING: Any = object()


class Steady(Static):
    """A Static that ignores being given what it already shows, and asks for a new layout only
    when new text changes the space it needs.

    Screens redraw all their text after every action; without this each update asked Textual
    for a new layout of the whole screen, which measured 20-35 ms a key on a projector-sized
    screen, and a layout also repaints every widget. Text that still fits the same lines is now
    only drawn again where it is."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Any = _NOTHING
        self._drawn_for: tuple[object, int, Style] | None = None
        self._drawn: list[Strip] | None = None
        self._drawing: list[Strip] | None = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content == self._shown:
            return
        self._shown = content
        if not layout or not self.size.area:  # not laid out yet: the first layout will do
            super().update(content, layout=layout)
            return
        before = self._space_needed()
        super().update(content, layout=False)
        if self._space_needed() != before:
            self.refresh(layout=True)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._drawing = self._strips_if_all_fit()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def render_line(self, y: int) -> Strip:
        """Text whose every line fits is drawn here, a strip a line, as Textual's own path
        would draw it but without wrapping each line to find it needs no wrapping (which was
        most of drawing a panel of a dozen notes at every key)."""
        strips = self._drawing
        if strips is None:
            return super().render_line(y)
        if y < len(strips):
            return strips[y]
        return Strip.blank(self.size.width, self.visual_style.rich_style)

    def _strips_if_all_fit(self) -> list[Strip] | None:
        """The strips for the text shown, made once for each text, width and style; None where
        only Textual's own path can draw it: markup, a line too long, tabs, alignment, padding
        within lines, a selection being made, or anything clickable."""
        styles = self.styles
        if (
            not isinstance(self.content, Text)
            or self.text_selection is not None
            or styles.text_align not in ("left", "start")
            or styles.line_pad
            or styles.content_align != ("left", "top")
        ):
            return None
        visual, width, style = self.visual, self.size.width, self.visual_style
        drawn_for = self._drawn_for
        if drawn_for is None or drawn_for[0] is not visual or drawn_for[1:] != (width, style):
            self._drawn_for = (visual, width, style)
            self._drawn = _fitting_strips(visual, width, style)
        return self._drawn

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Text whose every line fits the width takes a line each: known without wrapping it
        (wrapping a dozen notes to learn their height was most of updating their panel)."""
        lines = lines_if_all_fit(self.content, width - 2 * self.styles.line_pad)
        if lines is not None:
            return lines
        return super().get_content_height(container, viewport, width)

    def _space_needed(self) -> tuple[int, int]:
        """The lines the text takes at the width it has, and its width where the width follows
        the text (`width: auto`); a fixed height or width does not depend on the text."""
        container, viewport = self.container_size, self.app.size
        styles = self.styles
        auto_height = styles.height is None or styles.height.is_auto
        auto_width = styles.width is not None and styles.width.is_auto
        height = (
            self.get_content_height(container, viewport, self.content_size.width)
            if auto_height
            else 0
        )
        width = self.get_content_width(container, viewport) if auto_width else 0
        return height, width


class SteadyDigits(Digits):
    """Digits that ignore being given the face they already show. The live screen sets its big
    clocks again at every key and every second, and Textual redraws Digits each time it is set
    (about 0.6 ms a clock at 160x45), though a face changes at most once a second."""

    def update(self, value: str) -> None:
        if value != self.value:
            super().update(value)


def _fitting_strips(visual: object, width: int, style: Style) -> list[Strip] | None:
    """`visual`'s lines as strips, each segment styled and placed as Textual's Content places it
    (its offset is what a mouse selection reads); None unless every line fits in `width`, or
    where a part is clickable (Textual draws those its own way)."""
    if not isinstance(visual, Content) or "\t" in visual.plain:
        return None
    rows = visual.split(allow_blank=True)
    if any(row.cell_length > width or len(row.plain) > width for row in rows):
        return None  # more characters than cells: Textual trims such a line's end its own way
    strips = []
    for y, row in enumerate(rows):
        segments, x = [], 0
        for text, text_style in row.render(style, end=""):
            combined = style + text_style
            if "@click" in combined.meta:
                return None
            segments.append(Segment(text, combined.rich_style_with_offset(x, y)))
            x += len(text)
        strips.append(Strip(segments, row.cell_length))
    return strips


def lines_if_all_fit(shown: object, room: int) -> int | None:
    """How many lines `shown` takes when it is text and every line of it fits in `room` cells
    (a line each); None when only wrapping it can tell (or it is not text)."""
    if not isinstance(shown, Text | Content) or room <= 0 or "\t" in shown.plain:
        return None
    lines = shown.plain.split("\n")
    return len(lines) if all(cell_len(line) <= room for line in lines) else None
