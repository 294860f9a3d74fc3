"""Every key is explained in plain words: on the help screen, in the Footer's tooltips and in
the command palette."""

import importlib
import pkgutil
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

import tui.screens
from tests.live_driver import demo_app, frozen_clock
from tests.screen_text import text_of
from tui.app import CoproduceApp
from tui.screens.help import HelpScreen

LONGEST_SENTENCE = 15


def help_text(app: App[None]) -> str:
    return " ".join(text_of(shown) for shown in app.screen.query("#help-keys Static"))


def all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= all_subclasses(sub)
    return found


def our_bindings() -> list[tuple[str, Binding]]:
    """(where, binding) for the app and every screen coproduce defines."""
    for module in pkgutil.iter_modules(tui.screens.__path__):
        importlib.import_module(f"tui.screens.{module.name}")
    owners: list[type] = [CoproduceApp]
    owners += sorted(
        (c for c in all_subclasses(Screen) if c.__module__.startswith("tui.")),
        key=lambda c: c.__qualname__,
    )
    return [
        (f"{owner.__qualname__} {binding.key}", binding)
        for owner in owners
        for binding in Binding.make_bindings(owner.__dict__.get("BINDINGS", []))
    ]


BINDINGS = our_bindings()


def test_every_screen_of_coproduce_is_checked() -> None:
    screens = {where.split()[0] for where, _ in BINDINGS}
    assert {"CoproduceApp", "HomeScreen", "LiveScreen", "ProjectorScreen", "FormScreen"} <= screens
    assert {"PersonPicker", "HelpScreen"} <= screens


@pytest.mark.parametrize(("where", "binding"), BINDINGS, ids=[w for w, _ in BINDINGS])
def test_every_key_has_a_plain_sentence_of_at_most_15_words(where: str, binding: Binding) -> None:
    sentence = binding.tooltip
    assert sentence, f"{where}: no help sentence (give the Binding a tooltip)"
    assert len(sentence.split()) <= LONGEST_SENTENCE, f"{where}: {sentence!r} is too long"
    assert sentence[0].isupper() and sentence[-1] in ".!?…", f"{where}: {sentence!r}"
    assert binding.description, f"{where}: no name for the Footer and the palette"


async def test_question_mark_shows_every_key_of_the_live_screen_in_plain_words(
    tmp_path: Path,
) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(120, 40)) as pilot:
        live = app.screen
        sentences = [b.binding.tooltip for b in live.active_bindings.values() if b.binding.tooltip]
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        listed = help_text(app)
        for sentence in sentences:
            assert " ".join(sentence.split()) in listed
        assert "Next speaker:" in listed
        await pilot.press("escape")
        assert app.screen is live


async def test_f1_opens_help_even_while_typing_in_a_form(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d", "question_mark")
        assert not isinstance(app.screen, HelpScreen)  # "?" is typed into the box
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Check and save what you typed" in help_text(app)


async def test_every_key_of_the_live_screen_is_in_the_command_palette(tmp_path: Path) -> None:
    app = demo_app(tmp_path / "c.db", frozen_clock())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = [c.title for c in app.get_system_commands(app.screen)]
        ours = {
            b.binding.description for b in app.screen.active_bindings.values() if b.binding.tooltip
        }
        assert ours <= set(commands)
        assert commands.count("Help") == commands.count("Undo") == 1  # F1 and ctrl+z: once
        assert {"Help", "Projector view", "Colours", "Turn rules", "Evaluation"} <= set(commands)
