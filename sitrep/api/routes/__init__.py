"""The API's routes, one router per resource, included by ``sitrep.api.app.create_app`` in this order."""
