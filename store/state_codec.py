"""A meeting's folded state as JSON and back, driven by the dataclasses' own type hints.

JSON, never pickle: the text may come from a database file someone else sent, and decoding it
only ever builds the state's own plain dataclasses. Anything that does not fit the types is
refused with `ValueError`."""

import dataclasses
import hashlib
import json
import operator
import types
import typing
import uuid
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from session.live import LiveState

Decoder = Callable[[Any], Any]
Encoder = Callable[[Any], Any]
Rewriter = Callable[[Any, Callable[[str], str]], Any]


def encode(state: LiveState) -> str:
    return json.dumps(_encoder(LiveState)(state), ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> LiveState:
    """The state `text` holds."""
    try:
        decoded: LiveState = _decoder(LiveState)(json.loads(text))
    except (TypeError, KeyError, IndexError, AttributeError, OverflowError) as error:
        raise ValueError(f"not a folded state: {error}") from None
    return decoded


def rewrite_text(state: LiveState, text_of: Callable[[str], str]) -> LiveState:
    """The state with `text_of` applied to every string in it. What holds no text (numbers,
    times) is shared with `state`, not copied: the state is immutable."""
    rewrite = _rewriter(LiveState)
    if rewrite is None:  # a state without text: nothing to rewrite
        return state
    rewritten: LiveState = rewrite(state, _Memo(text_of).__getitem__)
    return rewritten


class _Memo(dict[str, str]):
    """`text_of` of each text, worked out once: most of a state's strings are the same few ids."""

    def __init__(self, text_of: Callable[[str], str]) -> None:
        super().__init__()
        self.text_of = text_of

    def __missing__(self, text: str) -> str:
        self[text] = rewritten = self.text_of(text)
        return rewritten


@cache
def fingerprint() -> str:
    """Changes whenever the state's shape or the code that folds it may have changed (any of
    the meeting's rules in `session/`, this codec, the log's reader): a state saved by another
    version is never trusted. Without the source files to read, no kept state is trusted."""
    here = Path(__file__)
    sources = [*sorted((here.parent.parent / "session").glob("*.py")), here, here.parent / "log.py"]
    digest = hashlib.sha256()
    try:
        for source in sources:
            digest.update(source.read_bytes())
    except OSError:
        return f"unreadable-{uuid.uuid4().hex}"
    return digest.hexdigest()[:16]


def _field_hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls)
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


@cache
def _encoder(hint: Any) -> Encoder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (str, int, float, bool, type(None)):
        return lambda v: v
    if hint in (datetime, date):
        return lambda v: v.isoformat()
    if origin in (typing.Union, types.UnionType):
        return _optional(_encoder(_not_none(args)))
    if origin is frozenset:
        inner = _encoder(args[0])
        return lambda v: sorted(inner(x) for x in v)
    if origin is tuple:
        coders = [_encoder(a) for a in args] if args[-1] is not Ellipsis else None
        each = _encoder(args[0])
        if coders is None:
            return lambda v: [each(x) for x in v]
        return lambda v: [c(x) for c, x in zip(coders, v, strict=True)]
    if dataclasses.is_dataclass(hint):
        hints = _field_hints(hint)  # type: ignore[arg-type]
        values_of = _values_getter([name for name, _ in hints])
        changed = [(i, _encoder(h)) for i, (_, h) in enumerate(hints) if _as_is(h) is None]

        def fields(v: Any) -> list[Any]:
            values = values_of(v)
            for i, encode in changed:
                values[i] = encode(values[i])
            return values

        return fields
    raise TypeError(f"no JSON form for {hint!r}")


@cache
def _decoder(hint: Any) -> Decoder:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        return lambda v: _checked(v, str)
    if hint in (int, bool, type(None)):
        return lambda v: _checked(v, hint)
    if hint is float:
        return lambda v: float(_checked(v, (int, float)))
    if hint is datetime:
        return lambda v: datetime.fromisoformat(_checked(v, str))
    if hint is date:
        return lambda v: date.fromisoformat(_checked(v, str))
    if origin in (typing.Union, types.UnionType):
        return _optional(_decoder(_not_none(args)))
    if origin is frozenset:
        inner = _decoder(args[0])
        return lambda v: frozenset(inner(x) for x in _checked(v, list))
    if origin is tuple:
        if args[-1] is Ellipsis:
            each = _decoder(args[0])
            return lambda v: tuple([each(x) for x in _checked(v, list)])
        coders = [_decoder(a) for a in args]
        return lambda v: tuple([c(x) for c, x in zip(coders, _checked(v, list), strict=True)])
    if dataclasses.is_dataclass(hint):
        cls: type = hint  # type: ignore[assignment]
        hints = _field_hints(cls)
        names = [name for name, _ in hints]
        checked = [(i, kinds) for i, (_, h) in enumerate(hints) if (kinds := _as_is(h))]
        decoded = [(i, _decoder(h)) for i, (_, h) in enumerate(hints) if _as_is(h) is None]

        def build(v: Any) -> Any:
            values = list(_checked(v, list))
            if len(values) != len(names):
                raise TypeError(f"{cls.__name__} has {len(names)} fields")
            for i, kinds in checked:
                if not isinstance(values[i], kinds):
                    raise TypeError(f"{cls.__name__}.{names[i]}: expected {kinds}")
            for i, decode in decoded:
                values[i] = decode(values[i])
            new: Any = object.__new__(cls)  # the fold's classes: fields exactly their __dict__
            vars(new).update(zip(names, values, strict=True))
            return new

        return build
    raise TypeError(f"no JSON form for {hint!r}")


@cache
def _rewriter(hint: Any) -> Rewriter | None:
    """A function applying its text function to every string in a value of type `hint`, or
    None when such a value holds no string."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is str:
        return lambda v, text_of: text_of(v)
    if hint in (int, bool, float, type(None), datetime, date):
        return None
    if origin in (typing.Union, types.UnionType):
        inner = _rewriter(_not_none(args))
        if inner is None:
            return None
        return lambda v, text_of: None if v is None else inner(v, text_of)
    if origin is frozenset or (origin is tuple and args[-1] is Ellipsis):
        each = _rewriter(args[0])
        if each is None:
            return None
        rebuilt = frozenset if origin is frozenset else tuple
        return lambda v, text_of: rebuilt([each(x, text_of) for x in v])
    if origin is tuple:
        coders = [_rewriter(a) for a in args]
        if not any(coders):
            return None
        return lambda v, text_of: tuple(
            [x if c is None else c(x, text_of) for c, x in zip(coders, v, strict=True)]
        )
    if dataclasses.is_dataclass(hint):
        cls: type = hint  # type: ignore[assignment]
        named = [(name, r) for name, h in _field_hints(cls) if (r := _rewriter(h)) is not None]
        if not named:
            return None

        def rewrite(v: Any, text_of: Callable[[str], str]) -> Any:
            new: Any = object.__new__(cls)  # the fold's classes: fields exactly their __dict__
            fields = vars(new)
            fields.update(vars(v))
            fields.update([(name, r(fields[name], text_of)) for name, r in named])
            return new

        return rewrite
    raise TypeError(f"no text rewriting for {hint!r}")


def _values_getter(names: list[str]) -> Callable[[Any], list[Any]]:
    """A record's field values, in order: `attrgetter` reads them all in one call, though it
    gives a bare value for one name and takes no call without any."""
    if len(names) < 2:
        return lambda v: [getattr(v, name) for name in names]
    get = operator.attrgetter(*names)
    return lambda v: list(get(v))


@cache
def _as_is(hint: Any) -> tuple[type, ...] | None:
    """The types a field of type `hint` holds as JSON holds them (text, whole numbers, true or
    false, nothing), which only need checking, not converting; None for any other field. A
    state is thousands of small records, and a call per field was most of reading one."""
    if hint in (str, int, bool, type(None)):
        return (hint,)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        inner = _as_is(_not_none(typing.get_args(hint)))
        return None if inner is None else (*inner, type(None))
    return None


def _checked(value: Any, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(value, kind):
        raise TypeError(f"expected {kind}, found {type(value).__name__}")
    return value


def _optional(inner: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda v: None if v is None else inner(v)


def _not_none(args: tuple[Any, ...]) -> Any:
    rest = [a for a in args if a is not type(None)]
    if len(rest) != 1:
        raise TypeError(f"no JSON form for a union of {rest!r}")
    return rest[0]
