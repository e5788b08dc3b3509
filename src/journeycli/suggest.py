"""Did-you-mean: the one known name close enough to be a typo of what was written, or nothing.

difflib's ratio suggests `personas` for `version`; a suggestion that far off
sends people the wrong way, so a name is offered only when a few typing slips
(a wrong, missing, extra or swapped letter; case; `-` for `_`) turn one into the
other, or when what was written is the start of exactly one name. Callers list
the allowed names when nothing is close.
"""

from __future__ import annotations

from collections.abc import Iterable


def _normal(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def _slips(a: str, b: str, limit: int) -> int:
    """Edits (substitute, insert, delete, swap two neighbours) from ``a`` to ``b``; ``limit + 1`` once past it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if before is not None and i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


def allowed_slips(word: str) -> int:
    """How many slips a word of this length may carry and still be recognised."""
    size = len(word)
    return 1 if size <= 5 else 2 if size <= 10 else 3


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option ``word`` most likely meant, or None when none is close enough."""
    target = _normal(str(word))
    limit = allowed_slips(target)
    best: tuple[int, str] | None = None
    for option in options:
        if option == word:
            continue
        distance = _slips(target, _normal(option), limit)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, option)
    if best is None and len(target) >= 3:  # the start of exactly one name: `warn` for `warning`, `--fail` for `--fail-on`
        starting = {option for option in options if _normal(option).startswith(target) and option != word}
        return starting.pop() if len(starting) == 1 else None
    return None if best is None else best[1]


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """``; did you mean `option`?`` for the close option, or nothing: to append to a message that lists the choices."""
    close = closest(word, options)
    return f"; did you mean `{close}`?" if close else ""
