"""The claims file's own `aliases:`: names that mean the same thing, applied after reading.

    aliases:
      Trans-Caspian International Transport Route: [TITR, Middle Corridor, TMTM]

A name is compared through its category key (case, accents and punctuation ignored). The file's
aliases come before the built-in gazetteer (`factcheck.read.places`): a claim naming an alias takes the
canonical name, which is then resolved like any name (so `Akmola City: [Astana]` style entries
also get the canonical place's country for containment).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from factcheck.judge.claims import ReadClaim
from factcheck.read import Value, ValueKind
from factcheck.read.lexicon import category_key
from factcheck.read.reader import category_of, place_named


@dataclass(frozen=True)
class AliasTable:
    names: Mapping[str, str]  # category key of any listed name → the canonical name as written

    @classmethod
    def from_file(cls, aliases: Mapping[str, Sequence[str]]) -> AliasTable:
        table: dict[str, str] = {}
        for canonical, others in aliases.items():
            for name in (canonical, *others):
                table.setdefault(category_key(name), canonical)
        return cls(table)

    def apply(self, claims: list[ReadClaim]) -> list[ReadClaim]:
        out = []
        for rc in claims:
            value = rc.value
            if value is not None and value.kind is ValueKind.CATEGORY:
                canonical = self.canonical(value, rc.source.language)
                if canonical is not None:
                    rc = replace(rc, value=canonical)
            out.append(rc)
        return out

    def canonical(self, value: Value, language: str) -> Value | None:
        written = category_key(value.label or value.category or "")
        name = self.names.get(written) or self.names.get(value.category or "")
        if name is None:
            return None
        key = category_key(name)
        category, within = category_of(key, place_named(key, language))
        return replace(value, category=category, within=within)
