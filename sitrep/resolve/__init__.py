"""Cross-article resolution: when two articles describe the same incident, and how figures are reconciled.

All the rules are here, stated once.

**Same incident** (``same_incident``): two events are merged when

1. they are at the same place — the same gazetteer place, or the same district when either is placed only at
   district level or coarser — or at nested or near places whose tolls agree (no outcome given by both
   differs, one is the same non-zero figure in both): one placed only at a state or province holding the
   other's place (on the same day, or with the same toll), or two places within ``NEAR_KM`` (a neighbourhood
   and its city, towns either side of a county line); and
2. their dates are compatible: equal when both are known to the day (ACLED time precision 1), otherwise
   within the wider one's window (a week: ±3 days; a month: same month); a day apart when both tell the same
   toll (the same dead and wounded, or the same figure of two or more: outlets date a night's attack to the
   evening or to the next morning); up to ``_FULL_TOLL_DAYS`` apart at the very same place when both tell the
   same dead and the same wounded, three people or more (a follow-up dated to its funeral or arrest). Otherwise
   two events dated to different days in the same town are never merged, nor is an undated one;
3. their types are compatible: the same sub-event type, or the same event type, or one of them is a plain
   armed clash / attack and both are violent (a report that only says "attack" does not contradict one that
   says "IED"; it does contradict a protest or a looting); and
4. their actors do not contradict: the same actor1, or either is unidentified or unknown.
   Events of the same named campaign at the same place and day are merged whatever their types.

**Reconciled figures** (``reconcile``): every claim from every article is kept. When one claimant gives
figures in several articles (tolls rise as bodies are counted), only its latest figures count — latest by
publication date, the later article on a tie. Then the per-event rules of ``sitrep.events.figures`` apply:
low from non-perpetrators, high including the perpetrator, best by the named rule in force (``official`` by
default: the officials' total; ``SITREP_BEST_RULE`` switches it); background claims count in no figure, nor
do the claims of an article a newer revision replaced (``superseded_by``: they stay in the toll). The
``notes`` say, per claimant, what it claims, and end with the rules' reading. The ``toll`` keeps every
figure, the superseded ones marked.

**Campaign figures** (``reconcile_campaign``): the same rules read a campaign's own claims — the figures no
single place holds, including those of a report that names only the province — and the campaign keeps, per
outcome and side, that range raised where its events' placed figures add up to more (a total covers its
parts: the two are never added). Events keep the figures tied to their place.

**Why merged** (``match_reasons``): every merge is stored with the features that matched (place, date, type,
actors, toll), so a reviewer can judge it and split it again.

The modules, bottom up: ``notes`` (who claims what, in words), ``figures`` (reconciled figures and toll, of
events and campaigns), ``records`` (an extraction → dataset events), ``matching`` (same incident, and why),
``merging`` (two events → one). This module is their public face.
"""

from sitrep.resolve.figures import latest_figures, reconcile, reconcile_campaign
from sitrep.resolve.matching import (
    MAX_DAYS_APART,
    NEAR_KM,
    distance_km,
    match_rank,
    match_reasons,
    same_gazetteer_place,
    same_incident,
)
from sitrep.resolve.merging import merge
from sitrep.resolve.notes import notes
from sitrep.resolve.records import claim_id, to_dataset_event

__all__ = [
    "MAX_DAYS_APART",
    "NEAR_KM",
    "claim_id",
    "distance_km",
    "latest_figures",
    "match_rank",
    "match_reasons",
    "merge",
    "notes",
    "reconcile",
    "reconcile_campaign",
    "same_gazetteer_place",
    "same_incident",
    "to_dataset_event",
]
