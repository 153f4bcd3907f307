"""Webhook deliveries seen already: chat platforms redeliver, a reply must go out once."""

from __future__ import annotations

import threading
from collections import OrderedDict


class SeenOnce:
    """Thread-safe bounded LRU of keys: ``first(key)`` is True only the first time."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._keys: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, key: str) -> bool:
        with self._lock:
            if key in self._keys:
                self._keys.move_to_end(key)
                return False
            self._keys[key] = None
            if len(self._keys) > self.size:
                self._keys.popitem(last=False)
            return True
