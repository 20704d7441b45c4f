"""atheris fuzz target: `verify` on source documents (PDF, HTML, text) built from any bytes.

    python fuzz/fuzz_verify.py -max_total_time=600 -rss_limit_mb=1024 [corpus/]

The contract under test: whatever the document's bytes, verifying a claim against it either
gives a verification record (every claim with an outcome) or is refused with `UnusableInput`
whose every diagnostic has a line and column ≥ 1 and names the `path:`; no other exception, and
memory stays under the cap (`-rss_limit_mb`: libFuzzer kills the run and writes the input as a
crash when the process grows past it). Inputs splice fuzz bytes into a small valid PDF (also
into its Flate-compressed content stream, so decompression is exercised) or HTML page.
"""

from __future__ import annotations

import os
import sys
import tempfile
import zlib
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.hostile_cases import pdf  # noqa: E402  (the PDF builder the bad-input suite uses)

with atheris.instrument_imports():
    from factcheck.errors import UnusableInput
    from factcheck.load.claims_file import load_claims_text
    from factcheck.provenance.verify import VerifyInput, VerifyOptions, verify

#: The document limit the runs use: small, so a run's memory is about the document's.
MAX_DOCUMENT_MB = 1.0

CLAIMS = """version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en, path: DOC}
subjects:
  - {id: s, title: S, kind: constant}
claims:
  - {subject: s, source: a, says: "$6 billion", quote: "Italy invested about $6 billion in Kazakhstan"}
  - {subject: s, source: a, says: "2024", quote: "the visit in January 2024"}
"""


TEXT = b"BT /F1 12 Tf 72 720 Td (Italy invested about $6 billion in Kazakhstan) Tj T* (the visit in January 2024) Tj ET"
PDF_SEED = pdf(TEXT)
HTML_SEED = (b"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body><article>"
             b"<p>Italy invested about $6 billion in Kazakhstan.</p><p>It was the visit in January 2024.</p>"
             b"</article></body></html>")

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-verify-"))


def document(fdp: atheris.FuzzedDataProvider) -> tuple[str, bytes]:
    mode = fdp.ConsumeIntInRange(0, 4)
    if mode == 0:  # fuzz inside the compressed page content
        at = fdp.ConsumeIntInRange(0, len(TEXT))
        content = TEXT[:at] + fdp.ConsumeBytes(300) + TEXT[at + fdp.ConsumeIntInRange(0, 20):]
        return "doc.pdf", pdf(content, compress=fdp.ConsumeBool())
    if mode in (1, 2):  # splice into the PDF or the HTML as a whole
        seed, name = (PDF_SEED, "doc.pdf") if mode == 1 else (HTML_SEED, "doc.html")
        at = fdp.ConsumeIntInRange(0, len(seed))
        return name, seed[:at] + fdp.ConsumeBytes(400) + seed[at + fdp.ConsumeIntInRange(0, 40):]
    if mode == 3:  # a PDF whose content is a repeated fuzz chunk (inflation bombs of sorts)
        chunk = fdp.ConsumeBytes(64) or b"x"
        return "doc.pdf", pdf(chunk * fdp.ConsumeIntInRange(1, 20_000))
    name = ["doc.pdf", "doc.html", "doc.txt", "doc"][fdp.ConsumeIntInRange(0, 3)]
    return name, fdp.ConsumeBytes(4000)


def check(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    name, body = document(fdp)
    (FOLDER / name).write_bytes(body)
    doc = load_claims_text(CLAIMS.replace("DOC", name), "claims.yaml")
    inp = VerifyInput("claims.yaml", doc.data, doc.locate, lambda _k: FOLDER)
    try:
        record = verify(inp, VerifyOptions(max_document_mb=MAX_DOCUMENT_MB))
    except UnusableInput as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.line >= 1 and d.col >= 1, d
            assert "source 'a'" in d.message, d
        return
    finally:
        os.unlink(FOLDER / name)
    assert len(record["claims"]) == 2, record
    assert all(c["quote"] in ("exact", "near", "not-found") for c in record["claims"]), record


if __name__ == "__main__":
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()
