"""Recognising an article already stored: the same text exactly, or nearly (a syndicated or lightly edited copy).

Exact: SHA-256 of the normalised text (Unicode NFKC, case-folded, whitespace collapsed), so a copy that differs
only in line breaks or capitalisation is the same article. Near: MinHash over 3-word shingles and LSH with a
Jaccard threshold of 0.5 (datasketch), then the estimated similarity of each candidate checked against the
threshold, since LSH buckets also let some less similar articles through. Signatures are stored with the articles
and each signature's bands in ``article_bands`` (``band_keys``, indexed), so a new article's candidates are one
indexed query, whatever the size of the store, and copies of articles stored by earlier runs or by other writers
are found.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

# Changing any of these makes stored signatures incomparable with new ones. "affine32" (datasketch ≥ 2) gives
# 32-bit hash values (512 bytes per article) and mixes each input hash with MurmurHash3's finaliser first, so
# CRC-32 (a C call, half the cost of datasketch's default SHA-1) serves as the shingle hash.
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"
SHINGLE_HASH = zlib.crc32
SHINGLE_WORDS = 3
THRESHOLD = 0.5
# Below this many shingles a text is too short to call a near-duplicate of anything: exact matches only.
MIN_SHINGLES = 8

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def url_sha256(url: str | None) -> str | None:
    return hashlib.sha256(url.strip().encode("utf-8")).hexdigest() if url and url.strip() else None


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes (little-endian uint32s); None when the text is too short."""
    words = _WORD.findall(normalise(text))
    # The shingles by C-level map/zip: a Python loop per word cost a third of the signature on long texts.
    shingles = set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE_WORDS)), strict=False)))
    if len(shingles) < MIN_SHINGLES:
        return None
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashfunc=SHINGLE_HASH, permutations=_permutations()
    )
    minhash.update_batch(list(map(str.encode, shingles)))  # UTF-8
    return np.asarray(minhash.hashvalues, dtype="<u4").tobytes()


@cache
def _permutations() -> object:
    # Generated once: a MinHash otherwise draws its 128 permutations again for every article.
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


# datasketch's banding for THRESHOLD and NUM_PERM (25 bands of 5 values): a signature is a candidate when one of
# its bands equals the same band of a stored signature.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
_BAND_BYTES = [(start * 4, end * 4) for start, end in _LSH.hashranges]  # uint32s → byte offsets
del _LSH


def band_keys(signature_bytes: bytes) -> list[int]:
    """A signature's LSH bands as signed 64-bit integers (what the store indexes), each band's number mixed in so
    that equal values in two different bands never meet. Two signatures sharing a band share its key; a chance
    collision of two different bands only adds a candidate, which ``nearest`` then checks."""
    return [
        int.from_bytes(
            hashlib.blake2b(
                signature_bytes[start:end], digest_size=8, salt=number.to_bytes(16, "little")
            ).digest(),
            "little",
            signed=True,
        )
        for number, (start, end) in enumerate(_BAND_BYTES)
    ]


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    article_id: int  # the stored article it copies
    similarity: float  # estimated Jaccard similarity of their shingles


def nearest(
    signature_bytes: bytes, stored: Iterable[tuple[int, bytes]], exclude: Collection[int] = ()
) -> NearDuplicate | None:
    """Of ``stored`` (article row id, signature: the articles sharing a band with ``signature_bytes``), the
    earliest at least ``THRESHOLD`` similar, if any, other than those ``exclude`` lists: the same candidates and
    similarities as datasketch's ``MinHashLSH.query`` and ``MinHash.jaccard``."""
    values = np.frombuffer(signature_bytes, dtype="<u4")
    for article_id, other in sorted(stored):
        if article_id in exclude:
            continue
        # The estimated Jaccard similarity: the share of equal minimum hashes (as ``MinHash.jaccard``).
        similarity = float(np.count_nonzero(values == np.frombuffer(other, dtype="<u4"))) / NUM_PERM
        if similarity >= THRESHOLD:
            return NearDuplicate(article_id, similarity)
    return None
