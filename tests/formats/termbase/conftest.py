"""The real glossary, ready to export, and two user annotations on 诚信 (chengxin)."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.glossary import Glossary, GlossaryEntry, load_glossary
from policyreader.core.model import Annotation
from policyreader.formats.termbase import AnnotatedEntry, AnnotatedGlossary

GLOSSARY_DIR = Path(__file__).resolve().parents[3] / "glossary"

NOTE = "Prefer **integrity** here: the article is about firms, not persons."
RATIONALE = "PBOC's own English says integrity"
#: the dispute note of 诚信 as the glossary writes it (exports must carry it verbatim, first)
CHENGXIN_DISPUTE = load_glossary(GLOSSARY_DIR).entries["chengxin"].dispute


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    return load_glossary(GLOSSARY_DIR)


@pytest.fixture(scope="session")
def annotations() -> list[Annotation]:
    return [
        Annotation("ann-1", "enterprise_info_publicity_interim_regulation_2014", "zh", 20, 22, "诚信", note=NOTE,
                   tags=["review"], term="chengxin", rendering="integrity", rationale=RATIONALE),
        Annotation("ann-2", "henan_social_credit_regulations_2019", "en", 0, 9, "integrity",
                   note="Second reading: <b>not</b> markup & not a tag", term="chengxin"),
    ]


@pytest.fixture(scope="session")
def exported(glossary: Glossary, annotations: list[Annotation]) -> AnnotatedGlossary:
    """Every entry, sorted by id; the annotations are attached to chengxin."""
    entries = []
    for key in sorted(glossary.entries):
        links = [a for a in annotations if a.term == key]
        entries.append(AnnotatedEntry(glossary.entries[key], links))
    return AnnotatedGlossary(entries, glossary.sources)


def essentials(entry: GlossaryEntry) -> tuple[object, ...]:
    """What a round trip through a glossary file must keep for every entry."""
    return (entry.id, entry.term, entry.traditional, entry.pinyin,
            [(r.text, r.status) for r in entry.renderings], entry.dispute)
