"""`rumours crawl --engine scrapyd` end to end: real Scrapyd nodes and redis-server on loopback, recorded outlets."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from aggregator.cli import main
from aggregator.crawl import REPO_ROOT
from spiders.recorded_server import RecordedServer, RecordedSite, serve_in_thread
from tests.distributed_helpers import free_port, missing_tools, redis_server, scrapyd_node
from tests.spiders.crawl_helpers import fast_settings, rows

pytestmark = pytest.mark.slow
OUTLETS = ["skynews", "abendzeitung", "dailymail"]  # 10 recorded articles between them
needs_tools = pytest.mark.skipif(missing_tools() is not None, reason=missing_tools() or "")
ARTICLE_COLUMNS = "url, outlet_id, title, body, language, author, section, published_at, modified_at, origin, etag"


def settings_args(settings: dict[str, object]) -> list[str]:
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """A redis-server and two Scrapyd nodes, for the whole module; every process is stopped at the end."""
    if missing_tools():
        pytest.skip(missing_tools() or "")
    root = tmp_path_factory.mktemp("cluster")
    with redis_server(root) as redis, scrapyd_node(root / "n1", 4) as n1, scrapyd_node(root / "n2", 4) as n2:
        yield redis, [n1, n2]


@pytest.fixture()
def server() -> Iterator[RecordedServer]:
    running = serve_in_thread(RecordedSite())
    yield running
    running.stop()


@needs_tools
def test_two_nodes_store_every_article_once_fetch_no_url_twice_and_match_a_local_crawl(
    tmp_path: Path, server: RecordedServer, cluster: tuple[str, list[str]]
) -> None:
    redis, nodes = cluster
    settings = settings_args(fast_settings(server))
    local = CliRunner().invoke(main, ["--db", str(tmp_path / "local.db"), "crawl", *OUTLETS, *settings])
    assert local.exit_code == 0, local.output
    since = len(server.site.hits)

    started = time.monotonic()
    args = ["--db", str(tmp_path / "d.db"), "crawl", *OUTLETS, "--engine", "scrapyd", "--nodes", ",".join(nodes)]
    quick = settings_args({"RUMOURS_IDLE_CLOSE": 1.0, "RUMOURS_HEARTBEAT_SECONDS": 0.2})  # workers close sooner
    result = CliRunner().invoke(main, [*args, "--redis", redis, *settings, *quick])
    took = time.monotonic() - started
    assert result.exit_code == 0, result.output
    for outlet in OUTLETS:
        assert any(line.startswith(f"│ {outlet} ") and "│ ok" in line for line in result.output.splitlines()), (
            result.output
        )

    fetched = Counter(url for url, _, _ in server.site.hits[since:] if not url.endswith("/robots.txt"))
    articles = {url for name in OUTLETS for url in server.site.outlets[name]}
    assert {url for url in fetched if url in articles} == articles
    assert [url for url, count in fetched.items() if count > 1] == []  # two nodes, one frontier per outlet

    db = tmp_path / "d.db"
    (stored,) = rows(tmp_path / "local.db", "SELECT COUNT(*) FROM articles")[0]
    assert stored >= len(articles) - 2  # a recorded page or two is not a transfer story: dropped by both crawls
    assert rows(db, "SELECT COUNT(*), COUNT(DISTINCT url) FROM articles") == [(stored, stored)]
    same = f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY url"
    assert rows(db, same) == rows(tmp_path / "local.db", same)
    reports = "SELECT a.url, r.seq, r.title, r.text, r.link FROM reports r JOIN articles a ON a.id = r.article_id"
    assert sorted(rows(db, reports)) == sorted(rows(tmp_path / "local.db", reports))
    runs = "SELECT spider, status, items FROM crawl_runs ORDER BY spider"
    assert rows(db, runs) == rows(tmp_path / "local.db", runs)
    assert [status for _, status, _ in rows(db, runs)] == ["ok"] * len(OUTLETS)

    health = CliRunner().invoke(main, ["--db", str(db), "health", "--format", "json"])
    assert health.exit_code == 0, health.output
    crawled = [row for row in json.loads(health.output) if row.get("status")]
    assert len(crawled) == len(OUTLETS) and all(row["status"] == "ok" and not row["warnings"] for row in crawled)
    print(f"scrapyd crawl of {len(articles)} articles on 2 nodes: {took:.1f} s")


def test_an_unreachable_node_is_one_line_and_exit_1(tmp_path: Path) -> None:
    pytest.importorskip("requests")
    dead = f"http://127.0.0.1:{free_port()}"
    args = ["--db", str(tmp_path / "r.db"), "crawl", "bbc", "--engine", "scrapyd", "--nodes", dead]
    result = CliRunner().invoke(main, [*args, "--redis", f"redis://127.0.0.1:{free_port()}/0"])
    assert result.exit_code == 1, result.output
    assert result.output.strip().splitlines() == [f"Error: scrapyd node {dead}: unreachable (Connection refused)"]
    assert not (tmp_path / "r.db").exists()  # refused before anything starts


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--nodes", "http://127.0.0.1:6800"], "--nodes (scrapyd_nodes) needs --redis (redis_url)"),
        (["--engine", "scrapyd", "--redis", "redis://127.0.0.1:6379/0"], "--engine scrapyd needs --nodes"),
        (["--nodes", "ftp://x", "--redis", "redis://127.0.0.1:6379/0"], "not a Scrapyd URL: 'ftp://x'"),
        (["--redis", "http://127.0.0.1:6379"], "--redis: redis_url = 'http://127.0.0.1:6379': expected redis://"),
    ],
)
def test_engine_options_that_do_not_fit_are_refused_in_one_line(
    tmp_path: Path, options: list[str], message: str
) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "r.db"), "crawl", "bbc", *options])
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and message in result.output, result.output


@needs_tools
def test_a_refused_deploy_shows_scrapyds_message(tmp_path: Path, cluster: tuple[str, list[str]]) -> None:
    from aggregator.scrapyd import DeployRefused, Node, deploy

    not_an_egg = tmp_path / "x.egg"
    not_an_egg.write_bytes(b"not a zip")
    with pytest.raises(DeployRefused) as refused:
        deploy([Node(cluster[1][0])], not_an_egg, "1")
    assert str(refused.value).startswith(f"deploy refused: scrapyd node {cluster[1][0].rstrip('/')}: addversion.json:")
    assert "egg is not a ZIP file" in str(refused.value) and "\n" not in str(refused.value)


@needs_tools
def test_the_egg_holds_both_packages_the_recorded_pages_and_the_settings_entry_point(tmp_path: Path) -> None:
    from aggregator.scrapyd import build_egg

    egg = build_egg(REPO_ROOT, tmp_path)
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    assert {"spiders/settings.py", "spiders/outlets/bbc.py", "aggregator/store.py"} <= names
    pages = {str(p.relative_to(REPO_ROOT)) for p in (REPO_ROOT / "spiders/recorded").rglob("*") if p.is_file()}
    assert pages and pages <= names
    assert "[scrapy]\nsettings = spiders.settings" in entry_points
    assert not (REPO_ROOT / "setup.py").exists() and not (REPO_ROOT / "build").exists()  # built from a copy
    # Inside Scrapyd the egg alone must do: list the spiders from it with this checkout's own import hook removed.
    script = (
        "import sys, os\n"
        "sys.meta_path = [f for f in sys.meta_path if 'editable' not in repr(f)]\n"
        "sys.path = [p for p in sys.path if os.path.abspath(p or '.') != os.path.abspath(sys.argv[2])]\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "os.environ['SCRAPY_SETTINGS_MODULE'] = 'spiders.settings'\n"
        "from scrapy.spiderloader import SpiderLoader\n"
        "from scrapy.utils.project import get_project_settings\n"
        "import spiders\n"
        "print(spiders.__file__)\n"
        "print(' '.join(sorted(SpiderLoader.from_settings(get_project_settings()).list())))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(egg), str(REPO_ROOT)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")},
    )
    assert done.returncode == 0, done.stderr
    where, spiders = done.stdout.splitlines()[-2:]
    assert where.startswith(str(egg)) and "bbc" in spiders.split() and "kicker" in spiders.split()


def test_a_node_that_stops_answering_is_reported_not_waited_on() -> None:
    pytest.importorskip("requests")
    from aggregator.scrapyd import Job, Node, follow

    gone = Node(f"http://127.0.0.1:{free_port()}", timeout=1)
    started = time.monotonic()
    jobs = follow([Job(gone, "bbc", "j1", state="running")], silence=1.0)
    assert time.monotonic() - started < 10
    assert jobs[0].state == "lost" and "stopped answering" in jobs[0].stats["lost"]


@needs_tools
def test_ctrl_c_cancels_the_jobs_on_the_nodes_and_exits_130(
    tmp_path: Path, server: RecordedServer, cluster: tuple[str, list[str]]
) -> None:
    from aggregator.scrapyd import PROJECT, Node

    redis, nodes = cluster
    slow = settings_args(fast_settings(server, DOWNLOAD_DELAY=2, CONCURRENT_REQUESTS_PER_DOMAIN=1))
    argv = [sys.executable, "-m", "aggregator", "--db", str(tmp_path / "r.db"), "crawl", "skynews", "dailymail"]
    argv += ["--engine", "scrapyd", "--nodes", nodes[0], "--redis", redis, *slow]
    node = Node(nodes[0])
    with subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        deadline = time.monotonic() + 90
        while not any(not url.endswith("/robots.txt") for url, _, _ in server.site.hits):  # the spiders crawl
            assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read() if proc.stdout else ""
            time.sleep(0.2)
        assert node.call("listjobs.json", params={"project": PROJECT})["running"]
        proc.send_signal(signal.SIGINT)
        try:
            output, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert proc.returncode == 130, output
    assert node.call("listjobs.json", params={"project": PROJECT})["running"] == []
    assert node.call("listjobs.json", params={"project": PROJECT})["pending"] == []
    statuses = rows(tmp_path / "r.db", "SELECT status FROM crawl_runs")
    assert statuses and {s for (s,) in statuses} <= {"failed", "interrupted"}, statuses  # closed, not "running"
    assert "interrupted: running crawls stopped" in output, output


def test_the_engine_settings_come_from_the_config_file_and_environment_and_status_shows_them(tmp_path: Path) -> None:
    from aggregator.store import Store

    db = tmp_path / "r.db"
    Store(db).close()
    config = tmp_path / "rumours.toml"
    config.write_text(
        '[rumours]\nengine = "scrapyd"\nscrapyd_nodes = ["http://crawler-1:6800", "crawler-2:6800"]\n'
        'redis_url = "redis://frontier:6379/0"\n',
        encoding="utf-8",
    )
    shown = CliRunner().invoke(main, ["--db", str(db), "status", "--config", str(config), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["runs"]["engine"] == {
        "engine": "scrapyd",
        "scrapyd_nodes": ["http://crawler-1:6800/", "http://crawler-2:6800/"],
        "redis_url": "redis://frontier:6379/0",
    }
    env = {"RUMOURS_ENGINE": "local", "RUMOURS_REDIS_URL": "redis://other:6379/1"}
    table = CliRunner().invoke(main, ["--db", str(db), "status", "--config", str(config)], env=env)
    assert "crawl engine: local, frontier redis://other:6379/1" in table.output, table.output


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RUMOURS_SCRAPYD_NODES": "http://127.0.0.1:6800"}, "--nodes (scrapyd_nodes) needs --redis (redis_url)"),
        ({"RUMOURS_ENGINE": "elsewhere"}, "RUMOURS_ENGINE: engine = 'elsewhere': expected one of local, scrapyd"),
    ],
)
def test_schedule_refuses_engine_settings_that_do_not_fit_before_it_starts(
    tmp_path: Path, env: dict[str, str], message: str
) -> None:
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "r.db"), "schedule"], env=env)
    assert result.exit_code in (1, 2) and message in result.output, result.output
    assert not (tmp_path / "r.db").exists()


def test_a_scheduled_crawl_on_an_unreachable_node_fails_its_outlets_and_the_scheduler_goes_on(tmp_path: Path) -> None:
    pytest.importorskip("requests")
    import threading

    from aggregator.config import Config
    from aggregator.scheduler import default_crawl, every_outlet_failed

    dead = f"http://127.0.0.1:{free_port()}"
    config = Config(
        db_path=str(tmp_path / "r.db"),
        outlets=("bbc", "kicker"),
        engine="scrapyd",
        scrapyd_nodes=(dead + "/",),
        redis_url=f"redis://127.0.0.1:{free_port()}/0",
    )
    results = default_crawl(config, threading.Event())
    assert [(r.outlet, r.ok) for r in results] == [("bbc", False), ("kicker", False)]
    assert results[0].reason == f"scrapyd node {dead}: unreachable (Connection refused)"
    assert every_outlet_failed(results) == "failed: every outlet's crawl failed (bbc, kicker)"
