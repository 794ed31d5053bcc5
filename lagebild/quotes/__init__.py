"""Quotations in German news: who said what, and the word that says so.

Four kinds, after the German Wikinews quotation corpus (Petersen-Frey & Biemann 2024):

* ``direct``        words in quotation marks, with a cue next to them
                    (``„…“, sagte Kerry``, ``Kerry sagte: „…“``, ``„…“, so Kerry``);
* ``indirect``      a cue verb with a speaker and a complement clause
                    (``sagte Liwei, dass …``, ``Der Minister erklärte, die Lage sei ernst``);
* ``reported``      a cue preposition with a speaker (``Laut Pentagon …``,
                    ``Nach Angaben der Polizei …``, ``US-Informationen zufolge …``);
* ``free_indirect`` a following sentence in the subjunctive with no cue of its own,
                    which goes on reporting the last speaker (``Das gelte für beide.``).

A sentence may hold several quotations (quoted words inside an indirect report are
one, the report another).  Free indirect speech is read from a Konjunktiv I verb (from
the list or from the lemma: "bestehe" <- "bestehen"), the hearsay modal "soll(en)" or a
Konjunktiv II; without an earlier speaker it is still a quotation, with its speaker
unknown, but then only a Konjunktiv I or "soll" with a perfect infinitive ("Er soll das
Geld genommen haben") opens it: "Das Werk soll verkauft werden" plans.  Free indirect
sentences that follow one another in a paragraph are one quotation, as in the corpus; a
main clause in the indicative whose "dass" clause is in the subjunctive ("Die Experten
kamen zu dem Ergebnis, dass …") reports for its own subject, whatever its verb.  Capitalised
words in quotation marks are a name or title ("die „Süddeutsche Zeitung“"), no quotation.
A cue's comma opens its report unless an apposition, a relative or an adverbial clause
follows (``clauses.py``); who speaks is read in ``parse.py`` and ``speakers.py``.  A quotation
after a colon belongs to the subject of the clause before it, whatever that clause's verb.
A sentence that opens with a demonstrative and a cue ("Dies bestätigte der Minister.",
"Das geht aus einem Bericht hervor.") reports the sentence before it, as in the corpus.
An opinion held reports like a cue verb ("ist der Ansicht, dass …", ``opinions.py``).
A source named inside a report by a cue verb ("bestätigte der Minister laut Reuters, dass …")
is a quotation of its own, and a few quoted words inside a report ("sei eine „offene
Frage“") a direct quotation of its speaker; outside a report they are a term, no quotation.

Any verb right after a quotation and its comma has the speaker as its inverted subject
("„…“, strich Romney heraus"); quoted words in a sentence that names its source by a
preposition are that source's ("Laut Polizei war es „…“").  A hedging modal alone
("könnte", "sollte", "müsste"), a first person indicative ("ich denke") and a sentence
inside a quotation opened before go on no report; a speech act in the pluperfect ("hatte
… abgelehnt") is background, no quotation; the accused of an agentless passive ("Ihm
wird vorgeworfen, …") is no speaker.

Rules over tokens, lemmas and sentences find the quotations; who speaks is read from the
dependency parse where it has an answer (the subject of the cue verb, the agent of a
passive, the source of "In X heißt es"), else from the words around the cue.  The event
coder runs the lexical pipeline, so a document without a parse has just the sentences
holding a cue parsed, in one batch (``load_pipeline(analysis="full")``).  A sentence that
reports a speech act without a content clause ("Die Gewerkschaft forderte höhere Löhne")
is a ``reported`` quotation as a whole, as in the corpus.  The vocabulary (cue verbs,
speech act verbs, prepositions, Konjunktiv forms, auxiliaries, adverbs that open a clause
or point back to a source, naming forms that are no cue) is data (``lang/de/quotes.tsv``).

Modules: ``finder.py`` walks the sentences and finds words in quotation marks;
``indirect.py`` (cue verbs), ``reported.py`` (cue prepositions, "Demnach", "Dies
bestätigte …"), ``acts.py`` (speech acts) and ``opinions.py`` find the reports;
``mood.py`` tells the subjunctive; ``clauses.py`` where a report opens; ``parse.py``,
``speakers.py`` and ``phrases.py`` who speaks; ``cues.py`` loads the vocabulary; ``spans.py``
converts spans.
"""

from lagebild.quotes.finder import find_quotes

__all__ = ["find_quotes"]
