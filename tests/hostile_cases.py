"""The hostile-input table of the bad-input suite (issue 16): one row a case, grouped by family.

Each case sets up a folder, runs one command in it and states exactly what must happen: the exit
code, fragments of the output with their `file:line:col`, fragments that must never be printed
(secrets), how many claims a file that loads reports (nothing dropped), and which files the
command may write (every other file of the folder must be byte for byte, mode and link as it
was). `tests/test_bad_input.py` runs them; docs/security.md names each family's promise.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HEAD = """\
version: 1
sources:
  - {id: a, title: A, published: 2025-09-29, language: en}
  - {id: b, title: B, published: 2025-10-01, language: en}
subjects:
  - {id: s, title: S, kind: constant}
claims:
"""
TWO = HEAD + """\
  - {subject: s, source: a, says: Astana, quote: in Astana}
  - {subject: s, source: b, says: Astana, quote: in Astana}
"""
CONFLICT = HEAD + """\
  - {subject: s, source: a, says: Astana, quote: in Astana}
  - {subject: s, source: b, says: Almaty, quote: in Almaty}
"""
# Three claims in block style: line 8 starts the first, `says` of the second is line 14.
BLOCK = HEAD + """\
  - subject: s
    source: a
    says: Astana
    quote: in Astana
  - subject: s
    source: b
    says: Astana
    quote: in Astana
  - subject: s
    source: a
    says: Astana
    quote: the capital, Astana
"""
TOKEN = "ghp_R3alLookingT0kenThatMustNeverBePrinted42"

Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Hostile:
    family: str  # the family (1-8), as docs/security.md groups the promises
    name: str
    setup: Setup
    args: tuple[str, ...]
    exit_code: int
    expect: tuple[str, ...] = ()  # fragments of stdout + stderr
    never: tuple[str, ...] = ()  # fragments that must not be printed
    claims: int | None = None  # a file that loads: `report --format json` reports this many claims
    claims_of: tuple[str, ...] = ("claims.yaml",)  # the files (or folder) that `claims` counts
    writes: tuple[str, ...] = ()  # the files the command may create or change
    env: dict[str, str] = field(default_factory=dict)
    check: Callable[[Path, str], None] | None = None  # more assertions on the folder and output
    stdin: str | None = None

    @property
    def id(self) -> str:
        return f"{self.family}-{self.name}"


# --- setup helpers ---------------------------------------------------------------------------


def files(**contents: str | bytes) -> Setup:
    """Files by name (`__` in a keyword is a `/`, `_dot_` a leading dot)."""

    def make(tmp: Path) -> None:
        for key, content in contents.items():
            path = tmp / key.replace("__", "/").replace("_dot_", ".")
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_bytes(content.encode("utf-8"))

    return make


def named(name: str, content: str | bytes) -> Setup:
    def make(tmp: Path) -> None:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    return make


def both(*setups: Setup) -> Setup:
    def make(tmp: Path) -> None:
        for s in setups:
            s(tmp)

    return make


def link(name: str, target: str) -> Setup:
    def make(tmp: Path) -> None:
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    return make


def hardlink(name: str, target: str) -> Setup:
    return lambda tmp: os.link(tmp / target, tmp / name)


def chmod(name: str, mode: int) -> Setup:
    return lambda tmp: os.chmod(tmp / name, mode)


def sourced(path: str, quote: str = "Italy invested about $6 billion in Kazakhstan", says: str = "about $6 billion") -> str:
    """A claims file whose source `a` has `path:` (line 3, the value at column 70)."""
    return (
        "version: 1\nsources:\n"
        f"  - {{id: a, title: A, published: 2025-09-29, language: en, path: {json.dumps(path)}}}\n"
        "subjects:\n  - {id: s, title: S, kind: constant}\nclaims:\n"
        f"  - {{subject: s, source: a, says: {json.dumps(says)}, quote: {json.dumps(quote)}}}\n"
    )


PATH_COL = 66  # the column of the `path:` value in `sourced`


def pdf(content: bytes, pages: int = 1, compress: bool = True) -> bytes:
    """A PDF whose `pages` pages all draw one content stream."""
    stream = zlib.compress(content, 9) if compress else content
    filt = b"/Filter /FlateDecode " if compress else b""
    kids = " ".join(f"{5 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< " + filt + b"/Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 3 0 R >> >> >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF_LINE = b"BT /F1 12 Tf 72 720 Td (Italy invested about $6 billion in Kazakhstan) Tj ET\n"
GOOD_PDF = pdf(PDF_LINE)
INFLATING_PDF = pdf(PDF_LINE * (10_000_000 // len(PDF_LINE)))  # 29 KB that inflate to 10 MB
SHARED_PAGES_PDF = pdf(PDF_LINE * (400_000 // len(PDF_LINE)), pages=400)  # 400 pages x 400 KB drawn

HTML_PAGE = "<html><head><meta charset=utf-8></head><body><article><p>{}</p></article></body></html>"
GOOD_HTML = HTML_PAGE.format("Italy invested about $6 billion in Kazakhstan.")


# --- assertions beyond the table's ---------------------------------------------------------


def xml_parses(tmp: Path, out: str) -> None:
    from xml.etree import ElementTree as ET

    ET.fromstring(out[out.index("<?xml") if "<?xml" in out else out.index("<testsuites"):])


def yaml_has_only_claims(tmp: Path, out: str) -> None:
    import yaml

    data = yaml.safe_load(out)
    assert list(data) == ["claims"], data
    assert all(set(c) == {"subject", "source", "says", "quote"} for c in data["claims"]), data


def text_of(name: str, expected: bytes) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        assert (tmp / name).read_bytes() == expected, (tmp / name).read_bytes()[:300]

    return check


def contains(name: str, *fragments: str) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        text = (tmp / name).read_text(encoding="utf-8")
        for f in fragments:
            assert f in text, text[-500:]

    return check


def _loads_with(path: Path, title: str, accepted: str) -> None:
    """The edited file loads, with the subject's title and acceptance as given."""
    from factcheck.load.claims_file import load_claims

    subject = load_claims(path).data.subjects[0]
    assert (subject.title, subject.accepted) == (title, accepted), subject


def mode_is(name: str, mode: int) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        assert oct((tmp / name).stat().st_mode & 0o777) == oct(mode)

    return check


def all_of(*checks: Callable[[Path, str], None]) -> Callable[[Path, str], None]:
    def check(tmp: Path, out: str) -> None:
        for c in checks:
            c(tmp, out)

    return check


def no_github_command_from_names(tmp: Path, out: str) -> None:
    """No output line is a workflow command but the annotations themselves (`::error file=`)."""
    for line in out.splitlines():
        if line.startswith("::"):
            assert line.startswith(("::error file=", "::warning file=", "::notice file=")), line


# --- the cases -----------------------------------------------------------------------------

CASES: list[Hostile] = []


def case(*args: object, **kwargs: object) -> None:
    CASES.append(Hostile(*args, **kwargs))  # type: ignore[arg-type]


# 1. Nothing dropped: every byte loaded or an error at its line -------------------------------

CONTROL = {"NUL": "\x00", "SOH": "\x01", "BEL": "\x07", "BS": "\x08", "VT": "\x0b", "FF": "\x0c",
           "ESC": "\x1b", "US": "\x1f", "DEL": "\x7f", "PAD": "\x80", "APC": "\x9f", "U+FFFE": "\ufffe",
           "U+FFFF": "\uffff"}
for label, char in CONTROL.items():
    code = f"U+{ord(char):04X}"
    # raw in a plain `says` of a block claim (line 14, `    says: As` + char: column 13)
    case("1", f"raw {label} in says", named("claims.yaml", BLOCK.replace("says: Astana\n    quote: in Astana\n  - subject: s\n    source: a",
                                                                         f"says: As{char}tana\n    quote: in Astana\n  - subject: s\n    source: a")),
         ("check", "claims.yaml"), 2, (f"claims.yaml:14:13: control character {code} is not allowed",))
for label in ("NUL", "ESC", "DEL", "U+FFFF"):
    char = CONTROL[label]
    code = f"U+{ord(char):04X}"
    case("1", f"raw {label} in a double-quoted quote", named("claims.yaml", HEAD + f'  - {{subject: s, source: a, says: Astana, quote: "in {char}Astana"}}\n'),
         ("check", "claims.yaml"), 2, (f"claims.yaml:8:54: control character {code}",))
    case("1", f"raw {label} in a comment", named("claims.yaml", TWO + f"# note {char}\n"),
         ("check", "claims.yaml"), 2, (f"claims.yaml:10:8: control character {code}",))
    case("1", f"escaped {label} in a double-quoted quote loads", named("claims.yaml", HEAD + f'  - {{subject: s, source: a, says: Astana, quote: "in \\u{ord(char):04x}Astana"}}\n'
                                                                              + "  - {subject: s, source: b, says: Astana, quote: q}\n"),
         ("check", "claims.yaml"), 0, ("No problems: 1 subject, 2 claims checked.",), claims=2)
case("1", "NUL in every claim: every one reported", named("claims.yaml", HEAD + "".join(
    f"  - {{subject: s, source: a, says: A\x00{i}, quote: q}}\n" for i in range(3))), ("check", "claims.yaml"), 2,
     ("claims.yaml:8:36:", "claims.yaml:9:36:", "claims.yaml:10:36:", "3 errors"))
case("1", "a thousand NULs: the first 100 and a count", named("claims.yaml", TWO + "# " + "\x00" * 1000 + "\n"),
     ("check", "claims.yaml"), 2, ("claims.yaml:10:3:", "claims.yaml:10:102:", "and 900 more control characters after this one"))
case("1", "NUL in claims.jsonl is that line's error", named("claims.jsonl",
     '{"source": {"id": "a", "title": "A", "published": "2025-09-29", "language": "en"}}\n'
     '{"subject": {"id": "s", "title": "S", "kind": "constant"}}\n'
     '{"subject": "s", "source": "a", "says": "As\x00tana", "quote": "q"}\n'
     '{"subject": "s", "source": "a", "says": "Astana", "quote": "q"}\n'),
     ("check", "claims.jsonl"), 2, ("claims.jsonl:3:",))
case("1", "folder: a dangling .yaml symlink", both(named("set/a.yaml", TWO), link("set/gone.yaml", "nowhere.yaml")),
     ("check", "set"), 2, ("set/gone.yaml:1:1: a symbolic link to nothing",))
case("1", "folder: a .yaml link to a device", both(named("set/a.yaml", TWO), link("set/dev.yaml", "/dev/null")),
     ("check", "set"), 2, ("set/dev.yaml:1:1: not a regular file (a device or socket): not read",))
case("1", "folder: a folder named x.yaml", both(named("set/a.yaml", TWO), named("set/x.yaml/inner.txt", "x")),
     ("check", "set"), 2, ("set/x.yaml:1:1: is a directory, not a claims file",))
case("1", "folder: X.YAML is loaded", both(named("set/a.yaml", HEAD.split("claims:")[0] + "claims: []\n"), named("set/B.YAML", "version: 1\nclaims:\n  - {subject: s, source: a, says: Astana, quote: q}\n  - {subject: s, source: b, says: Astana, quote: q}\n")),
     ("check", "set"), 0, ("No problems: 1 subject, 2 claims checked.",), claims=2, claims_of=("set",))
case("1", "folder: x.JSONL is loaded", both(named("set/a.yaml", HEAD.split("claims:")[0] + "claims: []\n"), named("set/b.JSONL", '{"subject": "s", "source": "a", "says": "Astana", "quote": "q"}\n')),
     ("check", "set"), 0, ("No problems: 1 subject, 1 claim checked.",), claims=1, claims_of=("set",))
JSONL_SET = both(named("defs.yaml", HEAD.split("claims:")[0] + "claims: []\n"),
                 named("c.jsonl", '{"subject": "s", "source": "a", "says": "Astana", "quote": "q"}\n'))
case("1", "the same .jsonl given twice", JSONL_SET, ("check", "defs.yaml", "c.jsonl", "c.jsonl"), 2,
     ("c.jsonl:1:1: the same file as c.jsonl, given twice",))
case("1", "the same .yaml given twice", named("a.yaml", TWO), ("check", "a.yaml", "a.yaml"), 2,
     ("a.yaml:1:1: the same file as a.yaml, given twice",))
case("1", "a file and its folder", named("set/a.yaml", TWO), ("check", "set", "set/a.yaml"), 2,
     ("set/a.yaml:1:1: the same file as set/a.yaml, given twice",))
case("1", "a .jsonl by two names (a link)", both(JSONL_SET, link("d.jsonl", "c.jsonl")), ("check", "defs.yaml", "c.jsonl", "d.jsonl"), 2,
     ("d.jsonl:1:1: the same file as c.jsonl, given twice",))
case("1", "a .jsonl by two names (a hard link)", both(JSONL_SET, hardlink("d.jsonl", "c.jsonl")), ("check", "defs.yaml", "c.jsonl", "d.jsonl"), 2,
     ("d.jsonl:1:1: the same file as c.jsonl, given twice",))
case("1", "the .jsonl of a set, counted once", JSONL_SET, ("check", "defs.yaml", "c.jsonl"), 0,
     ("No problems: 1 subject, 1 claim checked.",), claims=1, claims_of=("defs.yaml", "c.jsonl"))
case("1", "U+2028 in a value loads whole", named("claims.yaml", TWO.replace("title: A,", 'title: "A\u2028B",')),
     ("check", "claims.yaml"), 0, ("No problems: 1 subject, 2 claims checked.",), claims=2)
case("1", "a value over several lines loads whole", named("claims.yaml", BLOCK.replace("quote: the capital, Astana", "quote: >-\n      the capital,\n      Astana")),
     ("check", "claims.yaml"), 0, ("No problems: 1 subject, 3 claims checked.",), claims=3)

# 2. No secret printed ---------------------------------------------------------------------

SECRET_CONFIG = f'[remote "origin"]\n\turl = https://x-access-token:{TOKEN}@github.com/o/r.git\n'
for label, where, setup in [
    (".git/config", ".git/config", named(".git/config", SECRET_CONFIG)),
    (".git/config by ./", "./.git/config", named(".git/config", SECRET_CONFIG)),
    (".git/config by a detour", "docs/../.git/config", both(named(".git/config", SECRET_CONFIG), named("docs/x.txt", "x"))),
    ("a nested .git folder", "vendor/lib/.git/config", named("vendor/lib/.git/config", SECRET_CONFIG)),
    (".GIT in capitals", ".GIT/config", named(".GIT/config", SECRET_CONFIG)),
    (".hg/hgrc", ".hg/hgrc", named(".hg/hgrc", SECRET_CONFIG)),
    (".svn/entries", ".svn/entries", named(".svn/entries", SECRET_CONFIG)),
    (".netrc", ".netrc", named(".netrc", f"machine github.com login x password {TOKEN}\n")),
    ("_netrc", "_netrc", named("_netrc", f"machine github.com login x password {TOKEN}\n")),
    (".env", ".env", named(".env", f"GITHUB_TOKEN={TOKEN}\n")),
    (".env.local", ".env.local", named(".env.local", f"GITHUB_TOKEN={TOKEN}\n")),
    ("prod.env", "config/prod.env", named("config/prod.env", f"GITHUB_TOKEN={TOKEN}\n")),
    ("a .pem key", "keys/server.pem", named("keys/server.pem", f"-----BEGIN PRIVATE KEY-----\n{TOKEN}\n")),
    ("a .key file", "server.key", named("server.key", f"{TOKEN}\n")),
    ("id_rsa", "id_rsa", named("id_rsa", f"{TOKEN}\n")),
    (".ssh folder", "home/.ssh/known_hosts", named("home/.ssh/known_hosts", f"{TOKEN}\n")),
    (".aws/credentials", ".aws/credentials", named(".aws/credentials", f"aws_secret_access_key = {TOKEN}\n")),
    (".npmrc", ".npmrc", named(".npmrc", f"//registry.npmjs.org/:_authToken={TOKEN}\n")),
    (".pypirc", ".pypirc", named(".pypirc", f"password = {TOKEN}\n")),
    (".git-credentials", ".git-credentials", named(".git-credentials", f"https://x:{TOKEN}@github.com\n")),
    ("a link to .git/config", "notes.txt", both(named(".git/config", SECRET_CONFIG), link("notes.txt", ".git/config"))),
    ("a link into .git", "docs/config", both(named(".git/config", SECRET_CONFIG), link("docs", ".git"))),
]:
    case("2", f"path: {label}", both(setup, named("claims.yaml", sourced(where, quote=TOKEN[:12], says=TOKEN[:4]))),
         ("verify", "claims.yaml"), 2,
         (f"claims.yaml:3:{PATH_COL}: source 'a': path: {where!r} is a version-control or credential file",),
         never=(TOKEN,))
case("2", "path: ~/.netrc with --allow-outside-paths", named("claims.yaml", sourced("~/.netrc", quote=TOKEN[:12])),
     ("verify", "claims.yaml", "--allow-outside-paths"), 2,
     (f"claims.yaml:3:{PATH_COL}: source 'a': path: '~/.netrc' is a version-control or credential file",), never=(TOKEN,))
case("2", "check --verify refuses .git/config too", both(named(".git/config", SECRET_CONFIG), named("claims.yaml", sourced(".git/config", quote=TOKEN[:12]))),
     ("check", "claims.yaml", "--verify"), 2, (f"claims.yaml:3:{PATH_COL}: source 'a': path: '.git/config' is a version-control",), never=(TOKEN,))
TOKEN_DOC = f"Minutes of the meeting.\nThe deploy key is {TOKEN} and must stay private.\nItaly invested about $6 billion in Kazakhstan.\n"
case("2", "a quote that starts like a token: no passage printed", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="ghp_R3alZ", says="3"))),
     ("verify", "claims.yaml"), 1, ("claims.yaml:7:", "FV001 quote-not-found", "quote not found in doc.txt"), never=(TOKEN, "closest passage"))
case("2", "a token-like quote with --min-similarity 0: no passage printed", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="ghp_X", says="X"))),
     ("verify", "claims.yaml", "--min-similarity", "0"), 0, ("FV002 quote-differs",), never=(TOKEN, "which has"))
case("2", "a token's prefix and a guess: no passage printed", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="ghp_R3alLookingT0kenXhat", says="3"))),
     ("verify", "claims.yaml"), 0, ("FV002 quote-differs",), never=(TOKEN, "which has"))
case("2", "a token-like quote in json output: no passage", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="ghp_R3alZ", says="3"))),
     ("verify", "claims.yaml", "--format", "json"), 1, ('"rule": "FV001"',), never=(TOKEN,))
case("2", "a real near-match is shown", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="Italy invested about $6 billion in Kazakstan"))),
     ("verify", "claims.yaml"), 0, ("FV002 quote-differs", "which has: 'Italy invested about $6 billion in Kazakhstan'"), never=(TOKEN,))
case("2", "a far passage is not shown", both(named("doc.txt", TOKEN_DOC), named("claims.yaml", sourced("doc.txt", quote="Germany sold twelve tractors to Peru", says="twelve"))),
     ("verify", "claims.yaml"), 1, ("quote not found in doc.txt",), never=(TOKEN, "closest passage"))
case("2", "a document named like a secret word is still read", both(named("secretary-report.txt", TOKEN_DOC.replace(TOKEN, "x")), named("claims.yaml", sourced("secretary-report.txt"))),
     ("verify", "claims.yaml"), 0, ("No problems: 1 quote verified against 1 document: 1 exact.",))

# 3. No clobbered file ---------------------------------------------------------------------

case("3", "report -o its own claims file", named("claims.yaml", TWO), ("report", "claims.yaml", "-o", "claims.yaml"), 2,
     ("claims.yaml: is the command's input claims.yaml; refusing to write over it",))
case("3", "report -o its claims file by another name", both(named("claims.yaml", TWO), link("out.md", "claims.yaml")),
     ("report", "claims.yaml", "-o", "out.md"), 2, ("out.md: is the command's input claims.yaml",))
case("3", "report -o a hard link to its claims file", both(named("claims.yaml", TWO), hardlink("out.md", "claims.yaml")),
     ("report", "claims.yaml", "-o", "out.md"), 2, ("out.md: is the command's input claims.yaml",))
case("3", "report -o a file of its folder", named("set/a.yaml", TWO), ("report", "set", "-o", "set/a.yaml"), 2,
     ("set/a.yaml: is the command's input set/a.yaml",))
case("3", "report -o the default claims.yaml", named("claims.yaml", TWO), ("report", "-o", "claims.yaml"), 2,
     ("claims.yaml: is the command's input claims.yaml",))
case("3", "report -o its config file", both(named("claims.yaml", TWO), named("cfg.toml", "window_days = 30\n")),
     ("report", "claims.yaml", "--config", "cfg.toml", "-o", "cfg.toml"), 2, ("cfg.toml: is the command's input cfg.toml",))
case("3", "schema -o claims.yaml", named("claims.yaml", TWO), ("schema", "-o", "claims.yaml"), 2,
     ("claims.yaml: exists and is not a JSON Schema; refusing to write over it",))
case("3", "schema -o an earlier schema replaces it", named("s.json", '{"$schema": "old"}'), ("schema", "-o", "s.json"), 0,
     writes=("s.json",), check=contains("s.json", '"$schema": "https://json-schema.org/'))
case("3", "extract doc.txt -o doc.txt", named("doc.txt", "Italy invested about $6 billion in Kazakhstan.\n"),
     ("extract", "doc.txt", "--source", "a", "--language", "en", "--published", "2025-01-01", "-o", "doc.txt"), 2,
     ("doc.txt: is the command's input doc.txt; refusing to write over it",))
case("3", "extract -o its claims file", both(named("doc.txt", "Italy invested about $6 billion.\n"), named("claims.yaml", TWO)),
     ("extract", "doc.txt", "--source", "a", "-o", "claims.yaml"), 2, ("claims.yaml: is the command's input claims.yaml",))
case("3", "report -o a new file", named("claims.yaml", TWO), ("report", "claims.yaml", "-o", "out.md"), 0,
     writes=("out.md",), check=contains("out.md", "# Discrepancy report: claims.yaml"))
case("3", "report -o keeps a 0600 file 0600", both(named("claims.yaml", TWO), named("out.md", "old"), chmod("out.md", 0o600)),
     ("report", "claims.yaml", "-o", "out.md"), 0, writes=("out.md",), check=all_of(mode_is("out.md", 0o600), contains("out.md", "Discrepancy report")))
case("3", "report -o through a symlink writes its target", both(named("claims.yaml", TWO), named("real.md", "old"), link("out.md", "real.md")),
     ("report", "claims.yaml", "-o", "out.md"), 0, writes=("real.md",), check=contains("real.md", "Discrepancy report"))


def planted(tmp: Path) -> None:
    """Symlinks at the names the old writer used (`.out.md.tmp-PID`) for every likely pid."""
    (tmp / "victim.txt").write_text("precious\n", encoding="utf-8")
    for pid in {os.getpid(), *range(os.getpid() - 5, os.getpid() + 50)}:
        os.symlink("victim.txt", tmp / f".out.md.tmp-{pid}")


case("3", "a symlink planted at the old temporary name", both(named("claims.yaml", TWO), planted),
     ("report", "claims.yaml", "-o", "out.md"), 0, writes=("out.md",), check=text_of("victim.txt", b"precious\n"))
case("3", "-o into a missing folder", named("claims.yaml", TWO), ("report", "claims.yaml", "-o", "no/such/out.md"), 2,
     ("no/such/out.md: cannot write",))

ACCEPTABLE = CONFLICT
case("3", "accept keeps CRLF line ends", named("claims.yaml", ACCEPTABLE.replace("\n", "\r\n")), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     ("claims.yaml: accepted subject s",), writes=("claims.yaml",),
     check=text_of("claims.yaml", ACCEPTABLE.replace("kind: constant}", "kind: constant, accepted: why}").replace("\n", "\r\n").encode()))
case("3", "accept keeps a 0600 file 0600", both(named("claims.yaml", ACCEPTABLE), chmod("claims.yaml", 0o600)), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     writes=("claims.yaml",), check=mode_is("claims.yaml", 0o600))
case("3", "accept keeps a 0640 file 0640", both(named("claims.yaml", ACCEPTABLE), chmod("claims.yaml", 0o640)), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     writes=("claims.yaml",), check=mode_is("claims.yaml", 0o640))
case("3", "accept through a symlink keeps the link", both(named("real.yaml", ACCEPTABLE), link("claims.yaml", "real.yaml")), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     writes=("real.yaml",), check=lambda tmp, out: (os.path.islink(tmp / "claims.yaml") or (_ for _ in ()).throw(AssertionError("link replaced")), contains("real.yaml", "accepted: why")(tmp, out)))
case("3", "accept keeps a comment after '...'", named("claims.yaml", ACCEPTABLE + "...\n# the end: keep me\n"), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     writes=("claims.yaml",), check=contains("claims.yaml", "accepted: why", "...\n# the end: keep me\n"))
case("3", "accept keeps comments and a BOM-less layout", named("claims.yaml", "# head\n" + ACCEPTABLE + "# tail\n"), ("accept", "s", "claims.yaml", "-r", "why"), 0,
     writes=("claims.yaml",), check=contains("claims.yaml", "# head\n", "# tail\n", "accepted: why"))
case("3", "accept on an unknown subject writes nothing", named("claims.yaml", ACCEPTABLE), ("accept", "nope", "claims.yaml", "-r", "why"), 2,
     ("claims.yaml: no subject 'nope'",))
case("3", "accept on a file that does not load writes nothing", named("claims.yaml", ACCEPTABLE.replace("kind: constant", "kind: constant, colour: red")),
     ("accept", "s", "claims.yaml", "-r", "why"), 2, ("claims.yaml:6:39: unknown key 'colour'", "the claims file cannot be edited."))
case("3", "accept on a claims.jsonl writes nothing", named("c.jsonl", '{"subject": "s", "source": "a", "says": "x", "quote": "q"}\n'),
     ("accept", "s", "c.jsonl", "-r", "why"), 2, ("c.jsonl: accept edits YAML claims files",))
case("3", "accept on a missing file", lambda tmp: None, ("accept", "s", "nope.yaml", "-r", "why"), 2, ("nope.yaml:1:1: file not found",))

# 4. Bounded memory and time ---------------------------------------------------------------

ALIAS_BIG = TWO.replace("title: A,", "title: &big " + "x" * 1_000_000 + ",") + "aliases:\n  x: [" + ", ".join(["*big"] * 2000) + "]\n"
case("4", "a 1 MB scalar aliased 2,000 times", named("claims.yaml", ALIAS_BIG), ("check", "claims.yaml"), 2,
     ("claims.yaml:11:", "aliases expand the file past"))
case("4", "a few aliases of a small anchor load", named("claims.yaml", TWO.replace("title: A,", "title: &t Atitle,").replace("title: B,", "title: *t,")),
     ("check", "claims.yaml"), 0, ("No problems",), claims=2)
case("4", "aliases just under the byte bound", named("claims.yaml", TWO.replace("title: A,", "title: &big " + "x" * 10_000 + ",") + "# " + "y" * 300_000 + "\naliases:\n  x: [" + ", ".join(["*big"] * 50) + "]\n"),
     ("check", "claims.yaml"), 0, ("No problems: 1 subject, 2 claims checked.",), claims=2)
case("4", "claims.yaml is /dev/zero", link("claims.yaml", "/dev/zero"), ("check", "claims.yaml"), 2,
     ("claims.yaml:1:1: not a regular file (a device or socket): not read",))
case("4", "claims.jsonl is /dev/zero", link("claims.jsonl", "/dev/zero"), ("check", "claims.jsonl"), 2,
     ("claims.jsonl:1:1: not a regular file (a device or socket): not read",))
case("4", "claims.yaml is /dev/null", link("claims.yaml", "/dev/null"), ("check", "claims.yaml"), 2,
     ("claims.yaml:1:1: not a regular file",))
case("4", "claims.yaml over FACTCHECK_MAX_FILE_MB", named("claims.yaml", TWO + "# " + "x" * 3000 + "\n"), ("check", "claims.yaml"), 2,
     ("claims.yaml:1:1: the file is 0 MB, over the limit of 0 MB",), env={"FACTCHECK_MAX_FILE_MB": "0.001"})
case("4", "a PDF of 29 KB inflating to 10 MB", both(named("doc.pdf", INFLATING_PDF), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml"), 2, (f"claims.yaml:3:{PATH_COL}: source 'a': document doc.pdf is a PDF whose pages inflate past",))
case("4", "a PDF whose 400 pages draw one 400 KB stream", both(named("doc.pdf", SHARED_PAGES_PDF), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml"), 2, (f"claims.yaml:3:{PATH_COL}: source 'a': document doc.pdf is a PDF whose pages inflate past",))
case("4", "an inflating PDF under a larger limit is still bounded by its size", both(named("doc.pdf", INFLATING_PDF), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml", "--max-document-mb", "500"), 2, ("is a PDF whose pages inflate past",))
case("4", "a small PDF is read", both(named("doc.pdf", GOOD_PDF), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml"), 0, ("No problems: 1 quote verified against 1 document: 1 exact.",))
case("4", "an uncompressed PDF is read", both(named("doc.pdf", pdf(PDF_LINE, compress=False)), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
case("4", "extract on an inflating PDF", named("doc.pdf", INFLATING_PDF),
     ("extract", "doc.pdf", "--source", "a", "--language", "en", "--published", "2025-01-01"), 2, ("doc.pdf: document doc.pdf is a PDF whose pages inflate past",))
case("4", "an HTML element with 40,000 attributes", both(named("doc.html", HTML_PAGE.format("Italy invested about $6 billion in Kazakhstan.").replace("<p>", "<p " + " ".join(f"a{i}=x" for i in range(40_000)) + ">")),
                                                         named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
case("4", "an HTML element with 40,000 quoted attributes", both(named("doc.html", HTML_PAGE.format("Italy invested about $6 billion in Kazakhstan.").replace("<p>", "<p " + " ".join(f'a{i}="x>y"' for i in range(40_000)) + ">")),
                                                                named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
MANY = 8000
case("4", "8,000 claims on one subject", named("claims.yaml", "version: 1\nsources:\n" + "".join(
    f"  - {{id: s{i}, title: S, published: 2025-01-01, language: en}}\n" for i in range(100)) + "subjects:\n  - {id: x, title: X, kind: constant}\nclaims:\n" + "".join(
    f'  - {{subject: x, source: s{i % 100}, says: "{1000 + i % 3}", quote: "the company has {1000 + i % 3} people on its payroll in the country"}}\n' for i in range(MANY))),
     ("check", "claims.yaml"), 1, ("claims.yaml:", "FC101 conflicting x"), claims=MANY)
case("4", "5,000 misspelt source ids", named("claims.yaml", "version: 1\nsources:\n" + "".join(
    f"  - {{id: source-number-{i}, title: S, published: 2025-01-01, language: en}}\n" for i in range(5000)) + "subjects:\n  - {id: x, title: X, kind: constant}\nclaims:\n" + "".join(
    f'  - {{subject: x, source: sorce-number-{i}, says: "1", quote: "q"}}\n' for i in range(5000))),
     ("check", "claims.yaml"), 2, ("claims.yaml:5006:26: unknown source 'sorce-number-0' (did you mean 'source-number-0'?)",
                                   "claims.yaml:10005:26: unknown source 'sorce-number-4999'\n", "5000 errors"))

# 5. No traceback, the right exit code ------------------------------------------------------

RATE_FILE = HEAD + """\
  - {subject: s, source: a, says: "€5 billion", quote: q}
  - {subject: s, source: b, says: "$6 billion", quote: q}
rates:
  - {pair: EUR/USD, rate: RATE, on: 2025-01-01}
"""
for rate in ("1e308", "1e-308", "1e13", "1e-13"):
    case("5", f"an exchange rate of {rate}", named("claims.yaml", RATE_FILE.replace("RATE", rate)), ("check", "claims.yaml"), 2,
         (f"claims.yaml:11:27: rate {float(rate)!r} is beyond any exchange rate",))
case("5", "an extreme rate on an extreme amount", named("claims.yaml", RATE_FILE.replace("RATE", "1e12").replace("€5 billion", "€9e299")),
     ("report", "claims.yaml", "--format", "json"), 0, claims=2)
case("5", "a rate of 1e12 converts", named("claims.yaml", RATE_FILE.replace("RATE", "1e12")), ("check", "claims.yaml"), 1, ("FC101 conflicting s",), claims=2)
case("5", "accept on a raw control character check refuses too", named("claims.yaml", ACCEPTABLE.replace("title: S", "title: S\x7f")),
     ("accept", "s", "claims.yaml", "-r", "why"), 2, ("claims.yaml:6:21: control character U+007F", "the claims file cannot be edited."))
case("5", "accept on escaped control characters", named("claims.yaml", ACCEPTABLE.replace("title: S", 'title: "S\\x01\\x7f\\u2028"')),
     ("accept", "s", "claims.yaml", "-r", "why"), 0, ("claims.yaml: accepted subject s",), writes=("claims.yaml",),
     check=lambda tmp, out: _loads_with(tmp / "claims.yaml", "S\x01\x7f\u2028", "why"))
case("5", "accept with a reason holding control characters", named("claims.yaml", ACCEPTABLE),
     ("accept", "s", "claims.yaml", "-r", "why\x1b[31m\x00"), 0, writes=("claims.yaml",), check=contains("claims.yaml", "accepted:"))
case("5", "extract --source 'Bad Id'", named("doc.txt", "Italy invested about $6 billion.\n"),
     ("extract", "doc.txt", "--source", "Bad Id", "--language", "en", "--published", "2025-01-01"), 2,
     ("--source: 'Bad Id' is not valid",))
case("5", "extract --language xx", named("doc.txt", "Italy invested about $6 billion.\n"),
     ("extract", "doc.txt", "--source", "a", "--language", "xx", "--published", "2025-01-01"), 2, ("--language: 'xx' is not one of",))
case("5", "extract --published 2025-02-30", named("doc.txt", "Italy invested about $6 billion.\n"),
     ("extract", "doc.txt", "--source", "a", "--language", "en", "--published", "2025-02-30"), 2, ("--published: '2025-02-30' is not an ISO date",))
for variable in ("FACTCHECK_MAX_FILE_MB", "FACTCHECK_MAX_DOCUMENT_MB"):
    for value in ("nan", "inf", "-inf", "-1", "ten"):
        case("5", f"{variable}={value}", named("claims.yaml", TWO), ("check", "claims.yaml"), 2,
             (f"{variable}: {value!r} is not a size in megabytes",), env={variable: value})
for value in ("inf", "nan", "-1"):
    case("5", f"--max-document-mb {value}", both(named("doc.txt", "x"), named("claims.yaml", sourced("doc.txt"))),
         ("verify", "claims.yaml", "--max-document-mb", value), 2, (f"--max-document-mb: {str(float(value))!r} is not a size in megabytes",))
case("5", "--max-document-mb 1e308 is no practical limit", both(named("doc.txt", "Italy invested about $6 billion in Kazakhstan"), named("claims.yaml", sourced("doc.txt"))),
     ("verify", "claims.yaml", "--max-document-mb", "1e308"), 0, ("1 exact",))
case("5", "extract --max-document-mb inf", named("doc.txt", "x"), ("extract", "doc.txt", "--source", "a", "--language", "en", "--published", "2025-01-01", "--max-document-mb", "inf"), 2,
     ("--max-document-mb: 'inf' is not a size in megabytes",))
case("5", "FACTCHECK_MAX_FILE_MB=1e308 is no practical limit", named("claims.yaml", TWO), ("check", "claims.yaml"), 0, ("No problems",), env={"FACTCHECK_MAX_FILE_MB": "1e308"})
case("5", "FACTCHECK_MAX_FILE_MB empty is the default", named("claims.yaml", TWO), ("check", "claims.yaml"), 0, ("No problems",), env={"FACTCHECK_MAX_FILE_MB": ""})

# 6. Output that stays well-formed: text from files is data --------------------------------

for label, accepted in [("\\uffff", "\\uffff"), ("\\ufffe", "\\ufffe"), ("\\x00", "\\x00"), ("\\x1b", "\\x1b"), ("\\ud7ff", "\\ud7ff")]:
    case("6", f"junit with accepted: \"{label}\"", named("claims.yaml", CONFLICT.replace("kind: constant", f'kind: constant, accepted: "{accepted}"')),
         ("check", "claims.yaml", "--format", "junit"), 0, ("<testsuites",), check=xml_parses)
case("6", "junit with a quote full of XML", named("claims.yaml", CONFLICT.replace("quote: in Almaty", 'quote: "]]></x><y a=\\"1\\"/>&amp;"')),
     ("check", "claims.yaml", "--format", "junit"), 1, ("<testsuites",), check=xml_parses)
case("6", "sarif with U+FFFF stays JSON", named("claims.yaml", CONFLICT.replace("kind: constant", 'kind: constant, accepted: "\\uffff"')),
     ("check", "claims.yaml", "--format", "sarif"), 0, ('"version": "2.1.0"',), check=lambda tmp, out: json.loads(out) and None)
for label, name in [("::error:: at the start", "::error::x.yaml"), ("::warning file=", "::warning file=a.yaml"), ("a newline", "a\n::error::b.yaml"),
                    ("a CR", "a\r::error::b.yaml"), ("an ESC", "a\x1b[31mb.yaml"), ("U+2028", "a\u2028::error::b.yaml"), ("a leading dash", "-x.yaml")]:
    for fmt in ("text", "github"):
        case("6", f"claims file named with {label} ({fmt})", named(name, CONFLICT), ("check", "--format", fmt, "--", name), 1,
             ("FC101 conflicting s",), never=("\x1b[", "\n::error::b", "\r"), check=no_github_command_from_names)
    case("6", f"claims file named with {label} (exit 2 on stderr)", named(name, CONFLICT + "oops: 1\n"), ("check", "--", name), 2,
         ("unknown key 'oops'",), never=("\x1b[",), check=no_github_command_from_names)
for label, name in [("a newline and a key", "doc\nsays: injected.txt"), ("CR LF", "doc\r\nx: 1.txt"), ("U+2028", "doc\u2028x: 1.txt"),
                    ("U+0085", "doc\u0085x: 1.txt"), ("an ESC", "doc\x1b[2J.txt"), ("a hash", "doc # x.txt")]:
    case("6", f"extract on a document named with {label}", named(name, "Italy invested about $6 billion in Kazakhstan in 2024.\n"),
         ("extract", name, "--source", "a", "--language", "en", "--published", "2025-01-01"), 0,
         ("claims:",), never=("\x1b",), check=yaml_has_only_claims)
case("6", "extract --source with a newline", named("doc.txt", "Italy invested about $6 billion.\n"),
     ("extract", "doc.txt", "--source", "a\nsays: x", "--language", "en", "--published", "2025-01-01"), 2, ("--source:",))
case("6", "extract of a quote holding YAML", named("doc.txt", 'He said: "x"\nkey: value # about $6 billion in 2024.\n---\n'),
     ("extract", "doc.txt", "--source", "a", "--language", "en", "--published", "2025-01-01"), 0, ("claims:",), check=yaml_has_only_claims)

# 7. Caches are verified or rebuilt ----------------------------------------------------------


def tampered_cache(tmp: Path) -> None:
    """A well-formed places cache whose answer for `samarcanda` was edited to Rome."""
    from factcheck.read import places

    cache = tmp / "cache"  # FACTCHECK_CACHE_DIR, from the case's env
    places._memory.clear()
    places._disk_cache.cache_clear()
    places.lookup(("samarcanda",))
    places._save_disk_cache(places._disk_cache())
    [answers] = cache.glob("places-*.json")
    header, _, body = answers.read_bytes().partition(b"\n")
    answers.write_bytes(header + b"\n" + body.replace(b'"samarkand"', b'"rome"'))
    places._memory.clear()  # the run reads the edited file, not this process's memory
    places._disk_cache.cache_clear()


SAMARKAND = HEAD + """\
  - {subject: s, source: a, says: Samarkand, quote: in Samarkand}
  - {subject: s, source: b, says: Samarcanda, quote: a Samarcanda}
"""
case("7", "an edited places cache does not change a verdict", both(named("claims.yaml", SAMARKAND), tampered_cache),
     ("check", "claims.yaml"), 0, ("No problems: 1 subject, 2 claims checked.",), writes=("cache",), claims=2,
     env={"FACTCHECK_CACHE_DIR": "{tmp}/cache"})

# 8. Positions and readings ------------------------------------------------------------------

case("8", "NUL: at its line, not 1:1", named("claims.yaml", TWO.replace("quote: in Astana}\n  - {subject: s, source: b", "quote: in \x00Astana}\n  - {subject: s, source: b")),
     ("check", "claims.yaml"), 2, ("claims.yaml:8:53: control character U+0000",))
case("8", "deep nesting: at the line", named("claims.yaml", TWO + "aliases: " + "[" * 5000 + "]" * 5000 + "\n"),
     ("check", "claims.yaml"), 2, ("claims.yaml:10:", "invalid YAML"))
case("8", "!!python/name: at the tag", named("claims.yaml", TWO.replace("title: S", "title: !!python/name:os.system")),
     ("check", "claims.yaml"), 2, ("claims.yaml:6:20: invalid YAML: Invalid tag: '!!python/name:os.system'",))
case("8", "!!python/object/apply: at the tag", named("claims.yaml", TWO + 'x: !!python/object/apply:os.system ["echo PWNED"]\n'),
     ("check", "claims.yaml"), 2, ("claims.yaml:10:1: unknown key 'x'",), never=("PWNED\n",))
case("8", "an integer key at the top", named("claims.yaml", TWO + "1: x\n"), ("check", "claims.yaml"), 2,
     ("claims.yaml:10:1: 1: a key must be text, not 1",))
case("8", "an integer key in a subject", named("claims.yaml", TWO.replace("title: S,", "title: S, 7: x,")), ("check", "claims.yaml"), 2,
     ("claims.yaml:6:23: subjects.0.7: a key must be text, not 7",))
case("8", "a null key in a claim", named("claims.yaml", BLOCK.replace("    quote: the capital, Astana", "    quote: the capital, Astana\n    ~: x")), ("check", "claims.yaml"), 2,
     ("claims.yaml:20:5: claims.2.None: a key must be text, not None",))
for label, sep in [("U+2028", "\u2028"), ("U+2029", "\u2029"), ("U+0085", "\u0085")]:
    case("8", f"{label} in a value does not shift later lines", named("claims.yaml", TWO.replace("title: A,", f'title: "A{sep}B{sep}C",') + "  - {subject: s, source: c, says: Astana, quote: q}\n"),
         ("check", "claims.yaml"), 2, ("claims.yaml:10:26: unknown source 'c'",))
    case("8", f"{label} in a plain value, then a duplicate key", named("claims.yaml", TWO.replace("title: B,", f"title: B{sep}x,") + "version: 1\n"),
         ("check", "claims.yaml"), 2, ("claims.yaml:10:1: duplicate key 'version' (first defined at line 1)",))
    case("8", f"{label} in a block scalar, then an unknown key", named("claims.yaml", BLOCK.replace("quote: the capital, Astana", f"quote: |\n      the{sep}capital{sep}Astana\n    colour: red")),
         ("check", "claims.yaml"), 2, ("claims.yaml:21:5: unknown key 'colour'",))
case("8", "a tab after U+2028 is at its line", named("claims.yaml", TWO.replace("title: A,", 'title: "A\u2028B",') + "\tx: 1\n"),
     ("check", "claims.yaml"), 2, ("claims.yaml:10:1: invalid YAML",))
case("8", "parse --jsonl: two phrase keys", lambda tmp: None, ("parse", "--jsonl"), 0,
     ('{"error": "the key \'phrase\' is given twice', '"figure": "$6 bn"'),
     stdin='{"phrase": "$6 billion", "phrase": "5"}\n{"phrase": "$6 billion"}\n')
case("8", "parse --jsonl: two lang keys", lambda tmp: None, ("parse", "--jsonl"), 0,
     ('{"error": "the key \'lang\' is given twice',), stdin='{"phrase": "5", "lang": "en", "lang": "it"}\n')
case("8", "HTML with 300 nested divs", both(named("doc.html", "<html><body>" + "<div>" * 300 + "<p>Italy invested about $6 billion in Kazakhstan.</p>" + "</div>" * 300 + "</body></html>"),
                                           named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 2, (f"claims.yaml:3:{PATH_COL}: source 'a': document doc.html is an HTML page with no text factcheck can read",))
case("8", "HTML that is all script", both(named("doc.html", "<html><body><script>var x = 'Italy invested about $6 billion';</script></body></html>"),
                                         named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 2, ("is an HTML page with no text factcheck can read",))
case("8", "HTML with a UTF-7 charset", both(named("doc.html", '<html><head><meta charset="utf-7"></head><body><p>Italy invested about $6 billion in Kazakhstan.</p><p>+ADw-script+AD4-</p></body></html>'),
                                           named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml", "--format", "json"), 0, ('"encoding": "utf-8"', '"exact": 1'))
case("8", "HTML with a UTF-16 charset label on UTF-8 bytes", both(named("doc.html", HTML_PAGE.replace("utf-8", "utf-16").format("Italy invested about $6 billion in Kazakhstan.")),
                                                                 named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
case("4", "U+2028 in a block scalar cannot hide an alias bomb", named("claims.yaml", TWO.replace("title: A,", "title: &big " + "x" * 1_000_000 + ",")
                                                                      + "x: |\n  a\u2028b\naliases:\n  x: [" + ", ".join(["*big"] * 2000) + "]\n"),
     ("check", "claims.yaml"), 2, ("claims.yaml:13:", "aliases expand the file past"))
case("8", "U+2028 in a block scalar, then a duplicate key", named("claims.yaml", BLOCK.replace("quote: the capital, Astana", "quote: |\n      the\u2028capital") + "version: 1\n"),
     ("check", "claims.yaml"), 2, ("claims.yaml:21:1: duplicate key 'version' (first defined at line 1)",))
case("4", "an HTML element with 40,000 attributes holding < and >", both(named("doc.html", HTML_PAGE.format("Italy invested about $6 billion in Kazakhstan.").replace("<p>", "<p " + " ".join(f'a{i}="<b>"' for i in range(40_000)) + ">")),
                                                                         named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
case("4", "an HTML page of 300,000 unclosed attribute quotes", both(named("doc.html", HTML_PAGE.format("Italy invested about $6 billion in Kazakhstan.") + '<a b="' * 300_000),
                                                                   named("claims.yaml", sourced("doc.html"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))


def _dense_pdf(decoded: int) -> bytes:
    """A PDF whose one page draws `decoded` bytes of varied text (it compresses about 5.5x)."""
    import random

    rng = random.Random(1)
    lines, size = [PDF_LINE], len(PDF_LINE)
    while size < decoded:
        line = f"BT /F1 12 Tf 72 720 Td (word{rng.randint(0, 10**9)} text {rng.randint(0, 10**6)}) Tj ET\n".encode()
        lines.append(line)
        size += len(line)
    return pdf(b"".join(lines))


case("4", "a dense PDF inflating 5.5 times is read", both(named("doc.pdf", _dense_pdf(1_000_000)), named("claims.yaml", sourced("doc.pdf"))),
     ("verify", "claims.yaml"), 0, ("1 exact",))
for label, char in [("U+0085", "\u0085"), ("U+2028", "\u2028"), ("U+2029", "\u2029")]:
    case("3", f"accept keeps a raw {label} in a plain value", named("claims.yaml", CONFLICT.replace("  - {id: s, title: S, kind: constant}\n", f"  - id: s\n    title: S{char} T\n    kind: constant\n")),
         ("accept", "s", "claims.yaml", "-r", "why"), 0, ("claims.yaml: accepted subject s",), writes=("claims.yaml",),
         check=lambda tmp, out, char=char: _loads_with(tmp / "claims.yaml", f"S{char} T", "why"))
