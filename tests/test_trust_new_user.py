"""Trying reconciliation as a new user would (issue 19): a claims file written from real
reporting on a topic the repository does not cover, where the sources disagree. Before running
factcheck, an editor picks the figure to print; the test checks factcheck picks the same, and
says why it leaves the others out.

tests/data/trust/everest.yaml: the height of Mount Everest as six outlets gave it. The editor's
pick: 8,848.86 m, the 2020 China–Nepal joint survey (National Geographic, BBC, ANSA the same
day). Xinhua's 8,844.43 m (2005) is China's older rock-height survey; National Geographic's
29,035 ft (1999) an older GPS survey; Britannica's 29,032 ft rounds the new figure.

What was learned, and is pinned here:
- the reconciled value is shown as the sources wrote it (`8,848.86 m`), while the likely-error
  sentence's `rest_agree` figure is rounded to four digits (`8,849 m`): the reconciled figure
  is the one to print;
- `8,848.86m` (no space) was read as a plain number and `29,032 feet` was unreadable (reader
  issues, reported to the reader's owner); both now read on this subject in metres (issue 18), so
  every claim is judged.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.api import check_file
from factcheck.report.records import to_dict

EVEREST = Path(__file__).resolve().parent / "data" / "trust" / "everest.yaml"


def test_the_editors_figure_is_the_reconciled_one_as_written() -> None:
    data = to_dict(check_file(EVEREST))
    [subject] = data["subjects"]
    assert subject["verdict"] == "conflicting"
    [point] = subject["reconciliation"]["reconciled"]
    assert point["figure"] == "8,848.86 m"
    assert point["value"]["lower"] <= 8848.86 < point["value"]["upper"]
    assert {"natgeo-2020", "ansa-2020"} <= set(point["support"]["sources"])
    left = {x["source"]: x["why"] for x in point["left_out"]}
    assert "xinhua-2005" in left and "likely error" in left["xinhua-2005"]
    # since issue 18, BBC's "8,848.86m" on this subject in metres is metres (no longer 8.8 billion,
    # unjudged), so every claim is judged and nothing unread "might change this"
    assert "the other 4 claims agree" in subject["reconciliation"]["explanation"]
    assert "might change this" not in subject["reconciliation"]["explanation"]


def test_every_source_of_the_new_file_has_a_trust_and_the_outliers_the_lowest() -> None:
    # The superseded surveys are the outliers: Xinhua's 8,844.43 m (2005) and, since the reader
    # reads feet, National Geographic's 29,035 feet (1999: 8,849.9 m). One wrong claim each.
    trust = to_dict(check_file(EVEREST))["trust"]["sources"]
    judged = {s: t["trust"] for s, t in trust.items()}
    lowest = min(judged.values())
    assert {s for s, t in judged.items() if t == lowest} == {"xinhua-2005", "natgeo-1999"}
    assert trust["britannica-2019"]["supported"] == 1  # 29,032 feet allows 8,848.86 m
    assert trust["xinhua-2005"]["contradicted"] == 1 and trust["natgeo-2020"]["supported"] == 1
