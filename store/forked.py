"""Work done in a forked child process, alongside this one, on a machine with a core to spare.

Only where forking is safe (`can_fork`): on Linux, from a process running a single thread. A
fork copies only the thread that made it, so a lock another thread held would never be
released in the child; that rules out the app, whose workers run in threads, and leaves the
command line. The child starts as a copy of this process's memory, so nothing is imported or
sent to it. It must not use a connection this process opened (SQLite forbids carrying one
across a fork): its work opens its own. Its answer comes back pickled through a pipe (pickle is
safe here: it comes from our own child, never from a file), and it ends with `os._exit`,
running none of the clean-ups it copied (atexit, buffered output, open connections)."""

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a child process can safely work alongside this one, and would have a core to."""
    return sys.platform == "linux" and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


class Forked(Generic[T]):
    """`work()` running in a child process, from the moment this is made. Use it as a context
    manager: leaving the block stops a child whose result was not collected."""

    def __init__(self, work: Callable[[], T]) -> None:
        read, write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:
            os.close(read)
            _answer(work, write)
        os.close(write)
        self._read: int | None = read

    def result(self) -> T | None:
        """What `work` returned, once the child is done; None if it failed. Its error is not
        shown: the caller does the work itself instead, and meets the error there if real."""
        read, self._read = self._read, None
        if read is None:
            raise RuntimeError("the child's result was already collected")
        try:
            with os.fdopen(read, "rb") as pipe:
                answer: T | None = pickle.load(pipe)
        except (EOFError, pickle.UnpicklingError):
            answer = None
        _, status = os.waitpid(self._pid, 0)
        return answer if os.waitstatus_to_exitcode(status) == 0 else None

    def __enter__(self) -> "Forked[T]":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._read is not None:
            os.close(self._read)
            self._read = None
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)


def _answer(work: Callable[[], T], write: int) -> NoReturn:
    """In the child: send what `work` returns, then end, with status 1 if anything failed."""
    status = 1
    try:
        answer = work()
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)
