"""Which clock a subject's times of day are compared on (judge/grouping._same_clock): UTC when
they all have an offset, the wall clock when none has, and when some have not, those are set
apart instead of turning the others into wall clocks (new-user trial 4, Artemis I's launch)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from factcheck.api import check_file
from factcheck.report.records import to_dict


def _subject(tmp_path: Path, sources: str, claims: str) -> dict[str, Any]:
    path = tmp_path / "claims.yaml"
    path.write_text("version: 1\nsources:\n" + textwrap.indent(textwrap.dedent(sources), "  ")
                    + "subjects:\n  - {id: t, title: Liftoff, kind: constant}\nclaims:\n"
                    + textwrap.indent(textwrap.dedent(claims), "  "), encoding="utf-8")
    [record] = to_dict(check_file(path))["subjects"]
    return record  # type: ignore[no-any-return]


def test_a_zoneless_time_among_zoned_ones_is_set_apart(tmp_path: Path) -> None:
    record = _subject(tmp_path, """\
        - {id: wire, title: Wire, published: 2022-11-16, language: en}
        - {id: agency, title: Agency, published: 2022-11-16, language: ru}
        - {id: paper, title: Paper, published: 2022-11-16, language: it}
        """, """\
        - {subject: t, source: wire, says: "0647 GMT", quote: "lifted off at 0647 GMT"}
        - {subject: t, source: agency, says: "в 09:47 мск", quote: "стартовала в 09:47 мск"}
        - {subject: t, source: paper, says: "alle 7.47", quote: "è partito alle 7.47"}
        """)
    assert record["verdict"] == "consistent" and record["judged"] == 2
    paper = next(c for c in record["claims"] if c["source"] == "paper")
    assert paper["status"] == "incomparable" and "no time zone" in paper["error"]


def test_times_without_any_zone_are_compared_as_written(tmp_path: Path) -> None:
    sources = """\
        - {id: a, title: A, published: 2022-11-16, language: it}
        - {id: b, title: B, published: 2022-11-16, language: en}
        """
    same = _subject(tmp_path, sources, """\
        - {subject: t, source: a, says: "alle 7.47", quote: "alle 7.47"}
        - {subject: t, source: b, says: "7:47 a.m.", quote: "at 7:47 a.m."}
        """)
    assert same["verdict"] == "consistent" and same["judged"] == 2
    other = _subject(tmp_path, sources, """\
        - {subject: t, source: a, says: "alle 7.47", quote: "alle 7.47"}
        - {subject: t, source: b, says: "8:47 a.m.", quote: "at 8:47 a.m."}
        """)
    assert other["verdict"] == "conflicting"


def test_times_in_their_sources_offsets_are_one_moment_in_utc(tmp_path: Path) -> None:
    record = _subject(tmp_path, """\
        - {id: rome, title: Rome, published: "2022-11-16T10:00+01:00", language: it}
        - {id: moscow, title: Moscow, published: "2022-11-16T12:00+03:00", language: ru}
        """, """\
        - {subject: t, source: rome, says: "alle 7.47", quote: "alle 7.47"}
        - {subject: t, source: moscow, says: "в 9:47", quote: "в 9:47"}
        """)
    assert record["verdict"] == "consistent" and record["judged"] == 2


def test_zoneless_times_beside_one_offset_are_on_that_clock(tmp_path: Path) -> None:
    """Flight-status sites: some print a departure with the airport's offset, some without;
    all are the airport's local time, so they are compared as written."""
    sources = """\
        - {id: a, title: A, published: 2011-12-01, language: en}
        - {id: b, title: B, published: 2011-12-01, language: en}
        - {id: c, title: C, published: 2011-12-01, language: en}
        """
    same = _subject(tmp_path, sources, """\
        - {subject: t, source: a, says: "2:06 PM (-05:00)", quote: "Departed 2:06 PM (-05:00)"}
        - {subject: t, source: b, says: "2:06 PM", quote: "Departure 2:06 PM"}
        - {subject: t, source: c, says: "2:06 PM (-05:00)", quote: "Dep. 2:06 PM (-05:00)"}
        """)
    assert same["verdict"] == "consistent" and same["judged"] == 3
    off = _subject(tmp_path, sources, """\
        - {subject: t, source: a, says: "2:06 PM (-05:00)", quote: "Departed 2:06 PM (-05:00)"}
        - {subject: t, source: b, says: "3:06 PM", quote: "Departure 3:06 PM"}
        - {subject: t, source: c, says: "2:06 PM (-05:00)", quote: "Dep. 2:06 PM (-05:00)"}
        """)
    assert off["verdict"] == "conflicting" and off["judged"] == 3
