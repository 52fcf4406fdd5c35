"""Seeded generators of hostile inputs for the fuzz tests (``tests/test_fuzz.py``).

A seeded ``random.Random``, not hypothesis: the cases are the same on every run (CI stays deterministic), and
the standard library does the job. Texts mix real words, claimants, figures (from 0 to hundreds of digits),
place names, dates, punctuation and odd Unicode; input files are good articles and bad ones of every kind the
readers must refuse, each bad one labelled with the words its one error line must hold.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

WORDS = (
    "police said officials the a an and of in on at near were was killed wounded injured dead died abducted "
    "kidnapped missing people civilians soldiers militants children women policemen officers fighters "
    "passengers at least more than about nearly up to dozens scores several some many between hundreds "
    "thousands including bomb blast attack gunmen opened fire suicide bomber roadside market mosque convoy "
    "hospital claimed responsibility denied group army ministry spokesman according to reports toll rose "
    "Monday Tuesday Friday yesterday last week earlier this month separate incident"
).split()
CLAIMANTS = (
    "Police said",
    "A hospital official said",
    "The BLA said",
    "The army denied that",
    "According to local media,",
    "Residents said",
    "The Taliban claimed",
    "An unnamed source told Reuters",
)
PLACES = (
    "Quetta",
    "Turbat",
    "Kech district",
    "Balochistan",
    "Peshawar",
    "Karachi",
    "Kabul",
    "Gaza",
    "Mogadishu",
    "Khyber Pakhtunkhwa",
    "North Waziristan",
    "Springfield",
    "Paris",
)
NUMBER_WORDS = (
    "one two three five seven ten twelve twenty-five forty hundred thousand million "
    "a dozen two dozen three hundred and fifty"
).split()
PUNCTUATION = list(".,;:!?()[]{}\"'/\\-–—…•*&%$#@~`^|<>+=_") + [
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "\n",
    "\n\n",
    "\t",
]
ODD = [
    "\u200b",  # zero-width space
    "\u00a0",  # no-break space
    "\u2028",  # line separator
    "\u2029",
    "\ufeff",  # byte-order mark inside the text
    "\u202e",  # right-to-left override
    "\u0301",  # a lone combining accent
    "\ufffd",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "😀",
    "𝟙𝟚",  # mathematical digits
    "٣٤",  # Arabic-Indic digits
    "५",  # Devanagari digit
    "１２",  # fullwidth digits
    "²",
    "Ⅻ",
    "\x01",
    "\x7f",
    "\u0085",
    "مقتل",
    "死亡",
    "Ωμέγα",
]
MONTHS = ("January", "March", "Feb.", "Sept", "December")


def figure(rng: random.Random) -> str:
    """A figure as a story might write it, or as no story would (20 to 400 digits)."""
    kind = rng.randrange(10)
    if kind < 3:
        return str(rng.randrange(0, 200))
    if kind == 3:
        return f"{rng.randrange(1, 999)},{rng.randrange(0, 1000):03d}"
    if kind == 4:
        return f"{rng.randrange(1, 99)}.{rng.randrange(0, 9)} million"
    if kind == 5:
        return "".join(rng.choice("0123456789") for _ in range(rng.randrange(10, 30)))
    if kind == 6:
        return (
            "9" * rng.choice((19, 20, 64, 400, 4400))
            if rng.random() < 0.3
            else str(rng.randrange(10**9, 10**12))
        )
    if kind == 7:
        return f"{rng.randrange(1, 50)}-{rng.randrange(1, 80)}"
    if kind == 8:
        return rng.choice(NUMBER_WORDS)
    return f"{rng.randrange(1, 9)},{rng.randrange(0, 1000):03d},{rng.randrange(0, 1000):03d},{rng.randrange(0, 1000):03d}"


def date_phrase(rng: random.Random) -> str:
    return rng.choice(
        (
            f"on {rng.choice(MONTHS)} {rng.randrange(0, 40)}",
            f"on {rng.randrange(0, 40)} {rng.choice(MONTHS)} {rng.randrange(0, 10000)}",
            f"{rng.randrange(0, 1000)} days ago",
            f"in {rng.randrange(0, 10000)}",
            "last Tuesday",
        )
    )


def sentence(rng: random.Random) -> str:
    """A casualty report's sentence, with its parts sometimes shuffled."""
    parts = [
        rng.choice(CLAIMANTS),
        figure(rng),
        rng.choice(("people", "civilians", "soldiers", "militants", "children", "policemen")),
        rng.choice(("were killed", "were wounded", "died", "were abducted", "were injured")),
        f"in {rng.choice(PLACES)}",
        date_phrase(rng),
    ]
    if rng.random() < 0.3:
        rng.shuffle(parts)
    return " ".join(parts) + rng.choice((".", ".", "!", ";", ""))


def noise(rng: random.Random) -> str:
    """A token of anything: a word, a figure, a place, punctuation or odd Unicode."""
    pick = rng.randrange(10)
    if pick < 4:
        return rng.choice(WORDS)
    if pick == 4:
        return figure(rng)
    if pick == 5:
        return rng.choice(PLACES)
    if pick in (6, 7):
        return rng.choice(PUNCTUATION)
    if pick == 8:
        return rng.choice(ODD)
    return chr(rng.randrange(0x20, 0x3000))


def text(rng: random.Random) -> str:
    """A short text (a few tens to a few hundred characters): report sentences and noise, interleaved."""
    pieces = []
    for _ in range(rng.randrange(1, 4)):
        if rng.random() < 0.6:
            pieces.append(sentence(rng))
        else:
            pieces.append(" ".join(noise(rng) for _ in range(rng.randrange(1, 12))))
    separator = rng.choice((" ", " ", "\n\n", "\n", ""))
    return separator.join(pieces)


# -- input files -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bad:
    """An input a reader must refuse: ``where`` (file, or file:line) and words its error line holds."""

    where: str
    says: str


@dataclass
class Batch:
    """A folder of generated inputs: what must be stored (article ids) and what must be refused."""

    folder: Path
    good: set[str]
    bad: list[Bad]
    either: set[str]  # files that may give an article or one error line (HTML whose text trafilatura decides)


def _good_record(rng: random.Random, article_id: str) -> dict:
    record: dict = {"id": article_id, "text": f"{sentence(rng)} {sentence(rng)} Report {article_id}."}
    if rng.random() < 0.5:
        record["title"] = " ".join(rng.choice(WORDS) for _ in range(4))
    if rng.random() < 0.5:
        record["published"] = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    return record


# Bad JSON Lines: (the line, words the error holds).
def _bad_line(rng: random.Random) -> tuple[str, str]:
    depth = rng.choice((1_000, 5_000, 100_000))
    cases = [
        ('{"id": "d", "text": ' + "[" * depth + "]" * depth + "}", "nested too deeply"),
        ('{"id": "s", "text": "Police said \\ud800 five were killed."}', "lone surrogate"),
        ('{"id": "s2", "text": "ok", "title": "\\udfff"}', "lone surrogate"),
        ('{"id": "n", "text": "Two killed.", "views": ' + "7" * 4400 + "}", "number too long"),
        ('{"id": "z", "text": "Two\\u0000 killed."}', "NUL character"),
        (json.dumps({"id": ["x"], "text": "Two killed."}), "field 'id' must be"),
        (json.dumps({"id": 1.5, "text": "Two killed."}), "field 'id' must be"),
        (json.dumps({"id": "t", "text": {"body": "Two killed."}}), "field 'text' must be a string"),
        (json.dumps({"id": "t", "text": 42}), "field 'text' must be a string"),
        (json.dumps({"id": "t", "text": "Two killed.", "title": 7}), "field 'title' must be a string"),
        (json.dumps({"id": "t", "text": "Two killed.", "published": 20240101}), "field 'published' must be"),
        (
            json.dumps({"id": "t", "text": "Two killed.", "published": "yesterday"}),
            "bad value for 'published'",
        ),
        (json.dumps({"id": "t", "text": " \n\t "}), "only whitespace"),
        (json.dumps({"id": "t"}), "missing required field 'text'"),
        (json.dumps([1, 2, 3]), "expected a JSON object"),
        (json.dumps("text"), "expected a JSON object"),
        ("null", "expected a JSON object"),
        ('{"id": "t", "text": "Two killed."', "not valid JSON"),
        ("{'id': 't'}", "not valid JSON"),
    ]
    return rng.choice(cases)


_HTML_ARTICLE = (
    "<html><head><title>{title}</title>{meta}</head><body><article><h1>{title}</h1>"
    "<p>{p1}</p><p>{p2}</p><p>{p3}</p></article></body></html>"
)


def _good_html(rng: random.Random, marker: str) -> str:
    meta = rng.choice(("", '<meta charset="utf-8">', '<meta charset="no-such-charset">'))
    paragraphs = [
        f"{sentence(rng)} {sentence(rng)} {' '.join(rng.choice(WORDS) for _ in range(30))}." for _ in range(3)
    ]
    return _HTML_ARTICLE.format(
        title=f"Report {marker}",
        meta=meta,
        p1=paragraphs[0] + f" {marker}",
        p2=paragraphs[1],
        p3=paragraphs[2],
    )


def _odd_html(rng: random.Random) -> bytes:
    """HTML of any shape: deep nesting, no body, unclosed tags, huge attributes, garbage, wrong charset."""
    words = " ".join(sentence(rng) for _ in range(3))
    shapes = [
        lambda: ("<div>" * rng.choice((300, 5_000, 50_000)) + words + "</div>" * 10).encode(),
        lambda: b"<html><head><title>x</title></head></html>",
        lambda: f"<p>{words}<p><b><i>{words}<table><tr><td>{words}".encode(),
        lambda: (
            f'<html><body><p title="{"a" * 200_000}" class="{"b" * 50_000}">{words}</p></body></html>'.encode()
        ),
        lambda: bytes(rng.randrange(1, 256) for _ in range(rng.randrange(10, 3000))),
        lambda: f'<html><head><meta charset="utf-8"></head><body><p>{words} café</p></body></html>'.encode(
            "latin-1", "replace"
        ),
        lambda: (
            f"<html><body><p>{words} &#xD800; &#0; &#x110000; &#55296; &bogus;</p></body></html>".encode()
        ),
        lambda: f"<script>{words}</script><style>{words}</style><!-- {words} -->".encode(),
        lambda: (
            f"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a '{words}'>]><html><body><p>&a;&a;</p></body></html>".encode()
        ),
        lambda: b"\xef\xbb\xbf" + f"<html><body><article><p>{words}</p></article></body></html>".encode(),
        lambda: (
            f"<html><body><svg><foreignObject><p>{words}</p></foreignObject></svg></body></html>".encode()
        ),
    ]
    return rng.choice(shapes)()


def write_batch(folder: Path, rng: random.Random, files: int) -> Batch:
    """``files`` inputs in ``folder``: JSON Lines files (good and bad lines), HTML pages of every shape, and
    text files that are empty, binary or not UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    batch = Batch(folder, set(), [], set())
    for number in range(files):
        kind = rng.randrange(4)
        name = f"{number:04d}"
        if kind <= 1:  # JSON Lines: a few lines, some bad
            path = folder / f"{name}.jsonl"
            lines = []
            for line_number in range(1, rng.randrange(2, 7)):
                if rng.random() < 0.4:
                    line, says = _bad_line(rng)
                    batch.bad.append(Bad(f"{path}:{line_number}", says))
                else:
                    article_id = f"{name}-{line_number}"
                    line = json.dumps(_good_record(rng, article_id), ensure_ascii=rng.random() < 0.5)
                    batch.good.add(article_id)
                lines.append(line)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif kind == 2:  # HTML
            path = folder / f"{name}.html"
            if rng.random() < 0.5:
                path.write_text(_good_html(rng, f"page{name}"), encoding="utf-8")
                batch.good.add(path.name)
            else:
                path.write_bytes(_odd_html(rng))
                batch.either.add(path.name)
        else:  # text
            path = folder / f"{name}.txt"
            pick = rng.randrange(6)
            if pick == 0:
                path.write_bytes(b"")
                batch.bad.append(Bad(str(path), "empty file"))
            elif pick == 1:
                path.write_bytes(b" \n\t\n ")
                batch.bad.append(Bad(str(path), "empty file"))
            elif pick == 2:
                path.write_bytes(f"{sentence(rng)} café".encode("latin-1", "replace") + b"\xe9\xff")
                batch.bad.append(Bad(str(path), "not UTF-8"))
            elif pick == 3:
                path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(rng.randrange(256) for _ in range(200)))
                batch.bad.append(Bad(str(path), "binary file"))
            elif pick == 4:
                path.write_bytes(f"{sentence(rng)} {name}".encode("utf-16"))
                batch.bad.append(Bad(str(path), "UTF-16"))
            else:
                path.write_text(f"{sentence(rng)} {sentence(rng)} File {name}.", encoding="utf-8")
                batch.good.add(path.name)
    return batch
