"""Steady, the text widget every panel of the live screen is made of: how much room its text
needs, worked out without wrapping it when every line fits."""

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content

from tui.widgets.steady import Steady, lines_if_all_fit

TYPED = st.text(st.sampled_from([*"ab cd\n\n-", "é", "中", "😀", "\u0301", "\u200b"]))


@settings(deadline=None)
@given(TYPED, st.integers(1, 30))
def test_text_whose_lines_all_fit_takes_as_many_lines_as_textual_lays_out(
    text: str, width: int
) -> None:
    for shown in (Content(text), Text(text, style="italic")):
        lines = lines_if_all_fit(shown, width)
        if lines is not None:
            assert lines == Content(text).get_height({}, width)


def test_text_that_must_wrap_or_is_not_text_is_left_to_textual() -> None:
    assert lines_if_all_fit(Content("one\ntwo"), 3) == 2
    assert lines_if_all_fit(Content("one\nthree"), 3) is None
    assert lines_if_all_fit(Content("中文"), 3) is None  # four cells wide
    assert lines_if_all_fit(Content("a\tb"), 30) is None  # tabs are Textual's to expand
    assert lines_if_all_fit("one", 30) is None  # markup: its plain text is Textual's to find


class OnePanel(App[None]):
    CSS = "Steady { width: 12; }"

    def compose(self) -> ComposeResult:
        yield Steady(id="panel")


async def test_a_panel_takes_the_lines_its_new_text_needs() -> None:
    async with OnePanel().run_test(size=(40, 10)) as pilot:
        panel = pilot.app.query_one(Steady)
        for text, lines in (("Nobody yet — press s", 2), ("▶ Margaret", 1), ("one\ntwo\nthree", 3)):
            panel.update(Text(text))
            await pilot.pause()
            assert panel.region.height == lines
