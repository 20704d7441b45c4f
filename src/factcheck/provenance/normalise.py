"""The one normalisation a quote and a document are compared under, keeping the way back.

Editors copy a sentence from a browser or a PDF and the characters drift: typographic quotes
become straight ones, an en dash a hyphen, a line break a space, a capital a small letter, a
ligature two letters. `normalise(text)` folds all of these (NFKC, quotes, dashes, whitespace,
case, soft hyphens and zero-width characters) and returns, for every character of the folded
text, the offset in the original it came from — so a match found in the folded text can be
reported at its line in the file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
        **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
        "\u2026": "...",
    }
)

# A base character and the combining marks after it: folded together, so that "città" written
# with a combining grave accent folds like the precomposed one.
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text, and for each of its characters the offset of its origin in the original."""

    text: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) that the folded [start, end) came from."""
        if not self.origin:
            return 0, 0
        first = self.origin[min(start, len(self.origin) - 1)]
        last = self.origin[min(max(end - 1, start), len(self.origin) - 1)]
        return first, last + 1


def _fold_piece(piece: str) -> str:
    if piece.isascii():
        return piece.lower()
    return unicodedata.normalize("NFKC", piece).translate(_FOLD).casefold()


def normalise(text: str) -> Folded:
    """Fold `text` for comparison (see the module docstring); whitespace runs become one space,
    and the result has no space at either end."""
    out: list[str] = []
    origin: list[int] = []
    space = True  # drops leading whitespace, and collapses runs
    for m in _CLUSTER.finditer(text):
        piece = m.group()
        if piece.isspace() or unicodedata.category(piece[0]) == "Zs":
            if not space:
                out.append(" ")
                origin.append(m.start())
                space = True
            continue
        folded = _fold_piece(piece)
        for ch in folded:
            if ch.isspace():
                if space:
                    continue
                ch, space = " ", True
            else:
                space = False
            out.append(ch)
            origin.append(m.start())
    if out and out[-1] == " ":
        out.pop()
        origin.pop()
    return Folded("".join(out), tuple(origin))


def folded(text: str) -> str:
    """Only the folded text."""
    return normalise(text).text
