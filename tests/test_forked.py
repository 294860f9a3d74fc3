"""Work in a forked child process (store/forked.py): its answer comes back, a failure is only
"no answer", a child nobody waits for is stopped, and Ctrl+C works as before afterwards."""

import os
import signal
import threading
from contextlib import nullcontext

import pytest

from store.forked import can_fork, forked


def blocked_signals() -> set[int]:
    return set(signal.pthread_sigmask(signal.SIG_BLOCK, []))


def test_the_childs_answer_comes_back() -> None:
    with forked(lambda: {"meeting": "folded", "pid": os.getpid()}) as child:
        answer = child.result()
        assert child.result() is None  # collected once
    assert answer is not None
    assert answer["meeting"] == "folded"
    assert answer["pid"] != os.getpid()  # worked out in another process


def test_a_child_that_fails_gives_no_answer() -> None:
    with forked(lambda: 1 / 0) as child:
        assert child.result() is None


def test_when_no_child_can_be_started_there_is_no_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError("no process to spare")

    monkeypatch.setattr(os, "fork", no_fork)
    with forked(lambda: 1) as child:
        assert child.result() is None


def test_leaving_without_the_answer_stops_the_child() -> None:
    with pytest.raises(KeyboardInterrupt), forked(signal.pause) as child:  # waits for ever
        pid = child.pid
        raise KeyboardInterrupt  # Ctrl+C in the parent, while the child works
    assert pid is not None
    with pytest.raises(ChildProcessError):  # gone, and already reaped
        os.waitpid(pid, os.WNOHANG)


@pytest.mark.parametrize("failing", [False, True])
def test_ctrl_c_is_heard_again_afterwards(failing: bool) -> None:
    """Interrupts wait while the process forks, and only then."""
    before = blocked_signals()
    with pytest.raises(ZeroDivisionError) if failing else nullcontext(), forked(lambda: 1) as child:
        assert signal.SIGINT not in blocked_signals()
        assert child.result() == 1
        if failing:
            raise ZeroDivisionError
    assert blocked_signals() == before


def test_interrupts_wait_while_forking_and_the_work_hears_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl+C between the fork and the child's own clean-up would let the child carry on
    as a second copy of the command: the fork happens with interrupts held back."""
    held_at_fork: list[set[int]] = []
    fork = os.fork

    def watched_fork() -> int:
        held_at_fork.append(blocked_signals())
        return fork()

    monkeypatch.setattr(os, "fork", watched_fork)
    before = blocked_signals()
    with forked(blocked_signals) as child:
        in_the_child = child.result()
    assert {signal.SIGINT, signal.SIGTERM} <= held_at_fork[0]
    assert in_the_child == before


def test_no_fork_while_another_thread_runs() -> None:
    """A fork copies only the thread that made it: in the app, whose workers are threads, a
    lock held by another thread would never be released in the child."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not can_fork()
    finally:
        release.set()
        other.join()
