"""Every table and view of the database as CSV or JSON files, for spreadsheets and statistics,
optionally anonymised.

Anonymised, each member's name becomes their stable pseudonym (`session.pseudonyms`), in the
members table and wherever it appears in text people typed; access and communication needs, and
free-text attributions to people outside the group ("said by") and what someone was given as
payment or recognition are left out, because consent to take part never covers them. Ids are
kept, so the tables still join."""

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO

from sqlite_utils import Database

from session.pseudonyms import UNNAMED, folded, pseudonym, scrubber
from store.errors import StoreError
from store.files import private_file
from store.migrations import not_undone
from store.records import groups, members_of

FORMATS = ("csv", "json")
LEFT_OUT = "[left out: not covered by consent]"
# (table, column) whose text is never exported when anonymising.
NEVER_WHEN_ANONYMISED = {
    ("members", "needs"),
    ("reviews", "said_by"),
    ("review_trend", "said_by"),
    ("payments", "given"),
}
# The same in a group's log: event kind -> its field left out.
NEVER_IN_GROUP_LOG = {"needs_recorded": "needs", "payment_recorded": "given"}
INTERNAL = {"_sqlite_migrations", "folded_states"}  # folded_states: a derived copy
CHUNK = 500  # rows read, and looked at for names, at a time
ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode  # a row changed
# Views that other views are worked out from, each before those that read it. An export works
# each out once, into a temporary table of its own name that the views over it read instead: on
# a 60-meeting archive each takes about a third of a second, and `speaking_turns` was otherwise
# worked out three times over (for itself, and inside the two views of who spoke).
SHARED_VIEWS = ("speaking_turns", "speaking_by_person")
# Views of each log's rows as they are, leaving out what was undone (`migrations.not_undone`):
# each is written in the same pass as its log, every row read, looked at for names and formatted
# once. Read on its own, `live_events` was a third of exporting a 60-meeting archive.
NOT_UNDONE = {"live_events": "events", "live_group_events": "group_events"}
# The head of a view's CREATE statement, as sqlite_master keeps it; a view with a column list
# (`CREATE VIEW v(a, b) AS`) does not match, and is read as itself.
_VIEW_HEAD = re.compile(r'CREATE VIEW\s+(?:"[^"]*"|\[[^\]]*\]|[^\s(]+)\s+AS\s', re.IGNORECASE)

Row = dict[str, Any]
Keep = Callable[[Sequence[Any]], bool]  # which rows go into a file
Output = tuple[TextIO, Keep | None]  # a file, and which rows go into it (None: every one)


def exported_names(db: Database) -> list[str]:
    """Every table, then every view: the whole database."""
    tables = [t for t in db.table_names() if t not in INTERNAL and not t.startswith("sqlite_")]
    return tables + db.view_names()


def rows(db: Database, name: str, anonymise: bool) -> Iterator[Row]:
    header, chunks = table_values(db, name, anonymise)
    return (dict(zip(header, values, strict=True)) for chunk in chunks for values in chunk)


def table_values(
    db: Database, name: str, anonymise: bool, query: str | None = None, as_json: bool = False
) -> tuple[list[str], Iterator[Sequence[Sequence[Any]]]]:
    """The columns of table or view `name` (read by `query`, else directly), and its rows'
    values as they may be exported, a chunk at a time. `as_json`: each row ends with one more
    value, never a column of its own: the row as one JSON object (`json_row`)."""
    read = query or f"SELECT * FROM [{name}]"
    source, header = _source(read), _columns(db, read)
    cursor = db.execute(
        f"SELECT *, {json_row(header)} {source}" if as_json else f"SELECT * {source}"
    )
    everyone = [m for g in groups(db) for m in members_of(db, g.id)]
    hidden = everyone if anonymise else [m for m in everyone if not m.consent_named]
    # Consent to be named holds in every export, this one included.
    scrub = scrubber(everyone) if anonymise else scrubber(hidden, label=lambda m: UNNAMED)
    first_words = {folded(m.name.split()[0]) for m in hidden if m.name.split()}
    width = len(header)

    def exported(values: Sequence[Any]) -> Sequence[Any]:
        shown = values[:width]
        row = dict(zip(header, shown, strict=True))
        if anonymise or not _names_nobody([shown], first_words):
            row = _anonymised(name, row, scrub) if anonymise else _consented(row, scrub)
        elif not (as_json and values[-1] is None):
            return values
        return [*row.values(), ENCODE(row)] if as_json else list(row.values())

    def chunks() -> Iterator[Sequence[Sequence[Any]]]:
        while chunk := cursor.fetchmany(CHUNK):
            values = [row[:width] for row in chunk] if as_json else chunk
            if (
                anonymise
                or not _names_nobody(values, first_words)
                or (as_json and any(row[-1] is None for row in chunk))
            ):
                chunk = [exported(row) for row in chunk]
            yield chunk

    return header, chunks()


def _consented(row: Row, scrub: Callable[[str], str]) -> Row:
    """The row with the names of people who did not consent to be named replaced, wherever
    they stand: their own row, views of who spoke, and text anyone typed."""
    return {
        column: json.dumps(scrub_json(json.loads(value), scrub), ensure_ascii=False)
        if column == "data" and isinstance(value, str)
        else scrub(value)
        if isinstance(value, str)
        else value
        for column, value in row.items()
    }


def _names_nobody(rows: Sequence[Sequence[Any]], first_words: set[str]) -> bool:
    """True when no text in the rows, JSON included, can hold a name to hide: none holds even
    the first word of one, in any case or accent (a quick look that spares decoding and
    scrubbing each value: most rows hold no name). Only without escapes, where JSON's strings
    are exactly their text between quotes. Looking at many rows at once is quicker; a word is
    in one of them only if it is in all of them joined (the separator stops accents and words
    from running across)."""
    text = folded("\x00".join([v for values in rows for v in values if isinstance(v, str)]))
    return "\\" not in text and not any(word in text for word in first_words)


def _anonymised(table: str, row: Row, scrub: Callable[[str], str]) -> Row:
    cleaned: Row = {}
    for column, value in row.items():
        if (table, column) in NEVER_WHEN_ANONYMISED and value:
            cleaned[column] = LEFT_OUT
        elif table == "members" and column == "name":
            cleaned[column] = pseudonym(row["id"])
        elif column == "data" and isinstance(value, str):
            data = scrub_json(json.loads(value), scrub)
            personal = NEVER_IN_GROUP_LOG.get(row.get("kind", ""))
            if personal and data.get(personal):
                data[personal] = LEFT_OUT
            cleaned[column] = json.dumps(data, ensure_ascii=False)
        elif isinstance(value, str):
            cleaned[column] = scrub(value)
        else:
            cleaned[column] = value
    return cleaned


def scrub_json(value: Any, scrub: Callable[[str], str]) -> Any:
    """`value`, read from JSON, with `scrub` applied to every string in it."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [scrub_json(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: scrub_json(v, scrub) for k, v in value.items()}
    return value


def write_csv(
    outputs: Sequence[Output], header: list[str], chunks: Iterable[Sequence[Sequence[Any]]]
) -> None:
    """Each row made a line once, and written to every output that keeps it."""
    lines = _Lines()
    writer = csv.writer(lines, lineterminator="\n")
    writer.writerow(header)
    for file, _ in outputs:
        file.write(lines[0])
    for chunk in chunks:
        lines.clear()
        writer.writerows(chunk)
        for file, keep in outputs:
            file.write("".join(_kept(lines, chunk, keep)))


class _Lines(list[str]):
    """What a CSV writer writes: Python's writes each row whole, in one call (if it ever did
    not, `_kept` would fail loudly rather than pair lines with the wrong rows)."""

    def write(self, line: str) -> None:
        self.append(line)


def write_json(
    outputs: Sequence[Output], header: list[str], chunks: Iterable[Sequence[Sequence[Any]]]
) -> None:
    """A JSON array of one object per row, one row a line, in every output, from rows that end
    with their JSON object (`table_values(..., as_json=True)`), which holds the header's names
    already."""
    begun = [False] * len(outputs)
    for chunk in chunks:
        made = [row[-1] for row in chunk]
        for n, (file, keep) in enumerate(outputs):
            if objects := _kept(made, chunk, keep):
                file.write((",\n" if begun[n] else "[\n") + ",\n".join(objects))
                begun[n] = True
    for (file, _), any_rows in zip(outputs, begun, strict=True):
        file.write("\n]\n" if any_rows else "[]\n")


def _kept(made: list[str], chunk: Sequence[Sequence[Any]], keep: Keep | None) -> list[str]:
    """What was made of `chunk`'s rows (a line or an object each), for the rows `keep` keeps."""
    if keep is None:
        return made
    return [text for text, row in zip(made, chunk, strict=True) if keep(row)]


def json_row(columns: list[str]) -> str:
    """SQL for a row of these columns as one JSON object, keys in column order: SQLite makes it
    much quicker than Python would, in the same text as `ENCODE` (a test holds the two to it).
    NULL for a row that holds a real number: SQLite writes those to 15 significant digits
    (0.30000000000000004 as 0.3), so `ENCODE` makes that row's object, exactly."""
    names = ['"' + c.replace('"', '""') + '"' for c in columns]
    pairs = [
        f"""'{c.replace("'", "''")}', {name}""" for c, name in zip(columns, names, strict=True)
    ]
    types = ", ".join(f"typeof({name})" for name in names)
    return f"CASE WHEN 'real' IN ({types}) THEN NULL ELSE json_object({', '.join(pairs)}) END"


def export_tables(db: Database, folder: Path, format_: str, anonymise: bool = False) -> list[Path]:
    """Write one file per table and view into `folder` (created, private, if needed)."""
    if format_ not in FORMATS:
        raise StoreError(f"The format must be one of: {', '.join(FORMATS)}.")
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(f"coproduce can't make the folder {folder}: {error.strerror}.") from None
    write = write_csv if format_ == "csv" else write_json
    with one_moment(db) as query:
        names = exported_names(db)
        views = _views_written_with_their_logs(db, names)
        for name in names:
            if name in NOT_UNDONE and NOT_UNDONE[name] in views:
                continue  # written with its log
            header, chunks = table_values(db, name, anonymise, query(name), format_ == "json")
            files: list[tuple[str, Keep | None]] = [(name, None)]
            if name in views:
                files.append(views[name])
            with ExitStack() as stack:
                # Its view's file is opened first, so that the log's file takes its place
                # first: a fault there leaves the view's file as it was too.
                outputs = [
                    (stack.enter_context(private_file(folder / f"{n}.{format_}")), keep)
                    for n, keep in reversed(files)
                ]
                write(outputs, header, chunks)
    return [folder / f"{name}.{format_}" for name in names]


def _views_written_with_their_logs(db: Database, names: list[str]) -> dict[str, tuple[str, Keep]]:
    """Each log whose `NOT_UNDONE` view is exported too, and still reads as `not_undone` made
    it (one redefined since, by anyone, is read on its own), and whose rows are treated alike
    when anonymised: the view, and which of the log's rows it keeps."""
    found: dict[str, tuple[str, Keep]] = {}
    queries = _view_queries(db)
    for view, log in NOT_UNDONE.items():
        if (
            view in names
            and log in names
            and queries.get(view) == not_undone(log)
            and _never_when_anonymised(view) == _never_when_anonymised(log)
        ):
            kept = {seq for (seq,) in db.execute(f"SELECT seq FROM [{view}]")}
            at = _columns(db, f"SELECT * FROM [{log}]").index("seq")
            found[log] = (view, _with_seq_in(kept, at))
    return found


def _view_queries(db: Database) -> dict[str, str]:
    """Each view's query, where its CREATE statement can be taken apart (see `_VIEW_HEAD`)."""
    queries = {}
    for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'"):
        if head := _VIEW_HEAD.match(sql):
            queries[name] = sql[head.end() :]
    return queries


def _never_when_anonymised(name: str) -> set[str]:
    return {column for table, column in NEVER_WHEN_ANONYMISED if table == name}


def _with_seq_in(kept: set[int], at: int) -> Keep:
    return lambda row: row[at] in kept


def _columns(db: Database, query: str) -> list[str]:
    return [c[0] for c in db.execute(f"SELECT * {_source(query)} LIMIT 0").description]


def _source(query: str) -> str:
    return f"FROM (\n{query}\n)"  # a line each: a comment at the end of a view's query ends


@contextmanager
def one_moment(db: Database) -> Iterator[Callable[[str], str]]:
    """Every table and view read in one read transaction, so that every file shows the same
    moment even while a meeting goes on; yields the query that reads a table or view.

    Each of `SHARED_VIEWS` is worked out once, into a temporary table of its name. A view over
    one is read by running its own query at the top level, where SQLite finds a temporary table
    before the view of the same name (inside a view it never does). Rolling back at the end
    drops the temporary tables. A savepoint, so that an export made inside a transaction reads
    that transaction's moment."""
    db.execute("SAVEPOINT export")
    try:
        queries = _view_queries(db)
        shared = [name for name in SHARED_VIEWS if name in queries]
        for name in shared:
            db.execute(f"CREATE TEMP TABLE [{name}] AS {queries[name]}")

        def query(name: str) -> str:
            own = queries.get(name, "")
            if name not in shared and any(re.search(rf"\b{s}\b", own) for s in shared):
                return own
            return f"SELECT * FROM [{name}]"

        yield query
    finally:
        if db.conn.in_transaction:  # unless SQLite has rolled back already (an interrupt)
            db.execute("ROLLBACK TO export")
            db.execute("RELEASE export")
