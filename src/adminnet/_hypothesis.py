"""Hypothesis entry-point hook: strategies for adminnet's and pendulum's types, lazily.

Hypothesis calls :func:`_hypothesis_setup_hook` at the end of ``import hypothesis``
(unless ``HYPOTHESIS_NO_PLUGINS`` is set), through the ``hypothesis`` entry point::

    [project.entry-points.hypothesis]
    _ = "adminnet._hypothesis:_hypothesis_setup_hook"

Every project with adminnet installed pays for this hook on every test run, so it
imports nothing: no adminnet module (beyond the ``adminnet`` package, which is itself
lazy), no pendulum, no attrs. :func:`hypothesis.strategies.register_type_strategy`
needs the type object, and the types live in modules that may never be imported, so
the hook registers a type when its module is imported:

- modules already imported when the hook runs are registered at once;
- for the others, a finder on :data:`sys.meta_path` answers only for the few module
  names in :data:`_WATCHED` (one dict lookup per import otherwise); it lets the usual
  finders find the module and wraps the loader's ``exec_module`` so that the types are
  registered right after the module has run.

What is registered is a function that Hypothesis calls when it first resolves the type
(``from_type`` is lazy): only then is the strategy module imported, and the region and
agency data are read on the first draw. The first registration also teaches
``st.builds`` about adminnet classes (see :func:`_install_builds`): their required
fields are ids, codes and texts that only a whole valid instance gives consistently,
so ``st.builds(Tenure, capacity=st.just(Capacity.PENJABAT))`` takes the fields it
must infer from one drawn valid ``Tenure`` and the others from the given strategies.

pendulum has no Hypothesis plugin, so the hook registers its Date, DateTime (aware),
Time and Duration too, which makes ``st.builds`` work for a user's own class with
pendulum fields; the strategies are :func:`adminnet.strategies.pendulum_dates` & co.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Final

__all__: list[str] = []

_ENTITIES: Final = "adminnet.strategies"
_PENDULUM: Final = "adminnet.strategies._pendulum"

# module -> (type name in that module, strategy module, strategy function name)
_WATCHED: Final[dict[str, tuple[tuple[str, str, str], ...]]] = {
    "adminnet.errors": (("ErrorDetail", _ENTITIES, "error_details"),),
    "adminnet.model.region": (
        ("Region", _ENTITIES, "regions"),
        ("RegionName", _ENTITIES, "region_names"),
    ),
    "adminnet.model.agency": (
        ("Agency", _ENTITIES, "agencies"),
        ("AgencyName", _ENTITIES, "agency_names"),
    ),
    "adminnet.model.person": (("Person", _ENTITIES, "persons"),),
    "adminnet.model.position": (
        ("Position", _ENTITIES, "positions"),
        ("Tenure", _ENTITIES, "tenures"),
        ("Decree", _ENTITIES, "decrees"),
    ),
    "adminnet.model.agreement": (
        ("Agreement", _ENTITIES, "agreements"),
        ("Party", _ENTITIES, "parties"),
    ),
    "adminnet.model.event": (("Event", _ENTITIES, "events"),),
    "adminnet.model.digital": (
        ("PublicService", _ENTITIES, "public_services"),
        ("Measurement", _ENTITIES, "measurements"),
        ("DigitalizationTarget", _ENTITIES, "digitalization_targets"),
        ("Progress", _ENTITIES, "progresses"),
    ),
    "adminnet.model._indicator": (("Indicator", _ENTITIES, "indicators"),),
    "adminnet.model._grading": (("GradingScheme", _ENTITIES, "grading_schemes"),),
    "adminnet.model.dataset": (("Dataset", _ENTITIES, "datasets"),),
    "adminnet.text.names": (("PersonName", _ENTITIES, "person_names"),),
    "adminnet.time": (
        ("PartialDate", _ENTITIES, "partial_dates"),
        ("Period", _ENTITIES, "periods"),
    ),
    "pendulum": (
        ("Date", _PENDULUM, "pendulum_dates"),
        ("DateTime", _PENDULUM, "pendulum_datetimes"),
        ("Time", _PENDULUM, "pendulum_times"),
        ("Duration", _PENDULUM, "pendulum_durations"),
    ),
}

# adminnet classes registered so far (for the ``st.builds`` support).
_ADMINNET_CLASSES: Final[set[type]] = set()
_STATE: Final[dict[str, bool]] = {"builds": False}
_TRIES: Final = 24  # valid instances tried for the fields st.builds infers


def _resolver(module: str, name: str) -> Callable[[type], Any]:
    """A function giving ``<module>.<name>()`` for a type, imported on first use."""

    def resolve(cls: type) -> Any:
        import importlib

        return getattr(importlib.import_module(module), name)()

    return resolve


def _register(module_name: str, module: Any) -> None:
    """Register the strategies of the watched types defined in ``module``."""
    import hypothesis.strategies as st

    for type_name, where, function in _WATCHED[module_name]:
        cls = getattr(module, type_name, None)
        if not isinstance(cls, type):
            continue  # a pendulum without this type: nothing to register
        st.register_type_strategy(cls, _resolver(where, function))
        if module_name.startswith("adminnet."):
            _ADMINNET_CLASSES.add(cls)
            _install_builds()


def _install_builds() -> None:
    """Let ``st.builds(T, **overrides)`` infer the fields of adminnet's attrs classes.

    Hypothesis infers a missing attrs field from its attrs validators, its type or its
    converter: adminnet's fields are checked by adminnet's own validators and their
    annotations are strings, so Hypothesis would draw arbitrary text for an id. There
    is no public hook for this, so the hook wraps Hypothesis' ``from_attrs`` (the
    function ``st.builds`` calls for attrs classes): for a registered adminnet class
    without positional arguments, the fields to infer come from one drawn valid
    instance (so they agree with each other) and the given keyword strategies are
    drawn as usual; anything else goes to Hypothesis unchanged. If a Hypothesis
    release moves that function, nothing is wrapped (tests/strategies catch it).
    """
    if _STATE["builds"]:
        return
    _STATE["builds"] = True
    try:
        from hypothesis.strategies._internal import attrs as hypothesis_attrs
    except ImportError:  # pragma: no cover - a Hypothesis without the attrs support
        return
    original = getattr(hypothesis_attrs, "from_attrs", None)
    if original is None:  # pragma: no cover - see the docstring
        return

    def from_attrs(target: type, args: Sequence[Any], kwargs: dict[str, Any], to_infer: Any) -> Any:
        if args or target not in _ADMINNET_CLASSES:
            return original(target, args, kwargs, to_infer)
        import attrs

        names = {f.alias: f.name for f in attrs.fields(target)}
        infer = sorted(to_infer)
        given = {k: v for k, v in kwargs.items() if v is not ...}
        for key in (*infer, *given):
            if key not in names:  # Hypothesis' own TypeError, naming the fields
                hypothesis_attrs.get_attribute_by_alias(attrs.fields(target), key, target=target)
        return _builds(target, names, infer, given)

    hypothesis_attrs.from_attrs = from_attrs


def _builds(target: type, names: dict[str, str], infer: list[str], given: dict[str, Any]) -> Any:
    """``target(**fields)``: the given fields drawn, the others from a drawn valid instance.

    The other fields all come from one valid instance, so that they agree with each
    other (an Agency's kind and region code); if the given values do not fit them,
    the optional fields are left at their defaults, then another instance is tried
    (a few times); the last error is raised if none fits.
    """
    import attrs
    import hypothesis.strategies as st

    from adminnet.errors import AdminnetError

    whole: Any = st.from_type(target)
    fields = [f for f in attrs.fields(target) if f.init]

    @st.composite
    def build(draw: Any) -> Any:
        values = {key: draw(strategy) for key, strategy in given.items()}
        error: AdminnetError | None = None
        for _ in range(_TRIES):
            base = draw(whole)
            everything = {f.alias: getattr(base, f.name) for f in fields}
            required = {alias: getattr(base, names[alias]) for alias in infer}
            for others in (everything, required):
                try:
                    return target(**(others | values))
                except AdminnetError as exc:
                    error = exc
        assert error is not None
        raise error

    return build()


class _Finder:
    """A :data:`sys.meta_path` finder registering the types of watched modules on import."""

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        """The spec the other finders give, its loader registering after running the module."""
        if fullname not in _WATCHED:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        loader = spec.loader
        run = getattr(loader, "exec_module", None)
        if run is None:
            return spec

        def exec_module(module: Any) -> None:
            run(module)
            _register(fullname, module)

        try:
            loader.exec_module = exec_module  # the loader is this module's own instance
        except (AttributeError, TypeError):  # pragma: no cover - a read-only loader
            return spec
        return spec


def _hypothesis_setup_hook() -> None:
    """Daftarkan strategi (register strategies for adminnet's and pendulum's types).

    Registers at once the types whose modules are imported already, and installs the
    finder that registers the others when their modules are imported. Calling it again
    is harmless.
    """
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
    for name in _WATCHED:
        module = sys.modules.get(name)
        if module is not None:
            _register(name, module)
