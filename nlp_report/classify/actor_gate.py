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
  a stance predicate (``is bereid``) and the probability of ``context`` is
  below ``context_confident``, or when its verb is neither a holder nor a
  context verb and that probability is below ``neutral_confident``;
* a sentence whose finder names no holder gets none (impersonal passives,
  norms addressed to someone, ``Het is van belang``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json
from .actors import Words, main_clause
from .lexicon import Lexicon

HOLDER_LABELS = frozenset({"position", "decision"})


@dataclass(frozen=True, slots=True)
class EmitRules:
    """The word lists and thresholds of ``emit`` in ``data/classify/actor_rules.json``."""

    holder_verbs: frozenset[str]
    context_verbs: frozenset[str]
    holder_predicates: frozenset[str]
    context_confident: float
    """A ``context`` sentence at or above this probability gets no actor, whatever its verb."""
    label_confident: float
    """A ``position``/``decision`` at or above this probability keeps its actor, whatever its verb."""
    neutral_confident: float
    """A ``context`` sentence whose verb is neither a holder nor a context verb gets the actor below this."""


@lru_cache(maxsize=1)
def emit_rules() -> EmitRules:
    """The packaged rules (read once per process)."""
    data = read_json("classify/actor_rules.json")["emit"]
    return EmitRules(
        holder_verbs=frozenset(data["holder_verbs"]),
        context_verbs=frozenset(data["context_verbs"]),
        holder_predicates=frozenset(data["holder_predicates"]),
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
    """``"holder"`` when the main clause has a holder verb or a stance predicate,
    ``"context"`` when it has a context verb and neither of those, else ``None``."""
    chosen = rules or emit_rules()
    clause = main_clause(words, lexicon)
    if not chosen.holder_verbs.isdisjoint(clause.lemmas) or not chosen.holder_predicates.isdisjoint(clause.words):
        return "holder"
    if not chosen.context_verbs.isdisjoint(clause.lemmas):
        return "context"
    return None


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
