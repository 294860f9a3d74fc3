"""One line of the benchmarks' table, and a time in milliseconds to a tenth."""

Row = tuple[str, str, str]  # figure, measured, target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
