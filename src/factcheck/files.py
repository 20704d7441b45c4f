"""Writing files: atomically, safely next to hostile neighbours, never over the command's input.

Every file factcheck writes (`-o FILE`, `factcheck accept`) goes through `atomic_write`:

- the new bytes go to a temporary file in the target's folder created with `O_CREAT | O_EXCL`
  under a random name (`tempfile.mkstemp`), so a symbolic link planted at a predictable name
  cannot redirect the write, and two runs never share a temporary file;
- the temporary file gets the mode of the file it replaces (a 0600 file stays 0600; a new file
  gets 0666 less the umask, as `open()` would give it), is flushed to disk, then renamed over
  the target: a reader sees the old file or the new one, never half of one;
- a target that is a symbolic link is written through: the file it points to is replaced and the
  link stays a link;
- on any failure or interruption (an exception, Ctrl-C, SIGTERM, SIGHUP) the temporary file is
  removed: no `*.tmp` file is left behind.

`locked_edit` is the read-modify-write of `factcheck accept`: an exclusive `flock` on the file
while it is read, edited and replaced, so concurrent edits are applied one after the other and
none is lost.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, TypeVar

from factcheck.errors import Diagnostic, UnusableInput

T = TypeVar("T")


def read_at_most(f: BinaryIO, limit: int) -> bytes:
    """At most `limit + 1` bytes of `f` (one more than the limit tells "over it"), read in
    chunks: `f.read(limit + 1)` would allocate the whole buffer first, a MemoryError when the
    limit is set to no practical limit (`1e308` MB)."""
    chunks: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = f.read(min(left, 2**20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class WriteRefused(Exception):
    """The file may not be written (it is an input of the command); the message says why."""


def real_target(path: Path) -> Path:
    """The file a write to `path` replaces: the end of its chain of symbolic links."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit for the duration, so cleanup runs (main thread only)."""

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` (text is written as UTF-8, byte for byte: no newline
    translation). Raises OSError when the folder cannot be written."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    target = real_target(path)
    mode = _mode_for(target)
    with _signals_raise():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def same_file(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one existing file (through links, `..`, hard links)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def refuse_inputs(output: Path, inputs: list[Path]) -> None:
    """WriteRefused when `output` is one of the command's inputs (`report -o claims.yaml`)."""

    for given in inputs:
        if same_file(output, given):
            raise WriteRefused(f"{display_name(output)}: is the command's input {display_name(given)}; refusing to write over it (choose another -o file)")


def locked_edit(path: Path, edit: Callable[[], tuple[str | bytes, T]]) -> T:
    """Hold an exclusive lock on the file `path` names while `edit()` reads it and computes the
    new content, then write that content atomically; returns what `edit` returns beside the
    content. A writer that replaced the file while this one waited for the lock is noticed (the
    name no longer points at the locked file) and the edit starts again on the new file."""
    target = real_target(path)
    try:
        import fcntl
    except ImportError:  # no flock (Windows): one edit at a time is then the user's concern
        data, result = edit()
        atomic_write(path, data)
        return result
    while True:
        fd = os.open(target, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                current = os.stat(target)
            except FileNotFoundError:
                current = None
            locked = os.fstat(fd)
            if current is None or (current.st_dev, current.st_ino) != (locked.st_dev, locked.st_ino):
                continue  # replaced while we waited: edit the new file
            data, result = edit()
            atomic_write(path, data)
            return result
        finally:
            os.close(fd)


def display_name(path: Path) -> str:
    """The name errors use: relative to the working directory when it is below it.

    A relative name that does not start with a letter, digit, `.` or `_` is written `./name`:
    every output line that starts with a file name (`check`'s text format, errors on standard
    error) then starts with `./`, so a file named `::error::x.yaml` cannot make the line a
    GitHub Actions workflow command. Control characters and line breaks in names are escaped
    where names are printed (`printable`)."""
    try:
        name = os.path.relpath(path) if not path.is_absolute() else str(path)
    except ValueError:
        name = str(path)
    if name and not (name[0].isalnum() or name[0] in "._/"):
        name = "./" + name
    return name


@contextlib.contextmanager
def unreadable_as_input(name: str) -> Iterator[None]:
    """A claims file that cannot be opened or read (YAML or JSONL) as `UnusableInput` at its
    first line, in the same words for every kind of file."""
    try:
        yield
    except FileNotFoundError:
        raise UnusableInput([Diagnostic(name, 1, 1, "file not found")]) from None
    except IsADirectoryError:
        raise UnusableInput([Diagnostic(name, 1, 1, "is a directory, not a claims file")]) from None
    except OSError as exc:
        raise UnusableInput([Diagnostic(name, 1, 1, f"cannot read: {exc.strerror}")]) from None


def refuse_special(info: os.stat_result, name: str) -> None:
    """A claims file is a regular file or a pipe: a device (`/dev/zero`) or socket is refused
    before a byte is read, since it may never end."""

    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise UnusableInput([Diagnostic(name, 1, 1, "not a regular file (a device or socket): not read")])
