"""`record` behaves as `dataclasses.dataclass` for everything the app uses.

Each shape of class is declared twice, once with each decorator, and both are driven the
same way; what a caller sees (equality, hashes, repr, errors, fields, replace) must match.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import threading
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import explorer
from explorer.model import record as records
from explorer.model.catalog import Role
from explorer.model.filters import RoleFilter


def declare(decorator: Any, frozen: bool) -> dict[str, type]:
    """The same classes, made by `dataclasses.dataclass` or by `record`."""
    field = dataclasses.field if decorator is dataclasses.dataclass else records.field

    @decorator(frozen=frozen)
    class Plain:
        name: str
        count: int
        tags: tuple[str, ...] = ()
        note: str | None = None
        KIND: ClassVar[str] = "plain"  # not a field

    @decorator(frozen=frozen)
    class Options:
        name: str
        members: frozenset[str] = field(default_factory=frozenset)
        hidden: int = field(default=0, repr=False, compare=False)
        lock: Any = field(default_factory=threading.Lock, init=False, repr=False, compare=False)

    @decorator(frozen=frozen)
    class Checked:
        values: Any = field(default_factory=tuple)

        def __post_init__(self) -> None:
            object.__setattr__(self, "values", tuple(sorted(self.values)))

    @decorator(frozen=frozen)
    class Own:
        name: str

        def __repr__(self) -> str:
            return f"<{self.name}>"

    return {"Plain": Plain, "Options": Options, "Checked": Checked, "Own": Own}


texts = st.text(max_size=5)
plain_args = st.tuples(texts, st.integers(-3, 3), st.lists(texts, max_size=3).map(tuple))


def outcome(call: Any) -> Any:
    """What a call gives: its result, or the type of what it raised."""
    try:
        return ("ok", call())
    except Exception as error:  # the type is the outcome
        return ("raised", type(error).__name__)


@pytest.mark.parametrize("frozen", [True, False])
@given(a=plain_args, b=plain_args, note=st.none() | texts)
def test_equality_hash_and_repr_match_dataclasses(frozen: bool, a: Any, b: Any, note: Any) -> None:
    made = {}
    for decorator in (dataclasses.dataclass, records.record):
        Plain = declare(decorator, frozen)["Plain"]
        x, y = Plain(*a, note=note), Plain(*b)
        made[decorator] = (
            x == y,
            x == Plain(*a, note=note),
            x != Plain(*a, note=note),
            x == (a, note),  # another type: never equal
            repr(x),
            outcome(lambda x=x, cls=Plain: hash(x) == hash(cls(*a, note=note))),
            Plain.__match_args__,
            [
                f.name
                for f in (dataclasses if decorator is dataclasses.dataclass else records).fields(x)
            ],
        )
    assert made[records.record] == made[dataclasses.dataclass]


@pytest.mark.parametrize("frozen", [True, False])
@pytest.mark.parametrize(
    ("name", "args", "kwargs"),
    [
        ("Plain", ("web", 2), {}),
        ("Plain", ("web",), {}),  # missing count
        ("Plain", (), {}),  # missing both
        ("Plain", ("web", 2, (), None, "extra"), {}),  # too many
        ("Plain", ("web", 2), {"name": "seo"}),  # twice
        ("Plain", ("web", 2), {"colour": "red"}),  # unknown
        ("Plain", (), {"count": 1, "name": "a", "note": "n"}),
        ("Options", ("web",), {}),
        ("Options", ("web",), {"members": {"a"}, "hidden": 3}),
        ("Options", ("web",), {"lock": None}),  # init=False
        ("Checked", ([3, 1, 2],), {}),
        ("Checked", (), {}),
        ("Own", ("seo",), {}),
    ],
)
def test_construction_matches_dataclasses(
    frozen: bool, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    def seen(decorator: Any) -> Any:
        cls = declare(decorator, frozen)[name]
        made = outcome(lambda: cls(*args, **kwargs))
        if made[0] == "raised":
            return made
        obj = made[1]
        shown = {k: v for k, v in vars(obj).items() if k != "lock"}
        return (repr(obj), shown, list(vars(obj)), outcome(lambda: hash(obj) is not None))

    assert seen(records.record) == seen(dataclasses.dataclass)


@pytest.mark.parametrize("frozen", [True, False])
def test_assignment_and_replace_match_dataclasses(frozen: bool) -> None:
    def seen(decorator: Any) -> Any:
        module = dataclasses if decorator is dataclasses.dataclass else records
        classes = declare(decorator, frozen)
        plain = classes["Plain"]("web", 2)
        options = classes["Options"]("web", members=frozenset("ab"))
        assigned = outcome(lambda: setattr(plain, "count", 5))
        deleted = outcome(lambda: delattr(plain, "note"))
        other = outcome(lambda: setattr(plain, "colour", "red"))
        replaced = module.replace(classes["Plain"]("seo", 1, ("a",)), count=9)
        return (
            assigned,
            deleted,
            other,
            repr(replaced),
            repr(module.replace(options, name="sea")),
            outcome(lambda: module.replace(options, lock=None)),
            outcome(lambda: module.replace(plain, colour="red")),
            module.replace(options).lock is not options.lock,  # a new default, made again
        )

    assert seen(records.record) == seen(dataclasses.dataclass)


def test_bad_declarations_are_refused_as_dataclasses_refuses_them() -> None:
    with pytest.raises(TypeError):

        @records.record
        class DefaultFirst:
            a: int = 0
            b: int

    with pytest.raises(ValueError):

        @records.record
        class SharedList:
            a: list[int] = []

    with pytest.raises(TypeError):
        records.fields(object())


def test_the_app_declares_records_not_dataclasses() -> None:
    # A dataclass costs ≈ 1 ms of start-up where a record costs nothing (record.py).
    for module_info in pkgutil.walk_packages(explorer.__path__, "explorer."):
        if module_info.name.endswith("__main__"):  # runs the command
            continue
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            if inspect.isclass(value) and value.__module__ == module.__name__:
                assert not dataclasses.is_dataclass(value), f"{module.__name__}.{name}"


def test_model_records_keep_their_behaviour() -> None:
    role = Role(id="seo", title="Consultant SEO", family="acquisition", summary="…")
    assert role == Role("seo", "Consultant SEO", "acquisition", "…")
    assert hash(role) == hash(Role("seo", "Consultant SEO", "acquisition", "…"))
    assert role.skills == () and role.access.levels == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        role.title = "Référenceur"
    assert records.replace(role, title="Référenceur").title == "Référenceur"
    # __post_init__ still turns any iterable into a frozenset.
    assert RoleFilter(levels=["Bac+2", "Bac+2"]).levels == frozenset({"Bac+2"})
