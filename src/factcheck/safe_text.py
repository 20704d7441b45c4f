"""Making text from claims files safe to show: it is data, never markup or control codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# C0 and C1 controls, DEL, zero-width and bidirectional controls, the Unicode line and paragraph
# separators (YAML 1.1 readers and some terminals break lines at them), the word joiner and
# invisible operators, the BOM inside text, and the noncharacters U+FFFE/U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufffe\uffff]")


def printable(text: str) -> str:
    """Control characters (terminal escapes, bidi overrides) shown as `\\x1b`-style escapes."""
    out = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}", text)
    return out.replace("\n", " ").replace("\t", " ")


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=])")
_MD_ORDERED_LIST = re.compile(r"^(\s*\d+)([.)])(\s|$)")


@lru_cache(maxsize=65536)
def markdown_inline(text: str) -> str:
    """Escape text for markdown: no emphasis, links, tables, headings or HTML can come of it."""
    text = printable(text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_ORDERED_LIST.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def split_at_figure(quote: str, says: str) -> tuple[str, str, str] | None:
    """The quote cut around the figure (`says`, found case-insensitively): before, figure, after;
    None when the figure is not in the quote. Formatters escape each part and emphasise the
    middle one."""
    if not says.strip() or len(quote.casefold()) != len(quote):
        return None  # case folding changed lengths (ß → ss): positions would not line up
    at = quote.casefold().find(says.casefold())
    if at < 0:
        return None
    return quote[:at], quote[at : at + len(says)], quote[at + len(says) :]


def emphasise(quote: str, says: str, escape: Callable[[str], str], opening: str, closing: str) -> str:
    """The quote escaped for a format, with the figure between `opening` and `closing`
    (`**`/`**` in markdown, `<strong>`/`</strong>` in HTML); just escaped when not found."""
    parts = split_at_figure(quote, says)
    if parts is None:
        return escape(quote)
    before, figure, after = parts
    return f"{escape(before)}{opening}{escape(figure)}{closing}{escape(after)}"




