"""`within(seconds)`: a test that would hang (a FIFO, a held lock) fails instead."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import Any


class Hung(Exception):
    """Not an OSError: code that swallows OSErrors cannot swallow this one."""


@contextlib.contextmanager
def within(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: Any) -> None:
        raise Hung(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
