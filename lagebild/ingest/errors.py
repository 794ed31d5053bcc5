"""The one error type of the readers.

Readers must not stop a batch at the first bad file, so ``read_path``/``read_inputs``
*yield* a ``ReadError`` in place of the article that could not be read, and carry on.
It says where (``origin``: a path, or ``path:LINE`` inside a JSONL file) and what went
wrong (``problem``), in words a user can act on.
"""

from __future__ import annotations


class ReadError(Exception):
    """An input that could not be turned into an ``Article``."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(origin, problem)   # keeps args, so the error pickles and copies
        self.origin = str(origin)
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.origin}: {self.problem}"

    def __repr__(self) -> str:
        return f"ReadError(origin={self.origin!r}, problem={self.problem!r})"

    # Compared like a dataclass, so tests and callers can check yielded errors by value.
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ReadError):
            return NotImplemented
        return (self.origin, self.problem) == (other.origin, other.problem)

    def __hash__(self) -> int:
        return hash((self.origin, self.problem))
