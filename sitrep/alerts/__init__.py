"""Alerts: rules an analyst writes (``rules``), evaluated on the store through the review layer (``evaluate``),
sent once and only once to standard output, a JSON Lines file or a webhook (``send``), after ``sitrep watch``
rounds and ``sitrep ingest`` runs or by ``sitrep alerts run``; ``sitrep alerts test`` shows what would fire.

Spike rule (``evaluate``): the current window of N days fires when its events (or best fatalities) reach
``max(at_least, factor × median of the K windows before)``, ``max(3, 2 × median)`` by default.
"""

from sitrep.alerts.evaluate import Alert, evaluate
from sitrep.alerts.rules import Rules, RulesError, load_rules
from sitrep.alerts.send import DeliveryError, RunReport, Sender, run_alerts

__all__ = [
    "Alert",
    "DeliveryError",
    "Rules",
    "RulesError",
    "RunReport",
    "Sender",
    "evaluate",
    "load_rules",
    "run_alerts",
]
