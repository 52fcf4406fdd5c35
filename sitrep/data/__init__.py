"""The packaged data files and the one way to read them. In: a table's name (its path under ``sitrep/data``);
out: its rows, as dicts keyed by the table's declared columns, each knowing the file and line it came from.

Every lexicon, grammar and convention the code reads at run time is declared in ``TABLES`` with its columns, so
a file that lacks a column the code needs, or names one it does not know, fails when first read with one line
naming the file and line, not later with a KeyError deep in extraction.

**Analyst overlay.** ``SITREP_DATA`` names one or more folders (``os.pathsep``-separated) laid out like
``sitrep/data``. A file there with a table's name (``outcomes.tsv``, ``geo/context_cues.tsv``) adds its rows
after the shipped ones, in the same format (header included where the shipped file has one). Overlay rows add
to a vocabulary; which of two rows for one phrase wins is each reader's rule, so redefining a shipped word is an
edit of the shipped file (``actors.tsv`` and ``geo/place_weights.tsv`` are the exceptions: a later row for a
known name replaces what it gives).
Files are read once per process, when first needed: restart to pick up an edit. Other files there are ignored.

Two kinds of file: ``header`` tables (``.tsv`` whose first data line names the columns, any order, optional
columns may be left out) and ``positional`` ones (the columns in the declared order, no header line; ``.txt``
lists are positional tables of one column). Lines that are blank or start with ``#`` are comments. Values are
stripped of surrounding space; a missing trailing optional value reads as "".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sitrep.errors import SitrepError

OVERLAY_SETTING = "SITREP_DATA"


class DataFileError(SitrepError, ValueError):
    """A data file that cannot be read as its table's declaration says (named with its line)."""


@dataclass(frozen=True)
class Table:
    """A data file's declared shape: the columns it must have, then those it may have."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    header: bool = True  # False: no header line, the columns are positional in the declared order

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


class Row(dict[str, str]):
    """A data row keyed by column name; ``where`` is ``file:line``, for messages about the row."""

    __slots__ = ("where",)

    def __init__(self, values: dict[str, str], where: str) -> None:
        super().__init__(values)
        self.where = where


# Every data file read at run time. The build-time inputs of the place index (geo/supplement.tsv,
# geo/demonyms.tsv, geo/publications.txt, geo/person_name_words.txt, geo/focus_countries.txt) are read by
# scripts/build_gazetteer.py, which ships the index built from them.
TABLES: dict[str, Table] = {
    "abbreviations.txt": Table(("abbreviation",), header=False),
    "acled_actor_periods.tsv": Table(("actor", "suffix", "start", "end"), ("source",)),
    "acled_conventions.tsv": Table(("words", "value")),
    "acled_disorder_types.tsv": Table(("event_type", "sub_event_type", "disorder_type")),
    "actors.tsv": Table(
        ("name",),
        ("aliases", "kind", "inter", "country", "parent", "generic", "acled_names", "source", "note"),
    ),
    "anonymity.tsv": Table(("phrase",)),
    "background.tsv": Table(("phrase", "scope")),
    "campaign_cues.tsv": Table(("word", "kind")),
    "care_verbs.tsv": Table(("verb",)),
    "claimants.tsv": Table(("phrase", "kind", "name", "case", "role")),
    "count_grammar.tsv": Table(
        ("kind", "pattern", "low", "high", "approximate"), ("example", "expect_low", "expect_high")
    ),
    "countries.tsv": Table(
        ("iso2", "iso3", "iso_numeric", "acled_name", "acled_region", "ucdp_name", "ucdp_region"),
        ("gwno", "source"),
    ),
    "distinct_attacks.tsv": Table(("word", "kind")),
    "follow_up.tsv": Table(("word", "kind")),
    "non_casualty.tsv": Table(("side", "words", "applies_to")),
    "off_guard.tsv": Table(("phrase",)),
    "outcomes.tsv": Table(("phrase", "outcome", "bare")),
    "reporting.tsv": Table(("phrase", "stance", "form")),
    "responsibility.tsv": Table(("phrase", "role", "side")),
    "source_scales.tsv": Table(("scale",), ("outlet", "domain", "basis")),
    "suspects.tsv": Table(("phrase",)),
    "tactics.tsv": Table(
        ("phrase", "event_type", "sub_event_type", "gtd_attack_type", "priority", "target", "by")
    ),
    "time_expressions.tsv": Table(
        ("phrase", "rule", "value", "acled", "ucdp"),
        ("example", "published", "expect_date", "expect_acled", "expect_ucdp"),
    ),
    "toll_verbs.tsv": Table(("verb",)),
    "ucdp_names.tsv": Table(("kind", "name", "ucdp"), ("source",)),
    "verification.tsv": Table(("phrase", "verified")),
    "victims.tsv": Table(("phrase", "victim", "number", "generic")),
    "weapon_haul.tsv": Table(("phrase", "role")),
    "wound_sites.tsv": Table(("word",)),
    # Urdu (sitrep/data/ur/): the same columns as the English tables where the grammar fits.
    "ur/numbers.tsv": Table(("phrase", "kind", "value")),
    "ur/outcomes.tsv": Table(("phrase", "outcome", "bare")),
    "ur/victims.tsv": Table(("phrase", "victim", "number", "generic")),
    "ur/claimants.tsv": Table(("phrase", "kind", "name", "case", "role")),
    "ur/reporting.tsv": Table(("phrase", "stance", "form")),
    "ur/verification.tsv": Table(("phrase", "verified")),
    "ur/background.tsv": Table(("phrase", "reach")),
    "ur/non_casualty.tsv": Table(("phrase", "side")),
    "ur/function_words.tsv": Table(("phrase", "role")),
    "ur/actors.tsv": Table(("phrase", "actor")),
    "ur/places.tsv": Table(("phrase", "place", "name", "source"), ("cue",)),
    "ur/place_cues.tsv": Table(("phrase", "side")),
    "ur/actor_words.tsv": Table(("phrase", "actor", "generic")),
    "ur/tactics.tsv": Table(
        ("phrase", "event_type", "sub_event_type", "gtd_attack_type", "priority", "target", "by"),
        ("english",),
    ),
    "ur/responsibility.tsv": Table(("phrase", "role", "side")),
    "ur/weapon_haul.tsv": Table(("phrase", "role")),
    "ur/care_places.tsv": Table(("phrase",)),
    "ur/away_places.tsv": Table(("phrase", "side", "kind")),
    "ur/dates.tsv": Table(("phrase", "rule", "value", "acled", "ucdp")),
    "geo/context_cues.tsv": Table(("category", "phrase"), header=False),
    "geo/country_cues.tsv": Table(("country", "admin1", "phrase"), ("form",), header=False),
    "geo/district_equivalents.tsv": Table(("name", "same_as"), ("relation", "note"), header=False),
    "geo/not_place_names.txt": Table(("name",), header=False),
    "geo/place_weights.tsv": Table(("name", "value", "meaning")),
    "geo/title_patterns.txt": Table(("pattern",), header=False),
}


def read_table(name: str) -> list[Row]:
    """The rows of the declared table ``name``: the shipped file's, then each overlay folder's (``SITREP_DATA``).
    Raises DataFileError, naming file and line, for a file that does not fit the declaration."""
    table = TABLES.get(name)
    if table is None:
        raise KeyError(f"{name} is not a declared data table (sitrep.data.TABLES)")
    shipped = resources.files("sitrep.data").joinpath(name)
    rows = parse_table(shipped.read_text(encoding="utf-8"), table, f"sitrep/data/{name}")
    for path in overlay_files(name):
        rows.extend(read_file(path, table))
    return rows


def overlay_files(name: str) -> list[Path]:
    """The analyst's files for table ``name``, in the order ``SITREP_DATA`` lists their folders."""
    folders = [part for part in os.environ.get(OVERLAY_SETTING, "").split(os.pathsep) if part.strip()]
    return [Path(folder) / name for folder in folders if (Path(folder) / name).is_file()]


def check_overlay() -> list[Path]:
    """Read every overlay file (``SITREP_DATA``) once, so that a malformed one stops a command before it starts
    rather than halfway through a batch; the files read, in order."""
    checked = []
    for name, table in TABLES.items():
        for path in overlay_files(name):
            read_file(path, table)
            checked.append(path)
    return checked


def read_file(path: Path, table: Table) -> list[Row]:
    """The rows of a file outside the package laid out as ``table`` (an overlay, or a file a user names)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise DataFileError(f"{path}: cannot read data file: {reason}") from None
    return parse_table(text, table, str(path))


def parse_table(text: str, table: Table, origin: str) -> list[Row]:
    """Rows of ``text`` laid out as ``table``; ``origin`` names the file in messages (``origin:line: …``)."""
    header: list[str] | None = None if table.header else list(table.columns)
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{origin}:{number}"
        fields = [value.strip() for value in line.split("\t")]
        if header is None:
            header = _checked_header(fields, table, where)
            continue
        if len(fields) > len(header):
            raise DataFileError(f"{where}: {len(fields)} tab-separated fields, the header has {len(header)}")
        if not table.header and len(fields) < len(table.required):
            raise DataFileError(
                f"{where}: {len(fields)} tab-separated fields, expected at least {len(table.required)}"
                f" ({', '.join(table.required)})"
            )
        values = dict.fromkeys(table.columns, "")
        values.update(zip(header, fields, strict=False))
        rows.append(Row(values, where))
    if header is None:
        raise DataFileError(f"{origin}: no header line (columns: {', '.join(table.columns)})")
    return rows


def _checked_header(fields: list[str], table: Table, where: str) -> list[str]:
    unknown = [name for name in fields if name not in table.columns]
    if unknown:
        raise DataFileError(
            f"{where}: header: unknown column {unknown[0]!r} (columns: {', '.join(table.columns)})"
        )
    missing = [name for name in table.required if name not in fields]
    if missing:
        raise DataFileError(
            f"{where}: header: no {missing[0]!r} column (columns: {', '.join(table.columns)})"
        )
    return fields
