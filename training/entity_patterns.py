"""Entity-ruler patterns from lagebild's own gazetteers (``lagebild/lang/de``).

* ``organisations.tsv``           -> ORG (IGOs, parties, militias such as IS / Daesch,
                                      ministries, agencies such as the Pentagon, media);
* ``actors_countries.tsv``        -> LOC for rows of kind ``country`` and ``capital``,
                                      except seats of government (kind ``seat`` in
                                      ``country_aliases.tsv``: Kreml, Weißes Haus, Élysée),
                                      which act as institutions -> ORG;
* ``persons.tsv``                 -> PER.

Forms listed in ``training/data/ruler_exclude.txt`` (ordinary words such as *Kurz*,
*Kern*, *Spiegel*) are left to the statistical NER.  Patterns match the exact spelling
(ORTH), so ``IS`` never matches ``is``.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LEX = ROOT / "lagebild" / "lang" / "de"
EXCLUDE = Path(__file__).resolve().parent / "data" / "ruler_exclude.txt"


def _rows(path: Path):
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        yield dict(zip(header, cols))


def _lines(path: Path) -> set[str]:
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def patterns() -> list[dict]:
    exclude = _lines(EXCLUDE)
    seats = {r["form"] for r in _rows(LEX / "country_aliases.tsv") if r.get("kind") == "seat"}
    labelled: dict[str, str] = {}
    for r in _rows(LEX / "persons.tsv"):
        labelled.setdefault(r["form"], "PER")
    for r in _rows(LEX / "actors_countries.tsv"):
        if r.get("kind") in ("country", "capital"):
            labelled.setdefault(r["form"], "ORG" if r["form"] in seats else "LOC")
    for r in _rows(LEX / "organisations.tsv"):
        labelled[r["form"]] = "ORG"
    for form in seats:
        labelled[form] = "ORG"
    return [{"label": label, "pattern": form}
            for form, label in sorted(labelled.items()) if form and form not in exclude]


if __name__ == "__main__":
    from collections import Counter

    pats = patterns()
    print(len(pats), Counter(p["label"] for p in pats))
