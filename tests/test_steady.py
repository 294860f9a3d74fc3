"""Steady, the text widget every panel of the live screen is made of: how much room its text
needs, worked out without wrapping it when every line fits."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.style import Style as RichStyle
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.selection import Selection
from textual.widgets import Digits, Static

from tui.widgets.steady import Steady, SteadyDigits, lines_if_all_fit

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


class SideBySide(App[None]):
    """A Steady and Textual's own Static, given the same text at the same width."""

    CSS = "Steady, Static { width: 12; height: auto; color: $accent; text-style: underline; }"

    def compose(self) -> ComposeResult:
        yield Steady(id="steady")
        yield Static(id="static")


def drawn(widget: Static) -> list[list[tuple[str, object]]]:
    """Every segment `widget` draws, with its style (colours, attributes and the offset a mouse
    selection reads)."""
    region = Region(0, 0, widget.size.width, widget.size.height)
    return [[(s.text, s.style) for s in strip] for strip in widget.render_lines(region)]


SHOWN = [
    Text("Pick-ups late\n\n• Buses [b]late[/b]", style="italic"),
    Text("▶ Margaret"),
    Text("中文 und é\u0301"),
    Text("Rene\u0301e Dupre\u0301 \nok", style="reverse"),
    Text("one\nthree\n"),
    Text(""),
    Text("far too long for twelve cells"),
    Text("tab\there"),
    Text.assemble("two ", ("styles", "bold"), "\nand ", ("more", "italic")),
    Text.assemble("a ", ("link", "link https://example.org")),
    Text.assemble("press ", ("here", RichStyle(meta={"@click": "app.bell"}))),
    Content("a Content"),
    "[b]markup[/b]",
]


async def test_a_panel_draws_exactly_what_textual_draws() -> None:
    randomly = random.Random(8)
    alphabet = [*"ab cd\n\n-", "é", "中", "😀", "\u0301", "\u200b"]
    typed = ["".join(randomly.choices(alphabet, k=randomly.randint(0, 30))) for _ in range(40)]
    async with SideBySide().run_test(size=(40, 30)) as pilot:
        steady, static = pilot.app.query_one(Steady), pilot.app.query_one("#static", Static)
        for shown in [*SHOWN, *(Text(t, style="bold") for t in typed)]:
            for width in (12, 5):
                for widget in (steady, static):
                    widget.styles.width = width
                    widget.update(shown)
                await pilot.pause()
                assert steady.size == static.size, (shown, width)
                assert drawn(steady) == drawn(static), (shown, width)


async def test_a_selection_is_drawn_as_textual_draws_it() -> None:
    async with SideBySide().run_test(size=(40, 30)) as pilot:
        steady, static = pilot.app.query_one(Steady), pilot.app.query_one("#static", Static)
        for widget in (steady, static):
            widget.update(Text("• Buses late\n• Lift out"))
        await pilot.pause()
        unselected = drawn(steady)
        pilot.app.screen.selections = {steady: Selection(None, None), static: Selection(None, None)}
        await pilot.pause()
        assert drawn(steady) == drawn(static) != unselected


async def test_lines_that_fit_are_drawn_without_textual_wrapping_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with SideBySide().run_test(size=(40, 30)) as pilot:
        steady = pilot.app.query_one(Steady)
        steady.update(Text("• Buses late\n• Lift out", style="italic"))
        await pilot.pause()

        def wrapped(self: Content, *args: object, **kwargs: object) -> object:
            raise AssertionError("wrapped")

        monkeypatch.setattr(Content, "_wrap_and_format", wrapped)
        assert [strip.text for strip in steady.render_lines(Region(0, 0, 12, 2))] == [
            "• Buses late",
            "• Lift out  ",
        ]


class TwoClocks(App[None]):
    def compose(self) -> ComposeResult:
        yield SteadyDigits("4:59", id="steady")
        yield Digits("4:59", id="textual")


async def test_a_clock_given_the_face_it_shows_is_not_drawn_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn_faces: list[str] = []
    render = Digits.render

    def counted(self: Digits) -> object:
        drawn_faces.append(f"{self.id} {self.value}")
        return render(self)

    async with TwoClocks().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Digits, "render", counted)
        for clock in pilot.app.query(Digits):
            clock.update("4:59")
        await pilot.pause()
        assert drawn_faces == ["textual 4:59"]
        pilot.app.query_one(SteadyDigits).update("4:58")
        await pilot.pause()
        assert drawn_faces == ["textual 4:59", "steady 4:58"]
