"""Codes read as written: a gate `A37`, `Terminal B - B36`, `G8/T3`; never as figures.

A code is compared as an identifier, case-, space- and dash-insensitively (`C-29` = `C29`). Many
codes come with the place that contains them: a terminal before a gate (`Terminal B - B36`,
`Term C - C74`) or after a slash (`G8/T3`, `C36/C`). The code and its container are read apart,
so that `B36` and `Terminal B - B36` agree (one says less), `Terminal 2` and `A37` agree (one
names only the terminal), and `B36` and `B38` conflict. The words that introduce a container
(`terminal`, `term`, `terminale`, `терминал`) are data, in each language's `code_qualifiers:`.
"""

from __future__ import annotations

import re
import unicodedata

from factcheck.read.lexicon import Lexicon, normalise
from factcheck.read.model import ReadError, Value, ValueKind

_WORDS = re.compile(r"[^\W_]+")
_ABBREVIATED = re.compile(r"t(\d+)")  # `T3`: terminal 3


#: Cyrillic and Greek capitals that look like Latin ones: `Е24` typed on a Russian keyboard is
#: the gate E24, and two codes that look the same on screen must not conflict.
_LOOKALIKES = str.maketrans("АВЕКМНОРСТУХІЈЅΑΒΕΗΙΚΜΝΟΡΤΥΧΖ", "ABEKMHOPCTYXIJSABEHIKMNOPTYXZ")


def _key(words: list[str]) -> str:
    return "".join(words).upper().translate(_LOOKALIKES)


def _container(words: list[str]) -> str:
    key = _key(words)
    m = _ABBREVIATED.fullmatch(key.lower())
    return m.group(1) if m else key


def read_code(text: str, lex: Lexicon) -> Value:
    """`Terminal B - B36` → code B36 within B; `G8/T3` → G8 within 3; `--`, `n/a` → refused."""
    plain = normalise(text)
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(ch))
    words = _WORDS.findall(folded)
    if not words or " ".join(words) in lex.non_answers or all(w in lex.not_names for w in words):
        raise ReadError(f"{text.strip()!r} is a non-answer, not a code that can be checked", part=text.strip())
    head, _, tail = folded.partition("/")
    container: str | None = None
    if tail:  # `G8/T3`, `C36/C`, `36/8`: the code, then where it is
        container = _container(_WORDS.findall(tail)) or None
        words = _WORDS.findall(head)
    for i, word in enumerate(words):
        if word in lex.code_qualifiers:
            # `Terminal B - B36`, `Terminal Conc G - G19`: the word after the qualifiers names
            # the container, what follows is the code
            j = i
            while j < len(words) and words[j] in lex.code_qualifiers:
                j += 1
            if j < len(words):
                container = _container([words[j]])
                words = words[j + 1 :]
            break
    code = _key(words)
    if not code and container is None:
        raise ReadError(f"no code in {text!r}", part=text.strip())
    return Value(ValueKind.CATEGORY, None, unit="code", category=code, label=text.strip(), within=container)


#: A code shape: letters and digits in one word (`A37`, `42B`, `T3`), or a code with its
#: container (`G8/T3`, `Terminal B - B36`): what makes a subject's claims read as codes when the
#: subject does not say.
_CODE_SHAPE = re.compile(
    r"(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]{2,8}"  # A37, 42B, B84N, T3: letters and digits
    r"(?:/[^\W_]{1,4})?"  # G8/T3, C36/C, 44I/T4: with the place it is in
    r"|[^\W\d_]{1,3}\s?-\s?\d{1,4}[^\W\d_]?"  # C-29, A-53
)


def looks_like_a_code(text: str, lex: Lexicon) -> bool:
    words = _WORDS.findall(normalise(text))
    if any(w in lex.code_qualifiers for w in words):
        return True
    return bool(_CODE_SHAPE.fullmatch(text.strip()))
