"""Work in a forked child process (store/forked.py): its answer comes back, a failure is only
"no answer", and a child nobody waits for is stopped."""

import os
import signal
import threading

import pytest

from store.forked import Forked, can_fork


def test_the_childs_answer_comes_back() -> None:
    with Forked(lambda: {"meeting": "folded", "pid": os.getpid()}) as child:
        answer = child.result()
    assert answer is not None
    assert answer["meeting"] == "folded"
    assert answer["pid"] != os.getpid()  # worked out in another process


def test_a_child_that_fails_gives_no_answer() -> None:
    with Forked(lambda: 1 / 0) as child:
        assert child.result() is None


def test_an_answer_is_collected_once() -> None:
    with Forked(lambda: 1) as child:
        assert child.result() == 1
        with pytest.raises(RuntimeError):
            child.result()


def test_leaving_without_the_answer_stops_the_child() -> None:
    with Forked(signal.pause) as child:  # would wait for a signal for ever
        pid = child._pid
    with pytest.raises(ChildProcessError):  # gone, and already reaped
        os.waitpid(pid, os.WNOHANG)


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
