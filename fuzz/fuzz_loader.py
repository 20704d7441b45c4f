"""atheris fuzz target: the claims-file loaders (YAML and JSONL) and the whole judge on any bytes.

    python fuzz/fuzz_loader.py -max_total_time=600 [corpus/]

The contract under test: any input either loads and is judged, or is refused with
`UnusableInput` whose every diagnostic has a line ≥ 1 and a column ≥ 1; no other exception.
Inputs are seeded from a valid file so most runs get past the YAML parser.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from factcheck.api import check_document
    from factcheck.errors import UnusableInput
    from factcheck.load.jsonl import read_jsonl_bytes
    from factcheck.load.claims_file import load_claims_text
    from factcheck.load.claims_set import load_many_texts
    from factcheck.parallel import records
    from factcheck.report.records import to_dict

SEED = """version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-12-10, language: it}
subjects:
  - {id: s, title: S, kind: constant}
claims:
  - {subject: s, source: a, says: Astana, quote: q}
  - {subject: s, source: b, says: "quasi 8 miliardi", quote: q}
"""
JSONL_SEED = (
    '{"source": {"id": "a", "title": "A", "published": "2025-09-29", "language": "en"}}\n'
    '{"subject": {"id": "s", "title": "S", "kind": "constant"}}\n'
    '{"subject": "s", "source": "a", "says": "Astana", "quote": "q"}\n'
    '{"subject": "s", "source": "a", "says": "quasi 8 miliardi", "quote": "q"}\n'
)


def check_jsonl(fdp: atheris.FuzzedDataProvider) -> None:
    """Any bytes spliced into a valid claims.jsonl: every non-blank line is an item or an
    error on that line, and a file that loads is judged."""
    seed = JSONL_SEED.encode()
    at = fdp.ConsumeIntInRange(0, len(seed))
    data = seed[:at] + fdp.ConsumeBytes(200) + seed[at + fdp.ConsumeIntInRange(0, 40):]
    doc = read_jsonl_bytes(data, "x.jsonl")
    for d in doc.problems:
        assert d.line >= 1 and d.col >= 1, d
    try:
        loaded = load_many_texts([doc])
    except UnusableInput as exc:
        assert exc.diagnostics
        return
    records(loaded.data, loaded.display_name, loaded.locate)


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    if mode == 3:
        check_jsonl(fdp)
        return
    if mode == 0:
        text = fdp.ConsumeUnicodeNoSurrogates(4000)
    else:  # mutate the seed: cut it and splice fuzz text in
        at = fdp.ConsumeIntInRange(0, len(SEED))
        text = SEED[:at] + fdp.ConsumeUnicodeNoSurrogates(200) + SEED[at + fdp.ConsumeIntInRange(0, 40):]
    try:
        doc = load_claims_text(text)
    except UnusableInput as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.line >= 1 and d.col >= 1, d
        return
    to_dict(check_document(doc))


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
