"""Records: the part of `dataclasses` the app uses, without its cost at start-up.

`dataclasses.dataclass` writes the source of six methods for each frozen class and compiles
them when its module is imported: ≈ 4 M instructions, ≈ 1 ms a class here. Nineteen of them
lay on the way to the first frame (≈ 15 ms of a 330 ms start). `record` gives those classes
the same behaviour with methods written once, here, and shared by every record:

- `__init__` with positional or keyword arguments, defaults and default factories, fields
  left out of it (`init=False`), then `__post_init__` if the class has one;
- `__eq__` (same class, equal compared fields), `__hash__` (frozen records; `None` for the
  others, as dataclasses), `__repr__`, `__match_args__`;
- `frozen=True`: assigning or deleting a field raises `FrozenInstanceError`;
- `fields()` and `replace()`.

A method the class writes itself is kept. Type checkers see `dataclasses` itself: the same
names with the same parameters, so mypy checks records as it checks dataclasses.
tests/test_record.py compares the two, behaviour by behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__all__ = ["FrozenInstanceError", "field", "fields", "record", "replace"]

from dataclasses import FrozenInstanceError  # dataclasses is imported by Textual already

if TYPE_CHECKING:
    from dataclasses import dataclass as record
    from dataclasses import field, fields, replace
else:
    import inspect
    from operator import attrgetter

    _MISSING = object()
    _MUTABLE = (list, dict, set)  # as dataclasses: one such default would be shared by all

    class Field:
        """One field of a record; `field()` makes one to give a default factory or options."""

        __slots__ = ("compare", "default", "default_factory", "init", "name", "repr")

        def __init__(self, default, default_factory, init, repr, compare):
            if default is not _MISSING and default_factory is not _MISSING:
                raise ValueError("cannot specify both default and default_factory")
            self.name = ""
            self.default = default
            self.default_factory = default_factory
            self.init = init
            self.repr = repr
            self.compare = compare

        def __repr__(self):
            return f"Field(name={self.name!r})"

    def field(*, default=_MISSING, default_factory=_MISSING, init=True, repr=True, compare=True):
        return Field(default, default_factory, init, repr, compare)

    class _Spec:
        """What the shared methods need to know about one record class, worked out once."""

        __slots__ = (
            "compared",
            "fields",
            "frozen",
            "init_names",
            "init_set",
            "later",
            "names",
            "no_init",
            "post_init",
            "qualname",
            "shown",
        )  # fmt: skip

        def __init__(self, cls, own, frozen):
            self.fields = own
            self.names = tuple(f.name for f in own)
            self.init_names = tuple(f.name for f in own if f.init)
            self.init_set = frozenset(self.init_names)
            # Init fields the caller may leave out: (name, value, is_factory).
            self.later = tuple(
                (f.name, f.default_factory, True)
                if f.default_factory is not _MISSING
                else (f.name, f.default, False)
                for f in own
                if f.init and (f.default is not _MISSING or f.default_factory is not _MISSING)
            )
            self.no_init = tuple(f for f in own if not f.init)
            compared = tuple(f.name for f in own if f.compare)
            self.compared = attrgetter(*compared) if compared else (lambda obj: ())
            self.shown = tuple(f.name for f in own if f.repr)
            self.frozen = frozen  # the class, when frozen
            self.post_init = hasattr(cls, "__post_init__")
            self.qualname = cls.__qualname__

        def frozen_for(self, obj, name):
            return self.frozen is type(obj) or (self.frozen is not None and name in self.names)

    def _collect(cls):
        """The class's fields, bases' first, from its annotations (ClassVar left out)."""
        collected = {}
        for base in reversed(cls.__mro__[1:]):
            spec = base.__dict__.get("__record__")
            if spec is not None:
                for f in spec.fields:
                    collected[f.name] = f
        for name, annotation in inspect.get_annotations(cls).items():
            text = annotation if isinstance(annotation, str) else repr(annotation)
            if text.startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = cls.__dict__.get(name, _MISSING)
            if isinstance(value, Field):
                made = value
                if made.default is _MISSING:
                    delattr(cls, name)
                else:
                    setattr(cls, name, made.default)
            else:
                made = Field(value, _MISSING, True, True, True)
            if type(made.default) in _MUTABLE:
                raise ValueError(
                    f"mutable default {type(made.default)} for field {name} is not allowed: "
                    "use default_factory"
                )
            made.name = name
            collected[name] = made
        own = tuple(collected.values())
        seen_default = False
        for f in own:
            if not f.init:
                continue
            if f.default is not _MISSING or f.default_factory is not _MISSING:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        return own

    def _init(self, *args, **kwargs):
        spec = self.__record__
        if len(args) > len(spec.init_names):
            raise TypeError(
                f"{spec.qualname}.__init__() takes {len(spec.init_names) + 1} positional "
                f"arguments but {len(args) + 1} were given"
            )
        given = dict(zip(spec.init_names, args, strict=False))
        for name, value in kwargs.items():
            if name in given:
                raise TypeError(
                    f"{spec.qualname}.__init__() got multiple values for argument {name!r}"
                )
            if name not in spec.init_set:
                raise TypeError(
                    f"{spec.qualname}.__init__() got an unexpected keyword argument {name!r}"
                )
            given[name] = value
        if len(given) < len(spec.init_names):
            for name, default, is_factory in spec.later:
                if name not in given:
                    given[name] = default() if is_factory else default
            missing = [name for name in spec.init_names if name not in given]
            if missing:
                raise TypeError(
                    f"{spec.qualname}.__init__() missing {len(missing)} required "
                    f"argument{'s' if len(missing) > 1 else ''}: "
                    + ", ".join(repr(name) for name in missing)
                )
        for f in spec.no_init:
            if f.default_factory is not _MISSING:
                given[f.name] = f.default_factory()
            elif f.default is not _MISSING:
                given[f.name] = f.default
        # Straight into __dict__, in field order, as the frozen dataclass's __init__ does.
        values = self.__dict__
        for name in spec.names:
            if name in given:
                values[name] = given[name]
        if spec.post_init:
            self.__post_init__()

    def _eq(self, other):
        if other.__class__ is self.__class__:
            compared = self.__record__.compared
            return compared(self) == compared(other)
        return NotImplemented

    def _hash(self):
        return hash(self.__record__.compared(self))

    def _repr(self):
        spec = self.__record__
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in spec.shown)
        return f"{self.__class__.__qualname__}({shown})"

    def _frozen_setattr(self, name, value):
        spec = self.__record__
        if spec.frozen_for(self, name):
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        object.__setattr__(self, name, value)

    def _frozen_delattr(self, name):
        spec = self.__record__
        if spec.frozen_for(self, name):
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        object.__delattr__(self, name)

    def _process(cls, frozen, eq, repr):
        own = _collect(cls)
        spec = _Spec(cls, own, cls if frozen else None)
        cls.__record__ = spec
        body = cls.__dict__
        # A class's own method is kept, as dataclasses keeps it.
        if "__init__" not in body:
            cls.__init__ = _init
        if repr and "__repr__" not in body:
            cls.__repr__ = _repr
        explicit_hash = "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body)
        if eq and "__eq__" not in body:
            cls.__eq__ = _eq
        if eq and not explicit_hash:
            cls.__hash__ = _hash if frozen else None
        if frozen:
            for name in ("__setattr__", "__delattr__"):
                if name in body:
                    raise TypeError(f"cannot overwrite attribute {name} in class {cls.__name__}")
            cls.__setattr__ = _frozen_setattr
            cls.__delattr__ = _frozen_delattr
        if "__match_args__" not in body:
            cls.__match_args__ = spec.init_names
        return cls

    def record(cls=None, /, *, frozen=False, eq=True, repr=True):
        def wrap(cls):
            return _process(cls, frozen, eq, repr)

        return wrap if cls is None else wrap(cls)

    def fields(class_or_instance):
        spec = getattr(class_or_instance, "__record__", None)
        if spec is None:
            raise TypeError("must be called with a record type or instance")
        return spec.fields  # a tuple already: nobody can change it

    def replace(obj, /, **changes):
        spec = getattr(obj, "__record__", None)
        if spec is None:
            raise TypeError("replace() should be called on record instances")
        for f in spec.fields:
            if not f.init:
                if f.name in changes:
                    raise ValueError(
                        f"field {f.name} is declared with init=False, it cannot be specified "
                        "with replace()"
                    )
                continue
            if f.name not in changes:
                changes[f.name] = getattr(obj, f.name)
        return obj.__class__(**changes)
