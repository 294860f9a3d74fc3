"""A report's blocks (`session.report`) as the terminal draws them: the evaluation and outcomes
screens show the same report the Markdown and HTML exports do."""

from rich.table import Table as RichTable
from rich.text import Text
from textual.widgets import Static

from session.report import BarChart, Block, Bullets, Heading, Paragraph, Table, plain
from store.render import text_bar
from tui.literal import literal

BAR_WIDTH = 30


def block_widget(block: Block) -> Static:
    """A block of a report as the terminal shows it."""
    content: Text | RichTable
    match block:
        case Heading():
            return Static(literal(block.text), classes=f"evaluation-h{min(block.level, 3)}")
        case Paragraph():
            content = literal(plain(block.text))
        case Bullets():
            content = literal("\n".join(f"• {plain(item)}" for item in block.items))
        case Table():
            content = _table(block)
        case BarChart():
            content = chart_text(block)
    return Static(content, classes="evaluation-block")


def _table(block: Table) -> RichTable:
    table = RichTable(show_lines=False, expand=False, header_style="bold")
    for heading in block.header:
        table.add_column(literal(heading), overflow="fold")
    for row in block.rows:
        table.add_row(*(literal(cell) for cell in row))
    return table


def chart_text(chart: BarChart) -> Text:
    """Each bar on two lines: its label, then the bar with its numbers in words beside it."""
    largest = chart.largest
    text = Text()
    text.append_text(literal(chart.title, "bold underline"))
    for bar in chart.bars:
        drawn = text_bar(bar.value, largest, BAR_WIDTH) or "·"
        text.append("\n")
        text.append_text(literal(bar.label))
        text.append("\n  ")
        text.append(drawn, style="bold")
        text.append(" ")
        text.append_text(literal(bar.shown))
    text.append("\n")
    text.append_text(literal(chart.summary, "italic"))
    return text
