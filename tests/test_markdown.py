"""Writing typed text into Markdown (store/markdown.py): it renders as typed, never as layout."""

import pytest

from store.markdown import inline, table


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("Buses are late", "Buses are late"),
        ("# not a heading", "\\# not a heading"),
        ("Room #3 ##", "Room \\#3 \\#\\#"),
        ("- not a list", "\\- not a list"),
        ("> not a quote", "\\> not a quote"),
        ("1. not numbered", "1\\. not numbered"),
        ("cost | time", "cost \\| time"),
        ("[link](http://x)", "\\[link\\](http://x)"),
        ("*bold* and _em_ and `code`", "\\*bold\\* and \\_em\\_ and \\`code\\`"),
        ("<script>", "\\<script\\>"),
        ("Carers & families, &amp;", "Carers & families, \\&amp;"),
        ("two\nlines", "two lines"),
        ("red \x1b[31m text", "red ␛\\[31m text"),
        ("back\\slash", "back\\\\slash"),
        ("well-being, 10-15 people", "well-being, 10-15 people"),
    ],
)
def test_inline_escapes_only_what_markdown_would_read(typed: str, written: str) -> None:
    assert inline(typed) == written


def test_table_rows_line_up_under_the_header() -> None:
    assert table(("#", "Item"), [("1", inline("a | b"))]) == [
        "| # | Item |",
        "| --- | --- |",
        "| 1 | a \\| b |",
    ]
