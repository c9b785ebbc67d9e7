"""Every spaCy factory and registered function of nlp_report, in one place.

The same names are declared as entry points (``spacy_factories``,
``spacy_tokenizers``), so a pipeline saved with these components loads
with ``spacy.load`` without importing nlp_report first.

=============================  ==================================================
name                           what it does
=============================  ==================================================
``nlp_report.LayoutTokenizer.v1``  tokenizer: layout analysis, then tokenization
``nlp_report_sentences``       body sentences inside layout blocks
=============================  ==================================================
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.util import registry

from .components.sentences import SentenceSegmenter
from .extensions import register_extensions
from .tokenizer import LayoutTokenizer

register_extensions()


def create_layout_tokenizer() -> Callable[[Language], LayoutTokenizer]:
    """The language's default tokenizer, wrapped by :class:`LayoutTokenizer`."""
    base_factory = registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> LayoutTokenizer:
        return LayoutTokenizer(base_factory(nlp))

    return make


registry.tokenizers.register("nlp_report.LayoutTokenizer.v1", func=create_layout_tokenizer)


@Language.factory("nlp_report_sentences", default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    """Sentence boundaries by layout block and punctuation; body sentences as a span group."""
    return SentenceSegmenter()
