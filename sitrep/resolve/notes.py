"""An event's or a campaign's claims → its notes: per claimant what it claims, then the rules' reading."""

from __future__ import annotations

from collections import defaultdict

from sitrep.model import (
    DatasetCampaign,
    DatasetEvent,
    SourcedClaim,
)

_LABELS = {
    "armed_group": "Armed group",
    "government": "Officials",
    "security_forces": "Security forces",
    "local_source": "Local sources",
    "medical": "Medical sources",
    "media": "Media",
    "unofficial": "Unofficial sources",
    "rights_group": "Rights group",
    "other": "Others",
    "none": "Reported",
}
_VERBS = {
    "claimed": "claims",
    "confirmed": "confirms",
    "reported": "reports",
    "alleged": "alleges",
    "estimated": "estimates",
    "denied": "denies",
}


def _figure_text(claim: SourcedClaim) -> str:
    low, high = claim.count.low, claim.count.high
    if low is None and high is None:
        number = claim.count.text
    elif low == high:
        number = str(low)
    elif high is None:
        number = f"{low - 1}+" if claim.count.text.lower().startswith(("more than", "over")) else f"{low}+"
    elif low is None:
        number = f"up to {high}"
    else:
        number = f"{low}–{high}"
    victim = {"security_forces": "security personnel", "unspecified": "people"}.get(
        claim.victim, claim.victim
    )
    return f"{number} {victim} {claim.outcome}"


def notes(event: DatasetEvent | DatasetCampaign, current: list[SourcedClaim] | None = None) -> str:
    """'Armed group (BLA) claims 200+ security personnel killed; Officials confirm 15 …' and the reading."""
    current = event.claims if current is None else current
    by_claimant: dict[tuple[str, str, str], list[SourcedClaim]] = defaultdict(list)
    for claim in current:
        if claim.part_of is None:
            name = claim.claimant.name if claim.claimant.kind != "none" else ""
            by_claimant[(claim.claimant.kind, name or "", claim.stance)].append(claim)
    parts = []
    for (kind, name, stance), claims in by_claimant.items():
        label = _LABELS.get(kind, kind) + (f" ({name})" if name and name.lower() != kind else "")
        figures = " and ".join(_figure_text(c) for c in claims)
        unverified = " (not independently verified)" if any(c.verified is False for c in claims) else ""
        parts.append(f"{label} {_VERBS.get(stance, stance)} {figures}{unverified}")
    reading = f"Fatalities: {event.fatalities.rule}." if event.fatalities.rule else ""
    return "; ".join(parts) + (". " if parts else "") + reading
