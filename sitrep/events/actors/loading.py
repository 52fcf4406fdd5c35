"""The actor data files → an ActorDictionary: ``data/actors.tsv`` and the analyst's overlay (``sitrep.data``), the
Urdu names of its actors (``data/ur/actors.tsv``, ``data/ur/actor_words.tsv``), then the files named by
``SITREP_ACTORS`` or passed to ``load_actors``; later files win."""

from __future__ import annotations

import os
from functools import cache, lru_cache
from pathlib import Path

from sitrep.data import TABLES, Row, read_file, read_table
from sitrep.events.actors.matching import ActorDictionary, fold_alias
from sitrep.events.actors.records import (
    ENV_VAR,
    GENERIC_VALUES,
    KIND_INTER,
    TABLE,
    ActorRecord,
)

# ---------------------------------------------------------------------------------------------------------------
# Reading the TSV files


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def _merge(records: dict[str, ActorRecord], where: str, row: dict[str, str]) -> None:
    """Fold one row into ``records``: given attributes replace earlier ones, aliases add up (later files win)."""
    name = row.get("name", "")
    if not name:
        raise ValueError(f"{where}: empty name")
    kind = row.get("kind", "")
    if kind and kind not in KIND_INTER:
        raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KIND_INTER)}")
    inter_text = row.get("inter", "")
    if inter_text and not (inter_text.isdigit() and 1 <= int(inter_text) <= 8):
        raise ValueError(f"{where}: inter {inter_text!r} is not an ACLED inter code 1-8")
    country = row.get("country", "")
    if country and not (len(country) == 2 and country.isalpha() and country.isupper()):
        raise ValueError(f"{where}: country {country!r} is not an ISO 3166 alpha-2 code such as PK")
    generic_text = row.get("generic", "").lower()
    if generic_text not in GENERIC_VALUES:
        raise ValueError(f"{where}: generic {row['generic']!r} is not yes or no")
    record = records.get(name)
    if record is None:
        if not kind:
            raise ValueError(f"{where}: new actor {name!r} needs a kind")
        record = ActorRecord(name, kind, 0, None, None, where)
        records[name] = record
    if kind:
        record.kind = kind
        record.inter = KIND_INTER[kind]
    if inter_text:
        record.inter = int(inter_text)
    if country:
        record.country = country
    if row.get("parent"):
        record.parent = row["parent"]
        record.where = where  # the parent is checked once all files are read
    record.acled_names.extend(_split_list(row.get("acled_names", "")))
    for alias in _split_list(row.get("aliases", "")):
        if not fold_alias(alias):
            raise ValueError(f"{where}: alias {alias!r} has no letters or digits")
        record.aliases[GENERIC_VALUES[generic_text]].append(alias)


# ---------------------------------------------------------------------------------------------------------------
# Loading


def _build(sources: list[list[Row]]) -> ActorDictionary:
    records: dict[str, ActorRecord] = {}
    for rows in sources:
        for row in rows:
            _merge(records, row.where, row)
    for record in records.values():
        if record.parent and record.parent not in records:
            raise ValueError(f"{record.where}: parent {record.parent!r} is not an actor name")
    return ActorDictionary(records.values())


@cache
def _urdu_rows() -> list[Row]:
    """The Urdu names as rows of actors.tsv: each an alias of the actor it names (which must be in the
    dictionary: a name without a kind is refused as a new actor). Armed groups' names are specific."""
    return [
        Row({"name": row["actor"], "aliases": row["phrase"], "generic": row.get("generic", "no")}, row.where)
        for name in ("ur/actors.tsv", "ur/actor_words.tsv")
        for row in read_table(name)
    ]


@cache
def _default_dictionary() -> ActorDictionary:
    return _build([read_table(TABLE), _urdu_rows()])


@lru_cache(maxsize=8)
def _dictionary_with(files: tuple[tuple[str, int, int], ...]) -> ActorDictionary:
    # Keyed by path, modification time and size, so an edited user file is read again.
    extra = [read_file(Path(path), TABLES[TABLE]) for path, _, _ in files]
    return _build([read_table(TABLE), _urdu_rows(), *extra])


def load_actors(extra: Path | str | None = None) -> ActorDictionary:
    """The actor dictionary: the shipped one, plus the files named by ``SITREP_ACTORS`` and then ``extra``.

    Later files win: a row for a known name replaces the attributes it gives and adds its aliases; an alias
    defined again points at the later actor. A malformed file raises ValueError naming its file and line.
    """
    paths = [part for part in os.environ.get(ENV_VAR, "").split(os.pathsep) if part.strip()]
    if extra is not None:
        paths.append(str(extra))
    if not paths:
        return _default_dictionary()
    keys = []
    for path in paths:
        try:
            status = Path(path).stat()
        except OSError as error:
            raise ValueError(f"{path}: cannot read actor file: {error.strerror}") from None
        keys.append((path, status.st_mtime_ns, status.st_size))
    return _dictionary_with(tuple(keys))
