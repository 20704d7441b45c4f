"""`factcheck sources`: one row per source with its track record, then the copies found."""

from __future__ import annotations

import io

from factcheck.formatters.context import DEFAULT_CONTEXT, RenderContext
from factcheck.report.shapes import SourcesRecords
from factcheck.safe_text import printable


def render(records: SourcesRecords, context: RenderContext = DEFAULT_CONTEXT) -> str:
    width, color = context.width, context.color
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buf = io.StringIO()
    console = Console(
        file=buf, width=width, color_system="standard" if color else None, force_terminal=color,
        no_color=not color, markup=False, emoji=False, highlight=False, legacy_windows=False, _environ={},
    )
    table = Table(box=box.SIMPLE_HEAVY, expand=True, title=Text(f"factcheck sources: {printable(records['file'])}"))
    table.add_column("Source", ratio=4, min_width=24, overflow="fold")
    table.add_column("Published", no_wrap=True)
    table.add_column("Claims", justify="right")
    table.add_column("Trust", justify="right", style="bold")
    table.add_column("✓ corroborated", justify="right", style="green")
    table.add_column("✗ contradicted", justify="right", style="red")
    table.add_column("· alone", justify="right", style="cyan")
    table.add_column("⎘ copied", justify="right", style="magenta")
    table.add_column("Copies with", ratio=3, overflow="fold")
    for s in records["sources"]:
        name = Text(printable(s["id"]), style="bold")
        if s.get("publisher"):
            name.append("\n" + printable(s["publisher"]), style="dim")
        trust = s.get("trust")
        copies_with = sorted({*s["copies_with"], *s.get("copies_values_with", [])})
        table.add_row(
            name, s["published"], str(s["claims"]), "—" if trust is None else f"{trust:.2f}",
            str(s["corroborated"]), str(s["contradicted"]), str(s["uncorroborated"]), str(s.get("copied", 0)),
            Text(printable(", ".join(copies_with)) or "—"),
        )
    console.print(table)
    console.print(Text(
        "Trust: the share of a source's claims, where others speak too, that the reconciled values "
        "support (a prior of 4 right in 5 for a source with few); ✓ in the reconciled value with an "
        "independent source, ✗ left out by it, · with nobody independent, ⎘ printed word for word with "
        "a probable copier (one voice)."))
    if records["copies"]:
        console.print(Text("Probable copies (nearly the same quote; not counted as independent corroboration):"))
        for c in records["copies"]:
            a, b = c["sources"]
            console.print(Text(
                f"  {printable(a)} ~ {printable(b)}: {len(c['claims'])} claim pair(s) on "
                f"{printable(', '.join(c['subjects']))}, similarity {c['similarity']:g}%"
            ))
    else:
        console.print(Text("No probable copies: every agreement counted is between independent wordings."))
    return buf.getvalue()
