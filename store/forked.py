"""Work done in a forked child process, alongside this one, on a machine with a core to spare.

Only where forking is safe (`can_fork`): on Linux, from a process running a single thread. A
fork copies only the thread that made it, so a lock another thread held would never be
released in the child; that rules out the app, whose workers run in threads, and leaves the
command line. The child starts as a copy of this process's memory, so its work needs nothing
imported or sent: give it everything it needs before forking, and nothing of SQLite's (a
connection must not be carried across a fork, and the child never opens one). Its answer
comes back pickled through a pipe (pickle is safe here: it comes from our own child, never
from a file), and it ends with `os._exit`, running none of the clean-ups it copied (atexit,
buffered output)."""

import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import BinaryIO, Generic, NoReturn, TypeVar

T = TypeVar("T")

_STOPPING = {signal.SIGINT, signal.SIGTERM}


def can_fork() -> bool:
    """Whether a child process can safely work alongside this one, on a core of its own."""
    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and len(os.sched_getaffinity(0)) > 1
    )


class Child(Generic[T]):
    """A forked child at work (`pid` None: none could be started): collect its answer once
    with `result`."""

    def __init__(self, pid: int | None, pipe: BinaryIO) -> None:
        self.pid = pid
        self._pipe = pipe
        self.done = False

    def result(self) -> T | None:
        """What the work returned, once the child is done; None if it failed, or if there was
        no child, or on asking again. Its error is not shown: the caller does the work itself
        instead, and meets the error there if real."""
        if self.pid is None or self.done:
            return None
        try:
            answer: T | None = pickle.load(self._pipe)
        except (EOFError, pickle.UnpicklingError):
            answer = None
        _, status = os.waitpid(self.pid, 0)
        self.done = True
        return answer if os.waitstatus_to_exitcode(status) == 0 else None


@contextmanager
def forked(work: Callable[[], T]) -> Iterator[Child[T]]:
    """`work()` running in a child process while the block runs. Leaving the block stops a
    child whose answer was not collected (after an error, say), and leaves no process behind.
    Ctrl+C and termination wait until each process knows its part: a child interrupted before
    that would carry on as a second copy of the program."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, [])  # as it is: blocks nothing more
    read, write = os.pipe()
    unclaimed = {read, write}
    pid: int | None = None
    child: Child[T] | None = None
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        try:
            pid = os.fork()
        except OSError:  # no process to spare (a limit reached, or memory): no child, no answer
            pid = None
        if pid == 0:
            _answer(work, read, write, before)
        os.close(write)
        unclaimed.discard(write)
        with os.fdopen(read, "rb") as pipe:
            unclaimed.discard(read)
            child = Child(pid, pipe)
            signal.pthread_sigmask(signal.SIG_SETMASK, before)
            yield child
    finally:
        if pid is not None and (child is None or not child.done):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for fd in unclaimed:
            os.close(fd)
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _answer(
    work: Callable[[], T], read: int, write: int, signals: set[int | signal.Signals]
) -> NoReturn:
    """In the child: send what `work` returns, then end, with status 1 if anything failed."""
    status = 1
    try:
        os.close(read)
        signal.pthread_sigmask(signal.SIG_SETMASK, signals)
        answer = work()
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(answer, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)
