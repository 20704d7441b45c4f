"""Pause Python's cyclic garbage collector around bulk work.

Loading and judging 100k claims allocates millions of small, acyclic objects; the cyclic GC
keeps scanning them while they are being built, which cost ~30% of a 100k-claim run when
measured (bench/run.py). Reference counting still frees everything as usual; the collector
is switched back on afterwards.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
