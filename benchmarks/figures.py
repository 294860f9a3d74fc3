"""One line of the benchmarks' table, and how its times are written."""

Row = tuple[str, str, str]  # figure, measured, target


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"
