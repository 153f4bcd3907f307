"""The figure frames of each document: read at index time (rag.vi.frames), stored with the
index as one JSON text a document, and read back for the answerer."""

from __future__ import annotations

import json
import threading
from collections import OrderedDict

from index import Index
from rag.records import Document
from rag.vi.frames import FRAMES_VERSION, Frame, extract

FIGURES_KIND = f"frames-{FRAMES_VERSION}"  # recorded in the index; another kind is re-read
CACHE_DOCUMENTS = 512  # documents whose frames are kept parsed


def figures_json(doc: Document) -> str:
    """The frames of ``doc`` as the index stores them (compact JSON text)."""
    return json.dumps([f.to_dict() for f in extract(doc.text, doc.title, doc.date)],
                      ensure_ascii=False, separators=(",", ":"))


class FigureReader:
    """``reader(doc_id)`` -> that document's frames, parsed once (an LRU of
    ``CACHE_DOCUMENTS`` documents); read afresh from its text when the index holds none, or
    holds those of another version of the reader.  Thread-safe."""

    def __init__(self, index: Index, size: int = CACHE_DOCUMENTS):
        self.index = index
        self.size = size
        self.stored = index.config.figures_kind == FIGURES_KIND
        self._cache: OrderedDict[str, list[Frame]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, doc_id: str) -> list[Frame]:
        with self._lock:
            hit = self._cache.get(doc_id)
            if hit is not None:
                self._cache.move_to_end(doc_id)
                return hit
        raw = self.index.figures.get(doc_id) if self.stored else None
        if raw is not None:
            frames = [Frame.from_dict(d) for d in json.loads(raw)]
        else:
            doc = self.index.docs.get(doc_id)
            frames = extract(doc.text, doc.title, doc.date) if doc is not None else []
        with self._lock:
            self._cache[doc_id] = frames
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        return frames
