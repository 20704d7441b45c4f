"""atheris fuzz target: the claims-file loader and the whole judge on any bytes.

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
    from factcheck.diagnostics import UnusableInput
    from factcheck.loader import load_claims_text
    from factcheck.report import to_dict

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


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
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
