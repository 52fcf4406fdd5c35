"""The dashboard's third-party libraries (Leaflet, topojson-client, world-atlas, Swagger UI) in
``static/vendor/``, which ``sitrep serve`` serves: the browser loads nothing from the internet.

They are not in the repository (its code is the team's own). The package build fetches them once, like pip
fetches wheels: ``setup.py`` runs ``build()`` before collecting the package data, for ``pip install .``, a wheel,
an sdist and the editable install alike. ``build()`` reads the versions and their ``integrity`` (SHA-512) from
``package-lock.json``, downloads each package's tarball from the npm registry, checks its digest and copies the
files of ``FILES`` out of it; a vendor folder that already holds them for the locked versions
(``versions.json``) is left as it is. Nothing is fetched at run time: ``missing()`` only tells the server
whether the files are there.

Standard library only: the build runs it before sitrep's dependencies are installed.
``python sitrep/web/vendor.py`` runs the same step by hand (``--check``: only say whether it is up to date).
``SITREP_NO_VENDOR=1`` builds without it (offline): the dashboard then says what is missing.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.request
from collections.abc import Callable
from pathlib import Path, PurePosixPath

WEB = Path(__file__).resolve().parent
LOCK = WEB / "package-lock.json"
VENDOR = WEB / "static" / "vendor"
STAMP = "versions.json"
REGISTRY = "https://registry.npmjs.org"
TIMEOUT = 60  # seconds per network operation

# (package, file or folder in the package, where it goes under static/vendor): the one list of what is shipped.
FILES: list[tuple[str, str, str]] = [
    ("leaflet", "dist/leaflet.js", "leaflet/leaflet.js"),
    ("leaflet", "dist/leaflet.css", "leaflet/leaflet.css"),
    ("leaflet", "dist/images", "leaflet/images"),
    ("leaflet", "LICENSE", "leaflet/LICENSE"),
    ("topojson-client", "dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
    ("topojson-client", "LICENSE", "topojson-client/LICENSE"),
    # Natural Earth 1:50m country outlines as TopoJSON (public domain data; the package is ISC).
    ("world-atlas", "countries-50m.json", "world-atlas/countries-50m.json"),
    ("world-atlas", "LICENSE", "world-atlas/LICENSE"),
    # Swagger UI for /docs (FastAPI's default page would load it from a CDN).
    ("swagger-ui-dist", "swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
    ("swagger-ui-dist", "swagger-ui.css", "swagger-ui/swagger-ui.css"),
    ("swagger-ui-dist", "LICENSE", "swagger-ui/LICENSE"),
    ("swagger-ui-dist", "NOTICE", "swagger-ui/NOTICE"),
]


class VendorError(Exception):
    """The libraries could not be fetched or did not match the lock: one line saying which and why."""


def missing(vendor: Path = VENDOR) -> list[str]:
    """The files of ``FILES`` absent from ``vendor`` (a folder counts when it holds a file)."""
    absent = []
    for _package, _source, target in FILES:
        path = vendor / target
        if not (path.is_file() or (path.is_dir() and any(p.is_file() for p in path.rglob("*")))):
            absent.append(target)
    return absent


def locked(lock: Path = LOCK) -> dict[str, dict[str, str]]:
    """Each package of ``FILES`` with its locked version, integrity and tarball URL."""
    try:
        entries = json.loads(lock.read_text(encoding="utf-8"))["packages"]
    except (OSError, ValueError, KeyError) as problem:
        raise VendorError(f"{lock}: cannot read the lock of versions ({problem})") from None
    packages = {}
    for name in dict.fromkeys(package for package, _, _ in FILES):
        entry = entries.get(f"node_modules/{name}")
        if not entry or "version" not in entry or "integrity" not in entry:
            raise VendorError(f"{lock}: {name} has no locked version with an integrity digest")
        # npm leaves out `resolved` for the default registry: its tarball address is fixed by name and version.
        tarball = f"{REGISTRY}/{name}/-/{name.rsplit('/', 1)[-1]}-{entry['version']}.tgz"
        packages[name] = {
            "version": entry["version"],
            "integrity": entry["integrity"],
            "url": entry.get("resolved", tarball),
        }
    return packages


def _stamp(packages: dict[str, dict[str, str]]) -> dict[str, object]:
    return {
        "packages": {name: {k: p[k] for k in ("version", "integrity")} for name, p in packages.items()},
        "files": [target for _, _, target in FILES],
    }


def up_to_date(vendor: Path = VENDOR, lock: Path = LOCK) -> bool:
    """Whether ``vendor`` holds every file, fetched for the versions the lock names now."""
    try:
        stamp = json.loads((vendor / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp == _stamp(locked(lock)) and not missing(vendor)


def verify(data: bytes, integrity: str, name: str) -> None:
    """Raise unless ``data`` has the lock's Subresource-Integrity digest (``sha512-<base64>``)."""
    algorithm, _, expected = integrity.partition("-")
    if algorithm not in ("sha512", "sha384", "sha256"):
        raise VendorError(f"{name}: unsupported integrity digest {algorithm!r} in the lock")
    actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
    if actual != expected:
        raise VendorError(f"{name}: the downloaded tarball does not match the lock's {algorithm} digest")


def download(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": "sitrep-build (package build)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read()
    except OSError as problem:
        raise VendorError(f"cannot download {url}: {problem}") from None


def _extract(tarball: bytes, name: str, wanted: list[tuple[str, str]], into: Path) -> None:
    """Copy each (file or folder in the package, target) out of an npm tarball (everything under package/)."""
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        for source, target in wanted:
            found = 0
            for member in members:
                inside = PurePosixPath(*PurePosixPath(member.name).parts[1:])  # drop "package/"
                if ".." in inside.parts:
                    continue  # never written outside the target
                if inside == PurePosixPath(source):
                    destination = into / target
                elif PurePosixPath(source) in inside.parents:
                    destination = into / target / inside.relative_to(source)
                else:
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                extracted = archive.extractfile(member)
                assert extracted is not None  # a regular file
                destination.write_bytes(extracted.read())
                found += 1
            if not found:
                raise VendorError(f"{name} has no {source} (package version changed?)")


def build(
    vendor: Path = VENDOR,
    lock: Path = LOCK,
    fetch: Callable[[str], bytes] = download,
    say: Callable[[str], None] = print,
) -> bool:
    """Fill ``vendor`` with ``FILES`` for the locked versions; False when it already held them. Built beside it
    and moved into place, so a failed build leaves the old folder (or none), never half of one."""
    packages = locked(lock)
    if up_to_date(vendor, lock):
        return False
    vendor.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".vendor-", dir=vendor.parent))
    try:
        for name, package in packages.items():
            say(f"sitrep/web: fetching {name} {package['version']} from {package['url']}")
            tarball = fetch(package["url"])
            verify(tarball, package["integrity"], name)
            _extract(tarball, name, [(s, t) for p, s, t in FILES if p == name], staging)
        (staging / STAMP).write_text(json.dumps(_stamp(packages), indent=1) + "\n", encoding="utf-8")
        if vendor.exists():
            shutil.rmtree(vendor)
        staging.rename(vendor)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    say(f"sitrep/web: {len(FILES)} library files in {vendor}")
    return True


def build_for_package(say: Callable[[str], None] = print) -> None:
    """The package build's step: ``build()``, unless ``SITREP_NO_VENDOR`` is set; a failure stops the build
    with one line (a wheel without its dashboard would look installed and show no map)."""
    if os.environ.get("SITREP_NO_VENDOR"):
        say("sitrep/web: SITREP_NO_VENDOR is set: building without the dashboard's libraries")
        return
    try:
        build(say=say)
    except VendorError as problem:
        raise SystemExit(
            f"sitrep/web: {problem}\n(the dashboard's libraries are fetched from the npm registry when the "
            "package is built; set SITREP_NO_VENDOR=1 to build without them)"
        ) from None


def main(argv: list[str]) -> int:
    try:
        if argv == ["--check"]:
            current = up_to_date()
            print(f"sitrep/web: static/vendor is {'up to date' if current else 'missing or out of date'}")
            return 0 if current else 1
        if argv:
            print("usage: python sitrep/web/vendor.py [--check]", file=sys.stderr)
            return 2
        if not build():
            print(f"sitrep/web: {VENDOR} already holds the locked versions")
        return 0
    except VendorError as problem:
        print(f"sitrep/web: {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
