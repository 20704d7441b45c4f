"""The one pint registry, built from `data/units.txt` on first use.

Why not pint's default registry: it costs ~140 ms to build, reads `"6 $"` as dimensionless and
`B` as bytes, and has no `billion`. Ours is small (~6 ms), gives every currency a dimension of
its own (so dollars and euros can never be added or compared by accident), and scale words stay
with the figure reader, where they belong.

The reader calls `to_base(unit)` once per distinct unit word (cached), then works on floats.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from factcheck.read.lexicon import available_languages, common_data, get_lexicon, normalise, tokenise

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry[Any]:
    import pint

    reg: pint.UnitRegistry[Any] = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False, cache_folder=None)
    definitions = resources.files("factcheck.data").joinpath("units.txt").read_text("utf-8")
    reg.load_definitions(definitions.splitlines())
    return reg


def quantity(magnitude: float, unit: str) -> pint.Quantity[Any]:
    """A pint quantity on the shared registry, e.g. `quantity(7.6e9, "USD")`."""
    return registry().Quantity(magnitude, unit)


@cache
def currency_codes() -> frozenset[str]:
    """The currencies of `data/units.txt` (`USD = [currency_USD]`), read without building pint.

    A currency is its own base unit, so money never needs pint at run time: importing it costs
    ~120 ms, the largest part of a cold `factcheck check`. A test checks that the registry
    agrees with this shortcut for every code.
    """

    text = resources.files("factcheck.data").joinpath("units.txt").read_text("utf-8")
    return frozenset(re.findall(r"^([A-Z]{3}) = \[currency_\1\]$", text, flags=re.MULTILINE))


@cache
def to_base(unit: str) -> tuple[float, str]:
    """(factor, base unit name): `to_base("kilometer") == (1000.0, "meter")`.

    An offset unit (`degree_Fahrenheit`) has no factor alone: `affine` converts it, and this
    refuses it (ValueError) rather than scale 107 °F to a wrong figure.
    """
    factor, offset, base = affine(unit)
    if offset:
        raise ValueError(f"{unit} is an offset unit: convert its values with units.affine")
    return factor, base


@cache
def affine(unit: str) -> tuple[float, float, str]:
    """(factor, offset, base unit name): a value x in `unit` is `x * factor + offset` in the base
    unit. The offset is 0 but for offset units: `affine("degree_Fahrenheit")` is (5/9, -160/9,
    "degree_Celsius"), so 107 °F is 41.67 °C."""
    if unit in currency_codes():
        return 1.0, 0.0, unit
    zero = quantity(0.0, unit).to_base_units()
    offset = float(zero.magnitude)
    if not offset:
        one = quantity(1.0, unit).to_base_units()
        base = str(one.units)
        if base in KEPT_IN:  # a speed: in metres per second, not metres per year
            kept = KEPT_IN[base]
            return float(f"{float(quantity(1.0, unit).to(kept).magnitude):.16g}"), 0.0, kept
        return float(one.magnitude), 0.0, base
    far = quantity(1.0e6, unit).to_base_units()  # the slope, without the offset's rounding
    return (float(far.magnitude) - offset) / 1.0e6, offset, str(far.units)


@cache
def shown_as_written() -> frozenset[str]:
    """The units a value is shown in as written (`display.written` in common.yaml: the speeds),
    where every other physical amount is shown in its base unit's steps."""
    return frozenset(common_data()["display"].get("written", {}))


#: Base units nobody reads, and the unit their values are kept in instead (data/units.txt): a
#: speed's pint base is metres per year, since durations are kept in years.
KEPT_IN = {"meter / year": "meter_per_second"}

#: The base unit of temperatures (data/units.txt): an interval scale, where a hedge reaches a fixed
#: number of degrees, never a fraction of the figure (ReadOptions.temperature).
TEMPERATURE = "degree_Celsius"


@cache
def is_currency(unit: str) -> bool:
    """Currencies are the units whose only dimension is `[currency_XXX]`."""
    if unit in currency_codes():
        return True
    import pint

    try:
        dims = registry().get_dimensionality(unit)
    except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, ValueError):
        return False
    return len(dims) == 1 and next(iter(dims)).startswith("[currency_")


_KIND_WORDS = {
    "percent": ("percent", None), "per cent": ("percent", None), "%": ("percent", None),
    "percentage": ("percent", None), "rank": ("rank", None), "date": ("date", "day"),
    "number": ("number", None), "count": ("number", None), "category": ("category", None),
    "name": ("category", None), "place": ("category", None), "year": ("duration", "year"),
    "years": ("duration", "year"), "duration": ("duration", "year"),
    # (revised SPEC §1) what a subject's values are, in words
    "counts": ("number", None), "people": ("number", None), "persons": ("number", None),
    "names": ("category", None),
    # lists of people's names (factcheck.judge.names): `unit: list of names`
    "list of names": ("category", "names"), "names list": ("category", "names"),
    "person names": ("category", "names"), "people names": ("category", "names"), "authors": ("category", "names"),
    "time": ("date", "minute"), "time of day": ("date", "minute"), "datetime": ("date", "minute"),
    "code": ("category", "code"), "codes": ("category", "code"), "identifier": ("category", "code"),
    # a span of time, however written (`2:00:35`, `2 ore e 35 secondi`): kept in years
    "durations": ("duration", "year"), "time span": ("duration", "year"), "timespan": ("duration", "year"),
    "elapsed time": ("duration", "year"), "race time": ("duration", "year"),
}


@cache
def subject_dimension(text: str) -> tuple[str, str | None] | None:
    """What a subject's `unit:` means, as (value kind, unit), or None if it is not known.

    Accepts ISO 4217 codes and currency symbols or words of any supported language (`USD`,
    `$`, `dollars`, `euro`), the kinds (`percent`/`%`, `rank`, `date`, `number`, `year`,
    `category`), pint units of the registry (`kilometer`, `tonne`, `mph`, `km/h`) and the unit
    words of any supported language (`nodi`, `км/ч`). A unit of time (`hours`, `second`) is a
    duration, like `duration`.
    """

    word = normalise(text)
    if word in _KIND_WORDS:
        return _KIND_WORDS[word]
    tokens = tokenise(word)
    for lang in available_languages():
        match = get_lexicon(lang).currencies.match(tokens, 0)
        if match and match[1] == len(tokens):
            return ("amount", match[0])
    import pint  # only for physical units: money and kinds are known without it

    candidates = [text.strip(), text.strip().upper()]
    for lang in available_languages():  # a unit word of a language: `km/h`, `nodi`, `узлов`
        unit_word = get_lexicon(lang).units.match(tokens, 0)
        if unit_word and unit_word[1] == len(tokens):
            candidates.append(unit_word[0])
    for candidate in candidates:
        try:
            factor, _, base = affine(candidate)
        except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError, AttributeError, ValueError, TypeError):
            continue
        if factor and base and candidate:
            # a span of time (`hours`, `seconds`) is a duration, kept in years like `years`
            return ("duration", "year") if base == "year" else ("amount", base)
    return None
