"""When two issues say the same thing, so that the second can be offered as a merge.

The rule, simple enough to explain to the group: two issues read the same when their words are
the same once case, punctuation and spacing are set aside ("Bus passes?" and "bus  passes"), or
when at least 4 in 5 of all the words used by either are used by both (word overlap, counted
over distinct words)."""

import re

SHARED_WORDS = 0.8
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def same_issue(a: str, b: str) -> bool:
    first, second = words(a), words(b)
    if not first or not second:
        return False
    if first == second:
        return True
    one, other = set(first), set(second)
    return len(one & other) / len(one | other) >= SHARED_WORDS
