"""The Attribution record: the stable output of quotes (JSONL keys, CSV and DataFrame columns)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Iterable

KINDS = ("direct", "mixed", "indirect", "scare")
ANONYMITY = ("named", "unnamed", "anonymous")
SPEAKER_TYPES = ("person", "group", "organization", "document", "unknown")


@dataclass(frozen=True)
class Attribution:
    """One quotation or attribution found in an article.

    All offsets are character offsets into the article text.  ``text`` is
    ``article[start:end]``, or for content its cue interrupts, the fragments' words joined.
    """

    doc_id: str | None
    quote_id: int                      #: 1-based, in reading order within the document
    kind: str                          #: direct | mixed | indirect | scare
    text: str                          #: what the source said (fragments joined, no cue phrase)
    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]   #: pieces of the content when a cue interrupts it
    cue: str | None                    #: the cue as written ("said", "according to")
    cue_lemma: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: str | None                #: the speaker mention as written, the full noun phrase
    speaker_start: int | None
    speaker_end: int | None
    speaker_head: str | None = None    #: the head word of the speaker mention
    speaker_name: str | None = None    #: canonical speaker ("Charles Kupchan")
    speaker_role: str | None = None    #: descriptive part ("a senior fellow at ...")
    speaker_type: str | None = None    #: person | group | organization | document | unknown
    speaker_entity: str | None = None  #: the speaker's entity in the article ("e3")
    anonymity: str | None = None       #: named | unnamed | anonymous; None: unresolved pronoun
    anonymous: bool | None = None      #: anonymity != "named"
    anonymity_evidence: str | None = None
    method: str = "syntax"             #: how the link was made (syntax, according_to, adjacent, ...)
    sentence_index: int | None = None
    paragraph_index: int | None = None
    unclosed: bool = False             #: the quotation has no closing mark in its paragraph
    model: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # every field is a str, number, bool, None or a tuple of int pairs: no deep copy
        # (dataclasses.asdict's) is needed
        data = {name: getattr(self, name) for name in _FIELD_NAMES}
        data["fragments"] = [list(pair) for pair in self.fragments]
        return data

    def with_(self, **changes: Any) -> "Attribution":
        return replace(self, **changes)


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Attribution))



_FIELD_NAMES = tuple(f.name for f in fields(Attribution))

def to_frame(records: Iterable[Attribution | dict], extra_columns: Iterable[str] = ()):
    """A pandas DataFrame with the record columns, in order (plus any metadata columns)."""
    import pandas as pd

    rows = [r.to_dict() if isinstance(r, Attribution) else dict(r) for r in records]
    columns = list(COLUMNS) + [c for c in extra_columns if c not in COLUMNS]
    for row in rows:
        for column in row:
            if column not in columns:
                columns.append(column)
    return pd.DataFrame(rows, columns=columns)
