"""Reading source documents: text in any encoding, Markdown, HTML main text, PDF; and where
`path:` may point. Fixtures in tests/data/documents (README there says how each was made)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.provenance.documents import DocumentKind, decode, read_document
from factcheck.provenance.normalise import folded
from factcheck.provenance.paths import DocumentError, resolve

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "tests" / "data" / "documents"
LIMIT = 20 * 1024 * 1024


def _read(name: str, limit: int = LIMIT):  # type: ignore[no-untyped-def]
    return read_document(DOCS / name, name, limit)


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("akorda-bom.txt", "utf-8 with BOM"),
        ("akorda-utf16.txt", "utf-16 (BOM)"),
        ("italpress-cp1252.txt", "cp1252"),
    ],
)
def test_the_encoding_is_detected_not_assumed(name: str, encoding: str) -> None:
    doc = _read(name)
    assert doc.encoding == encoding
    assert "\ufffd" not in doc.text and not doc.text.startswith("\ufeff")


def test_every_encoding_gives_back_the_same_words() -> None:
    original = (ROOT / "sources" / "akorda-2025-09-29.txt").read_text(encoding="utf-8")
    assert _read("akorda-bom.txt").text == original
    assert _read("akorda-utf16.txt").text == original
    cp1252 = _read("italpress-cp1252.txt").text
    assert "l’Italia" in cp1252 or "è" in cp1252
    assert all(line in (ROOT / "sources" / "italpress-sembayev-2025.txt").read_text(encoding="utf-8")
               for line in cp1252.splitlines() if line.strip())


@pytest.mark.parametrize(
    ("data", "html", "text", "encoding"),
    [
        ("città è più".encode(), False, "città è più", "utf-8"),
        ("città è più grande del Kazakistan, la più popolosa".encode("cp1252"), False, "città è più grande del Kazakistan, la più popolosa", "cp1252"),
        (b'<meta charset="iso-8859-1"><p>' + "città".encode("latin-1"), True, None, "iso-8859-1"),
        (b'<meta charset="nonsense-9"><p>ok', True, "<meta charset=\"nonsense-9\"><p>ok", "utf-8"),
        ("x".encode("utf-32"), False, "x", "utf-32 (BOM)"),
    ],
)
def test_decode(data: bytes, html: bool, text: str | None, encoding: str) -> None:
    got, used = decode(data, html=html)
    assert used == encoding
    if text is not None:
        assert got == text


def test_html_main_text_drops_scripts_menus_banners_and_sidebars() -> None:
    doc = _read("kazinform.html")
    assert doc.kind is DocumentKind.HTML
    assert "about $6 billion" in folded(doc.text).replace("$6 billion", "$6 billion") or "$6 billion" in doc.text
    assert "In the span of a quarter-century" in doc.text
    for boilerplate in ("$9 billion", "$99 billion", "cookies", "Related", "©"):
        assert boilerplate not in doc.text
    assert "&nbsp;" not in doc.text and "&#36;" not in doc.text  # entities decoded
    assert doc.where(doc.text.index("quarter-century")).endswith("of its main text")


def test_html_labelled_latin_1_is_decoded_by_its_meta_charset() -> None:
    doc = _read("latin1-mislabelled.html")
    assert doc.encoding == "iso-8859-1"
    assert "La città di Almaty è la più grande del Kazakistan." in doc.text


def test_markdown_markup_is_dropped_and_lines_are_those_of_the_file() -> None:
    doc = _read("gateway.md")
    assert doc.kind is DocumentKind.MARKDOWN
    assert "**" not in doc.text and "](" not in doc.text and "`" not in doc.text
    source = (DOCS / "gateway.md").read_text(encoding="utf-8").splitlines()
    for needle in ("Astana Hub", "250 Italian companies"):
        offset = doc.text.index(needle)
        line = doc.origin(offset).line
        assert needle.split()[0] in source[line - 1], (needle, line, source[line - 1])


def test_pdf_text_is_read_page_by_page_with_page_and_line() -> None:
    doc = _read("italpress.pdf")
    assert doc.kind is DocumentKind.PDF and doc.encoding is None
    quote = "l’Italia ha investito quasi 8 miliardi di dollari nell’economia kazaka"
    assert folded(quote) in folded(doc.text)
    where = doc.where(folded_index(doc.text, "quasi 8 miliardi"))
    assert where.startswith("page ") and ", line " in where


def folded_index(text: str, needle: str) -> int:
    from factcheck.provenance.normalise import normalise

    f = normalise(text)
    return f.span(f.text.index(folded(needle)), f.text.index(folded(needle)) + 1)[0]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF", "is not a readable PDF"),
        ("empty.pdf", b"", "is not a readable PDF"),
        ("binary.txt", b"\x00\x01\x02\x03" * 100, "binary, not text"),
        ("noise.txt", bytes(range(128, 256)) * 3, ""),  # decodes to something, or says it cannot: never a traceback
    ],
)
def test_damaged_documents_are_clear_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        read_document(path, name, LIMIT)
    except DocumentError as exc:
        assert message in str(exc)
    else:
        assert not message


def test_a_document_without_a_known_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((DOCS / "kazinform.html").read_bytes())
    assert read_document(path, "page", LIMIT).kind is DocumentKind.HTML


def test_the_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(21 * 1024 * 1024)  # sparse: 21 MB without writing them
    with pytest.raises(DocumentError, match=r"big.txt is 21 MB, over the 20 MB limit"):
        read_document(path, "big.txt", LIMIT)


def test_devices_and_fifos_are_not_read(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(Path("/dev/zero"), "/dev/zero", LIMIT)
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        read_document(fifo, "fifo.txt", LIMIT)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("/etc/passwd", "is absolute"),
        ("C:\\Windows\\win.ini", "is absolute"),
        ("~/secrets.txt", "is absolute"),
        ("../outside.txt", "points outside"),
        ("sources/../../outside.txt", "points outside"),
        ("https://example.org/a.html", "never fetches from the network"),
        ("file:///etc/passwd", "never fetches from the network"),
        ("", "is empty"),
        ("a\x00b", "NUL"),
    ],
)
def test_unsafe_paths_are_refused(tmp_path: Path, raw: str, message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        resolve(tmp_path, raw)


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    inside = tmp_path / "project"
    inside.mkdir()
    (tmp_path / "secret.txt").write_text("x", encoding="utf-8")
    (inside / "link.txt").symlink_to(tmp_path / "secret.txt")
    with pytest.raises(DocumentError, match="points outside"):
        resolve(inside, "link.txt")
    assert resolve(inside, "link.txt", allow_outside=True) == inside / "link.txt"
    assert resolve(inside, "sub/../doc.txt") == inside / "sub/../doc.txt"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf", ""]))
def test_any_bytes_are_a_document_or_a_clear_error(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"doc{suffix}"
    prefix = {".pdf": b"%PDF-1.4\n", ".html": b"<html><body><p>"}.get(suffix, b"")
    path.write_bytes(prefix + data)
    try:
        doc = read_document(path, path.name, LIMIT)
    except DocumentError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert len(doc.origins) == doc.text.count("\n") + 1 or not doc.text
        doc.where(len(doc.text) // 2)
