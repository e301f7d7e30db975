"""Rows of a long list fetched in blocks, the last few blocks kept (an LRU cache).

The lazy table models keep only the keys (ids) of what they list, in display order, and
ask a service for the rows of one block of keys when a view wants to show them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")

DEFAULT_BLOCK_SIZE = 200
"""Rows fetched at once."""

DEFAULT_CACHED_BLOCKS = 8
"""Blocks kept; the least recently used goes first."""


class RowBlocks(Generic[K, R]):
    """Keys in display order and their rows, fetched ``block_size`` at a time.

    ``fetch(keys)`` returns the rows of those keys (in any order, leaving out keys that
    are gone); ``key_of(row)`` says which key a row is for.
    """

    def __init__(
        self,
        fetch: Callable[[Sequence[K]], Iterable[R]],
        key_of: Callable[[R], K],
        block_size: int = DEFAULT_BLOCK_SIZE,
        cached_blocks: int = DEFAULT_CACHED_BLOCKS,
    ) -> None:
        """No keys yet; :meth:`reset` gives them."""
        self._fetch = fetch
        self._key_of = key_of
        self._block_size = max(1, block_size)
        self._cached_blocks = max(1, cached_blocks)
        self._keys: list[K] = []
        self._blocks: OrderedDict[int, dict[K, R]] = OrderedDict()

    def reset(self, keys: Sequence[K]) -> None:
        """List ``keys`` from now on and forget every row fetched."""
        self._keys = list(keys)
        self._blocks.clear()

    def __len__(self) -> int:
        """How many keys are listed."""
        return len(self._keys)

    def key(self, n: int) -> K | None:
        """The key at position ``n``, None when out of range."""
        return self._keys[n] if 0 <= n < len(self._keys) else None

    def index_of(self, key: K) -> int | None:
        """The position of ``key``, None when it is not listed."""
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def row(self, n: int) -> R | None:
        """The row at position ``n`` (its block fetched if needed); None when out of range
        or when the fetch did not find it (removed in the meantime)."""
        key = self.key(n)
        if key is None:
            return None
        return self._block(n // self._block_size).get(key)

    def _block(self, number: int) -> dict[K, R]:
        cached = self._blocks.get(number)
        if cached is not None:
            self._blocks.move_to_end(number)
            return cached
        start = number * self._block_size
        block = {self._key_of(r): r
                 for r in self._fetch(self._keys[start : start + self._block_size])}
        self._blocks[number] = block
        while len(self._blocks) > self._cached_blocks:
            self._blocks.popitem(last=False)
        return block


__all__ = ["DEFAULT_BLOCK_SIZE", "DEFAULT_CACHED_BLOCKS", "RowBlocks"]
