"""A named thing (department, group, channel …) as the metrics return it, in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import in_language


@dataclass(frozen=True)
class Label:
    """Id, stable code and both names of a row a figure is about."""

    id: int
    code: str
    name_fi: str
    name_en: str

    def name(self, lang: str) -> str:
        """The name in `lang`; Finnish when there is no English name."""
        return in_language(lang, self.name_fi, self.name_en)
