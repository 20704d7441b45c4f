"""Values that are lists of names (factcheck.judge.names, `unit: list of names`)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck.api import check_file
from factcheck.judge.copies import copy_pairs
from factcheck.judge.names import is_names_unit, people
from factcheck.report.records import to_dict


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Stroustrup, Bjarne", "Bjarne Stroustrup"),
        ("MacLennan, Bruce J.", "Bruce J. MacLennan"),
        ("MacLennan, Bruce J.", "B. MacLennan"),
        ("Jürgen Müller", "MULLER, JURGEN"),
        ("Sedgewick, Robert; Schidlowsky, Michael", "Robert Sedgewick, Michael Schidlowsky"),
        ("Sedgewick, Robert; Schidlowsky, Michael", "Michael Schidlowsky and Robert Sedgewick"),
        ("Sedgewick, Robert, Schidlowsky, Michael", "Schidlowsky, Michael / Sedgewick, Robert"),
        ("Date, C. J./ Darwen, Hugh", "C.J. Date & Hugh Darwen"),
        ("By (author) De Clercq, Jan By (author) Grillenmeier, Guido", "Jan De Clercq; Guido Grillenmeier"),
        ("Crowley, Patrick (EDT)/ Franklin, Mark A. (EDT)", "Patrick Crowley, Mark A. Franklin"),
    ],
)
def test_the_same_people_written_differently_are_the_same_value(a: str, b: str) -> None:
    assert people(a) == people(b) != ()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Harvey M. Deitel, Paul J. Deitel", "Deitel, Harvey M."),  # two Deitels are not one
        ("Stroustrup, Bjarne", "Knuth, Donald E."),
        ("Widom, Jennifer; Ceri, Stefano", "Jennifer Widom"),  # a list is a set, not a first author
    ],
)
def test_different_people_are_different_values(a: str, b: str) -> None:
    assert people(a) != people(b)


def test_non_answers_name_nobody() -> None:
    assert people("Not Available") == () and people("--") == ()


def test_unit_words() -> None:
    assert is_names_unit("list of names") and is_names_unit("Authors") and not is_names_unit("name")


def test_a_subject_of_author_lists_is_judged_on_the_people(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent("""\
        version: 1
        sources:
          - {id: s1, title: S1, published: 2007-01-01, language: en}
          - {id: s2, title: S2, published: 2007-01-01, language: en}
          - {id: s3, title: S3, published: 2007-01-01, language: en}
        subjects:
          - {id: tcpl, title: Authors of The C++ Programming Language, kind: constant, unit: list of names}
          - {id: db, title: Authors of a database book, kind: constant, unit: list of names}
        claims:
          - {subject: tcpl, source: s1, says: "Stroustrup, Bjarne", quote: "Stroustrup, Bjarne"}
          - {subject: tcpl, source: s2, says: "Bjarne Stroustrup", quote: "Bjarne Stroustrup"}
          - {subject: db, source: s1, says: "Widom, Jennifer; Ceri, Stefano", quote: "Widom, Jennifer; Ceri, Stefano"}
          - {subject: db, source: s2, says: "Stefano Ceri, Jennifer Widom", quote: "Stefano Ceri, Jennifer Widom"}
          - {subject: db, source: s3, says: "Jennifer Widom", quote: "Jennifer Widom"}
          - {subject: db, source: s3, says: "Not Available", quote: "Not Available"}
        """), encoding="utf-8")
    report = check_file(path)
    verdicts = {r.subject.id: r.verdict.value for r in report.results}
    assert verdicts == {"tcpl": "consistent", "db": "conflicting"}
    data = to_dict(report)
    db = next(s for s in data["subjects"] if s["id"] == "db")
    [point] = db["reconciliation"]["reconciled"]
    assert set(people(point["figure"])) == {"ceri s", "widom j"}
    assert [c["status"] for c in db["claims"]][-1] == "unreadable"
    # the same author list printed by two stores is not a copy: the quote is the value itself
    assert copy_pairs(report.results[1].claims) == []


def test_a_figure_for_an_author_list_names_nobody(tmp_path: Path) -> None:
    # a bookstore printed `0` for the authors: the reader reads a number, but it names no person,
    # so the claim is unreadable and the two stores that name the author agree
    path = tmp_path / "claims.yaml"
    path.write_text(textwrap.dedent("""\
        version: 1
        sources:
          - {id: s1, title: S1, published: 2007-01-01, language: en}
          - {id: s2, title: S2, published: 2007-01-01, language: en}
          - {id: s3, title: S3, published: 2007-01-01, language: en}
        subjects:
          - {id: taocp, title: Authors of TAOCP, kind: constant, unit: list of names}
        claims:
          - {subject: taocp, source: s1, says: "Knuth, Donald E.", quote: "Knuth, Donald E."}
          - {subject: taocp, source: s2, says: "Donald Knuth", quote: "Donald Knuth"}
          - {subject: taocp, source: s3, says: "0", quote: "0"}
        """), encoding="utf-8")
    report = check_file(path)
    assert report.results[0].verdict.value == "consistent"
    data = to_dict(report)
    assert [c["status"] for c in data["subjects"][0]["claims"]] == ["judged", "judged", "unreadable"]
