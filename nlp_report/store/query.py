"""Query a corpus store: SQL through DuckDB, and typed helpers for the common questions.

>>> store = CorpusStore("letters.store")                       # doctest: +SKIP
>>> store.sentences(label="position", country="CN", netherlands=True, since="2019-01-01")  # doctest: +SKIP
>>> store.positions_over_time("CN")                               # doctest: +SKIP
>>> store.decisions_per_body()                                    # doctest: +SKIP
>>> store.motions()                                               # doctest: +SKIP
>>> store.sql("SELECT kind, count(*) FROM documents GROUP BY kind")  # doctest: +SKIP

Every helper returns a :class:`pandas.DataFrame`. The views (``documents``, ``sentences``,
``entities``, ``motions``, ``mentions``, ``manifest``) are those of ``STORE/corpus.duckdb``, which
any DuckDB client can open read-only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import StoreNotFoundError, StoreQueryError
from .rows import TABLES

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

Period = Literal["year", "quarter", "month"]


def view_statements(root: Path) -> list[str]:
    """The SQL that defines the store's views over its Parquet parts (``root`` absolute)."""

    def literal(path: Path) -> str:
        return "'" + str(path).replace("'", "''") + "'"

    manifest = literal(root / "manifest.parquet")
    statements = [
        f"CREATE OR REPLACE VIEW manifest AS SELECT * FROM read_parquet({manifest})"
        if (root / "manifest.parquet").exists()
        else "CREATE OR REPLACE VIEW manifest AS SELECT NULL::VARCHAR AS doc_id, NULL::VARCHAR AS path, "
        "NULL::VARCHAR AS sha256, NULL::VARCHAR AS pipeline, NULL::VARCHAR AS part WHERE false"
    ]
    for name in TABLES:
        parts = literal(root / "parts" / name / "*.parquet")
        statements.append(
            f"CREATE OR REPLACE VIEW {name} AS SELECT t.* EXCLUDE (part) FROM read_parquet({parts}) t "
            "JOIN manifest m ON t.doc_id = m.doc_id AND t.part = m.part"
        )
    statements.append(
        "CREATE OR REPLACE VIEW mentions AS SELECT s.doc_id, s.sentence, s.label, s.actor, s.netherlands, "
        "s.section, e.label AS entity_label, e.kb_id, e.text AS entity_text FROM sentences s "
        "JOIN entities e ON e.doc_id = s.doc_id AND e.sentence = s.sentence"
    )
    return statements


class CorpusStore:
    """A corpus store built by :func:`~nlp_report.store.build_corpus`, opened for queries.

    Opening is cheap (an in-memory DuckDB connection with views over the Parquet parts); the
    store can be queried while nothing is building it, or between two builds.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not (self.path / "store.json").is_file():
            raise StoreNotFoundError(
                str(path), "no corpus store here (build one with: nlp-report corpus build FOLDER -o STORE)"
            )
        self._connection: duckdb.DuckDBPyConnection | None = None

    def __repr__(self) -> str:
        return f"CorpusStore({str(self.path)!r})"

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection with the store's views (created on first use)."""
        if self._connection is None:
            import duckdb

            connection = duckdb.connect()
            for statement in view_statements(self.path.resolve()):
                connection.execute(statement)
            self._connection = connection
        return self._connection

    def close(self) -> None:
        """Close the DuckDB connection."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def sql(self, query: str, parameters: list[Any] | None = None) -> pd.DataFrame:
        """Run SQL over the views; ``?`` placeholders take ``parameters``."""
        import duckdb

        try:
            frame: pd.DataFrame = self.connection.execute(query, parameters or []).df()
        except duckdb.Error as err:
            raise StoreQueryError(f"{err}".strip()) from err
        return frame

    # -- the common questions ------------------------------------------------------------------

    def documents(self) -> pd.DataFrame:
        """One row per document with its metadata, by date (then path)."""
        return self.sql("SELECT * FROM documents ORDER BY date NULLS LAST, path")

    def sentences(
        self,
        *,
        label: str | None = None,
        actor: str | None = None,
        netherlands: bool | None = None,
        country: str | None = None,
        organisation: str | None = None,
        section: str | None = None,
        kind: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> pd.DataFrame:
        """Sentences with their document's path, kind, date and meeting, filtered.

        ``label``: ``position``/``decision``/``context``; ``actor``: a word of the actor (any
        case); ``netherlands``: the actor is (not) the Dutch government; ``country`` and
        ``organisation``: a kb_id (``CN``, ``NATO``) or a name as written (``China``) that the
        sentence mentions; ``section``: a word of its section title; ``kind``: the document's
        kind; ``since``/``until``: the document's date (or its meeting's first day), inclusive.
        """
        where = ["true"]
        parameters: list[Any] = []
        if label is not None:
            where.append("s.label = ?")
            parameters.append(label)
        if actor is not None:
            where.append("s.actor ILIKE ?")
            parameters.append(f"%{actor}%")
        if netherlands is not None:
            where.append("s.netherlands = ?")
            parameters.append(netherlands)
        for entity_label, value in (("COUNTRY", country), ("ORG", organisation)):
            if value is not None:
                where.append(
                    "EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = s.doc_id AND e.sentence = s.sentence "
                    "AND e.label = ? AND (e.kb_id = ? OR lower(e.text) = lower(?)))"
                )
                parameters += [entity_label, value, value]
        if section is not None:
            where.append("s.section ILIKE ?")
            parameters.append(f"%{section}%")
        if kind is not None:
            where.append("d.kind = ?")
            parameters.append(kind)
        if since is not None:
            where.append("coalesce(d.date, d.meeting_start) >= ?")
            parameters.append(_date(since))
        if until is not None:
            where.append("coalesce(d.date, d.meeting_start) <= ?")
            parameters.append(_date(until))
        return self.sql(
            "SELECT s.*, d.path, d.kind, coalesce(d.date, d.meeting_start) AS date, d.meeting, d.meeting_body "
            "FROM sentences s JOIN documents d USING (doc_id) WHERE "
            + " AND ".join(where)
            + " ORDER BY date NULLS LAST, d.path, s.sentence",
            parameters,
        )

    def positions_over_time(self, topic: str, *, by: Period = "year", netherlands: bool = True) -> pd.DataFrame:
        """How many positions of the Netherlands (or, ``netherlands=False``, of others) mention
        ``topic`` (a kb_id or a name as written, any entity label) per period, with the number of
        documents they come from; periods without such a position are left out."""
        period = _period(by)
        return self.sql(
            f"SELECT {period} AS period, count(*) AS positions, count(DISTINCT s.doc_id) AS documents "
            "FROM sentences s JOIN documents d USING (doc_id) "
            "WHERE s.label = 'position' AND s.netherlands = ? AND coalesce(d.date, d.meeting_start) IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = s.doc_id AND e.sentence = s.sentence "
            "AND (e.kb_id = ? OR lower(e.text) = lower(?))) GROUP BY period ORDER BY period",
            [netherlands, topic, topic],
        )

    def decisions_per_body(self, *, by: Period = "year") -> pd.DataFrame:
        """Decisions per body and period: the body is the organisation named in the actor (its kb_id),
        else the body of the meeting the document reports on; ``NULL`` where neither is known."""
        period = _period(by)
        return self.sql(
            "WITH decided AS (SELECT s.doc_id, s.sentence, "
            f"{period} AS period, coalesce(a.kb_id, d.meeting_body) AS body "
            "FROM sentences s JOIN documents d USING (doc_id) "
            "LEFT JOIN entities a ON a.doc_id = s.doc_id AND a.sentence = s.sentence AND a.label = 'ORG' "
            "AND s.actor IS NOT NULL AND strpos(s.actor, a.text) > 0 "
            "WHERE s.label = 'decision' AND coalesce(d.date, d.meeting_start) IS NOT NULL "
            "QUALIFY row_number() OVER (PARTITION BY s.doc_id, s.sentence ORDER BY a.start NULLS LAST) = 1) "
            "SELECT body, period, count(*) AS decisions FROM decided GROUP BY body, period "
            "ORDER BY period, decisions DESC, body NULLS LAST"
        )

    def motions(self) -> pd.DataFrame:
        """Every motion the letters report on: sponsors, Kamerstuk, and the letters (path, date) that cite it."""
        return self.sql(
            "SELECT coalesce(m.kamerstuk, array_to_string(m.sponsors, ', ')) AS motion, m.kamerstuk, "
            "any_value(m.url) AS url, any_value(m.sponsors) AS sponsors, count(*) AS mentions, "
            "count(DISTINCT m.doc_id) AS documents, list(DISTINCT d.path ORDER BY d.path) AS paths, "
            "min(coalesce(d.date, d.meeting_start)) AS first_date "
            "FROM motions m JOIN documents d USING (doc_id) GROUP BY 1, 2 ORDER BY documents DESC, motion"
        )


def _period(by: str) -> str:
    column = "coalesce(d.date, d.meeting_start)"
    if by == "year":
        return f"year({column})"
    if by == "quarter":
        return f"strftime({column}, '%Y') || '-Q' || quarter({column})"
    if by == "month":
        return f"strftime({column}, '%Y-%m')"
    raise StoreQueryError(f"by must be 'year', 'quarter' or 'month', not {by!r}")


def _date(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise StoreQueryError(f"a date must be a datetime.date or 'YYYY-MM-DD', not {value!r}") from None
