"""The terminal table of `factcheck report`: one row per subject, verdict colour-coded.

The verdict is a word and a symbol as well as a colour, so it reads the same without colour
(`NO_COLOR`, pipes, screen readers). Text from the claims file goes in as `rich.text.Text`, never
as markup: a quote containing `[bold]` prints `[bold]`.
"""

from __future__ import annotations

import io

from factcheck.formatters.common import claim_figure, reconciliation_lines, when_said
from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.judge.results import VERDICT_ORDER
from factcheck.report.shapes import ReportRecords
from factcheck.safe_text import printable

VERDICT_STYLE = {
    "conflicting": ("✗", "bold red"),
    "evolving": ("↗", "yellow"),
    "consistent": ("✓", "green"),
    "single-source": ("·", "cyan"),
    "incomplete": ("?", "magenta"),
}
ORDER = tuple(v.value for v in VERDICT_ORDER)


def verdict_label(verdict: str) -> str:
    symbol, _ = VERDICT_STYLE[verdict]
    return f"{symbol} {verdict}"


def render(records: ReportRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    width, color = context.width, context.color
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(
        file=buf,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        _environ={},
    )
    table = Table(box=box.SIMPLE_HEAVY, show_lines=True, expand=True, title=Text(f"factcheck report: {printable(records['file'])}"))
    table.add_column("Subject", ratio=3, min_width=26, overflow="fold")
    table.add_column("Verdict (kind)", no_wrap=True)
    table.add_column("Figures (source, time)", ratio=5, overflow="fold")
    table.add_column("Reason", ratio=6, overflow="fold")
    for subject in records["subjects"]:
        symbol, style = VERDICT_STYLE[subject["verdict"]]
        name = Text(printable(subject["id"]), style="bold")
        name.append("\n" + printable(subject["title"]), style="dim")
        figures = Text()
        for i, claim in enumerate(subject["claims"]):
            if i:
                figures.append("\n")
            if claim["value"] is None or claim["status"] != "judged":
                figures.append(f"⚠ {claim['status']}: “{printable(claim['says'])}”", style="magenta")
                if "location" in claim:
                    figures.append(f" ({printable(claim['location'])})", style="dim")
                continue
            figures.append(printable(claim_figure(claim)))
            figures.append(f"  {printable(claim['source'])} · {when_said(claim)}", style="dim")
        verdict = Text(f"{symbol} {subject['verdict']}", style=style)
        verdict.append(f"\n{subject['kind']}", style="dim")
        if subject.get("accepted") is not None:
            verdict.append("\naccepted", style="bold")
        reason = Text(printable(subject["reason"]))
        for line in reconciliation_lines(subject, acceptance=False):  # the reason starts with it
            reason.append("\n" + printable(line), style="italic")
        table.add_row(name, verdict, figures, reason)
    console.print(table)
    console.print(Text(summary_line(records)))
    for problem in records["problems"]:
        console.print(
            Text(f"{printable(problem['location'])}: {problem['kind']}: {printable(problem['message'])}", style="magenta")
        )
    return buf.getvalue()


def summary_line(records: ReportRecords) -> str:
    summary, counts = records["summary"], records["counts"]
    verdicts = ", ".join(f"{summary[v]} {v}" for v in ORDER)
    extra = ""
    if counts.get("accepted"):
        verdicts = verdicts.replace(" conflicting", f" conflicting ({counts['accepted']} accepted)", 1)
    if counts["unreadable"] or counts["incomparable"]:
        extra = f"; {counts['unreadable']} unreadable, {counts['incomparable']} incomparable"
    return f"{plural(counts['subjects'], 'subject')} ({verdicts}); {plural(counts['claims'], 'claim')}{extra}."


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"
