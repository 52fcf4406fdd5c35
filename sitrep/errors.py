"""One base for the mistakes a user can fix: each says what was wrong in one line and carries how every
surface reports it — the command line's exit code and the API's HTTP status. The command line prints
``sitrep: error: <message>`` and exits with ``exit_code``; the API answers ``{"detail": <message>}`` with
``http_status`` (``sitrep.api.app``, one handler). Neither ever shows a traceback for one of these."""

from __future__ import annotations

import importlib
from types import ModuleType


class SitrepError(Exception):
    """A problem the user can fix, described in one line."""

    exit_code: int = 1
    http_status: int = 422


class UnavailableError(SitrepError):
    """The store cannot be reached or used as it is (locked, read-only, newer schema)."""

    http_status = 503


class NotFoundError(SitrepError):
    """What the request names does not exist."""

    http_status = 404


class ConflictError(SitrepError):
    """The request conflicts with the current state (e.g. undoing a change a later one depends on)."""

    http_status = 409


class MissingExtraError(SitrepError):
    """An optional part of sitrep is used without the extra that installs its library."""

    http_status = 501


def optional_module(name: str, extra: str, purpose: str) -> ModuleType:
    """The module ``name`` that the ``extra`` installs, or one line saying how to install it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise MissingExtraError(f"{purpose} needs the {extra} extra: pip install 'sitrep[{extra}]'") from None
