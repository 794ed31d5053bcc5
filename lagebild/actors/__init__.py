"""Actors: the German actor lexicon and the mention matcher (docs/events.md §3).

    from lagebild.actors import ActorLexicon, find_mentions, is_place_context
    lexicon = ActorLexicon.load()                 # lagebild/lang/de/*.tsv, cached
    mentions = find_mentions(doc, lexicon, when=date(2015, 9, 18))
"""

from .lexicon import ActorLexicon, LexiconEntry, RoleHit
from .matcher import ActorMention, find_mentions, is_place_context

__all__ = ["ActorLexicon", "ActorMention", "LexiconEntry", "RoleHit", "find_mentions",
           "is_place_context"]
