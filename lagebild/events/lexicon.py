"""Load the event coder's language data: trigger lexicon and cue words.

The data lives in ``lagebild/lang/<lang>/triggers.tsv`` and ``cues.tsv``; this module
only parses it into plain records, so that linguistic knowledge stays editable as
data (see the comments at the top of each file for the format).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lagebild.records import EVENT_MODES, EVENT_TYPES

LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

# Endings a German noun takes in its inflected forms (plural, genitive, dative).
NOUN_ENDINGS = ("", "e", "en", "n", "s", "es", "nen")
_UMLAUT_FOLD = str.maketrans("äöü", "aou")
# Shortest lemma that may head a compound ("Luftangriffe" -> "Angriff").
MIN_COMPOUND_HEAD = 4
MIN_COMPOUND_MODIFIER = 3


@dataclass(frozen=True)
class Condition:
    """A trigger's ``when`` column: every part must hold in the trigger's clause."""

    preps: frozenset[str] = frozenset()
    no_preps: frozenset[str] = frozenset()
    with_lemmas: tuple[str, ...] = ()
    without_lemmas: tuple[str, ...] = ()
    # parties the event must have, else it is no event ("besuchten den Stützpunkt" is
    # no meeting: a visit needs someone visited)
    needs: frozenset[str] = frozenset()
    # the with/without words written capitalised: nouns, which head noun compounds only
    nouns: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.preps or self.no_preps or self.with_lemmas or self.without_lemmas)

    @classmethod
    def parse(cls, text: str) -> "Condition":
        preps: set[str] = set()
        no_preps: set[str] = set()
        with_lemmas: list[str] = []
        without_lemmas: list[str] = []
        needs: set[str] = set()
        nouns: set[str] = set()
        for part in text.split():
            key, _, values = part.partition("=")
            items = [v for v in values.split("|") if v]
            if key == "prep":
                preps.update(v.lower() for v in items)
            elif key == "noprep":
                no_preps.update(v.lower() for v in items)
            elif key == "with":
                with_lemmas.extend(v.lower() for v in items)
            elif key == "without":
                without_lemmas.extend(v.lower() for v in items)
            elif key == "needs":
                if not set(items) <= {"actor", "recipient"}:
                    raise ValueError(f"needs= takes actor or recipient, not {values!r}")
                needs.update(items)
            else:
                raise ValueError(f"unknown trigger condition {part!r}")
            if key in ("with", "without"):
                nouns.update(v.lower() for v in items if v[:1].isupper())
        return cls(frozenset(preps), frozenset(no_preps), tuple(with_lemmas), tuple(without_lemmas),
                   frozenset(needs), frozenset(nouns))


@dataclass(frozen=True)
class TriggerEntry:
    lemma: str
    pos: str          # "VERB" | "NOUN"
    event: str
    mode: str | None
    context: tuple[str, ...]
    condition: Condition


@dataclass
class TriggerLexicon:
    verbs: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=lambda: defaultdict(list))

    def add(self, entry: TriggerEntry) -> None:
        table = self.verbs if entry.pos == "VERB" else self.nouns
        table[entry.lemma.lower()].append(entry)

    def noun_entries(self, word: str) -> tuple[str, list[TriggerEntry]] | None:
        """Entries for a noun or a compound ending in a known noun (longest head wins)."""
        lowered = word.lower().replace("-", "")
        for stem in _noun_stems(lowered):
            if stem in self.nouns:
                return stem, self.nouns[stem]
        # a modifier of fewer than three letters is no word of its own ("Podemos" holds
        # no "Demo"); a hyphen marks a short one ("UN-Gipfel")
        first_cut = 1 if "-" in word else MIN_COMPOUND_MODIFIER
        for cut in range(first_cut, len(lowered) - MIN_COMPOUND_HEAD + 1):
            head = lowered[cut:]
            for stem in _noun_stems(head):
                if len(stem) >= MIN_COMPOUND_HEAD and stem in self.nouns:
                    return stem, self.nouns[stem]
        return None


def _noun_stems(word: str):
    """The word without each possible inflection ending, and with its last umlaut
    folded for plurals like "Anschläge" -> "anschlag"."""
    for ending in NOUN_ENDINGS:
        if ending and not (word.endswith(ending) and len(word) > len(ending)):
            continue
        stem = word[: len(word) - len(ending)]
        yield stem
        last = max(stem.rfind(u) for u in "äöü")
        # only an umlaut in the last syllable marks a plural ("Anschläge", "Bäume"):
        # "Förderungen" is no plural of "Forderung"
        rest = stem[last + 1:]
        if stem[last:last + 2] == "äu":
            rest = rest[1:]
        if last >= 0 and not any(v in rest for v in "aeiou"):
            yield stem[:last] + stem[last].translate(_UMLAUT_FOLD) + stem[last + 1:]


@dataclass
class Cues:
    """Closed word classes by kind (lower-cased), from cues.tsv."""

    kinds: dict[str, frozenset[str]]

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.kinds.get(kind, frozenset())


def data_rows(path: Path):
    """(line number, tab-separated columns) of a language data file, comments and blank
    lines skipped."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield number, line.split("\t")


@lru_cache(maxsize=4)
def load_triggers(lang: str = "de") -> TriggerLexicon:
    path = LANG_DIR / lang / "triggers.tsv"
    lexicon = TriggerLexicon()
    for number, cols in data_rows(path):
        cols += [""] * (6 - len(cols))
        lemma, pos, event, mode, context, when = (c.strip() for c in cols[:6])
        where = f"{path}:{number}"
        if pos not in ("VERB", "NOUN"):
            raise ValueError(f"{where}: pos must be VERB or NOUN, not {pos!r}")
        if event not in EVENT_TYPES:
            raise ValueError(f"{where}: unknown event type {event!r}")
        if mode and mode not in EVENT_MODES.get(event, ()):
            raise ValueError(f"{where}: mode {mode!r} is not a mode of {event}")
        lexicon.add(TriggerEntry(lemma, pos, event, mode or None,
                                 tuple(c for c in context.split(",") if c),
                                 Condition.parse(when)))
    return lexicon


@lru_cache(maxsize=4)
def load_cues(lang: str = "de") -> Cues:
    kinds: dict[str, set[str]] = defaultdict(set)
    for _, cols in data_rows(LANG_DIR / lang / "cues.tsv"):
        kinds[cols[0].strip()].add(cols[1].strip().lower())
    return Cues({k: frozenset(v) for k, v in kinds.items()})
