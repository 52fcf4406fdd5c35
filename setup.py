"""setuptools' build (configured in pyproject.toml) with one step added: before the package data is collected,
the dashboard's third-party libraries are fetched into sitrep/web/static/vendor/ (``sitrep/web/vendor.py``:
versions and SHA-512 digests from sitrep/web/package-lock.json). It runs for ``pip install .``, a wheel, and
the editable install alike; a vendor folder already holding the locked versions is kept as it is."""

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


def _vendor_module():
    # Loaded from its file: sitrep itself cannot be imported before its dependencies are installed.
    path = Path(__file__).resolve().parent / "sitrep" / "web" / "vendor.py"
    spec = importlib.util.spec_from_file_location("_sitrep_web_vendor", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithDashboard(build_py):
    def run(self) -> None:
        _vendor_module().build_for_package(say=lambda line: self.announce(line, level=2))
        # The package data is listed lazily, on first use: forget any list made before the libraries came.
        self.__dict__.pop("data_files", None)
        super().run()


setup(cmdclass={"build_py": BuildWithDashboard})
