"""A progress bar on stderr for long runs (a million-claim claims.jsonl takes tens of seconds).

Shown only when stderr is a terminal and the run has already lasted a second: a quick check
stays silent, and CI logs and pipes (not terminals) never get bar characters. It is drawn by
rich on stderr, so the report on stdout stays byte-identical, and it disappears when done.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO, Any, Self

#: Seconds a run must have lasted before the bar appears.
DELAY = 1.0


class ProgressBar:
    """Two stages: reading each claims file (bytes), then judging (subjects)."""

    def __init__(self, stream: IO[str] | None = None, *, enabled: bool | None = None,
                 clock: Callable[[], float] = time.monotonic, force_terminal: bool | None = None):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.clock = clock
        self.started_at = clock()
        self.force_terminal = force_terminal
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}
        self._pending: dict[str, tuple[int, int]] = {}  # stage -> (done, total) before the bar shows

    def reading(self, name: str, size: int) -> Callable[[int], None]:
        """A callback for the bytes of one file read so far."""
        from factcheck.safe_text import printable

        label = f"reading {printable(name)}"
        return lambda done: self.update(label, done, size)

    def judging(self, done: int, total: int) -> None:
        self.update("judging subjects", done, total)

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._pending[stage] = (done, total)
            if self.clock() - self.started_at < DELAY:
                return
            self._start()
            for pending, (done_then, total_then) in self._pending.items():
                self._show(pending, done_then, total_then)
            return
        self._show(stage, done, total)

    def _show(self, stage: str, done: int, total: int) -> None:
        task = self._tasks.get(stage)
        if task is None:
            task = self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(task, completed=done, total=total)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream, force_terminal=self.force_terminal)
        # Labels hold file names: `markup=False`, so rich prints them and never reads them as markup.
        self._bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), TaskProgressColumn(),
                             TimeRemainingColumn(), console=console, transient=True)
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
