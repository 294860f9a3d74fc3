from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content
from textual.geometry import Size
from textual.visual import VisualType
from textual.widgets import Static

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


def lines_if_all_fit(shown: object, room: int) -> int | None:
    """How many lines `shown` takes when it is text and every line of it fits in `room` cells
    (a line each); None when only wrapping it can tell (or it is not text)."""
    if not isinstance(shown, Text | Content) or room <= 0 or "\t" in shown.plain:
        return None
    lines = shown.plain.split("\n")
    return len(lines) if all(cell_len(line) <= room for line in lines) else None
