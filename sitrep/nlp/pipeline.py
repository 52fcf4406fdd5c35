"""The extraction pipeline: Article → sentences → casualty mentions → attribution → Claims.

Each stage is its own module and can be run alone; this one only wires them together in order.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitrep.model import Article, ArticleMeta, Claim, ExtractResult
from sitrep.nlp.attribution import ArticleMemory, Attribution, attribution_reader, confirm_across_claimants
from sitrep.nlp.casualties import Mention, casualty_reader
from sitrep.nlp.lexicon import first_words, has_any_word, tokenize
from sitrep.nlp.sentences import paragraphs, split_sentences


def _units(text: str) -> Iterator[tuple[int, int, bool]]:
    """The spans worth reading, with whether they may hold a figure.

    Sentence splitting is the costliest step, so only paragraphs with an outcome word are split. A paragraph
    with only reporting or verification phrases is read whole: it can name a claimant that a later sentence
    refers back to, or say that earlier figures could not be verified. Other paragraphs are skipped.
    """
    outcome_words = first_words("outcomes.tsv")
    context_words = first_words("reporting.tsv", "verification.tsv")
    for start, end in paragraphs(text):
        paragraph = text[start:end]
        if has_any_word(paragraph, outcome_words):
            for sentence_start, sentence_end in split_sentences(text, start, end):
                sentence = text[sentence_start:sentence_end]
                if has_any_word(sentence, outcome_words):
                    yield sentence_start, sentence_end, True
                elif has_any_word(sentence, context_words):
                    yield sentence_start, sentence_end, False
        elif has_any_word(paragraph, context_words):
            yield start, end, False


def extract_claims(text: str) -> list[Claim]:
    """Every casualty figure in ``text`` with its claimant, stance and verification, in text order."""
    casualties, attribution = casualty_reader(), attribution_reader()
    memory = ArticleMemory()
    found: list[tuple[tuple[int, int], Mention, Attribution]] = []
    for index, (start, end, may_hold_figure) in enumerate(_units(text)):
        sentence = text[start:end]
        tokens = tokenize(sentence)
        mentions = casualties.read(sentence, tokens) if may_hold_figure else []
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
