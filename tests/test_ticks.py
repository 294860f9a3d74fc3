"""Ticked or not is shown with a mark, never with colour alone."""

from textual.app import App, ComposeResult

from tui.widgets.ticks import TickBox, TickList


class Ticks(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.changes: list[bool] = []

    def on_checkbox_changed(self, event: TickBox.Changed) -> None:
        self.changes.append(event.value)

    def compose(self) -> ComposeResult:
        yield TickBox("Happy to be named", value=True, id="named")
        yield TickBox("Wants easy read", id="easy")
        yield TickList[str](("Lived experience", "lived", True), ("Professional", "pro"))


def text(line: object) -> str:
    return "".join(segment.text for segment in line)  # type: ignore[attr-defined]


async def test_a_tick_box_shows_a_tick_only_when_ticked() -> None:
    app = Ticks()
    async with app.run_test() as pilot:
        named, easy = app.query_one("#named", TickBox), app.query_one("#easy", TickBox)
        assert text(named.render_line(0)).startswith("▐✔▌")
        assert text(easy.render_line(0)).startswith("▐ ▌")
        easy.toggle()
        await pilot.pause()
        assert text(easy.render_line(0)).startswith("▐✔▌")
        assert app.changes == [True]


async def test_a_tick_list_marks_the_chosen_lines() -> None:
    app = Ticks()
    async with app.run_test() as pilot:
        ticks = app.query_one(TickList)
        assert text(ticks.render_line(0)).startswith("▐✔▌ Lived experience")
        assert text(ticks.render_line(1)).startswith("▐ ▌ Professional")
        ticks.select("pro")
        await pilot.pause()
        assert text(ticks.render_line(1)).startswith("▐✔▌ Professional")
