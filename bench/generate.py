"""Write a synthetic claims.yaml with N claims: every kind, hedges, both languages.

    python bench/generate.py 100000 > /tmp/claims-100k.yaml

Deterministic (seeded). About one subject per 10 claims, 1 source per 5 claims, so subjects mix
sources and times, and some subjects conflict (as real files do).
"""

from __future__ import annotations

import datetime as dt
import random
import sys

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


def generate(n_claims: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    n_sources = max(2, n_claims // 5)
    n_subjects = max(1, n_claims // 10)
    out = ["version: 1", "sources:"]
    start = dt.date(2015, 1, 1)
    langs = []
    for i in range(n_sources):
        lang = "en" if i % 3 else "it"
        langs.append(lang)
        day = start + dt.timedelta(days=rng.randint(0, 3900))
        out += [f"  - id: src-{i}", f"    title: Source {i}", "    publisher: Bench", f"    published: {day.isoformat()}",
                f"    language: {lang}"]
    out.append("subjects:")
    kinds = []
    for j in range(n_subjects):
        kind = KINDS[j % 4] if j % 4 in (0, 1) else ("constant" if j % 8 < 4 else KINDS[j % 4])
        kinds.append(kind)
        out += [f"  - id: subj-{j}", f"    title: Subject {j}", f"    kind: {kind}"]
    out.append("claims:")
    for _ in range(n_claims):
        j = rng.randrange(n_subjects)
        i = rng.randrange(n_sources)
        says = phrase(rng, kinds[j], langs[i], j)
        out += [f"  - subject: subj-{j}", f"    source: src-{i}", f'    says: "{says}"', f'    quote: "It said {says} in the text."']
        if kinds[j] == "flow" and rng.random() < 0.5:
            out.append(f"    period: \"{rng.randint(2015, 2025)}\"")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
