"""The trained sentence classifier: features -> position / decision / context.

:class:`SentenceClassifier` follows scikit-learn's estimator conventions:
``__init__`` only stores settings, :meth:`fit` returns ``self``, learned
attributes end in ``_``. It is a multinomial logistic regression on the
feature dicts of :mod:`nlp_report.classify.features`. A fitted model is
stored as JSON (vocabulary, coefficients, intercepts, classes), not as a
pickle, and predicts with NumPy alone, so the shipped model loads fast,
safely, and the same on every scikit-learn version.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain, repeat
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import ConfigError, DataFileError
from ..outputs import write_atomic

FORMAT = "nlp_report.sentence_classifier.v1"


class SentenceClassifier:
    """Multinomial logistic regression over sentence feature dicts.

    After :meth:`load`, ``trained_on_`` holds the ids of the documents the model was trained on
    (from the ``trained_on`` of its saved metadata; empty when that was not saved), so an
    evaluation can tell a score on training documents from accuracy.

    Parameters
    ----------
    C:
        Inverse regularisation strength of the logistic regression.
    min_count:
        Features seen in fewer training sentences are dropped.
    class_weight:
        ``"balanced"`` or ``None``, as in scikit-learn.
    max_iter:
        Iterations of the lbfgs solver.
    """

    def __init__(
        self, *, C: float = 0.1, min_count: int = 2, class_weight: str | None = "balanced", max_iter: int = 5000
    ) -> None:
        self.C = C
        self.min_count = min_count
        self.class_weight = class_weight
        self.max_iter = max_iter

    def get_params(self, deep: bool = True) -> dict[str, Any]:  # noqa: ARG002 - scikit-learn's signature
        """The settings, as scikit-learn's ``get_params`` gives them."""
        return {"C": self.C, "min_count": self.min_count, "class_weight": self.class_weight, "max_iter": self.max_iter}

    def set_params(self, **params: Any) -> SentenceClassifier:
        """Change settings, as scikit-learn's ``set_params``; returns self."""
        for key, value in params.items():
            if key not in self.get_params():
                raise ConfigError(f"SentenceClassifier has no setting {key!r}")
            setattr(self, key, value)
        return self

    def fit(self, X: Sequence[Mapping[str, float]], y: Sequence[str]) -> SentenceClassifier:
        """Learn from feature dicts ``X`` and labels ``y``; returns ``self``."""
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits

        if len(X) != len(y):
            raise ConfigError(f"X has {len(X)} rows but y has {len(y)} labels")
        if len(set(y)) < 2:
            raise ConfigError("training needs at least two different labels")
        counts: Counter[str] = Counter(name for row in X for name in row)
        names = sorted(name for name, count in counts.items() if count >= self.min_count)
        self.vocabulary_ = {name: i for i, name in enumerate(names)}
        matrix = self._sparse(X)
        model = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=self.max_iter, solver="lbfgs")
        with threadpool_limits(limits=1):  # a small problem: more BLAS threads only contend for the cores
            model.fit(matrix, np.asarray(y))
        self.classes_ = [str(c) for c in model.classes_]
        self.trained_on_: tuple[str, ...] = ()
        self.coef_ = np.asarray(model.coef_, dtype=np.float64)
        self.intercept_ = np.asarray(model.intercept_, dtype=np.float64)
        if len(self.classes_) == 2:  # binary: scikit-learn stores one row
            self.coef_ = np.vstack([-self.coef_[0], self.coef_[0]])
            self.intercept_ = np.array([-self.intercept_[0], self.intercept_[0]])
        return self

    def _entries(
        self, X: Sequence[Mapping[str, float]]
    ) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
        """Row, column and value of each known feature of ``X`` (looked up in bulk)."""
        names = [name for features in X for name in features]
        values = np.fromiter(chain.from_iterable(features.values() for features in X), np.float64, len(names))
        rows = np.repeat(np.arange(len(X), dtype=np.intp), [len(features) for features in X])
        columns = np.fromiter(map(self.vocabulary_.get, names, repeat(-1)), np.intp, len(names))
        known = columns >= 0
        return rows[known], columns[known], values[known]

    def _sparse(self, X: Sequence[Mapping[str, float]]) -> Any:
        """``X`` as a SciPy CSR matrix (fitting on it is many times faster than on a dense one)."""
        from scipy.sparse import csr_matrix

        rows, columns, values = self._entries(X)
        return csr_matrix((values, (rows, columns)), shape=(len(X), len(self.vocabulary_)), dtype=np.float64)

    def decision_function(self, X: Sequence[Mapping[str, float]]) -> NDArray[np.float64]:
        """The score of each class for each feature dict (rows: items, columns: ``classes_``).

        Computed from the known features alone: each row's score is the sum of its features'
        coefficients times their values (no dense matrix of the whole vocabulary)."""
        self._check_fitted()
        rows, columns, values = self._entries(X)
        contributions = self.coef_[:, columns] * values
        scores = np.empty((len(X), len(self.classes_)), dtype=np.float64)
        for k in range(len(self.classes_)):
            scores[:, k] = np.bincount(rows, weights=contributions[k], minlength=len(X))
        scores += self.intercept_
        return scores

    def predict_proba(self, X: Sequence[Mapping[str, float]]) -> NDArray[np.float64]:
        """The probability of each class for each feature dict (rows: items, columns: ``classes_``)."""
        scores = self.decision_function(X)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        proba: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
        return proba

    def predict(self, X: Sequence[Mapping[str, float]]) -> list[str]:
        """The most likely label of each feature dict."""
        if not X:
            return []
        best = self.decision_function(X).argmax(axis=1)
        return [self.classes_[i] for i in best]

    def reads_prefix(self, prefixes: tuple[str, ...]) -> bool:
        """Whether the model has a weight for a feature whose name starts with one of ``prefixes``
        (computed once per vocabulary)."""
        self._check_fitted()
        vocabulary = self.vocabulary_
        known: tuple[object, dict[tuple[str, ...], bool]] | None = getattr(self, "_prefixes_read", None)
        if known is None or known[0] is not vocabulary:
            known = (vocabulary, {})
            self._prefixes_read = known
        if prefixes not in known[1]:
            known[1][prefixes] = any(name.startswith(prefixes) for name in vocabulary)
        return known[1][prefixes]

    def _check_fitted(self) -> None:
        if not hasattr(self, "coef_"):
            raise ConfigError("this SentenceClassifier is not fitted yet; call fit() or load() first")

    # --- storage ------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The fitted model as JSON-safe data; :meth:`from_dict` reads it back."""
        self._check_fitted()
        names = sorted(self.vocabulary_, key=self.vocabulary_.__getitem__)
        return {
            "format": FORMAT,
            "settings": self.get_params(),
            "classes": self.classes_,
            "features": names,
            "coef": [[round(float(v), 6) for v in row] for row in self.coef_],
            "intercept": [round(float(v), 6) for v in self.intercept_],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, origin: str = "<dict>") -> SentenceClassifier:
        """A model from :meth:`to_dict` data, checked; ``origin`` names the data in errors."""
        if data.get("format") != FORMAT:
            raise DataFileError(
                origin, f"not a sentence classifier (format {data.get('format')!r}, expected {FORMAT!r})"
            )
        try:
            model = cls(**data.get("settings", {}))
            names = list(data["features"])
            model.vocabulary_ = {name: i for i, name in enumerate(names)}
            model.classes_ = [str(c) for c in data["classes"]]
            model.coef_ = np.asarray(data["coef"], dtype=np.float64)
            model.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
            metadata = data.get("metadata") or {}
            model.trained_on_ = tuple(str(i) for i in metadata.get("trained_on", ()))
        except (KeyError, TypeError, ValueError) as err:
            raise DataFileError(origin, f"malformed classifier: {err}") from err
        if model.coef_.shape != (len(model.classes_), len(names)):
            raise DataFileError(
                origin, f"coefficients have shape {model.coef_.shape}, expected ({len(model.classes_)}, {len(names)})"
            )
        return model

    def save(self, path: str | Path, *, metadata: Mapping[str, Any] | None = None) -> None:
        """Write the model as JSON to ``path``, with optional ``metadata``."""
        data = self.to_dict()
        if metadata:
            data["metadata"] = dict(metadata)
        write_atomic(path, json.dumps(data, ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: str | Path) -> SentenceClassifier:
        """A model saved with :meth:`save`."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise DataFileError(path, f"invalid JSON ({err.msg})", line=err.lineno) from err
        return cls.from_dict(data, origin=str(path))
