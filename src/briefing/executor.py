"""Where extraction runs: in this process, a local process pool, or a Dask cluster.

Extraction is the expensive, embarrassingly parallel stage (~0.15 s of spaCy per article), so it
goes behind one small interface: `map(fn, chunks)` yields results in input order. A 1,000-article
corpus needs only the local pool; an archive of 100,000+ articles (hours of NLP) can be spread over
a Dask distributed cluster with `--executor dask --scheduler ADDR`. Both share the
content-addressed cache, so only changed articles are ever sent to workers. No home-made queue:
scheduling, retries and data movement are Dask's.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Literal, Protocol, TypeVar

from .errors import BuildError

T = TypeVar("T")
R = TypeVar("R")

ExecutorName = Literal["local", "dask"]


class Executor(Protocol):
    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """Apply `fn` to every item, yielding results in input order."""
        ...


class SerialExecutor:
    """In this process: for small batches, where starting workers costs more than it saves."""

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        return map(fn, items)


class LocalExecutor:
    """A pool of worker processes on this machine (forkserver: safe with threads in the parent)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        work = list(items)
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(
            max_workers=max(1, min(self.workers, len(work))), mp_context=context
        ) as pool:
            yield from pool.map(fn, work)


class DaskExecutor:
    """Tasks on a Dask distributed cluster; each worker loads spaCy once and keeps it."""

    def __init__(self, scheduler: str) -> None:
        self.scheduler = scheduler

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        try:
            from distributed import Client
        except ImportError:
            raise BuildError(
                "the dask executor needs 'dask[distributed]': pip install 'briefing[dask]'"
            ) from None
        try:
            client = Client(self.scheduler, timeout="10s", set_as_default=False)
        except OSError as exc:
            raise BuildError(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
        with client:
            futures = client.map(fn, list(items), pure=False)
            for future in futures:
                yield future.result()


def make_executor(name: ExecutorName, *, jobs: int, scheduler: str | None, batch: int) -> Executor:
    """The executor for a build: Dask when asked, else local processes when there is enough work."""
    if name == "dask":
        if not scheduler:
            raise BuildError("--executor dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
        return DaskExecutor(scheduler)
    if jobs <= 1 or batch <= 1:
        return SerialExecutor()
    return LocalExecutor(jobs)
