"""The package build's step that fetches the dashboard's libraries (``sitrep/web/vendor.py``), against npm-shaped
tarballs made here and served by the loopback test server: the locked digest checked, the listed files and
folders copied, an up-to-date folder left alone (nothing fetched), a bad download refused with the old
folder kept. The shipped lock itself is checked to name every package the files come from."""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest

from sitrep.web import vendor
from tests.web_server import FixtureServer


def _tarball(files: dict[str, bytes]) -> bytes:
    """An npm package tarball: every file under ``package/``."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def _integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _package_files(name: str) -> dict[str, bytes]:
    """Each file ``vendor.FILES`` takes from ``name`` (a folder as two files in it), with made-up content."""
    files = {}
    for package, source, _target in vendor.FILES:
        if package != name:
            continue
        if source.endswith("images"):
            files[f"{source}/a.png"] = b"png a"
            files[f"{source}/b.png"] = b"png b"
        else:
            files[source] = f"{name} {source}".encode()
    files["README.md"] = b"not copied"
    return files


@pytest.fixture
def registry(server: FixtureServer, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """A lock naming each package's tarball on the loopback server, with its digest; the tarballs by path."""
    tarballs = {}
    packages: dict[str, dict[str, str]] = {"": {"name": "test"}}
    for name in dict.fromkeys(p for p, _, _ in vendor.FILES):
        data = _tarball(_package_files(name))
        path = f"/npm/{name}.tgz"
        tarballs[path] = data
        server.routes[path] = lambda handler, data=data: handler.send(200, data, "application/octet-stream")
        packages[f"node_modules/{name}"] = {
            "version": "1.0.0",
            "resolved": server.base + path,
            "integrity": _integrity(data),
        }
    lock = tmp_path / "package-lock.json"
    lock.write_text(json.dumps({"lockfileVersion": 3, "packages": packages}), encoding="utf-8")
    return lock, tarballs


def test_build_copies_the_listed_files_then_keeps_them(
    registry: tuple[Path, dict[str, bytes]], server: FixtureServer, tmp_path: Path
) -> None:
    lock, tarballs = registry
    folder = tmp_path / "static" / "vendor"
    assert vendor.missing(folder) == [target for _, _, target in vendor.FILES]
    assert vendor.build(folder, lock, say=lambda _line: None) is True
    assert vendor.missing(folder) == []
    assert (folder / "leaflet" / "leaflet.js").read_bytes() == b"leaflet dist/leaflet.js"
    assert sorted(p.name for p in (folder / "leaflet" / "images").iterdir()) == ["a.png", "b.png"]
    assert not list(folder.rglob("README.md")), "only the listed files"
    assert vendor.up_to_date(folder, lock)

    fetched = len(server.paths())
    assert vendor.build(folder, lock, say=lambda _line: None) is False
    assert len(server.paths()) == fetched, "an up-to-date folder is not fetched again"
    assert sorted(set(server.paths())) == sorted(tarballs)


def test_a_download_that_does_not_match_the_lock_is_refused(
    registry: tuple[Path, dict[str, bytes]], server: FixtureServer, tmp_path: Path
) -> None:
    lock, _ = registry
    folder = tmp_path / "vendor"
    vendor.build(folder, lock, say=lambda _line: None)
    # The lock moves to a new version whose tarball is not what the registry sends.
    entries = json.loads(lock.read_text(encoding="utf-8"))
    entries["packages"]["node_modules/leaflet"].update(version="1.0.1", integrity=_integrity(b"other"))
    lock.write_text(json.dumps(entries), encoding="utf-8")
    with pytest.raises(vendor.VendorError, match="leaflet: the downloaded tarball does not match"):
        vendor.build(folder, lock, say=lambda _line: None)
    assert (folder / "leaflet" / "leaflet.js").read_bytes() == b"leaflet dist/leaflet.js", "old folder kept"
    assert not vendor.up_to_date(folder, lock)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".vendor-")] == [], "no half folder"


def test_the_shipped_lock_names_every_package_with_its_digest() -> None:
    packages = vendor.locked()
    assert set(packages) == {p for p, _, _ in vendor.FILES}
    for name, package in packages.items():
        assert package["integrity"].startswith("sha512-")
        assert package["url"] == f"{vendor.REGISTRY}/{name}/-/{name}-{package['version']}.tgz"
