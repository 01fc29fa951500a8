"""Scoring predicted attributions against gold JSONL, the way the news-quote literature does.

Matching follows the GenderGapTracker evaluation: a prediction covers a gold quote by
|gold ∩ pred| / |gold| characters (gold fragments united); gold quotes in (start, end) order
each take the not-yet-matched prediction with the highest coverage strictly above the
threshold.  Precision, recall and F1 are summed over documents.
"""
from __future__ import annotations

import json
import re
import string
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..lexicon import table
from ..records import ANONYMITY
from ..speakers.anonymity import UNRESOLVED

THRESHOLDS = (0.3, 0.8)
SUBSETS = ("all", "speech", "direct")
TRIM = string.whitespace + string.punctuation + "“”‘’«»„‟‹›—–…"


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _chars(spans: Iterable[Iterable[int]]) -> set[int]:
    chars: set[int] = set()
    for start, end in spans:
        chars.update(range(start, end))
    return chars


def _gold_spans(quote: dict) -> list[tuple[int, int]]:
    return [tuple(f) for f in quote.get("fragments") or [[quote["start"], quote["end"]]]]


def _overlap(a_start, a_end, b_start, b_end) -> bool:
    return None not in (a_start, a_end, b_start, b_end) and a_start < b_end and b_start < a_end


def _trimmed(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(TRIM))


def _norm_name(name: str | None) -> str:
    return re.sub(r"\s+", " ", (name or "").strip()).lower()


def in_subset(quote: dict, subset: str) -> bool:
    if subset == "speech":
        return bool(quote.get("speech_cue_heuristic"))
    if subset == "direct":
        return quote.get("kind") == "direct"
    return True


def match(gold: list[dict], pred: list[dict], threshold: float) -> dict[int, int]:
    """gold index -> prediction index, greedy in gold (start, end) order."""
    order = sorted(range(len(gold)), key=lambda i: (gold[i]["start"], gold[i]["end"]))
    pred_chars = [set(range(p["start"], p["end"])) for p in pred]
    taken: set[int] = set()
    pairs = {}
    for g in order:
        chars = _chars(_gold_spans(gold[g]))
        if not chars:
            continue
        best, best_cov = None, threshold
        for p, pc in enumerate(pred_chars):
            if p in taken:
                continue
            coverage = len(chars & pc) / len(chars)
            if coverage > best_cov:
                best, best_cov = p, coverage
        if best is not None:
            taken.add(best)
            pairs[g] = best
    return pairs


@dataclass
class Counts:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


@dataclass
class Scores:
    subset: str
    documents: int = 0
    at: dict[float, Counts] = field(default_factory=lambda: {t: Counts() for t in THRESHOLDS})
    exact: Counts = field(default_factory=Counts)
    speaker: Counter = field(default_factory=Counter)
    cue: Counter = field(default_factory=Counter)
    kind_recall: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    canonical: Counter = field(default_factory=Counter)
    anonymity: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    pronouns: Counter = field(default_factory=Counter)
    # per article: |predicted - gold| share of not-named, and of anonymous, attributions
    audit_not_named: list[float] = field(default_factory=list)
    audit_anonymous: list[float] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"subset": self.subset, "documents": self.documents,
                               "gold": self.at[THRESHOLDS[0]].gold}
        for t, counts in self.at.items():
            out[f"at_{t}"] = counts.prf() | {"tp": counts.tp, "pred": counts.pred}
        out["exact"] = self.exact.prf()
        out["speaker_accuracy"] = _ratio(self.speaker)
        out["cue_accuracy"] = _ratio(self.cue)
        out["recall_by_kind"] = {k: _ratio(c) for k, c in sorted(self.kind_recall.items())}
        out["canonical_speaker_accuracy"] = _ratio(self.canonical)
        out["anonymity"] = {}
        for cls, c in sorted(self.anonymity.items()):
            counts = Counts(tp=c["tp"], gold=c["gold"], pred=c["pred"])
            out["anonymity"][cls] = counts.prf() | {"gold": c["gold"]}
        f1s = [v["f1"] for k, v in out["anonymity"].items() if k in ANONYMITY]
        out["anonymity_macro_f1"] = round(sum(f1s) / len(f1s), 4) if f1s else None
        out["pronoun_speakers"] = dict(self.pronouns)
        out["audit_error"] = _mean(self.audit_not_named)
        out["audit_error_anonymous"] = _mean(self.audit_anonymous)
        out["audit_articles"] = len(self.audit_not_named)
        return out


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _shares(records: list[dict]) -> tuple[float, float] | None:
    """(not-named share, anonymous share) of the attributions, or None without any."""
    if not records:
        return None
    classes = Counter(r.get("anonymity") for r in records)
    return ((classes["unnamed"] + classes["anonymous"]) / len(records),
            classes["anonymous"] / len(records))


def _score_audit(scores: Scores, gold: list[dict], pred: list[dict]) -> None:
    """The audit's number, per article: gold shares from the annotated anonymity."""
    if not gold or not all(q.get("anonymity") for q in gold):
        return          # the gold carries no anonymity (PolNeAR): nothing to compare
    truth, found = _shares(gold), _shares(pred) or (0.0, 0.0)
    scores.audit_not_named.append(abs(truth[0] - found[0]))
    scores.audit_anonymous.append(abs(truth[1] - found[1]))


def _ratio(counter: Counter) -> float | None:
    total = counter["right"] + counter["wrong"]
    return round(counter["right"] / total, 4) if total else None


def _mostly_ignored(pred: dict, ignore_spans: list) -> bool:
    chars = set(range(pred["start"], pred["end"]))
    ignored = _chars(ignore_spans) & chars
    return bool(chars) and len(ignored) > len(chars) / 2


def score(gold_docs: list[dict], predictions: dict[str, list[dict]],
          subset: str = "all") -> Scores:
    """Score predictions (doc id -> attribution dicts) against gold documents."""
    scores = Scores(subset=subset)
    pronouns = set(table("pronouns.txt"))
    for doc in gold_docs:
        scores.documents += 1
        gold = [q for q in doc.get("quotes", []) if q.get("kind") != "scare"]
        pred = [p for p in predictions.get(doc["id"], []) if p.get("kind") != "scare"]
        ignore = doc.get("ignore_spans") or []
        for threshold in THRESHOLDS:
            pairs = match(gold, pred, threshold)
            counts = scores.at[threshold]
            matched_pred = set(pairs.values())
            counts.gold += sum(in_subset(q, subset) for q in gold)
            counts.tp += sum(in_subset(gold[g], subset) for g in pairs)
            # Predictions matched to gold outside the subset are neither right nor wrong;
            # unmatched ones mostly inside discarded regions (bylines) are not counted.
            counts.pred += sum(in_subset(gold[g], subset) for g in pairs) + sum(
                1 for i, p in enumerate(pred)
                if i not in matched_pred and not _mostly_ignored(p, ignore))
            if threshold == THRESHOLDS[0]:
                _score_matched(scores, gold, pred, pairs, subset)
        _score_exact(scores, gold, pred, ignore, subset, doc.get("text"))
        _score_audit(scores, [q for q in gold if in_subset(q, subset)],
                     [p for p in pred if not _mostly_ignored(p, ignore)])
        for p in pred:
            if (p.get("speaker") or "").strip().lower() in pronouns:
                resolved = p.get("anonymity_evidence") != UNRESOLVED and \
                    _norm_name(p.get("speaker_name")) not in pronouns | {""}
                scores.pronouns["resolved" if resolved else "unresolved"] += 1
    return scores


def _score_matched(scores: Scores, gold: list[dict], pred: list[dict], pairs: dict[int, int],
                   subset: str) -> None:
    for g, q in enumerate(gold):
        if in_subset(q, subset):
            scores.kind_recall[q.get("kind", "?")]["right" if g in pairs else "wrong"] += 1
    for g, p_index in pairs.items():
        q, p = gold[g], pred[p_index]
        if not in_subset(q, subset):
            continue
        if q.get("speaker_start") is not None:
            right = _overlap(q["speaker_start"], q["speaker_end"],
                             p.get("speaker_start"), p.get("speaker_end"))
            scores.speaker["right" if right else "wrong"] += 1
        if q.get("cue_start") is None and p.get("cue_start") is None:
            scores.cue["right"] += 1
        else:
            right = _overlap(q.get("cue_start"), q.get("cue_end"),
                             p.get("cue_start"), p.get("cue_end"))
            scores.cue["right" if right else "wrong"] += 1
        if q.get("speaker_name"):
            right = _norm_name(q["speaker_name"]) == _norm_name(p.get("speaker_name"))
            scores.canonical["right" if right else "wrong"] += 1
        if q.get("anonymity"):
            scores.anonymity[q["anonymity"]]["gold"] += 1
            if p.get("anonymity"):
                scores.anonymity[p["anonymity"]]["pred"] += 1
                if p["anonymity"] == q["anonymity"]:
                    scores.anonymity[q["anonymity"]]["tp"] += 1


def _score_exact(scores: Scores, gold: list[dict], pred: list[dict], ignore: list,
                 subset: str, text: str | None = None) -> None:
    # Spans are compared as the article spells them: a prediction's ``text`` joins the pieces
    # of an interrupted quotation, where the gold span runs from the first to the last.
    pred_texts = [_trimmed(text[p["start"]:p["end"]] if text else p["text"]) for p in pred]
    taken: set[int] = set()
    matched_out_of_subset = 0
    for q in sorted(gold, key=lambda q: (q["start"], q["end"])):
        target = _trimmed(q["text"])
        hit = next((i for i, t in enumerate(pred_texts) if i not in taken and t == target), None)
        if hit is not None:
            taken.add(hit)
            if in_subset(q, subset):
                scores.exact.tp += 1
            else:
                matched_out_of_subset += 1
        if in_subset(q, subset):
            scores.exact.gold += 1
    unmatched = [p for i, p in enumerate(pred) if i not in taken]
    scores.exact.pred += len(taken) - matched_out_of_subset + sum(
        not _mostly_ignored(p, ignore) for p in unmatched)


def table_rows(scores: Scores) -> list[list[Any]]:
    d = scores.as_dict()
    rows = []
    for t in THRESHOLDS:
        m = d[f"at_{t}"]
        rows.append([f"quotes @{t}", m["precision"], m["recall"], m["f1"]])
    rows.append(["exact match", d["exact"]["precision"], d["exact"]["recall"], d["exact"]["f1"]])
    rows.append(["speaker accuracy", "", "", d["speaker_accuracy"]])
    rows.append(["cue accuracy", "", "", d["cue_accuracy"]])
    rows.append(["canonical speaker", "", "", d["canonical_speaker_accuracy"]])
    for kind, value in d["recall_by_kind"].items():
        rows.append([f"recall {kind}", "", value, ""])
    for cls, m in d["anonymity"].items():
        rows.append([f"anonymity {cls} (n={m['gold']})", m["precision"], m["recall"], m["f1"]])
    if d["anonymity_macro_f1"] is not None:
        rows.append(["anonymity macro-F1", "", "", d["anonymity_macro_f1"]])
    if d["audit_error"] is not None:
        rows.append([f"audit error, not-named share ({d['audit_articles']} articles)", "", "",
                     d["audit_error"]])
        rows.append(["audit error, anonymous share", "", "", d["audit_error_anonymous"]])
    pronouns = d["pronoun_speakers"]
    total = sum(pronouns.values())
    if total:
        rows.append([f"pronoun speakers unresolved ({pronouns.get('unresolved', 0)}/{total})",
                     "", "", round(pronouns.get("unresolved", 0) / total, 4)])
    return rows


ERROR_KINDS = ("miss", "false positive", "speaker", "anonymity")


def _sentence_around(text: str, start: int, end: int, width: int = 160) -> str:
    lo = max(text.rfind("\n", 0, start) + 1, start - width)
    hi = text.find("\n", end)
    hi = min(hi if hi != -1 else len(text), end + width)
    return " ".join(text[lo:hi].split())


def errors(gold_docs: list[dict], predictions: dict[str, list[dict]], subset: str = "all",
           kinds: Iterable[str] = ERROR_KINDS) -> list[dict[str, Any]]:
    """Every miss and false positive (at the 0.3 overlap), and every matched attribution whose
    canonical speaker or anonymity is wrong, with its sentence, cue and speaker."""
    wanted = set(kinds)
    rows: list[dict[str, Any]] = []
    for doc in gold_docs:
        text = doc["text"]
        gold = [q for q in doc.get("quotes", []) if q.get("kind") != "scare"]
        pred = [p for p in predictions.get(doc["id"], []) if p.get("kind") != "scare"]
        pairs = match(gold, pred, THRESHOLDS[0])
        matched = set(pairs.values())
        for g, q in enumerate(gold):
            if not in_subset(q, subset):
                continue
            base = {"doc_id": doc["id"], "start": q["start"], "end": q["end"],
                    "sentence": _sentence_around(text, q["start"], q["end"])}
            if g not in pairs:
                if "miss" in wanted:
                    rows.append(base | {"error": "miss", "cue": q.get("cue"),
                                        "speaker": q.get("speaker"), "gold": q.get("speaker_name"),
                                        "predicted": None})
                continue
            p = pred[pairs[g]]
            if "speaker" in wanted and q.get("speaker_name") and \
                    _norm_name(q["speaker_name"]) != _norm_name(p.get("speaker_name")):
                rows.append(base | {"error": "speaker", "cue": p.get("cue"),
                                    "speaker": p.get("speaker"), "gold": q["speaker_name"],
                                    "predicted": p.get("speaker_name")})
            if "anonymity" in wanted and q.get("anonymity") and q["anonymity"] != p.get("anonymity"):
                rows.append(base | {"error": "anonymity", "cue": p.get("cue"),
                                    "speaker": p.get("speaker"), "gold": q["anonymity"],
                                    "predicted": f"{p.get('anonymity')} ({p.get('anonymity_evidence')})"})
        if "false positive" in wanted:
            ignore = doc.get("ignore_spans") or []
            for i, p in enumerate(pred):
                if i in matched or _mostly_ignored(p, ignore):
                    continue
                rows.append({"doc_id": doc["id"], "start": p["start"], "end": p["end"],
                             "sentence": _sentence_around(text, p["start"], p["end"]),
                             "error": "false positive", "cue": p.get("cue"),
                             "speaker": p.get("speaker"), "gold": None,
                             "predicted": p.get("speaker_name")})
    return rows

