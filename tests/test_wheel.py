"""sitrep as a user installs it: the wheel built from this tree (``pip wheel``), every file the package needs at
run time inside it (data, place index, schema, migrations, dashboard with its libraries, examples), installed
by a real ``pip install <wheel>`` with its (core) dependencies into a fresh venv — no extras, no Node, nothing
from this checkout on the path. From that venv ``sitrep demo --no-serve`` makes the default store in an empty
folder, ``sitrep serve`` serves it, and Chromium loads the packaged dashboard: the map drawn with a marker per
place, the events listed, nothing fetched from anywhere but the server, no JavaScript error.

The slowest test (about a minute and a half here): pip installs the dependencies from its cache after the first
run (the first needs the network). Skipped without Chromium or Playwright, except under CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import httpx

from sitrep.web import vendor
from tests.conftest import EXAMPLE_ARTICLES, REPO
from tests.test_dashboard import CHROMIUM, FLAGS, _free_port, _require


def _run(*command: str | Path, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, f"{command}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def _wheel_holds_the_package(wheel: Path) -> None:
    """Every file of the source package is in the wheel (only the folder's dot files and caches stay out)."""
    names = set(zipfile.ZipFile(wheel).namelist())
    package = REPO / "sitrep"
    tree = {
        path.relative_to(REPO).as_posix()
        for path in package.rglob("*")
        if path.is_file()
        and not path.name.startswith(".")
        and "__pycache__" not in path.parts
        and "node_modules" not in path.parts
    }
    assert sorted(tree - names) == []
    for _package, _source, target in vendor.FILES:
        assert any(n.startswith(f"sitrep/web/static/vendor/{target}") for n in names), target
    for needed in (
        "sitrep/examples/2025-04-08_kech-herald_turbat-ied.txt",
        "sitrep/data/geo/places.tsv.gz",
        "sitrep/schema/extract.schema.json",
        "sitrep/store/migrations/versions/0001_initial.py",
        "sitrep/web/index.html",
    ):
        assert needed in names


def test_the_installed_wheel_serves_the_dashboard(tmp_path: Path) -> None:
    _require(CHROMIUM.exists(), f"no {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require(False, "Playwright for Python is not installed")

    # This checkout must not leak into the venv's processes (the test run may set PYTHONPATH to it).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SITREP_DB", "VIRTUAL_ENV")}
    env["PYTHONUNBUFFERED"] = "1"
    dist = tmp_path / "dist"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, REPO, cwd=tmp_path, env=env)
    [wheel] = dist.glob("sitrep-*.whl")
    _wheel_holds_the_package(wheel)

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path, env=env)
    _run(venv / "bin" / "python", "-m", "pip", "install", "-q", wheel, cwd=tmp_path, env=env)
    where = _run(
        venv / "bin" / "python", "-c", "import sitrep; print(sitrep.__file__)", cwd=tmp_path, env=env
    )
    assert where.startswith(str(venv)), where

    user = tmp_path / "user"  # an empty folder: the demo's default store is sitrep.db here
    user.mkdir()
    said = _run(venv / "bin" / "sitrep", "demo", "--no-serve", cwd=user, env=env)
    assert f"now holds {EXAMPLE_ARTICLES} articles" in said and (user / "sitrep.db").is_file(), said

    port = _free_port()
    server = subprocess.Popen(
        [str(venv / "bin" / "sitrep"), "serve", "--port", str(port)],
        cwd=user,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        lines = []
        for line in server.stdout:  # the URL is printed once the port is bound
            lines.append(line)
            if "serving" in line:
                break
        base = f"http://127.0.0.1:{port}"
        assert lines and f"on {base}/" in lines[-1], lines
        assert not any("librar" in line for line in lines), "the wheel's dashboard has its libraries"
        assert httpx.get(f"{base}/api/meta", timeout=30).json()["dashboard_built"] is True
        _dashboard_loads(sync_playwright, base)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _dashboard_loads(sync_playwright: Any, base: str) -> None:
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 900})

            def only_the_server(route: Any) -> None:
                if route.request.url.startswith(base):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", only_the_server)
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=true]", timeout=30000)
            assert page.locator(".leaflet-container").count() == 1, "the map is drawn"
            assert page.locator("path.place-marker").count() >= 10, "a marker per place"
            assert page.locator("#list-rows tr").count() >= 10, "the events are listed"
        finally:
            browser.close()
    assert outside == [] and errors == []
