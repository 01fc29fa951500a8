"""On-disk parse cache keyed by (text hash, model id, pipeline settings); rules are not part of it."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .document import ParsedDocument

CACHE_FORMAT = 1
# Bump when nlp.Pipeline.parse_many changes how it feeds text to Stanza (paragraph splitting).
PIPELINE_SETTINGS = "paragraphs-as-documents/straight-inner-apostrophes/abbreviations/word-offsets/ner/v5"


def default_cache_dir() -> Path:
    """``QUOTES_CACHE_DIR``, else the user cache directory (``XDG_CACHE_HOME``/quotes)."""
    if os.environ.get("QUOTES_CACHE_DIR"):
        return Path(os.environ["QUOTES_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "quotes" / "parses"


class ParseCache:
    """Parses stored as gzip JSON, one file per (text, model, settings)."""

    def __init__(self, directory: str | os.PathLike, model_id: str) -> None:
        self.directory = Path(directory)
        self.model_id = model_id
        self.hits = self.misses = self.discarded = 0

    def key(self, text: str) -> str:
        digest = hashlib.sha256()
        for part in (str(CACHE_FORMAT), self.model_id, PIPELINE_SETTINGS, text):
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json.gz"

    def get(self, text: str) -> ParsedDocument | None:
        key = self.key(text)
        path = self._path(key)
        try:
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                data = json.load(handle)
            if data.get("key") != key or data.get("length") != len(text):
                raise ValueError("entry does not belong to this text")
            doc = ParsedDocument.from_dict(text, data["parse"])
            for sentence in doc.sentences:
                if sentence.words and sentence.words[-1].end > len(text):
                    raise ValueError("offsets outside the text")
        except FileNotFoundError:
            self.misses += 1
            return None
        except Exception:  # corrupt or partial entry: discard it and parse again
            self.discarded += 1
            self.misses += 1
            try:
                path.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return doc

    def put(self, doc: ParsedDocument) -> None:
        key = self.key(doc.text)
        path = self._path(key)
        payload = {"key": key, "length": len(doc.text), "parse": doc.to_dict()}
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb",
                                                           compresslevel=3) as handle:
                handle.write(json.dumps(payload, separators=(",", ":")).encode("utf-8"))
            os.replace(tmp, path)      # atomic: readers see the old entry or the whole new one
            tmp = None
        except OSError:
            pass  # a cache that cannot be written (full disk, a folder in the way) only costs speed
        finally:
            if tmp is not None:        # the rename did not happen: no temporary file stays
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
