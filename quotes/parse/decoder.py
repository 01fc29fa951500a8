"""A compiled maximum-spanning-tree decoder for Stanza's dependency parser (same trees, faster).

Stanza decodes each sentence's arc scores with a pure-Python Chu-Liu-Edmonds algorithm, which
dominates parsing time on CPUs.  ``ufal.chu_liu_edmonds`` implements the same algorithm in C++;
we apply Stanza's own single-root reweighting first, so both return the same tree.
"""
from __future__ import annotations

import numpy as np

try:
    from ufal.chu_liu_edmonds import chu_liu_edmonds as _compiled_cle
except ImportError:  # pragma: no cover - the package is a dependency, but stay usable without
    _compiled_cle = None

_installed = False


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


def install() -> bool:
    """Route Stanza's parser to the compiled decoder; False when it is not available."""
    global _installed
    if _compiled_cle is None:
        return False
    if not _installed:
        from stanza.models.depparse import head_constraints
        from stanza.models.depparse import model as depparse_model

        depparse_model.chuliu_edmonds_one_root = chuliu_edmonds_one_root
        head_constraints.chuliu_edmonds_one_root = chuliu_edmonds_one_root
        _installed = True
    return True
