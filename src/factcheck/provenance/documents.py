"""A source's local copy, read into its words, each traced back to a line of the file.

| kind     | suffixes                 | read with                                                  |
|----------|--------------------------|------------------------------------------------------------|
| text     | .txt, .text, none, other | the bytes, decoded                                         |
| markdown | .md, .markdown           | markdown-it-py (CommonMark): the text of each block, markup dropped |
| html     | .html, .htm, .xhtml      | trafilatura (lxml): the main text, without menus, scripts, banners |
| pdf      | .pdf                     | pypdf: the text of each page                               |

A file whose suffix says nothing is sniffed (`%PDF-`, `<html`). The encoding of text, Markdown and
HTML is detected, never assumed: a byte-order mark first, then an HTML page's own `<meta
charset>`, then strict UTF-8, then charset-normalizer's best guess; the one used is reported.
Why these libraries: docs/provenance.md.
"""

from __future__ import annotations

import bisect
import codecs
import io
import logging
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from factcheck.provenance.paths import DocumentError, read_bytes, size
from factcheck.safe_text import printable


class DocumentKind(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    PDF = "pdf"


_SUFFIXES = {
    ".txt": DocumentKind.TEXT,
    ".text": DocumentKind.TEXT,
    ".md": DocumentKind.MARKDOWN,
    ".markdown": DocumentKind.MARKDOWN,
    ".html": DocumentKind.HTML,
    ".htm": DocumentKind.HTML,
    ".xhtml": DocumentKind.HTML,
    ".pdf": DocumentKind.PDF,
}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a line of a document's text is in the file: its line, and its page for a PDF."""

    line: int
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """The words of a document: `text`, and for each of its lines, where it is in the file."""

    name: str
    kind: DocumentKind
    encoding: str | None
    text: str
    origins: tuple[Origin, ...]  # one per line of `text`

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        starts += [m.end() for m in re.finditer("\n", self.text)]
        return starts

    def origin(self, offset: int) -> Origin:
        k = bisect.bisect_right(self._line_starts, offset) - 1
        return self.origins[min(max(k, 0), len(self.origins) - 1)] if self.origins else Origin(1)

    def where(self, offset: int) -> str:
        """`line 12`, `page 2, line 5`, or for HTML `line 7 of its main text`."""
        o = self.origin(offset)
        if o.page is not None:
            return f"page {o.page}, line {o.line}"
        if self.kind is DocumentKind.HTML:
            return f"line {o.line} of its main text"
        return f"line {o.line}"

    def record(self) -> dict[str, object]:
        return {"path": self.name, "kind": self.kind.value, "encoding": self.encoding,
                "characters": len(self.text)}


def kind_of(path: Path, head: bytes) -> DocumentKind:
    kind = _SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        return kind
    if head.startswith(b"%PDF-"):
        return DocumentKind.PDF
    sniff = head[:1024].lower()
    if b"<html" in sniff or b"<!doctype html" in sniff:
        return DocumentKind.HTML
    return DocumentKind.TEXT


def read_document(path: Path, name: str, max_bytes: int) -> Document:
    """Read a document; raises DocumentError with the reason in words."""
    data = read_bytes(path, max_bytes, name)
    kind = kind_of(path, data[:1024])
    if kind is DocumentKind.PDF:
        return _pdf(data, name, max_bytes)
    text, encoding = decode(data, html=kind is DocumentKind.HTML)
    if "\x00" in text:
        raise DocumentError(f"document {name} is binary, not text (NUL characters)")
    match kind:
        case DocumentKind.MARKDOWN:
            body, origins = _markdown(text)
        case DocumentKind.HTML:
            body = _html(text, name)
            origins = tuple(Origin(k) for k in range(1, body.count("\n") + 2))
        case _:
            body = text.replace("\r\n", "\n").replace("\r", "\n")
            origins = tuple(Origin(k) for k in range(1, body.count("\n") + 2))
    return Document(name, kind, encoding, body, origins)


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# WHATWG: pages labelled Latin-1 or ASCII are decoded as windows-1252, which browsers do too.
_WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


_COMMON = ["cp1252", "cp1251", "cp1250", "iso8859_15", "latin_1", "koi8_r", "cp1253", "cp1254", "cp1257", "cp1258"]
_EXTINCT = ["mac_roman", "mac_latin2", "mac_cyrillic", "mac_greek", "mac_iceland", "mac_turkish"]


def _ascii_compatible(codec: str) -> bool:
    name = codecs.lookup(codec).name
    probe = bytes(range(0x20, 0x7F))
    return not name.startswith(("utf-7", "utf-16", "utf-32")) and probe.decode(codec, "replace") == probe.decode("ascii")


def decode(data: bytes, html: bool = False) -> tuple[str, str]:
    """The text and the encoding it was decoded with (see the module docstring for the order)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.removesuffix("-sig") + (" (BOM)" if codec != "utf-8-sig" else " with BOM")
            except UnicodeDecodeError:
                break
    if html:
        m = _META_CHARSET.search(data[:4096])
        if m:
            label = m.group(1).decode("ascii").lower()
            codec = _WHATWG.get(label, label)
            try:
                # The label was read as ASCII, so only an ASCII-compatible encoding can be meant
                # (WHATWG: UTF-7 is no encoding of the web, a UTF-16 label means UTF-8): any
                # other label is ignored and the encoding detected.
                if _ascii_compatible(codec):
                    return data.decode(codec), label
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong label: detect instead
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # Classic Mac OS encodings are all but extinct, yet score like Windows-1252 on short
    # Western European texts: never guess them. Among equally good guesses (cp1252, cp1250 and
    # cp1258 often tie on a text with a few accented letters), take the most used, by name
    # after that: the same bytes always give the same answer.
    matches = list(from_bytes(data, cp_exclusion=_EXTINCT))
    if not matches:
        raise DocumentError("cannot tell the document's encoding (not UTF-8, and no other encoding fits)")
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == least]
    best = min(tied, key=lambda m: (_COMMON.index(m.encoding) if m.encoding in _COMMON else len(_COMMON), m.encoding))
    return str(best), best.encoding


def _markdown(source: str) -> tuple[str, tuple[Origin, ...]]:
    """The text of each block with its markup dropped; each line keeps its line in the file."""
    from markdown_it import MarkdownIt

    lines: list[str] = []
    origins: list[Origin] = []
    for token in MarkdownIt("commonmark").parse(source):
        if token.map is None:
            continue
        first = token.map[0] + 1
        if token.type == "inline":
            text = "".join(_inline_text(child) for child in token.children or ())
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
            first += token.type == "fence"
        else:
            continue
        if lines:
            lines.append("")
            origins.append(origins[-1])
        for k, line in enumerate(text.split("\n")):
            lines.append(line)
            origins.append(Origin(first + k))
    return "\n".join(lines), tuple(origins) or (Origin(1),)


def _inline_text(token: object) -> str:
    kind = getattr(token, "type", "")
    if kind in ("text", "code_inline"):
        return str(getattr(token, "content", ""))
    if kind in ("softbreak", "hardbreak"):
        return "\n"
    if kind == "image":
        return "".join(_inline_text(c) for c in getattr(token, "children", None) or ())
    return ""  # link_open/close, em, strong, inline HTML: markup, not words


#: At most this many attributes of an element are kept before an HTML page is parsed: lxml
#: (libxml2) checks each new attribute against the element's others, so one element with 40,000
#: attributes took 38 s. Text never lives in attributes; the first 64 keep every class and id
#: trafilatura looks at.
MAX_ATTRIBUTES = 64
_TAG_START = re.compile(r"<[A-Za-z][^\s/>]*")
_ATTRIBUTE = re.compile(r"""[\s/]*[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")


def _few_attributes(text: str) -> str:
    """The page with every element cut to its first MAX_ATTRIBUTES attributes, in linear time:
    each start tag's attributes are matched one after the other from where the last one ended
    (quoted values may hold `<` and `>`), so no character is scanned twice."""
    out: list[str] = []
    pos = 0
    while (tag := _TAG_START.search(text, pos)) is not None:
        out.append(text[pos : tag.end()])
        k, count = tag.end(), 0
        while (attribute := _ATTRIBUTE.match(text, k)) is not None and attribute.end() > k:
            count += 1
            if count <= MAX_ATTRIBUTES:
                out.append(attribute.group())
            k = attribute.end()
        pos = k  # what ends the tag (`>`) is copied with the text that follows
    out.append(text[pos:])
    return "".join(out)


def _html(text: str, name: str) -> str:
    """The main text of a page: trafilatura's extraction, or when it finds no main text (a very
    short page), the text of the whole body without scripts and styles. A page that has no text
    even so (nested past lxml's depth limit of 255 elements, or all script) is an error, never an
    empty document."""

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    import trafilatura

    text = _few_attributes(text)
    try:
        body = trafilatura.extract(text, include_comments=False, include_tables=True, favor_recall=True,
                                   deduplicate=False, output_format="txt")
        if not body:
            body = trafilatura.html2txt(text)
    except Exception as exc:  # noqa: BLE001 - lxml and trafilatura raise many kinds on hostile pages
        raise DocumentError(f"document {name} is not readable HTML: {type(exc).__name__}") from None
    if not (body or "").strip():
        raise DocumentError(f"document {name} is an HTML page with no text factcheck can read (empty, all script, "
                            "or elements nested deeper than 255)")
    return body


#: A PDF's page contents (content streams and the forms they draw, decompressed, counted for
#: every page that draws them) may be at most this many times the file's size plus 1 MiB, and
#: never more than the document limit: the limit counts what a PDF inflates to, not its
#: compressed bytes (a 29 KB file inflating to 10 MB is refused). pypdf's own limits (output of
#: each filter, operands per content stream, forms per page) are set from the same budget.
PDF_EXPANSION = 8


def pdf_budget(size: int, max_bytes: int) -> int:
    """The decompressed bytes of page content a PDF of `size` bytes may have."""
    return min(max_bytes, PDF_EXPANSION * size + 2**20)


def _content_bytes(page: object, budget: int) -> int:
    """The decompressed size of a page's content stream and of the forms in its resources
    (nested forms too, each once per page)."""
    from pypdf.generic import DictionaryObject, StreamObject

    total = 0
    contents = page.get_contents()  # type: ignore[attr-defined]
    if contents is not None:
        total += len(contents.get_data())
    seen: set[int] = set()
    stack = [page.get("/Resources")]  # type: ignore[attr-defined]
    while stack and total <= budget:
        resources = stack.pop()
        resources = resources.get_object() if resources is not None else None
        if not isinstance(resources, DictionaryObject):
            continue
        xobjects = resources.get("/XObject")
        xobjects = xobjects.get_object() if xobjects is not None else None
        if not isinstance(xobjects, DictionaryObject):
            continue
        for ref in xobjects.values():
            form = ref.get_object()
            if id(form) in seen or not isinstance(form, StreamObject) or form.get("/Subtype") != "/Form":
                continue
            seen.add(id(form))
            total += len(form.get_data())
            stack.append(form.get("/Resources"))
    return total


def _pdf(data: bytes, name: str, max_bytes: int) -> Document:
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    from pypdf import PdfReader, apply_configuration

    budget = pdf_budget(len(data), max_bytes)
    limits = dict(
        maximum_declared_stream_length=budget, array_based_stream_maximum_output_length=budget,
        jbig2_maximum_output_length=budget, lzw_maximum_output_length=budget,
        run_length_maximum_output_length=budget, zlib_maximum_output_length=budget,
        brotli_maximum_output_length=budget,
        image_maximum_buffer_size=budget, stream_decoding_work_maximum_length=4 * budget,
        stream_parsing_work_maximum_count=max(budget // 4, 10_000), xform_maximum_invocations_per_extraction=100,
        xfa_decoding_work_maximum_length=budget,
    )
    from pypdf.errors import LimitReachedError

    too_big = (f"document {name} is a PDF whose pages inflate past {size(budget)} (the limit for a {size(len(data))} "
               f"PDF: {PDF_EXPANSION} times its size plus 1 MB, at most --max-document-mb)")
    lines: list[str] = []
    origins: list[Origin] = []
    used = 0
    try:
        with apply_configuration(None, **limits):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise DocumentError(f"document {name} is an encrypted PDF")
            for number, page in enumerate(reader.pages, start=1):
                used += _content_bytes(page, budget - used)
                if used > budget:
                    raise DocumentError(too_big)
                text = page.extract_text() or ""
                used += len(text)
                for k, line in enumerate(text.split("\n"), start=1):
                    lines.append(line)
                    origins.append(Origin(k, number))
    except DocumentError:
        raise
    except LimitReachedError:
        raise DocumentError(too_big) from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files; none may escape as a traceback
        raise DocumentError(printable(f"document {name} is not a readable PDF: {type(exc).__name__}: {exc}")[:300]) from None
    if not any(line.strip() for line in lines):
        raise DocumentError(f"document {name} is a PDF with no text layer (scanned pages need OCR first)")
    return Document(name, DocumentKind.PDF, None, "\n".join(lines), tuple(origins))
