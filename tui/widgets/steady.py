from typing import Any

from textual.visual import VisualType
from textual.widgets import Static

_NOTHING: Any = object()


class Steady(Static):
    """A Static that ignores being given what it already shows.

    Screens redraw all their text after every action; without this each update asked Textual
    for a new layout of the whole screen, which measured 20-35 ms a key on a projector-sized
    screen. Now only what changed is laid out and drawn again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Any = _NOTHING

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content == self._shown:
            return
        self._shown = content
        super().update(content, layout=layout)
