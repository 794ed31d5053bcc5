"""What the coder knows about an article while it reads its triggers.

The article's actor mentions resolved in its context (pronouns, repeated names), its
home country, the place of its dateline and its quotations, built once per article;
the coder updates ``previous_parties`` sentence by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from lagebild.actors import ActorLexicon, find_mentions
from lagebild.actors.context import home_country, pronoun_mentions, resolve_in_context
from lagebild.places import Gazetteer
from lagebild.quotes import find_quotes
from lagebild.records import Article, Location


@dataclass
class ArticleContext:
    """What the coder knows about the article while it reads one trigger."""

    article: Article
    doc: Doc
    published: date | None
    home: str | None               # the article's home country (dateline, else most named)
    mentions: list                 # all actor mentions, resolved in context
    countries: set[str]            # every country code the article names
    previous_parties: list         # subject-like mentions of the last sentence that had any
    dateline_place: Location | None = None   # the first place of the dateline ("Genf – …")
    _quotes: list | None = field(default=None, repr=False)

    @property
    def quotes(self) -> list:
        """The article's quotations (content, cue, speaker), found on first use: finding
        them parses the sentences that hold a cue, which most articles' events never need."""
        if self._quotes is None:
            self._quotes = find_quotes(self.doc, self.mentions, self.article.id)
        return self._quotes


def article_context(article: Article, doc: Doc, actors: ActorLexicon, gazetteer: Gazetteer) -> ArticleContext:
    """Actor mentions of the article, resolved in its context."""
    published = article.published.date() if article.published else None
    mentions = find_mentions(doc, actors, when=published)
    home = home_country(article, mentions, lambda form: _dateline_country(form, gazetteer))
    mentions = pronoun_mentions(doc, resolve_in_context(mentions, home))
    # the dateline ("Wien – ") says where the reporter is, never who acted
    datelines = [(b.start, b.end) for b in article.blocks if b.kind == "dateline"]
    mentions = [m for m in mentions if not any(s <= m.start and m.end <= e for s, e in datelines)]
    return ArticleContext(article, doc, published, home, mentions,
                          {m.code for m in mentions if m.code}, [], dateline_place(article, home, gazetteer))


def dateline_place(article: Article, home: str | None, gazetteer: Gazetteer) -> Location | None:
    """The first place of the article's dateline ("Gaza/Jerusalem – " -> Gaza)."""
    for block in article.blocks:
        if block.kind != "dateline":
            continue
        text = article.text[block.start:block.end]
        name = text.replace("–", "/").replace("—", "/").split("/")[0].strip(" ,-")
        if not name or gazetteer.is_common_word(name):
            return None
        place = gazetteer.resolve(name, {home} if home else set())
        if place is None:
            return None
        start = block.start + text.index(name)
        return Location(name=place.name, country=place.country, text=name, start=start,
                        end=start + len(name))
    return None


def _dateline_country(form: str, gazetteer: Gazetteer) -> str | None:
    if not form[:1].isupper() or gazetteer.is_common_word(form):
        return None
    return gazetteer.country_of(form)
