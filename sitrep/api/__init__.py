"""The REST API and the dashboard (``sitrep serve``): FastAPI over the event store, analysts' review applied."""

from sitrep.api.app import create_app

__all__ = ["create_app"]
