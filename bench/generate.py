"""Write a synthetic claims file with N claims: every kind, hedges, both languages.

    python bench/generate.py 100000 > /tmp/claims-100k.yaml
    python bench/generate.py 1000000 --jsonl > /tmp/claims-1m.jsonl          # sources, subjects inline
    python bench/generate.py 1000000 --profile pipeline --jsonl > /tmp/p.jsonl

Deterministic (seeded). About one subject per 10 claims, 1 source per 5 claims, so subjects mix
sources and times. Two profiles:

- `worst` (the default; what every earlier figure in docs/performance.md used): random figures,
  so ~97% of phrases are distinct and the phrase cache barely helps, and 84% of subjects
  conflict, so the likely-error search runs for most of them.
- `pipeline`: what an extraction pipeline produces. Each subject has one figure (rising over
  time for levels and totals), and each claim words it with one of a few hedges, so phrases
  repeat across sources, as real corpora do; about 1 claim in 50 is a misreading (the figure
  off by a factor), so a few percent of subjects conflict.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

EN_AMOUNTS = ["about ${x} billion", "up to ${x} billion", "over ${x} million", "nearly ${x} billion",
              "${x} billion", "between ${x} and ${y} billion", "at least {x} million dollars"]
IT_AMOUNTS = ["circa {x} miliardi di dollari", "quasi {x} miliardi di dollari", "oltre {x} milioni di dollari",
              "fino a {x} miliardi di dollari", "{x} miliardi di dollari"]
EN_COUNTS = ["around {n}", "{n}", "more than {n}", "almost {n}", "{n} per cent"]
IT_COUNTS = ["circa {n}", "{n}", "oltre {n}", "quasi il {n} per cento"]
EN_DATES = ["in {year}", "{day} May {year}", "last January", "in May", "two years ago", "the previous year"]
IT_DATES = ["nel {year}", "nel gennaio {year}", "28 anni fa", "l'anno scorso", "a ottobre"]
CITIES = ["Astana", "Almaty", "Rome", "Roma", "Samarkand", "Samarcanda", "Nur-Sultan", "Milano"]
KINDS = ["constant", "level", "cumulative", "flow"]

# pipeline profile: one figure per subject, a few ways of saying it
PIPE_EN = ["about ${x} billion", "${x} billion", "nearly ${x} billion", "some ${x} billion"]
PIPE_IT = ["circa {x} miliardi di dollari", "{x} miliardi di dollari", "quasi {x} miliardi di dollari"]
PIPE_COUNT_EN = ["{n}", "about {n}", "around {n}"]
PIPE_COUNT_IT = ["{n}", "circa {n}"]

Record = tuple[str, dict[str, Any]]  # ("source" | "subject" | "claim", fields)


def phrase(rng: random.Random, kind: str, lang: str, subject_no: int) -> str:
    family = subject_no % 4  # amounts, counts, dates, places: one family per subject
    if family == 0:
        x = rng.randint(10, 99) / 10
        y = round(x + rng.randint(1, 20) / 10, 1)
        template = rng.choice(EN_AMOUNTS if lang == "en" else IT_AMOUNTS)
        text = template.format(x=x, y=y)
        return text.replace(".", ",") if lang == "it" else text
    if family == 1:
        return rng.choice(EN_COUNTS if lang == "en" else IT_COUNTS).format(n=rng.randint(2, 60) * 10 + rng.randint(0, 9))
    if family == 2 and kind == "constant":
        return rng.choice(EN_DATES if lang == "en" else IT_DATES).format(year=rng.randint(1990, 2025), day=rng.randint(1, 28))
    if family == 3 and kind == "constant":
        return rng.choice(CITIES)
    return f"about {rng.randint(100, 999)}" if lang == "en" else f"circa {rng.randint(100, 999)}"


def pipeline_phrase(rng: random.Random, kind: str, lang: str, subject_no: int, day: dt.date) -> str:
    """The subject's figure (levels and totals grow 10% a year from 2015), worded with a hedge;
    one claim in 50 is off by a factor of ten (a misreading)."""
    base = 1 + (subject_no * 7919) % 90  # the subject's figure in 2015, 1..90
    family = subject_no % 2
    if kind in ("level", "cumulative"):
        base *= 1.1 ** (day.year - 2015)
    if rng.random() < 0.02:
        base *= 10
    if family == 0:
        x = round(base / 10, 1)
        template = rng.choice(PIPE_EN if lang == "en" else PIPE_IT)
        text = template.format(x=x)
        return text.replace(".", ",") if lang == "it" else text
    n = 3000 + round(base * 100)  # never 1000-2999: a bare "1754" is a year
    return rng.choice(PIPE_COUNT_EN if lang == "en" else PIPE_COUNT_IT).format(n=n)


def records(n_claims: int, seed: int = 7, profile: str = "worst") -> Iterator[Record]:
    """Sources, then subjects, then claims; the worst profile draws exactly as it always has."""
    rng = random.Random(seed)
    n_sources = max(2, n_claims // 5)
    n_subjects = max(1, n_claims // 10)
    start = dt.date(2015, 1, 1)
    langs, days = [], []
    for i in range(n_sources):
        lang = "en" if i % 3 else "it"
        langs.append(lang)
        day = start + dt.timedelta(days=rng.randint(0, 3900))
        days.append(day)
        yield "source", {"id": f"src-{i}", "title": f"Source {i}", "publisher": "Bench", "published": day.isoformat(), "language": lang}
    kinds = []
    for j in range(n_subjects):
        kind = KINDS[j % 4] if j % 4 in (0, 1) else ("constant" if j % 8 < 4 else KINDS[j % 4])
        if profile == "pipeline" and kind == "flow":
            kind = "level"  # flows need periods; the pipeline profile keeps to figures at a time
        kinds.append(kind)
        yield "subject", {"id": f"subj-{j}", "title": f"Subject {j}", "kind": kind}
    for _ in range(n_claims):
        j = rng.randrange(n_subjects)
        i = rng.randrange(n_sources)
        if profile == "pipeline":
            says = pipeline_phrase(rng, kinds[j], langs[i], j, days[i])
        else:
            says = phrase(rng, kinds[j], langs[i], j)
        claim = {"subject": f"subj-{j}", "source": f"src-{i}", "says": says, "quote": f"It said {says} in the text."}
        if kinds[j] == "flow" and rng.random() < 0.5:
            claim["period"] = str(rng.randint(2015, 2025))
        yield "claim", claim


def to_yaml(items: Iterator[Record]) -> Iterator[str]:
    """Block-style YAML, one line at a time."""
    yield "version: 1\n"
    section = ""
    for kind, fields in items:
        if kind + "s" != section:
            section = kind + "s"
            yield f"{section}:\n"
        lead = "  - "
        for key, value in fields.items():
            text = f'"{value}"' if key in ("says", "quote", "period") else value
            yield f"{lead}{key}: {text}\n"
            lead = "    "


def to_jsonl(items: Iterator[Record], inline: bool = True) -> Iterator[str]:
    """claims.jsonl: claims one per line; with `inline`, sources and subjects too (as
    `{"source": {...}}` and `{"subject": {...}}` lines), else only the claims."""
    for kind, fields in items:
        if kind == "claim":
            yield json.dumps(fields, ensure_ascii=False) + "\n"
        elif inline:
            yield json.dumps({kind: fields}, ensure_ascii=False) + "\n"


def generate(n_claims: int, seed: int = 7, profile: str = "worst") -> str:
    """The YAML file as one string (tests and bench/run.py)."""
    return "".join(to_yaml(records(n_claims, seed, profile)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("claims", type=int, nargs="?", default=1000)
    parser.add_argument("--profile", choices=["worst", "pipeline"], default="worst")
    parser.add_argument("--jsonl", action="store_true", help="write claims.jsonl (sources and subjects inline)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    items = records(args.claims, args.seed, args.profile)
    sys.stdout.writelines(to_jsonl(items) if args.jsonl else to_yaml(items))


if __name__ == "__main__":
    main()
