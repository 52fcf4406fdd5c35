"""The extraction pipeline: Article → sentences → casualty mentions → attribution → Claims.

Each stage is its own module and can be run alone; this one only wires them together in order.
"""

from __future__ import annotations

from sitrep.model import Article, ArticleMeta, Claim, ExtractResult
from sitrep.nlp.attribution import ArticleMemory, Attribution, attribution_reader, confirm_across_claimants
from sitrep.nlp.casualties import Mention, casualty_reader
from sitrep.nlp.lexicon import tokenize, words_regex
from sitrep.nlp.sentences import split_sentences


def extract_claims(text: str) -> list[Claim]:
    """Every casualty figure in ``text`` with its claimant, stance and verification, in text order."""
    casualties, attribution = casualty_reader(), attribution_reader()
    # Most sentences have no outcome word and no reporting or verification phrase: skip them cheaply.
    outcome_words = words_regex("outcomes.tsv")
    context_words = words_regex("reporting.tsv", "claimants.tsv", "verification.tsv")
    memory = ArticleMemory()
    found: list[tuple[tuple[int, int], Mention, Attribution]] = []
    for index, (start, end) in enumerate(split_sentences(text)):
        sentence = text[start:end]
        has_outcome = outcome_words.search(sentence) is not None
        if not has_outcome and context_words.search(sentence) is None:
            continue
        tokens = tokenize(sentence)
        mentions = casualties.read(sentence, tokens) if has_outcome else []
        attributions = attribution.read_sentence(index, tokens, mentions, memory)
        found.extend(((start, end), m, a) for m, a in zip(mentions, attributions, strict=True))

    mentions = [m for _, m, _ in found]
    attributions = [a for _, _, a in found]
    confirm_across_claimants(attributions, mentions)

    claims: list[Claim] = []
    sentence_first_claim: dict[tuple[int, int], int] = {}
    for (start, end), mention, attributed in found:
        first = sentence_first_claim.setdefault((start, end), len(claims))
        claims.append(
            Claim(
                id=f"c{len(claims) + 1}",
                outcome=mention.outcome,
                victim=mention.victim,
                victim_text=mention.victim_text,
                count=mention.count,
                claimant=attributed.claimant,
                stance=attributed.stance,
                verified=attributed.verified,
                quote=text[start:end],
                start=start,
                end=end,
                part_of=f"c{first + mention.part_of + 1}" if mention.part_of is not None else None,
            )
        )
    return claims


def extract(article: Article) -> ExtractResult:
    meta = ArticleMeta(**article.model_dump(exclude={"text"}))
    return ExtractResult(article=meta, claims=extract_claims(article.text))
