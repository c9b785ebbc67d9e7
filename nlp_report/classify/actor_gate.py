"""When a sentence gets its actor: a holder for every position and decision, none elsewhere.

The actor finder (:func:`~nlp_report.classify.actors.rule_actor` or the
parse) names the subject of the main clause; whether that subject holds a
view or takes a decision depends on what the sentence does, which the
classifier's label says only with some certainty. So the label alone does
not decide (a position read as context would lose its holder); the main
clause's verb and the classifier's probability of ``context`` decide with
it (word lists and thresholds in ``emit`` of ``data/classify/actor_rules.json``):

* a sentence labelled ``position`` or ``decision`` gets the actor, unless
  its main verb is a context verb (``nam deel``, ``informeren wij u``,
  ``spraken over``) and the classifier gave the label a probability below
  ``label_confident``;
* a sentence labelled ``context`` gets the actor when its main clause has a
  holder verb (``benadrukken``, ``vragen``, ``aankondigen``, ``bereiken``) or
  a stance predicate (``is bereid``) or phrase (``met waardering``) and the
  probability of ``context`` is below ``context_confident``, or when its verb
  is neither a holder nor a context verb and that probability is below
  ``neutral_confident`` (a clause with only a copula, ``is een fabrikant``,
  counts as context; see :func:`verb_class`);
* a clause that asks for or passes on information (``verzoekt het kabinet om een
  nadere brief``, ``gevraagd naar``, ``zal een voortgangsverslag presenteren``) or fulfils a
  commitment (``geef ik invulling aan mijn toezegging``) counts as a context verb's, whoever
  speaks (``information_clauses`` and ``context_phrases``);
* a sentence whose finder names no holder gets none (impersonal passives,
  norms addressed to someone, ``Het is van belang``), nor one whose subject is the
  reader (``Hierbij ontvangt u``, ``vindt u``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json
from .actors import MainClause, Words, main_clause
from .lexicon import Lexicon, default_lexicon

HOLDER_LABELS = frozenset({"position", "decision"})


@dataclass(frozen=True, slots=True)
class EmitRules:
    """The word lists and thresholds of ``emit`` in ``data/classify/actor_rules.json``."""

    holder_verbs: frozenset[str]
    context_verbs: frozenset[str]
    holder_predicates: frozenset[str]
    modal_holder_verbs: frozenset[str]
    """Holder verbs that yield to a context verb of the same clause (``wil ik u informeren``)."""
    holder_phrases: tuple[tuple[str, ...], ...]
    """Stance phrases that make any clause a holder's (``met waardering kennisgenomen``)."""
    addressed_verbs: frozenset[str]
    """Context verbs with an addressee (``bied ik u ... aan``), holder verbs without one."""
    addressees: frozenset[str]
    """The words that address the reader (``u``, ``uw``); an actor that is only one of them is none."""
    copula_verbs: frozenset[str]
    """A main clause with only these verbs describes (``BYD is een fabrikant``): context."""
    information_clauses: InformationClauses
    """Asking for or passing on information (``verzocht om een brief``, ``een verslag presenteren``): context."""
    context_phrases: tuple[tuple[str, ...], ...]
    """Phrases that make a clause context (``geef ik invulling aan mijn toezegging``)."""
    context_confident: float
    """A ``context`` sentence at or above this probability gets no actor, whatever its verb."""
    label_confident: float
    """A ``position``/``decision`` at or above this probability keeps its actor, whatever its verb."""
    neutral_confident: float
    """A ``context`` sentence whose verb is neither a holder nor a context verb gets the actor below this."""


@dataclass(frozen=True, slots=True)
class InformationClauses:
    """``information_clauses`` of ``emit``: what makes a clause one that asks for or passes on information."""

    request_verbs: frozenset[str]
    nouns: frozenset[str]
    """Information nouns (``brief``, ``overzicht``); a compound ending in one counts (``kwartaaloverzicht``)."""
    informing_verbs: frozenset[str]
    """Verbs of the complement that pass information on (``... met de Kamer te delen``)."""
    about_words: frozenset[str]
    """Words right after the request verb that make it a question about something (``gevraagd naar``)."""
    reporting_verbs: frozenset[str]
    """Verbs that pass on an information noun of their clause (``een voortgangsverslag presenteren``)."""


@lru_cache(maxsize=1)
def emit_rules() -> EmitRules:
    """The packaged rules (read once per process)."""
    data = read_json("classify/actor_rules.json")["emit"]
    return EmitRules(
        holder_verbs=frozenset(data["holder_verbs"]),
        context_verbs=frozenset(data["context_verbs"]),
        holder_predicates=frozenset(data["holder_predicates"]),
        modal_holder_verbs=frozenset(data["modal_holder_verbs"]),
        holder_phrases=tuple(tuple(phrase.split()) for phrase in data["holder_phrases"]),
        addressed_verbs=frozenset(data["addressed_verbs"]),
        addressees=frozenset(data["addressees"]),
        copula_verbs=frozenset(data["copula_verbs"]),
        information_clauses=InformationClauses(
            request_verbs=frozenset(data["information_clauses"]["request_verbs"]),
            nouns=frozenset(data["information_clauses"]["nouns"]),
            informing_verbs=frozenset(data["information_clauses"]["informing_verbs"]),
            about_words=frozenset(data["information_clauses"]["about_words"]),
            reporting_verbs=frozenset(data["information_clauses"]["reporting_verbs"]),
        ),
        context_phrases=tuple(tuple(phrase.split()) for phrase in data["context_phrases"]),
        context_confident=float(data["context_confident"]),
        label_confident=float(data["label_confident"]),
        neutral_confident=float(data["neutral_confident"]),
    )


_CLOSING = frozenset("\"'”’»")


def _is_question(words: Words) -> bool:
    """Whether the sentence ends in a question mark (closing quotes and white space aside)."""
    for token in reversed(words.text):
        if token.strip() and token not in _CLOSING:
            return token.endswith("?")
    return False


def verb_class(words: Words, lexicon: Lexicon | None = None, rules: EmitRules | None = None) -> str | None:
    """What the main clause's verb says of its subject, in this order:

    * ``"context"`` first for a clause that asks for or passes on information
      (``verzocht om een overzicht``, ``een voortgangsverslag presenteren``) or a cover phrase (``invulling aan``);
    * ``"holder"``: a stance phrase (``met waardering``), a holder verb (a modal one such as
      ``willen`` only without a context verb: ``wil ik u informeren`` is context) or a stance
      predicate (``is bereid``);
    * an addressed verb (``aanbieden``): ``"context"`` with an addressee (``bied ik u ... aan``),
      else ``"holder"`` (``Nederland biedt twee fregatten aan``);
    * ``"context"``: a context verb, or only a copula (``BYD is een fabrikant``) with no
      outcome noun (``Het resultaat was het besluit van ...``) nor an attribution
      (``Volgens de rapporteur is ...``);
    * else ``None``.

    The verbs are those of :func:`~nlp_report.classify.actors.main_clause`: the finite verb, its
    participles and infinitives, ``te`` ones with their split-off particle (``deel te nemen``).
    """
    chosen = rules or emit_rules()
    clause = main_clause(words, lexicon)
    lemmas = set(clause.lemmas)
    if _passes_information(clause, lemmas, chosen.information_clauses, lexicon) or any(
        _has_phrase(clause.words, phrase) for phrase in chosen.context_phrases
    ):
        return "context"
    addressed = not chosen.addressees.isdisjoint(clause.words)
    context_verb = not chosen.context_verbs.isdisjoint(lemmas) or (
        addressed and not chosen.addressed_verbs.isdisjoint(lemmas)
    )
    holder_verbs = chosen.holder_verbs - chosen.modal_holder_verbs if context_verb else chosen.holder_verbs
    if (
        any(_has_phrase(clause.words, phrase) for phrase in chosen.holder_phrases)
        or not holder_verbs.isdisjoint(lemmas)
        or not chosen.holder_predicates.isdisjoint(clause.words)
    ):
        return "holder"
    if not chosen.addressed_verbs.isdisjoint(lemmas):
        return "context" if addressed else "holder"
    if context_verb or (lemmas and lemmas <= chosen.copula_verbs and not _names_a_holder(words, clause, lexicon)):
        return "context"
    return None


def _passes_information(
    clause: MainClause, lemmas: set[str], requests: InformationClauses, lexicon: Lexicon | None
) -> bool:
    """Whether the main clause asks for information (``verzoekt het kabinet om een nadere brief``,
    ``verzocht ... met de Kamer te delen``, ``heeft gevraagd naar``) or passes it on (``zal het
    voorzitterschap een voortgangsverslag presenteren``)."""
    if requests.request_verbs.isdisjoint(lemmas):
        return not requests.reporting_verbs.isdisjoint(lemmas) and _has_information_noun(clause.words, requests)
    if not requests.informing_verbs.isdisjoint(lemmas):
        return True
    if _has_information_noun((*clause.words, *clause.complement), requests):
        return True
    lex = lexicon or default_lexicon()
    return any(
        after in requests.about_words and any(form.lemma in requests.request_verbs for form in lex.forms(word))
        for word, after in zip(clause.words, clause.words[1:], strict=False)
    )


def _has_information_noun(words: tuple[str, ...], requests: InformationClauses) -> bool:
    return any(word.endswith(noun) for word in words for noun in requests.nouns)


def _has_phrase(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(words[i : i + n] == phrase for i in range(len(words) - n + 1) if words[i] == phrase[0])


def _names_a_holder(words: Words, clause: MainClause, lexicon: Lexicon | None) -> bool:
    """Whether a copula clause names a holder all the same: an outcome noun after the verb
    (``was het besluit van ...``) or an attribution anywhere (``volgens``)."""
    lex = lexicon or default_lexicon()
    if not lex.holder_of_nouns.isdisjoint(clause.words):
        return True
    low = words.lower()
    return any(_has_phrase(tuple(low), phrase) for phrase in lex.attribution_anywhere)


def emitted_actor(
    candidate: str | None,
    label: str,
    probabilities: dict[str, float],
    words: Words,
    *,
    lexicon: Lexicon | None = None,
    rules: EmitRules | None = None,
) -> str | None:
    """The actor a sentence gets: ``candidate`` (the finder's) or ``None``.

    ``label`` is the classifier's label and ``probabilities`` its
    probability per label (a missing label counts as 0).
    """
    if candidate is None or _is_question(words):
        return None  # questions are context and hold no view
    chosen = rules or emit_rules()
    if candidate.strip().lower() in chosen.addressees:
        return None  # the reader ("ontvangt u", "vindt u") holds no view in the letter
    if label in HOLDER_LABELS:
        if probabilities.get(label, 0.0) >= chosen.label_confident:
            return candidate
        return None if verb_class(words, lexicon, chosen) == "context" else candidate
    context = probabilities.get("context", 0.0)
    if context >= chosen.context_confident:
        return None
    found = verb_class(words, lexicon, chosen)
    if found == "holder" or (found is None and context < chosen.neutral_confident):
        return candidate
    return None
