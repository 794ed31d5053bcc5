"""``ActorMention``: one actor mention found in a ``Doc`` -- what the matcher returns.

Lives in its own module so that the matcher's parts (``names``, ``combine``) and
``matcher`` itself can all build mentions without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Entity


@dataclass(frozen=True)
class ActorMention:
    start: int          # char offset into doc.text
    end: int            # char offset, exclusive
    token_start: int
    token_end: int      # exclusive
    text: str
    code: str | None
    sector: str | None
    name: str | None
    kind: str           # country|capital|adjective|demonym|organisation|person|role|compound
    role: str | None = None      # the role noun's lexicon form ("Außenminister")
    context: str | None = None   # a PLOVER context the role implies ("military")

    @property
    def is_place_like(self) -> bool:
        return self.kind in ("country", "capital")

    def to_entity(self) -> Entity:
        return Entity(code=self.code, sector=self.sector, name=self.name, text=self.text,
                      start=self.start, end=self.end)
