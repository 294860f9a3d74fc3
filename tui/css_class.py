"""Setting a CSS class without restyling for nothing."""

from textual.dom import DOMNode


def set_class_if_changed(node: DOMNode, on: bool, name: str) -> None:
    """`node.set_class(on, name)`, only when that changes something: Textual restyles the node
    and everything in it even when adding a class it already has, which on the live screen
    (restyled after every key and every second) measured about 10 ms each time."""
    if node.has_class(name) != on:
        node.set_class(on, name)
