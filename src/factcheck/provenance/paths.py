"""Where a source's `path:` may point, and how big a document may be.

A claims file is often written by someone else (a pull request, an extraction pipeline), and
`factcheck verify` runs in CI with the repository's secrets around it. So `path:` is held to the
folder of the claims file that names it: an absolute path, a `..` escape or a symbolic link out
of the folder is refused unless the user passes `--allow-outside-paths`. Only regular files are
read (never a device such as /dev/zero or a FIFO), at most `max_bytes` of them (20 MB unless
`--max-document-mb` or `FACTCHECK_MAX_DOCUMENT_MB` says otherwise), and nothing is fetched from
the network: a URL in `path:` is an error, not a download.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from factcheck.files import read_at_most
from factcheck.load.claims_file import as_bytes, megabytes, megabytes_setting

DEFAULT_MAX_DOCUMENT_MB = 20.0

#: Folders whose files are never documents: version control (a repository's `.git/config` may
#: hold a CI token) and credential stores. Refused at any depth, even with --allow-outside-paths.
SECRET_FOLDERS = frozenset({".git", ".hg", ".svn", ".bzr", "_darcs", "CVS", ".ssh", ".gnupg", ".aws", ".azure",
                            ".kube", ".docker", ".password-store", ".vault-token"})
#: File names that hold secrets (case-insensitive): netrc, dotenv, package-registry tokens, keys
#: and certificates, keystores.
SECRET_NAMES = re.compile(
    r"(?i)^(?:[._]netrc|\.env(?:\..*)?|.*\.env|\.npmrc|\.pypirc|\.yarnrc(?:\.yml)?|\.git-credentials|\.gitconfig"
    r"|\.pgpass|\.my\.cnf|\.htpasswd|\.vault-token|credentials(?:\.json|\.xml)?|secrets?(?:\.(?:ya?ml|json|toml|env))?"
    r"|id_(?:rsa|dsa|ecdsa|ed25519)(?:\.pub)?|.*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|kdbx|gpg|asc|ovpn|ppk))$"
)


def secret_part(path: PurePosixPath | Path) -> str | None:
    """The part of `path` that makes it a version-control or credential file, if any."""
    for part in path.parts:
        if part in SECRET_FOLDERS or part.lower() in SECRET_FOLDERS:
            return part + "/"
        if SECRET_NAMES.match(part):
            return part
    return None


class DocumentError(Exception):
    """A document that cannot be used; the message says why, in words."""


def max_document_bytes(mb: float | None = None) -> int:
    """The size limit: the option if given, else FACTCHECK_MAX_DOCUMENT_MB, else 20 MB."""

    if mb is None:
        mb = megabytes_setting("FACTCHECK_MAX_DOCUMENT_MB", DEFAULT_MAX_DOCUMENT_MB)
    return as_bytes(megabytes(mb, "--max-document-mb"))


def size(n: int) -> str:
    """`10.5 KB`, `20 MB`: sizes as people say them."""
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB"
    return f"{n / 1024 / 1024:.1f} MB".replace(".0 MB", " MB")


def resolve(base: Path, raw: str, allow_outside: bool = False) -> Path:
    """The file `raw` names, relative to the folder `base`; raises DocumentError when it may
    not be read."""
    if not raw.strip():
        raise DocumentError("path: is empty")
    if "\x00" in raw:
        raise DocumentError("path: contains a NUL character")
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", raw):
        raise DocumentError(f"path: {raw!r} is a URL; factcheck never fetches from the network: save the document and give its local path")
    absolute = PurePosixPath(raw).is_absolute() or PureWindowsPath(raw).is_absolute() or raw.startswith("~")
    if absolute and not allow_outside:
        raise DocumentError(f"path: {raw!r} is absolute; give it relative to the claims file's folder, or pass --allow-outside-paths")
    target = Path(os.path.expanduser(raw)) if absolute else base / raw
    if not allow_outside:
        inside = base.resolve()
        where = target.resolve()
        if not where.is_relative_to(inside):
            raise DocumentError(f"path: {raw!r} points outside the claims file's folder; pass --allow-outside-paths to allow it")
    secret = secret_part(PurePosixPath(raw.replace("\\", "/"))) or secret_part(_below(base, target.resolve()))
    if secret is not None:
        raise DocumentError(f"path: {raw!r} is a version-control or credential file ({secret}): such files are never read "
                            "as documents (verify runs next to CI secrets)")
    return target


def _below(base: Path, where: Path) -> Path:
    """`where` relative to the folder `base` when it is inside it, else the whole path."""
    try:
        return where.relative_to(base.resolve())
    except ValueError:
        return where


def read_bytes(path: Path, max_bytes: int, name: str | None = None) -> bytes:
    """The bytes of a regular file no bigger than `max_bytes`; `name` is how messages call it
    (the `path:` as written)."""

    shown = name or path.as_posix()
    try:
        info = path.stat()
    except FileNotFoundError:
        raise DocumentError(f"document {shown} not found") from None
    except OSError as exc:
        raise DocumentError(f"document {shown} cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise DocumentError(f"document {shown} is not a regular file")
    limit = size(max_bytes)
    if info.st_size > max_bytes:
        raise DocumentError(f"document {shown} is {size(info.st_size)}, over the {limit} limit (--max-document-mb)")
    try:
        with path.open("rb") as f:
            data = read_at_most(f, max_bytes)
    except OSError as exc:
        raise DocumentError(f"document {shown} cannot be read: {exc.strerror}") from None
    if len(data) > max_bytes:  # grew while we looked
        raise DocumentError(f"document {shown} is over the {limit} limit (--max-document-mb)")
    return data
