"""Where a story was filed. In: an article's text; out: the character spans of its dateline ("QUETTA, March 12
(Reuters) —", "TURBAT:", "(Quetta) At least …"), found only in its first four lines.
"""

from __future__ import annotations

import re

_DATELINE_RES = (
    # "QUETTA, March 12 (Reuters) —", "TURBAT:", "ISLAMABAD (AP) -"; the dash may end its line
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})"
        r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+\d{1,2})?(?:,[ \t]*\d{4})?)?[ \t]*(?:\([^)\n]{1,30}\))?"
        r"[ \t]*(?::|—|–|--|-)(?:[ \t]|(?=\n))"
    ),
    # "Quetta, March 12 (Reuters) —", "Kabul, Afghanistan —"
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,2}),[ \t]*"
        r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?|[A-Z][a-z]+)[ \t]*(?:\([^)\n]{1,30}\))?"
        r"[ \t]*(?:—|–|--|-|:)[ \t]"
    ),
    # "Islamabad, Dec 10 A police officer...", "Quetta, March 12 (AFP) Two soldiers...": a date and no dash
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][a-z'’.\-]+(?: [A-Z][a-z'’.\-]+){0,2}),[ \t]*"
        r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?=[A-Z\"“])"
    ),
    # "Lahore: The ...", "(Quetta) At least ...": a name and a colon, or a name in brackets, opening a line
    re.compile(
        r"(?m)^[ \t]*(?P<name>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})[ \t]*"
        r"(?::|(?:\([^)\n]{1,30}\))?[ \t]*(?:—|–|--)|\([^)\n]{1,30}\)[ \t]*-)[ \t]"
    ),
    re.compile(
        r"(?m)^[ \t]*\((?P<name>[A-Z][A-Za-z'’.\-]+(?: [A-Z][A-Za-z'’.\-]+){0,2})\)[ \t]*"
        r"(?:(?::|—|–|--|-)[ \t]*)?(?=[A-Z\"“])"
    ),
)


_DATELINE_PREFIX = r"(?m)^[ \t]*"


# The patterns above as one alternation (one match per line instead of one per pattern); branch i names its
# place "n<i>".
_DATELINE = re.compile(
    _DATELINE_PREFIX
    + "(?:"
    + "|".join(
        f"(?:{p.pattern.removeprefix(_DATELINE_PREFIX).replace('(?P<name>', f'(?P<n{i}>')})"
        for i, p in enumerate(_DATELINE_RES)
    )
    + ")"
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of ``text``'s datelines, town and state or date included."""
    # A dateline opens the article or one of its first paragraphs (after a headline, a caption or a video
    # notice): only the first four lines with text qualify. Every pattern starts at a line start and stays on
    # its line, so each is tried at those positions only.
    head = text[:2000]
    line_starts: list[int] = []
    position = 0
    while len(line_starts) < 4 and position < len(head):
        line_end = head.find("\n", position)
        line = head[position : line_end if line_end >= 0 else len(head)].lstrip()
        if line:
            if line[0].isupper() or line[0] == "(":  # every pattern opens with a capital or a bracket
                line_starts.append(position)
            else:
                line_starts.append(-1)  # a line with text that cannot be a dateline still counts
        if line_end < 0:
            break
        position = line_end + 1
    spans = []
    for line_start in line_starts:
        m = _DATELINE.match(head, line_start) if line_start >= 0 else None
        if m:
            # The whole dateline: a state or country after the town ("DAYTON, Ohio —") was filed from too.
            spans.append(m.span())
    return spans
