"""Drawing a report (`session.report`) as Markdown, or as one HTML file that works offline:
large text, plain headings, and each chart as inline SVG followed by the same numbers as a table
and a sentence, so nobody needs to see the chart to read it."""

from functools import lru_cache
from html import escape

from session.report import (
    BarChart,
    Block,
    Bullets,
    Emphasis,
    Heading,
    Line,
    Paragraph,
    Report,
    Span,
    Strong,
    Symbol,
    Table,
    spans,
)
from session.text import visible
from store.markdown import inline, line_started, table

TEXT_BAR_WIDTH = 20


# --- Markdown ------------------------------------------------------------------------------


def to_markdown(report: Report) -> str:
    return "\n\n".join(_markdown(block) for block in report.blocks) + "\n"


def _markdown(block: Block) -> str:
    match block:
        case Heading():
            return f"{'#' * block.level} {inline(block.text, line_start=False)}"
        case Paragraph():
            return _markdown_line(block.text)
        case Bullets():
            return "\n".join(f"- {_markdown_line(item)}" for item in block.items)
        case Table():
            rows = [tuple(inline(cell) for cell in row) for row in block.rows]
            return "\n".join(table(tuple(inline(h) for h in block.header), rows))
        case BarChart():
            return _markdown_chart(block)


def _markdown_line(line: Line) -> str:
    return line_started("".join(_markdown_span(span) for span in spans(line)))


def _markdown_span(span: Span) -> str:
    text = span if isinstance(span, str) else span.text
    core = inline(text, line_start=False)
    if not core:
        return " " if text[:1].isspace() else ""
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() else ""
    match span:
        case Strong():
            core = f"**{core}**"
        case Emphasis():
            core = f"*{core}*"
    return f"{before}{core}{after}"


def text_bar(value: float, largest: float, width: int = TEXT_BAR_WIDTH) -> str:
    """A bar of block characters, at least one wide for any value above zero."""
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(value / largest * width))


def _markdown_chart(chart: BarChart) -> str:
    largest = chart.largest
    rows = [
        (inline(bar.label), text_bar(bar.value, largest), inline(bar.shown)) for bar in chart.bars
    ]
    lines = [
        f"**{inline(chart.title)}**",
        "",
        *table(("", "", ""), rows),
        "",
        inline(chart.summary),
    ]
    return "\n".join(lines)


# --- HTML ----------------------------------------------------------------------------------

STYLE = """
body { font-family: Verdana, Arial, sans-serif; font-size: 1.3rem; line-height: 1.6;
       max-width: 62rem; margin: 0 auto; padding: 1rem 1.5rem; color: #111; background: #fff; }
h1 { font-size: 2.2rem; } h2 { font-size: 1.7rem; margin-top: 2.5rem; }
h3 { font-size: 1.4rem; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 2px solid #333; padding: 0.4rem 0.7rem; text-align: left; vertical-align: top; }
th { background: #eee; }
figure { margin: 1.5rem 0; }
figcaption { font-weight: bold; font-size: 1.4rem; }
svg { max-width: 100%; height: auto; }
"""

SVG_WIDTH = 900
LABEL_ROW = 28
BAR_ROW = 34
BAR_SPACE = 560
BAR_X = 10


def to_html(report: Report) -> str:
    body = "\n".join(_html(block, index) for index, block in enumerate(report.blocks))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_text(report.title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


@lru_cache(maxsize=4096)  # the same names, times and durations fill every table
def _text(text: str) -> str:
    return escape(visible(text), quote=True)


def _html_line(line: Line) -> str:
    parts = []
    for span in spans(line):
        match span:
            case Strong():
                parts.append(f"<strong>{_text(span.text)}</strong>")
            case Emphasis():
                parts.append(f"<em>{_text(span.text)}</em>")
            case Symbol():
                parts.append(f'<span aria-hidden="true">{_text(span.text)}</span>')
            case _:
                parts.append(_text(span))
    return "".join(parts)


def _html(block: Block, index: int) -> str:
    match block:
        case Heading():
            level = min(block.level, 6)
            return f"<h{level}>{_text(block.text)}</h{level}>"
        case Paragraph():
            return f"<p>{_html_line(block.text)}</p>"
        case Bullets():
            items = "".join(f"<li>{_html_line(item)}</li>" for item in block.items)
            return f"<ul>{items}</ul>"
        case Table():
            return _html_table(block.header, block.rows)
        case BarChart():
            return _html_chart(block, f"chart-{index}")


def _html_table(
    header: tuple[str, ...], rows: tuple[tuple[str, ...], ...], caption: str = ""
) -> str:
    head = "".join(f'<th scope="col">{_text(h)}</th>' for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>" for row in rows)
    titled = f"<caption>{_text(caption)}</caption>" if caption else ""
    return f"<table>{titled}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _html_chart(chart: BarChart, chart_id: str) -> str:
    largest = chart.largest
    height = len(chart.bars) * (LABEL_ROW + BAR_ROW) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{SVG_WIDTH}" '
        f'height="{height}" viewBox="0 0 {SVG_WIDTH} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{_text(chart.title)}</title>',
        f'<desc id="{chart_id}-desc">{_text(chart.summary)}</desc>',
    ]
    for row, bar in enumerate(chart.bars):
        top = row * (LABEL_ROW + BAR_ROW)
        width = (
            0 if largest <= 0 or bar.value <= 0 else max(2, round(bar.value / largest * BAR_SPACE))
        )
        parts.append(
            f'<text x="{BAR_X}" y="{top + 22}" font-size="20" fill="#111">{_text(bar.label)}</text>'
        )
        if width:
            parts.append(
                f'<rect x="{BAR_X}" y="{top + LABEL_ROW + 2}" width="{width}" height="26" '
                'fill="#1d4f91" stroke="#111" stroke-width="1"/>'
            )
        parts.append(
            f'<text x="{BAR_X + width + 10}" y="{top + LABEL_ROW + 22}" font-size="20" '
            f'fill="#111">{_text(bar.shown)}</text>'
        )
    parts.append("</svg>")
    rows = tuple((bar.label, bar.shown) for bar in chart.bars)
    return (
        f'<figure aria-labelledby="{chart_id}-caption">'
        f'<figcaption id="{chart_id}-caption">{_text(chart.title)}</figcaption>'
        + "".join(parts)
        + f"<p>{_text(chart.summary)}</p>"
        + _html_table(("", "How much"), rows, f"{chart.title}, as a table")
        + "</figure>"
    )
