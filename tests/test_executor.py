"""Extraction behind the executor interface gives the same briefings wherever it runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from distributed import LocalCluster

from briefing.build import build
from briefing.config import load_config
from briefing.errors import BuildError
from briefing.executor import LocalExecutor, SerialExecutor, make_executor

REPO = Path(__file__).resolve().parent.parent


def _square(x: int) -> int:
    return x * x


def test_local_pool_keeps_input_order() -> None:
    assert list(LocalExecutor(2).map(_square, range(20))) == [x * x for x in range(20)]


def test_small_batches_run_in_process() -> None:
    assert isinstance(make_executor("local", jobs=4, scheduler=None, batch=1), SerialExecutor)
    assert isinstance(make_executor("local", jobs=1, scheduler=None, batch=100), SerialExecutor)


def test_dask_without_scheduler_is_a_clear_error() -> None:
    with pytest.raises(BuildError, match="--scheduler"):
        make_executor("dask", jobs=2, scheduler=None, batch=10)


def _site_json(out: Path) -> dict[str, bytes]:
    site = out / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.json"))}


def test_dask_cluster_build_equals_local_build(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    config = load_config(None, root=tmp_path).config
    build(config, content_dir=content, out_dir=tmp_path / "local", pdf=False, use_cache=False, jobs=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build(
            config,
            content_dir=content,
            out_dir=tmp_path / "dask",
            pdf=False,
            use_cache=False,
            executor="dask",
            scheduler=cluster.scheduler_address,
        )
    assert report.articles == len(list(content.iterdir()))
    assert _site_json(tmp_path / "dask") == _site_json(tmp_path / "local")


def test_unreachable_scheduler_is_a_build_error(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    config = load_config(None, root=tmp_path).config
    with pytest.raises(BuildError, match="Dask scheduler"):
        build(
            config,
            content_dir=content,
            out_dir=tmp_path / "out",
            pdf=False,
            use_cache=False,
            executor="dask",
            scheduler="tcp://127.0.0.1:9",
        )
