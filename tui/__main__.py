"""`python -m tui`: the same as the `coproduce` command."""

from tui.cli import main

main()
