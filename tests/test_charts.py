"""The charts of evolving figures (the markdown report's Mermaid chart, the HTML report's SVG,
`explain`'s timeline): time drawn to scale, values in the subject's unit as its figures read,
text from the claims file never markup."""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from factcheck.api import check_document
from factcheck.formatters.common import claim_time, days, duration_words, time_ticks
from factcheck.formatters.explain import timeline
from factcheck.formatters.html import svg_chart
from factcheck.formatters.markdown import mermaid_chart
from factcheck.load.claims_file import load_claims_text
from factcheck.read.humanize import significant, value_axis
from factcheck.report.records import to_dict

# The README's investment subject on three of its days: 2017-08-21, 2025-09-29, 2025-10-03.
INVESTMENT = """\
version: 1
sources:
  - {id: kazinform, title: K, published: 2017-08-21, language: en}
  - {id: akorda, title: A, published: 2025-09-29, language: en}
  - {id: gateway, title: G, published: 2025-10-03, language: en}
subjects:
  - {id: investment, title: Italian investment, kind: cumulative, unit: USD}
claims:
  - {subject: investment, source: kazinform, says: about $6 billion, quote: about $6 billion}
  - {subject: investment, source: akorda, says: up to $7.6 billion, quote: up to $7.6 billion}
  - {subject: investment, source: gateway, says: more than $7 billion, quote: more than $7 billion}
"""

OIL = """\
version: 1
sources:
  - {id: y2023, title: A, published: 2023-03-01, language: en}
  - {id: y2025, title: B, published: 2025-03-01, language: en}
subjects:
  - {id: oil, title: Oil output, kind: level}
claims:
  - {subject: oil, source: y2023, says: 67.9 million tonnes, quote: 67.9 million tonnes}
  - {subject: oil, source: y2025, says: 90 million tonnes, quote: 90 million tonnes}
"""

# Claims 2017-08-21 → 2025-09-29 → 2025-10-03: the shares of the whole span at which the second
# and third stand.
SHARE_2 = (dt.date(2025, 9, 29) - dt.date(2017, 8, 21)).days / (dt.date(2025, 10, 3) - dt.date(2017, 8, 21)).days


def _subject(text: str) -> dict[str, Any]:
    records = to_dict(check_document(load_claims_text(text, "claims.yaml")))
    (subject,) = records["subjects"]
    assert subject["verdict"] == "evolving", subject["reason"]
    return subject


def _in_meters(subject: dict[str, Any], *amounts: float) -> dict[str, Any]:
    """The subject with its claims' values replaced by depths in meters (as "12 km" and "800 m"
    read: amounts in the base unit)."""
    out = copy.deepcopy(subject)
    for claim, amount in zip(out["claims"], amounts, strict=True):
        claim.pop("converted", None)
        claim["value"] = {**claim["value"], "lower": amount, "upper": amount, "unit": "meter"}
    return out


# -- time to scale --------------------------------------------------------------------------------


def test_the_svg_chart_places_each_claim_at_its_time_to_scale() -> None:
    svg = svg_chart(_subject(INVESTMENT))
    bars = [(float(x) + float(w) / 2) for x, w in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)]
    assert len(bars) == 3
    first, second, third = bars
    assert abs((second - first) / (third - first) - SHARE_2) < 0.002  # not 1/2, as evenly spaced bars were
    assert 0 < third - second < 2  # four days in eight years: less than a bar's width apart
    ticks = re.findall(r'font-size="10">([^<]+)</text>', svg)
    assert ticks == ["2018", "2020", "2022", "2024"]  # calendar ticks, not one label a claim


def test_the_mermaid_chart_has_a_numeric_time_axis_with_one_sample_a_step() -> None:
    chart = mermaid_chart(_subject(INVESTMENT))
    # 2017-08 to 2025-10 is 98 months: samples 0..98, the claims at 0, 97 (2025-09) and 98.
    assert '    x-axis "months after 2017-08" 0 --> 98' in chart
    lower, upper = ([float(x) for x in line[10:-1].split(", ")] for line in chart if line.startswith("    line ["))
    assert len(lower) == len(upper) == 99
    assert (lower[0], upper[0]) == (5.4, 6.6)
    assert (lower[97], upper[97]) == (7.6, 7.6)  # "up to $7.6 bn": the open bound drawn at the other
    assert (lower[98], upper[98]) == (7.0, 7.0)
    assert abs(97 / 98 - SHARE_2) < 1 / 98  # to scale, to the month
    assert lower[48] == round(5.4 + (7.6 - 5.4) * 48 / 97, 3)  # straight between two claims


def test_the_mermaid_chart_counts_days_over_a_short_span_and_years_over_a_long_one() -> None:
    subject = _subject(INVESTMENT)
    recent = copy.deepcopy(subject)
    recent["claims"][0].update(time="2025-08-21", time_start="2025-08-21", time_end="2025-08-21")
    assert '    x-axis "days after 2025-08-21" 0 --> 43' in mermaid_chart(recent)
    old = copy.deepcopy(subject)
    old["claims"][0].update(time="1900", time_start="1900-01-01", time_end="1900-12-31")
    assert '    x-axis "year" 1900 --> 2025' in mermaid_chart(old)


def test_the_explain_timeline_marks_a_long_gap_with_spacer_rows() -> None:
    rows = timeline(_subject(INVESTMENT))
    assert rows[0].strip().startswith("2017-08-21 kazinform")
    assert rows[1].strip().startswith("⋮ 8 years") and rows[1].rstrip().endswith("│")
    claim_rows = [n for n, line in enumerate(rows) if re.match(r"\s+\d{4}-", line)]
    assert claim_rows[2] == claim_rows[1] + 1  # four days apart: no spacer
    assert rows[-1].strip().startswith("└")
    widths = {line.index("│") for line in rows[:-1]}
    assert len(widths) == 1  # spacer rows keep the frame in line


def test_time_ticks_and_gaps_read_as_calendar_times() -> None:
    at = dt.datetime
    assert [label for _, label in time_ticks(at(2025, 9, 29), at(2025, 12, 11))][:2] == ["2025-09-29", "2025-10-13"]
    assert [label for _, label in time_ticks(at(2011, 12, 1, 14, 7), at(2011, 12, 1, 16, 8))] == [
        "2011-12-01 14:30", "2011-12-01 15:00", "2011-12-01 15:30", "2011-12-01 16:00"]
    assert duration_words(at(2025, 9, 30) - at(2017, 8, 22)) == "8 years"
    assert duration_words(dt.timedelta(days=68)) == "2 months" and duration_words(dt.timedelta(days=1)) == "1 day"
    assert duration_words(dt.timedelta(minutes=7)) == "7 minutes"
    assert claim_time({"time_start": "2025-09-29", "time_end": "2025-09-29"}).end == at(2025, 9, 30)
    minute = claim_time({"time_start": "2011-12-01T14:07:00", "time_end": "2011-12-01T14:07:00"})
    assert minute.end - minute.start == dt.timedelta(minutes=1)
    assert days(at(1970, 1, 2, 12)) == 1.5


# -- the subject's unit ---------------------------------------------------------------------------


def test_money_axes_read_with_the_currency_symbol_and_scale() -> None:
    subject = _subject(INVESTMENT)
    assert '    y-axis "$ bn"' in mermaid_chart(subject)
    assert ">$7.6 bn</text>" in svg_chart(subject) and ">$5.4 bn</text>" in svg_chart(subject)
    assert re.search(r"└\$5\.\d+ bn +\$7\.\d+ bn┘", timeline(subject)[-1])


def test_a_mass_axis_reads_in_tonnes_not_grams() -> None:
    subject = _subject(OIL)
    chart = mermaid_chart(subject)
    assert '    y-axis "mn t"' in chart and "gram" not in "".join(chart)
    assert any(line.startswith("    line [67.85,") for line in chart)
    svg = svg_chart(subject)
    assert ">67.8 mn t</text>" in svg and ">94.5 mn t</text>" in svg and "gram" not in svg  # 90 mn t: never wider than ±5%
    assert re.search(r"└6\d\.\d mn t +9\d\.\d mn t┘", timeline(subject)[-1])


def test_depths_in_km_and_in_m_share_one_axis_in_km() -> None:
    subject = _in_meters(_subject(OIL), 12_000, 800)
    chart = mermaid_chart(subject)
    assert '    y-axis "km"' in chart
    assert any(line.startswith("    line [12, ") and line.endswith(", 0.8]") for line in chart)
    svg = svg_chart(subject)
    assert ">12 km</text>" in svg and ">0.8 km</text>" in svg
    assert re.search(r"└0 km +12\.9 km┘", timeline(subject)[-1])
    assert value_axis("amount", "meter", 3_550).label(3_450) == "3,450 m"  # below 10 km: m, as figures read
    below = _in_meters(_subject(OIL), -100, -50)  # below sea level: padded below, not cut at 0
    assert re.search(r"└-104 m +-46 m┘", timeline(below)[-1])


def test_date_axes_read_days_or_minutes() -> None:
    subject = _subject(INVESTMENT)
    dates = copy.deepcopy(subject)
    for claim, day in zip(dates["claims"], (19_000, 19_100, 19_200)):
        claim["value"] = {"kind": "date", "lower": day, "upper": day + 30, "unit": "day"}
    assert re.search(r"└2021-\d\d-\d\d +2022-\d\d-\d\d┘", timeline(dates)[-1])
    minutes = copy.deepcopy(dates)
    base = 21_086_647  # 2010-02-03 12:07 in minutes since 1970-01-01
    for claim, minute in zip(minutes["claims"], (base, base + 60, base + 120)):
        claim["value"] = {"kind": "date", "lower": minute, "upper": minute + 10, "unit": "minute"}
    assert re.search(r"└2010-02-03 11:56 +2010-02-03 14:27┘", timeline(minutes)[-1])


def test_axis_numbers_are_written_out() -> None:
    assert significant(1_234_567, 4, commas=False) == "1235000"  # Mermaid reads no exponent
    assert significant(9_999) == "10,000" and significant(0.012345) == "0.0123"
    assert value_axis("percent", None, 40).label(12.34) == "12.3%"
    assert value_axis("amount", "KZT", 3e12).label(2.5e12) == "2.5 tn KZT"


# -- hostile text ---------------------------------------------------------------------------------


def test_text_from_the_claims_file_stays_text_in_every_chart() -> None:
    subject = _subject(INVESTMENT)
    hostile = copy.deepcopy(subject)
    hostile["id"] = 'x"]\n```<script>'
    for claim in hostile["claims"]:
        claim["source"] = '<img src=x onerror=alert(1)> "] line [1 \x1b[31m'
        claim["figure"] = "</title><script>alert(1)</script>"
    svg = svg_chart(hostile)
    assert "<script" not in svg and "<img" not in svg and "&lt;img src=x" in svg
    assert "&lt;/title&gt;&lt;script&gt;" in svg
    chart = mermaid_chart(hostile)
    assert all("<" not in line and "\n" not in line and '"]' not in line for line in chart)
    assert all(re.fullmatch(r'[ -~]*', line) and line.count('"') in (0, 2) for line in chart[1:-1]), chart
    rows = timeline(hostile)
    assert all("\x1b" not in line for line in rows) and "\\x1b[31m" in rows[0]
