"""Per-event figures from the event's claims: low / best / high, and deaths split by side.

The rules, in one place (each figure says in ``Figure.rule`` how it was reached):

1. **One total per claimant.** A claimant's figure for an outcome is the sum of the figures it gives for
   different victims ("17 police and 31 civilians" = 48), or its figure for unspecified victims, whichever is
   larger; a figure it repeats for the same victims counts once (its largest: tolls rise as bodies are
   counted). Subsets ("including three children", ``part_of``) are never added again. Denials are left out.
   Its exact figures of dead for the same victims *in one sentence* are groups told apart ("three died on the
   spot and one in hospital") and are added, unless the sentence tells a subset ("two of them"), a contrast or another
   source, or a rising toll ("rose from four to six"). An increment ("killing five more soldiers") within a
   larger figure of the event is part of that figure, never a total of its own; else it adds to the figure
   the same kind of claimant told before it for the same victims ("two policemen … five more": seven).
2. **All deaths, attackers included** (ACLED counts every death of the event): a claimant that gives figures
   by side but leaves out a side the officials report (the attackers the army says it killed, a civilian the
   district officer reports) has that side filled from the official account before its total is taken.
   The *official account* is, per side, the largest figure of the government, security forces and medical
   sources (police, army/ISPR, civil officials, hospitals). A figure of people killed that is larger than
   all the claimant's figures by side counts the attackers' victims: the attackers it (or the officials)
   count apart are added to it ("nine people were killed … the three attackers were shot dead" = 12).
3. The **perpetrator** is an armed group speaking of deaths it caused among others, or state forces speaking
   of militants they killed.
4. **low** = the lowest total from a party other than the perpetrator (the article's own voice included).
   A figure only the perpetrator states still gives low, best and high, flagged "perpetrator's own claim".
5. **high** = the highest total anyone claims, the perpetrator's included (an upper bound where it is given,
   else the lower bound: "more than 200" gives 201).
6. **best** by a named rule an analyst can switch (``best_rule``, or the ``SITREP_BEST_RULE`` setting):
   - ``official`` (default, as the dev gold and ACLED's practice code it): the official account's total where
     an official gives a figure, else the lowest total from a party other than the perpetrator; never below
     low (officials who counted only some of the dead) nor above high;
   - ``lowest``: the low figure (the most conservative reading);
   - ``most_reliable``: the lowest total from the most reliable kind of source present, in this order: the
     article's own voice and medical sources; local sources, rights groups, media and others; government and
     security forces; unofficial sources; armed groups.
7. No figure is averaged or rounded: every number is a claim's number or a sum of claims' numbers (or, by
   rule 8, a difference of two). Figures with no number ("several", "took hostages") never set a bound.
8. **The wounded from those hit.** Where people are counted as hit without saying whether they lived
   ("four teens were shot", "25 casualties"), those hit less the dead are wounded: the injured figure is
   the casualties' best less the fatalities' best where that is more than the injured figures give ("four
   were shot, one fatally" gives three injured; "a man was shot … he died" gives none; "he and three others
   were shot … he is in critical condition" gives four).
9. **The wounded who died.** Where people were killed and the only wounded are one person told again ("she
   was wounded", "the girl was wounded", "the only person injured" — a pronoun or "the"), that person is one
   of the dead, wounded before dying: no injured figure is given.
10. **One fate per name.** A person called by name ("Jane Roe was shot", "Roe died") is counted once, under
   the gravest outcome told of that name; where nobody died, one named as hit is wounded ("Roe was shot",
   "Lee was shot in the leg": two wounded).
11. **Nobody dead where only the living are counted.** An event whose figures count people wounded, hit or
   taken, with a number, and tell no death has 0 dead ("three labourers were wounded"): a report tells a death
   wherever there was one, and ACLED and the archives code such an event 0.
12. **Others told apart.** Dead told apart from the dead just before them, in a sentence of their own ("Two
   other passengers died in hospital", "a second man also died", "one of the injured later succumbed", "an
   injured constable also died"), are more dead: added to that figure. People hit but told apart from the
   dead ("two other men were taken to hospital with gunshot wounds") are the wounded. (Figures of the wounded
   are not added this way: reports recount them in parts and again.)
13. **The wounded who died** are dead, not wounded too: "two men were wounded … one of them died" is one dead
   and one wounded, as are "one of the injured later died" and "an injured constable died".

The modules, bottom up: ``words`` (the words read), ``counting`` (one total per claimant), ``wounded`` (the dead
and the wounded told apart), ``ranges`` (low / best / high and the best rule), ``acled`` (ACLED's one figure).
This module is their public face.
"""

from sitrep.events.figures.acled import acled_fatalities
from sitrep.events.figures.ranges import (
    BEST_RULE_SETTING,
    BEST_RULES,
    DEFAULT_BEST_RULE,
    best_rule_setting,
    event_figure_fields,
    event_figures,
    reconcile,
    split_by_side,
)

__all__ = [
    "BEST_RULES",
    "BEST_RULE_SETTING",
    "DEFAULT_BEST_RULE",
    "acled_fatalities",
    "best_rule_setting",
    "event_figure_fields",
    "event_figures",
    "reconcile",
    "split_by_side",
]
