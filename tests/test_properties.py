"""Property tests (hypothesis) for the parts that take arbitrary text."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import UnusableInput
from factcheck.load.claims_file import load_claims_text
from factcheck.read import ReadError, ValueKind, parse_value
from factcheck.read.humanize import figure
from factcheck.read.reader import DEFAULT_OPTIONS, _parse_uncached, clear_caches

LANGS = st.sampled_from(["en", "it", "ru"])
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
WORDS = st.sampled_from(
    ["about", "over", "up to", "nearly", "quasi", "oltre", "$", "€", "billion", "miliardi", "di", "dollari",
     "%", "per cento", "last", "January", "gennaio", "2024", "in", "nel", "the", "top", "three", "terzo",
     "years", "anni", "ago", "fa", "-", "and", "e", "tra", "between", "7.6", "7,6", "4,000", "4.000", "250",
     "Astana", "record", "twenty", "ventotto", "Q3", "first", "months", "of", "year",
     "около", "более", "до", "от", "почти", "млрд", "долларов", "тыс.", "тенге", "₸", "в", "прошлом", "году",
     "январе", "2025", "года", "лет", "назад", "третьем", "квартале", "тройке", "шести", "двадцать", "4 000",
     "7,6", "процентов", "1990-х", "полвека", "exactly", "ровно", "nineties", "anni", "novanta", "по", "с"]
)
PHRASES = st.one_of(st.text(max_size=60), st.lists(WORDS, min_size=1, max_size=6).map(" ".join))


def _reading(read: object) -> object:
    try:
        return read()  # type: ignore[operator]
    except ReadError as exc:
        return f"error: {exc}"


@settings(max_examples=400, deadline=None)
@given(PHRASES, LANGS, DATES, DATES)
def test_the_phrase_caches_answer_as_a_fresh_read_on_each_day(phrase: str, lang: str, first: dt.date, then: dt.date) -> None:
    """A phrase read once (cached without its day when it cannot be a date phrase) reads on
    another day exactly as reading it afresh on that day does: the day-free cache never
    answers for a phrase whose reading depends on the day."""
    clear_caches()
    _reading(lambda: parse_value(phrase, lang, first))
    cached = _reading(lambda: parse_value(phrase, lang, then))
    fresh = _reading(lambda: _parse_uncached(phrase, lang, then, DEFAULT_OPTIONS))
    assert cached == fresh


@settings(max_examples=400, deadline=None)
@given(PHRASES, LANGS, DATES)
def test_any_text_reads_or_fails_cleanly(phrase: str, lang: str, published: dt.date) -> None:
    try:
        value = parse_value(phrase, lang, published)
    except ReadError:
        return
    clear_caches()
    assert parse_value(phrase, lang, published) == value  # deterministic, not just cached
    if value.kind is ValueKind.CATEGORY:
        assert value.category
        return
    iv = value.interval
    assert iv is not None
    if iv.lower is not None and iv.upper is not None:
        assert iv.lower <= iv.upper
    assert figure(value)  # every value can be shown to people
    value.to_json()
    from factcheck.read.writer import NotWritable, write_value

    try:
        written = write_value(value, lang)
    except NotWritable:
        return  # e.g. [a, b) that no hedge gives: documented in the writer
    again = parse_value(written, lang, published)
    assert (again.kind, again.unit, again.interval) == (value.kind, value.unit, value.interval), written


HEDGES_EN = {
    "": (True, False), "about ": (True, True), "up to ": (False, True), "over ": (False, False),
    "at least ": (True, False), "nearly ": (True, False),
}


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(HEDGES_EN)),
    st.decimals(min_value="0.1", max_value="999", places=1, allow_nan=False),
    st.sampled_from(["", " million", " billion"]),
)
def test_hedged_amounts_contain_or_bound_the_figure(hedge: str, number, scale: str) -> None:  # type: ignore[no-untyped-def]
    x = float(number) * {"": 1, " million": 1e6, " billion": 1e9}[scale]
    value = parse_value(f"{hedge}${number}{scale}", "en", dt.date(2025, 1, 1))
    iv = value.interval
    assert value.kind is ValueKind.AMOUNT and value.unit == "USD" and iv is not None
    lower_inclusive, upper_inclusive = HEDGES_EN[hedge]
    if hedge == "":
        # the values that round to x, never wider than ±5% of it (SPEC §2, revised)
        assert iv.lower <= x < iv.upper  # type: ignore[operator]
        assert iv.upper - iv.lower <= 0.1 * x * (1 + 1e-9)  # type: ignore[operator]
    elif hedge == "about ":
        assert iv.lower <= x <= iv.upper  # type: ignore[operator]
    elif hedge == "up to ":
        assert iv.lower is None and abs(iv.upper - x) <= 1e-6 * x  # type: ignore[operator]
    elif hedge in ("over ", "at least "):
        assert iv.upper is None and abs(iv.lower - x) <= 1e-6 * x  # type: ignore[operator]
    else:
        assert iv.lower < x and abs(iv.upper - x) <= 1e-6 * x  # type: ignore[operator]
    assert (iv.lower_inclusive, iv.upper_inclusive) == (lower_inclusive, upper_inclusive)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_claims_file_loads_or_fails_with_positions(text: str) -> None:
    try:
        load_claims_text(text, "claims.yaml")
    except UnusableInput as exc:
        assert exc.diagnostics
        for d in exc.diagnostics:
            assert d.line >= 1 and d.col >= 1 and d.message


# -- writing a value back ------------------------------------------------------------------------

from factcheck.read.writer import write_value

_HEDGES = {
    "en": ["", "about ", "over ", "up to ", "at least ", "nearly ", "less than ", "exactly "],
    "it": ["", "circa ", "oltre ", "fino a ", "almeno ", "quasi ", "meno di ", "esattamente "],
    "ru": ["", "около ", "более ", "до ", "не менее ", "почти ", "менее ", "ровно "],
}
_SCALES = {"en": ["", " thousand", " million", " billion"], "it": ["", " mila", " milioni", " miliardi"],
           "ru": ["", " тыс.", " млн", " млрд"]}
_UNITS = {
    "en": ["", " dollars", " euros", " tenge", " roubles", "%", " years", " km", " tonnes"],
    "it": ["", " di dollari", " di euro", " di tenge", " di rubli", "%", " anni", " km", " tonnellate"],
    "ru": ["", " долларов", " евро", " тенге", " рублей", "%", " лет", " км", " тонн"],
}


@st.composite
def amount_phrases(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(LANGS)
    number = draw(st.decimals(min_value="0.01", max_value="99999", places=draw(st.integers(0, 3)),
                              allow_nan=False, allow_infinity=False))
    text = f"{number:f}"
    if lang != "en":
        text = text.replace(".", ",")
    unit = draw(st.sampled_from(_UNITS[lang]))
    scale = "" if unit in ("%", " years", " anni", " лет") else draw(st.sampled_from(_SCALES[lang]))
    second = draw(st.none() | st.decimals(min_value="100000", max_value="999999", places=0))
    if second is not None and draw(st.booleans()):
        between = {"en": "between {a} and {b}", "it": "tra {a} e {b}", "ru": "от {a} до {b}"}[lang]
        return lang, between.format(a=text, b=f"{second:f}") + scale + unit
    return lang, draw(st.sampled_from(_HEDGES[lang])) + text + scale + unit


@settings(max_examples=300, deadline=None)
@given(amount_phrases(), DATES)
def test_writing_a_value_and_reading_it_back_gives_the_same_interval(
    case: tuple[str, str], published: dt.date
) -> None:
    lang, phrase = case
    try:
        value = parse_value(phrase, lang, published)
    except ReadError:
        return  # e.g. a range written backwards: not this test's business
    again = parse_value(write_value(value, lang), lang, published)
    assert (again.kind, again.unit, again.interval) == (value.kind, value.unit, value.interval)


_DATE_PHRASES = {
    "en": ["{d} {m} {y}", "{m} {y}", "{y}", "Q{q} {y}", "H{h} {y}", "the first {n} months of {y}", "{y0}s",
           "from {m} to {m2} {y}", "last {m}", "{k} years ago", "{m} last year"],
    "it": ["{d} {m} {y}", "{m} {y}", "nel {y}", "Q{q} {y}", "primo semestre {y}", "i primi {n} mesi del {y}",
           "dal {d} {m} al {d} {m2} {y}", "{k} anni fa", "negli anni {y0}"],
    "ru": ["{d} {m} {y} года", "в {y} году", "в {q}-м квартале {y} года", "за первые {n} месяцев {y} года",
           "с {m} по {m2} {y} года", "{k} лет назад", "в {y0}-х годах", "в прошлом году"],
}
_MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
           "ottobre", "novembre", "dicembre"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"],
}


@st.composite
def date_phrases(draw: st.DrawFn) -> tuple[str, str]:
    lang = draw(LANGS)
    template = draw(st.sampled_from(_DATE_PHRASES[lang]))
    m1 = draw(st.integers(1, 12))
    m2 = draw(st.integers(m1, 12))
    months = _MONTHS[lang]
    return lang, template.format(
        d=draw(st.integers(1, 28)), m=months[m1 - 1], m2=months[m2 - 1], y=draw(st.integers(1950, 2049)),
        q=draw(st.integers(1, 4)), h=draw(st.integers(1, 2)), n=draw(st.integers(1, 12)),
        y0=draw(st.integers(195, 204)) * 10, k=draw(st.integers(1, 40)),
    )


@settings(max_examples=300, deadline=None)
@given(date_phrases(), DATES)
def test_dates_written_back_read_as_the_same_span(case: tuple[str, str], published: dt.date) -> None:
    lang, phrase = case
    value = parse_value(phrase, lang, published)  # every generated phrase is a valid date
    assert value.kind is ValueKind.DATE
    again = parse_value(write_value(value, lang), lang, published)
    assert (again.start, again.end) == (value.start, value.end)


# -- numbers in words, against an independent writer of them (num2words) -------------------------


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 999_999), LANGS)
def test_numbers_written_in_words_by_num2words_read_back(n: int, lang: str) -> None:
    from num2words import num2words

    words = num2words(n, lang=lang)
    if lang == "it" and "dicotto" in words:
        return  # num2words writes 118 as "centodicotto"; Italian is "centodiciotto"
    value = parse_value(words, lang, dt.date(2025, 1, 1))
    assert value.kind is ValueKind.NUMBER
    iv = value.interval
    assert iv is not None and iv.lower is not None and iv.upper is not None
    assert (iv.lower + iv.upper) / 2 == n  # centred on n, within the stated precision
    assert iv.lower <= n < iv.upper or iv.lower == n == iv.upper


# -- rounding: adjacent stated values never agree (SPEC §2, revised) -----------------------------


@settings(max_examples=400, deadline=None)
@given(
    st.integers(1, 10**9),
    st.integers(1, 10**9),
    st.integers(0, 2),  # three decimals are refused as ambiguous with thousands ("1.000")
    st.sampled_from(["", " million", " billion", "%"]),
    LANGS,
)
def test_two_different_bare_figures_with_the_same_precision_never_agree(
    a: int, b: int, decimals: int, suffix: str, lang: str
) -> None:
    """`6.3` and `6.4`, `63893` and `63894`: each is the half-open interval of values that round
    to it, so two different figures written to the same digit share no value."""
    from factcheck.read.lexicon import get_lexicon
    from factcheck.read.writer import number

    if a == b:
        return
    lex = get_lexicon(lang)
    scale = 10**decimals

    def written(n: int) -> str:
        # n / 10**decimals with exactly `decimals` decimals and no trailing zeros to drop:
        # the last digit is significant (7.60 is precise to the hundredth, like 7.61)
        whole, frac = divmod(n, scale)
        text = number(whole, lex)
        if decimals:
            text += lex.decimal + str(frac).rjust(decimals, "0")
        return text + (suffix if lang == "en" or suffix in ("", "%") else "")

    if a % 10 == 0 or b % 10 == 0:
        return  # a trailing zero of a whole number is a coarser precision: not the same
    va = parse_value(written(a), lang, dt.date(2025, 1, 1))
    vb = parse_value(written(b), lang, dt.date(2025, 1, 1))
    assert va.interval is not None and vb.interval is not None
    assert not va.interval.overlaps(vb.interval), (written(a), written(b))
