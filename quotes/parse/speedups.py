"""Faster equivalents of a few Stanza internals: the same parses, less time.

Every change to Stanza's behaviour lives here, and each is checked in ``tests/test_speedups.py``
against Stanza's own code on the same input:

* **tree decoder**: Stanza decodes each sentence's arc scores with a pure-Python
  Chu-Liu-Edmonds algorithm; ``ufal.chu_liu_edmonds`` is the same algorithm in C++ (Stanza's
  single-root reweighting is applied first, so both return the same tree).
* **dependency labels for the chosen heads only**: Stanza's graph parser scores every label for
  every (dependent, head) pair (an n x n x labels tensor, then its log-softmax copied to numpy)
  although only the arcs of the decoded tree are read.  Here the tree is decoded from the arc
  scores first and labels are scored for its arcs; a sentence whose labels break a head
  constraint (two subjects of one head) gets the full label tensor for that sentence and
  Stanza's own repair.
* **NER decoding**: the CRF's Viterbi decoder runs once per batch (one numpy step per position
  for all sentences) instead of once per sentence.
* **vocabulary lookups**: ``Vocab.map`` of the plain vocabularies becomes one dictionary lookup
  per unit (a word's characters once per distinct word); composite tags (features, xpos) are parsed once per distinct value.
* **dictionary lemmatizer**: a lemmatizer trained as a dictionary only looks words up without
  first building the character tensors of a seq2seq model it does not have.
* **e-mail and URL masks of the tokenizer**: Stanza's expression is tried only on runs of
  text that can hold an address (an "@" or a "."), and not on runs without spaces longer than
  :data:`LONG_RUN` characters, over which it backtracks for hours (the one difference from
  Stanza: such a run is not masked).
* **padded id tensors**: ``get_long_tensor`` fills a numpy array instead of one small tensor
  per row.
* **model loading** (:func:`model_loading`, while a pipeline is built from the bundled
  models): the files inside the package are read with torch's compiled unpickler instead of
  its pure-Python ``weights_only`` one (the same tensors, 2 s less), and the trainers build no
  optimizer, which a pipeline never uses (building the first one imports ``torch._dynamo``,
  1-2 s).  Files anywhere else keep ``weights_only``.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import numpy as np

try:
    from ufal.chu_liu_edmonds import chu_liu_edmonds as _compiled_cle
except ImportError:  # pragma: no cover - the package is a dependency, but stay usable without
    _compiled_cle = None

# --- tree decoder ---------------------------------------------------------------------------

def chuliu_edmonds_one_root(scores: np.ndarray) -> np.ndarray:
    """Drop-in replacement for ``stanza.models.common.chuliu_edmonds.chuliu_edmonds_one_root``."""
    scores = scores.astype(np.float64)          # a copy: the caller's array stays untouched
    finite = scores[np.isfinite(scores)]
    min_score = finite.min()
    # Stanza's trick for exactly one root: make every root arc worse than any tree without one.
    scores[:, 0] = scores[:, 0] + (min_score * scores.shape[0])
    # The C++ decoder treats NaN as "no arc"; Stanza's scores are finite log-probabilities.
    scores[~np.isfinite(scores)] = np.nan
    # Stanza's decoder ignores the root's own row; the C++ one wants the diagonal unusable.
    np.fill_diagonal(scores, np.nan)
    heads, _ = _compiled_cle(scores)
    tree = np.array(heads, dtype=np.int64)
    tree[0] = 0                                 # as Stanza's decoder leaves it
    return tree


def _install_decoder() -> None:
    from stanza.models.depparse import head_constraints
    from stanza.models.depparse import model as depparse_model

    _replace("decoder", depparse_model, "chuliu_edmonds_one_root", chuliu_edmonds_one_root)
    _replace("decoder", head_constraints, "chuliu_edmonds_one_root", chuliu_edmonds_one_root)


# --- dependency labels for the decoded arcs only --------------------------------------------

def _arc_scores(parser: Any, lstm_outputs: Any, word: Any, head: Any) -> Any:
    """The unlabeled arc scores of ``GraphParser.forward_scores``, computed the same way."""
    import torch
    import torch.nn.functional as F

    args = parser.args
    unlabeled = parser.unlabeled(parser.drop(lstm_outputs), parser.drop(lstm_outputs)).squeeze(3)
    if args["linearization"] or args["distance"]:
        length = word.size(1)
        offset = (torch.arange(length, device=head.device).view(1, 1, -1).expand(word.size(0), -1, -1)
                  - torch.arange(length, device=head.device).view(1, -1, 1).expand(word.size(0), -1, -1))
    if args["linearization"]:
        lin = parser.linearization(parser.drop(lstm_outputs), parser.drop(lstm_outputs)).squeeze(3)
        unlabeled += F.logsigmoid(lin * torch.sign(offset).float()).detach()
    if args["distance"]:
        dist = parser.distance(parser.drop(lstm_outputs), parser.drop(lstm_outputs)).squeeze(3)
        predicted = 1 + F.softplus(dist)
        unlabeled += (-torch.log((torch.abs(offset).float() - predicted) ** 2 / 2 + 1)).detach()
    diag = torch.eye(head.size(-1) + 1, dtype=torch.bool, device=head.device).unsqueeze(0)
    unlabeled.masked_fill_(diag, -float("inf"))
    return unlabeled


class _LabelScorer:
    """The deprel biaffine of a graph parser, split so that labels of chosen arcs cost little."""

    CHUNK = 512          # dependents scored at once: bounds the (chunk x J x labels) temporary

    def __init__(self, parser: Any, lstm_outputs: Any) -> None:
        import torch

        deep = parser.deprel
        dependents = deep.hidden_func(deep.W1(deep.dropout(lstm_outputs)))
        heads = deep.hidden_func(deep.W2(deep.dropout(lstm_outputs)))
        self.dependents = torch.cat([dependents, dependents.new_ones(*dependents.shape[:-1], 1)], -1)
        self.heads = torch.cat([heads, heads.new_ones(*heads.shape[:-1], 1)], -1)
        bilinear = deep.scorer.W_bilin
        self.weight, self.bias = bilinear.weight, bilinear.bias

    def chosen(self, trees: list[np.ndarray]) -> list[np.ndarray]:
        """Label scores of each word for the head its tree gives it, per sentence:
        (length - 1, labels), the root's row left out."""
        import torch

        sentence = np.concatenate([np.full(len(t) - 1, i) for i, t in enumerate(trees)])
        position = np.concatenate([np.arange(1, len(t)) for t in trees])
        head = np.concatenate([t[1:] for t in trees])
        dependents = self.dependents[torch.from_numpy(sentence), torch.from_numpy(position)]
        heads = self.heads[torch.from_numpy(sentence), torch.from_numpy(head)]
        size_i, size_j, labels = self.weight.shape
        flat_weight = self.weight.reshape(size_i, size_j * labels)
        pieces = []
        for start in range(0, len(sentence), self.CHUNK):
            rows = dependents[start:start + self.CHUNK]
            intermediate = (rows @ flat_weight).view(-1, size_j, labels)
            pieces.append(torch.einsum("KJO,KJ->KO", intermediate,
                                       heads[start:start + self.CHUNK]) + self.bias)
        scores = torch.cat(pieces).numpy()
        bounds = np.cumsum([0] + [len(t) - 1 for t in trees])
        return [scores[bounds[i]:bounds[i + 1]] for i in range(len(trees))]

    def all_pairs(self, i: int, length: int) -> np.ndarray:
        """Stanza's full label log-probabilities of sentence ``i``: (length, length, labels)."""
        import torch
        import torch.nn.functional as F

        intermediate = torch.einsum("LI,IJO->LJO", self.dependents[i, :length], self.weight)
        scores = torch.einsum("LJO,MJ->LMO", intermediate, self.heads[i, :length]) + self.bias
        return F.log_softmax(scores, 2).numpy()


def graph_parser_predict(self: Any, word, word_mask, wordchars, wordchars_mask, upos, xpos,
                         ufeats, pretrained, lemma, head, deprel, word_orig_idx, sentlens,
                         wordlens, text, resolve_head_constraints: bool = False):
    """``GraphParser.predict`` with labels scored for the decoded tree's arcs only."""
    import torch.nn.functional as F
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.depparse import head_constraints
    from stanza.models.depparse import model as depparse_model

    if self.training or self.args.get("use_arc_embedding") or self.bert_model is not None:
        return _STANZA["graph_predict"](self, word, word_mask, wordchars, wordchars_mask, upos,
                                        xpos, ufeats, pretrained, lemma, head, deprel,
                                        word_orig_idx, sentlens, wordlens, text,
                                        resolve_head_constraints=resolve_head_constraints)
    lstm_outputs = self.embed(word, word_mask, wordchars, wordchars_mask, upos, xpos, ufeats,
                              pretrained, lemma, head, deprel, word_orig_idx, sentlens,
                              wordlens, text)
    arc_log_probs = F.log_softmax(_arc_scores(self, lstm_outputs, word, head), 2).numpy()
    decode = depparse_model.chuliu_edmonds_one_root
    trees = [decode(arc_log_probs[i][:length, :length]) for i, length in enumerate(sentlens)]
    labels = _LabelScorer(self, lstm_outputs)
    chosen = labels.chosen(trees)
    vocab = self.vocab["deprel"]
    names = [vocab.id2unit(r + VOCAB_PREFIX_SIZE) for r in range(labels.weight.shape[-1])]
    predictions = []
    for i, length in enumerate(sentlens):
        tree = trees[i]
        raw_ids = chosen[i].argmax(-1).tolist()
        if resolve_head_constraints and head_constraints.find_head_constraint_violations(
                tree, [names[r] for r in raw_ids]):
            tree, raw_ids = head_constraints.resolve_head_constraint_violations(
                arc_log_probs[i][:length, :length], labels.all_pairs(i, length), tree, vocab)
        predictions.append([[tree[j + 1], names[raw_ids[j]]] for j in range(length - 1)])
    return predictions


def _install_chosen_arc_labels() -> None:
    from stanza.models.depparse.model import GraphParser

    _replace("chosen_arc_labels", GraphParser, "predict", graph_parser_predict, "graph_predict")


# --- NER: one Viterbi pass over the whole batch ---------------------------------------------

def batched_viterbi(scores: np.ndarray, lengths: list[int], transitions: np.ndarray) -> list[list[int]]:
    """``stanza.models.common.crf.viterbi_decode`` for every sentence of a batch at once: the
    same additions, maxima and first-best argmaxes per sentence, one numpy call per position."""
    batch, longest, tags = scores.shape
    trellis = np.zeros_like(scores)
    backpointers = np.zeros((batch, longest, tags), dtype=np.int32)
    trellis[:, 0] = scores[:, 0]
    for t in range(1, max(lengths, default=1)):
        v = np.expand_dims(trellis[:, t - 1], 2) + transitions
        trellis[:, t] = scores[:, t] + np.max(v, 1)
        backpointers[:, t] = np.argmax(v, 1)
    paths = []
    for i, length in enumerate(lengths):
        path = [int(np.argmax(trellis[i, length - 1]))]
        for t in range(length - 1, 0, -1):
            path.append(int(backpointers[i, t, path[-1]]))
        path.reverse()
        paths.append(path)
    return paths


def ner_predict(self: Any, batch, unsort: bool = True):
    """``stanza.models.ner.trainer.Trainer.predict`` with the batched Viterbi decoder."""
    from stanza.models.common import utils
    from stanza.models.common.vocab import VOCAB_PREFIX_SIZE
    from stanza.models.ner.trainer import fix_singleton_tags, unpack_batch

    device = next(self.model.parameters()).device
    inputs, orig_idx, word_orig_idx, char_orig_idx, sentlens, wordlens, charlens, charoffsets = \
        unpack_batch(batch, device)
    word, wordchars, wordchars_mask, chars, tags = inputs
    self.model.eval()
    _, logits, trans = self.model(word, wordchars, wordchars_mask, tags, word_orig_idx, sentlens,
                                  wordlens, chars, charoffsets, charlens, char_orig_idx)
    trans = [x.data.cpu().numpy() for x in trans]
    logits = [x.data.cpu().numpy() for x in logits]
    batch_size = logits[0].shape[0]
    if any(x.shape[0] != batch_size for x in logits):
        raise AssertionError("Expected all of the logits to have the same size")
    columns = [batched_viterbi(x, list(sentlens), y) for x, y in zip(logits, trans)]
    predict_tagset = self.args["predict_tagset"]
    tag_seqs = []
    for i in range(batch_size):
        sentence_tags = [[x if x >= VOCAB_PREFIX_SIZE else VOCAB_PREFIX_SIZE for x in column[i]]
                         for column in columns]
        sentence_tags = self.vocab["tag"].unmap(list(zip(*sentence_tags)))
        sentence_tags = [x[predict_tagset] if isinstance(x, list) else x for x in sentence_tags]
        tag_seqs.append(fix_singleton_tags(sentence_tags))
    if unsort:
        tag_seqs = utils.unsort(tag_seqs, orig_idx)
    return tag_seqs


def _install_ner() -> None:
    from stanza.models.ner.trainer import Trainer

    _replace("ner_viterbi", Trainer, "predict", ner_predict, "ner_predict")


# --- vocabulary lookups ---------------------------------------------------------------------

MEMO_LIMIT = 200_000      # distinct words remembered per vocabulary before starting afresh


_VOCAB_CLASSES: dict[str, Any] = {}


def vocab_map(self: Any, units):
    """``BaseVocab.map``: a dictionary lookup per unit where the vocabulary is a plain one (or a
    POS word vocabulary); the characters of a word are looked up once per distinct word."""
    classes = _VOCAB_CLASSES
    kind = type(self)
    mapping = self._unit2id
    unknown = mapping.get(classes["UNK"])
    lookup = kind.unit2id
    if (unknown is None or kind.normalize_unit is not classes["base"].normalize_unit
            or (lookup is not classes["base"].unit2id and lookup is not classes["word"].unit2id)):
        return [self.unit2id(x) for x in units]
    ignore = getattr(self, "ignore", None) if lookup is classes["word"].unit2id else None
    if ignore:
        empty = mapping[classes["EMPTY"]]
        if self.lower:
            return [empty if u in ignore else mapping.get(u.lower() if u is not None else u, unknown)
                    for u in units]
        return [empty if u in ignore else mapping.get(u, unknown) for u in units]
    if self.lower:
        return [mapping.get(u.lower() if u is not None else u, unknown) for u in units]
    if kind is classes["char"]:
        memo = self.__dict__.setdefault("_quotes_words", {})
        key = tuple(units)
        found = memo.get(key)
        if found is None:
            if len(memo) >= MEMO_LIMIT:
                memo.clear()
            found = memo[key] = [mapping.get(u, unknown) for u in units]
        return list(found)
    return [mapping.get(u, unknown) for u in units]


def composite_unit2id(self: Any, unit):
    """``CompositeVocab.unit2id`` remembered per distinct value (a fresh list each call)."""
    memo = self.__dict__.setdefault("_quotes_unit2id", {})
    try:
        return list(memo[unit])
    except KeyError:
        ids = memo[unit] = _STANZA["composite_unit2id"](self, unit)
        return list(ids)
    except TypeError:                       # an unhashable unit: as Stanza does
        return _STANZA["composite_unit2id"](self, unit)


def composite_id2unit(self: Any, id):
    """``CompositeVocab.id2unit`` remembered per distinct id tuple."""
    memo = self.__dict__.setdefault("_quotes_id2unit", {})
    try:
        key = tuple(id)
    except TypeError:
        key = id
    try:
        found = memo[key]
    except KeyError:
        found = memo[key] = _STANZA["composite_id2unit"](self, id)
    except TypeError:
        return _STANZA["composite_id2unit"](self, id)
    return list(found) if isinstance(found, list) else found


def _install_vocab() -> None:
    from stanza.models.common.vocab import EMPTY, UNK, BaseVocab, CharVocab, CompositeVocab
    from stanza.models.pos.vocab import WordVocab

    _VOCAB_CLASSES.update(base=BaseVocab, word=WordVocab, char=CharVocab, UNK=UNK, EMPTY=EMPTY)
    _replace("vocab", BaseVocab, "map", vocab_map)
    _replace("vocab", CompositeVocab, "unit2id", composite_unit2id, "composite_unit2id")
    _replace("vocab", CompositeVocab, "id2unit", composite_id2unit, "composite_id2unit")


# --- dictionary lemmatizer ----------------------------------------------------------------

def lemma_process(self: Any, document):
    """``LemmaProcessor.process`` for a dictionary-only lemmatizer: the lemmas are looked up
    directly, without preparing the character sequences the seq2seq model would read."""
    from stanza.models.common import doc

    trainer = self.trainer
    if (self.use_identity or not self.config.get("dict_only", False)
            or trainer.has_contextual_lemmatizers()):
        return _STANZA["lemma_process"](self, document)
    lemmas = trainer.predict_dict(document.get([doc.TEXT, doc.UPOS]))
    document.set([doc.LEMMA], [max([(len(x), x), (0, "_")])[1] for x in lemmas])
    return document


def _install_lemma() -> None:
    from stanza.pipeline.lemma_processor import LemmaProcessor

    _replace("lemma", LemmaProcessor, "process", lemma_process, "lemma_process")


# --- tokenizer: e-mail and URL masks ------------------------------------------------------

# A run of characters without spaces longer than this is not an e-mail address or a URL of
# real copy; Stanza's mask expression backtracks over such a run in time quadratic in its
# length (a 200,000-character line without spaces never finishes), so it is left unmasked.
LONG_RUN = 4096


def update_pred_regex(raw, pred):
    """``stanza.models.tokenization.utils.update_pred_regex``: the same masks, with the
    expression tried only on runs that contain "@" or "." (every e-mail address and URL it
    matches has one) and are at most :data:`LONG_RUN` characters long."""
    from stanza.models.tokenization.utils import MASK_RE, find_spans

    for span_begin, span_end in find_spans(raw):
        if span_end - span_begin > LONG_RUN:
            continue
        text = "".join(raw[span_begin:span_end])
        if "@" not in text and "." not in text:
            continue
        for match in MASK_RE.finditer(text):
            match_begin, match_end = match.span()
            for char in range(match_begin + span_begin, match_end + span_begin - 1):
                pred[char] = 0
            if pred[match_end + span_begin - 1] == 0:
                pred[match_end + span_begin - 1] = 1
    return pred


def _install_token_masks() -> None:
    from stanza.models.tokenization import utils

    _replace("token_masks", utils, "update_pred_regex", update_pred_regex, "update_pred_regex")


# --- padded id tensors ----------------------------------------------------------------------

def get_long_tensor(tokens_list, batch_size, pad_id=None):
    """``stanza.models.common.data.get_long_tensor``, filling a numpy array."""
    import torch
    import stanza.models.common.seq2seq_constant as constant

    pad = constant.PAD_ID if pad_id is None else pad_id
    sizes = []
    x = tokens_list
    while isinstance(x[0], list):
        sizes.append(max(len(y) for y in x))
        x = [z for y in x for z in y]
    if len(sizes) != 1:
        return _STANZA["get_long_tensor"](tokens_list, batch_size, pad)
    array = np.full((batch_size, sizes[0]), pad, dtype=np.int64)
    for i, row in enumerate(tokens_list):
        if row:
            array[i, :len(row)] = row
    return torch.from_numpy(array)


def _install_long_tensor() -> None:
    import importlib

    from stanza.models.common import data

    original = _STANZA.setdefault("get_long_tensor", data.get_long_tensor)
    for module_name in ("stanza.models.common.data", "stanza.models.pos.data",
                        "stanza.models.depparse.data", "stanza.models.ner.data",
                        "stanza.models.ner.model", "stanza.models.common.char_model",
                        "stanza.models.lemma.data", "stanza.models.mwt.data"):
        try:
            module = importlib.import_module(module_name)
        except ImportError:  # pragma: no cover - a Stanza without that model kind
            continue
        if getattr(module, "get_long_tensor", None) is original:
            _replace("long_tensor", module, "get_long_tensor", get_long_tensor)


# --- model loading --------------------------------------------------------------------------

@contextmanager
def model_loading(trusted: str | os.PathLike) -> Iterator[None]:
    """While a pipeline is built from the models in ``trusted`` (the package's own folder):
    ``torch.load`` of a file inside it uses the compiled unpickler, and Stanza's trainers get
    no optimizer (``get_optimizer`` gives None, ``get_split_optimizer`` no optimizers).  Both
    are put back on leaving, and loads from anywhere else are left as Stanza asks for them."""
    import torch
    from stanza.models.common import utils as stanza_utils

    folder = Path(trusted).resolve()
    original_load = torch.load
    originals = (stanza_utils.get_optimizer, stanza_utils.get_split_optimizer)

    def load(f: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(f, (str, os.PathLike)) and Path(f).resolve().parent == folder:
            kwargs["weights_only"] = False
        return original_load(f, *args, **kwargs)

    torch.load = load
    stanza_utils.get_optimizer = lambda *args, **kwargs: None
    stanza_utils.get_split_optimizer = lambda *args, **kwargs: {}
    try:
        yield
    finally:
        torch.load = original_load
        stanza_utils.get_optimizer, stanza_utils.get_split_optimizer = originals


# Stanza's own functions, kept for the fallbacks and for tests comparing against them.
_STANZA: dict[str, Any] = {}
# What each speedup replaced: (owner, attribute, Stanza's value), so it can be undone.
_REPLACED: dict[str, list[tuple[Any, str, Any]]] = {}


def _replace(speedup: str, owner: Any, attribute: str, new: Any, key: str | None = None) -> None:
    original = owner.__dict__[attribute] if isinstance(owner, type) else getattr(owner, attribute)
    if key:
        _STANZA.setdefault(key, original)
    _REPLACED.setdefault(speedup, []).append((owner, attribute, original))
    setattr(owner, attribute, new)


SPEEDUPS = {"decoder": _install_decoder, "chosen_arc_labels": _install_chosen_arc_labels,
            "ner_viterbi": _install_ner, "vocab": _install_vocab, "lemma": _install_lemma,
            "long_tensor": _install_long_tensor, "token_masks": _install_token_masks}


def stanza_original(name: str) -> Any:
    """Stanza's own version of a replaced function (``graph_predict``, ``get_long_tensor`` …)."""
    return _STANZA[name]


def installed() -> tuple[str, ...]:
    return tuple(name for name in SPEEDUPS if name in _REPLACED)


def install(names: tuple[str, ...] | None = None) -> bool:
    """Route Stanza through the faster equivalents (all, or those named); False when the
    compiled decoder is missing (the other speedups are installed all the same)."""
    for name in names or tuple(SPEEDUPS):
        if name == "decoder" and _compiled_cle is None:
            continue
        if name not in _REPLACED:
            SPEEDUPS[name]()
    return _compiled_cle is not None


def uninstall(names: tuple[str, ...] | None = None) -> None:
    """Put Stanza's own functions back (all speedups, or those named)."""
    for name in names or tuple(SPEEDUPS):
        for owner, attribute, original in reversed(_REPLACED.pop(name, [])):
            setattr(owner, attribute, original)
