"""Background jobs for long work (building and rendering a big batch of sheets) that must not freeze
the window.

A :class:`Job` runs a plain function on a ``QThreadPool`` thread and reports through the signals of
its :class:`JobSignals` (an object living in the GUI thread, so every slot runs there). The function
gets the job itself to report progress (:meth:`Job.report`) and to look whether the user cancelled
(:meth:`Job.is_cancelled`). It must never touch widgets, and it opens its own unit of work
(``context.uow()``): sessions are not shared between threads.

    job = Job(lambda job: service(context.uow(), ..., progress=job.report, cancelled=job.is_cancelled))
    job.signals.finished.connect(...)
    start(job)
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

_RUNNING: set[Job] = set()  # keeps jobs (and their signal objects) alive until they have reported
_LOCK = threading.Lock()


class JobSignals(QObject):
    """What a job reports; connect before :func:`start`.

    Signals:
        progress(int, int): steps done, steps in all.
        finished(object): the function's return value.
        failed(object): the exception it raised.
        cancelled(): it stopped because the user cancelled (it raised one of ``cancel_exceptions``).
        done(): emitted last, whatever the outcome.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()


class Job(QRunnable):
    """A function run on a pool thread.

    Args:
        function: called with the job; its return value is reported by ``finished``.
        cancel_exceptions: exceptions that mean "the user cancelled" (reported by ``cancelled``).
        name: for the log.
    """

    def __init__(
        self,
        function: Callable[[Job], object],
        *,
        cancel_exceptions: tuple[type[BaseException], ...] = (),
        name: str = "job",
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it (see _RUNNING)
        self.signals = JobSignals()
        self.name = name
        self._function = function
        self._cancel_exceptions = cancel_exceptions
        self._cancel = threading.Event()
        self._finished = threading.Event()
        self.signals.done.connect(self._forget)

    # -- called from any thread
    def cancel(self) -> None:
        """Ask the function to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """Report progress (thread-safe: the signal is queued to the GUI thread)."""
        self.signals.progress.emit(int(done), int(total))

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function returned (tests and shutdown only); True if it did."""
        return self._finished.wait(timeout)

    # -- pool thread
    def run(self) -> None:
        try:
            result = self._function(self)
        except self._cancel_exceptions:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - reported to the GUI thread, which decides
            log.debug("%s failed", self.name, exc_info=True)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            self._finished.set()
            self.signals.done.emit()

    def _forget(self) -> None:
        with _LOCK:
            _RUNNING.discard(self)


def start(job: Job, pool: QThreadPool | None = None) -> Job:
    """Run ``job`` on ``pool`` (the global pool by default) and keep it alive until it has reported."""
    with _LOCK:
        _RUNNING.add(job)
    (pool or QThreadPool.globalInstance()).start(job)
    return job


def running_jobs() -> int:
    """How many started jobs have not reported yet."""
    with _LOCK:
        return len(_RUNNING)
