"""Making text from claims files safe to show: it is data, never markup or control codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

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


def read_as(claim: dict[str, object]) -> str:
    """How a claim was read, for a report's table of claims: the figure, or what went wrong."""
    if claim["status"] == "judged":
        return claim_figure(claim)
    return f"⚠ {claim['status']}: {claim.get('error', '')}"


def claim_figure(claim: dict[str, object]) -> str:
    """How a claim reads, with the converted amount when a rate was used: `€500 mn ≈ $585 mn`."""
    text = str(claim["figure"])
    if "converted_figure" in claim:
        text += f" ≈ {claim['converted_figure']}"
    return text


def reconciliation_lines(subject: dict[str, Any], *, acceptance: bool = True) -> list[str]:
    """What the claims support together, in words (plain text: formatters escape it).
    `acceptance=False` leaves out the acceptance line, for formats whose reason shows it."""
    out: list[str] = []
    rec = subject.get("reconciliation") or {}
    if acceptance and subject.get("accepted") is not None:
        out.append(f"Accepted discrepancy: {subject['accepted']}")
    if "explanation" in rec:
        out.append(rec["explanation"])
    judged = sum(c["status"] == "judged" for c in subject["claims"])
    if "agreed" in rec and subject["verdict"] != "consistent" and judged > 1:
        out.append(f"Agreed value: {rec['agreed']['figure']}")
    if len(rec.get("series", [])) > 1:
        out.append("Over time: " + " → ".join(f"{p['time']}: {p['figure']}" for p in rec["series"]))
    for finding in subject.get("warnings", []):
        out.append(f"Warning {finding['rule']}: {finding['message']}")
    for finding in subject.get("stale_acceptances", []):
        out.append(f"Stale acceptance ({finding['rule']}, {finding['location']}): {finding['message']}")
    return out


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


def chart_points(subject: dict[str, Any], *, dates: bool) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The judged claims a chart can draw, each with the value judged (converted when a rate
    was used): numbers, amounts, percentages, ranks, durations, and dates when `dates`.
    Empty when fewer than two: nothing changes over one point."""
    skip = ("category",) if dates else ("category", "date")
    rows = [c for c in subject["claims"] if c["status"] == "judged" and c["value"]["kind"] not in skip]
    if len(rows) < 2:
        return []
    return [(c, c.get("converted") or c["value"]) for c in rows]
