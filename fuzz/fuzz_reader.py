"""atheris fuzz target: the figure reader on any text, in every language, at any date.

    python fuzz/fuzz_reader.py -max_total_time=600 [corpus/]

The contract under test: `parse_value` returns a Value with lower ≤ upper, or raises ReadError;
nothing else (no other exception, no hang). A crash found here becomes a regular test
(tests/test_fuzz_regressions.py).
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

with atheris.instrument_imports():
    from factcheck.read import ReadError, parse_value

LANGUAGES = ("en", "it", "ru", "de")


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    lang = LANGUAGES[fdp.ConsumeIntInRange(0, len(LANGUAGES) - 1)]
    published = dt.date(1990, 1, 1) + dt.timedelta(days=fdp.ConsumeIntInRange(0, 20000))
    text = fdp.ConsumeUnicodeNoSurrogates(600)
    try:
        value = parse_value(text, lang, published)
    except ReadError:
        return
    iv = value.interval
    if iv is not None and iv.lower is not None and iv.upper is not None:
        assert iv.lower <= iv.upper, (text, lang, published, value)


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
