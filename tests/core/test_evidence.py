"""Corpus evidence: which renderings of a glossary term our translations actually use, per document and
per year, counted over the real corpus with the QA English matcher."""

from __future__ import annotations

import json
import tomllib
from functools import cache
from pathlib import Path

from policyreader.core.bilingual import parse_aligned
from policyreader.core.evidence import rendering_usage
from policyreader.core.glossary import Glossary, GlossaryEntry, Rendering, load_glossary
from policyreader.core.matcher import GlossaryMatcher

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "docs_corpus"

Occurrence = tuple[str, int, str, str]


@cache
def glossary() -> Glossary:
    return load_glossary(ROOT / "glossary")


@cache
def corpus_segments() -> list[Occurrence]:
    """(doc id, year, zh, en) for every translated block of the corpus; a segment is one aligned block."""
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    out = []
    for doc in manifest["document"]:
        path = CORPUS / f"{doc['id']}.aligned.txt"
        for b in parse_aligned(path.read_text(encoding="utf-8"), path.name):
            if b.zh and b.en:
                out.append((doc["id"], int(doc["date"][:4]), "\n".join(b.zh), "\n".join(b.en)))
    return out


def occurrences(entry_id: str) -> list[Occurrence]:
    """The segments the glossary matcher links to the entry (leftmost-longest, as the reader shows them)."""
    matcher = GlossaryMatcher.for_glossary(glossary())
    return [o for o in corpus_segments() if any(m.entry == entry_id for m in matcher.find(o[2]))]


def test_guiji_usage_follows_the_glossary_after_the_translations_were_revised() -> None:
    entry = glossary().entries["guiji"]  # 归集: preferred "aggregation" (verb "aggregate"), contested "collection"
    occ = occurrences("guiji")
    usage = rendering_usage(entry, occ)
    assert usage.total == len(occ) > 0
    assert set(usage.renderings) == {"aggregation", "aggregate", "collection"}
    # "collection" still shows up where 采集 ("collection") stands beside 归集 in the same segment
    assert usage.renderings["aggregation"] + usage.renderings["aggregate"] > 3 * usage.renderings["collection"]
    zhejiang = usage.by_document["zhejiang_public_credit_info_regulations_2017"]
    assert zhejiang.get("aggregation", 0) + zhejiang.get("aggregate", 0) > 0 and zhejiang.get("collection", 0) == 0
    # every occurrence is either counted under a rendering or under "none"
    assert usage.none + sum(usage.renderings.values()) >= usage.total
    assert sum(c["none"] for c in usage.by_document.values()) == usage.none


def test_zhengxin_usage_by_document_and_year() -> None:
    usage = rendering_usage(glossary().entries["zhengxin"], occurrences("zhengxin"))
    assert usage.renderings["credit reporting"] > 0
    for rendering, n in usage.renderings.items():
        assert n == sum(c.get(rendering, 0) for c in usage.by_document.values())
        assert n == sum(c.get(rendering, 0) for c in usage.by_year.values())
    # two documents of the corpus are from 2013
    in_2013 = ("zhengxin_industry_regulation_2013", "spc_shixin_list_provisions_2013")
    assert usage.by_year[2013]["credit reporting"] == sum(
        usage.by_document.get(d, {}).get("credit reporting", 0) for d in in_2013)


def test_counting_rules_on_small_input() -> None:
    entry = GlossaryEntry("hongmingdan", "红名单", renderings=[
        Rendering("redlist", "preferred"), Rendering("red list", "accepted"), Rendering("whitelist", "contested")])
    usage = rendering_usage(entry, [
        ("a", 2017, "红名单", "placed on the red-list"),      # hyphen variant of both forms: counted once
        ("a", 2017, "红名单", "the redlists and the whitelist"),
        ("b", 2020, "红名单", "the list of good entities"),   # none of the renderings
    ])
    assert usage.total == 3
    assert usage.renderings == {"redlist": 2, "red list": 0, "whitelist": 1}
    assert usage.none == 1
    assert usage.by_document == {"a": {"none": 0, "redlist": 2, "whitelist": 1}, "b": {"none": 1}}
    assert usage.by_year == {2017: {"none": 0, "redlist": 2, "whitelist": 1}, 2020: {"none": 1}}


def test_to_json_shape() -> None:
    usage = rendering_usage(glossary().entries["shixin-bei-zhixing-ren"], occurrences("shixin-bei-zhixing-ren"))
    data = json.loads(json.dumps(usage.to_json(), ensure_ascii=False))
    assert list(data) == ["entry", "term", "total", "renderings", "none", "by_document", "by_year"]
    assert data["entry"] == "shixin-bei-zhixing-ren" and data["term"] == "失信被执行人"
    assert data["renderings"]["judgment defaulter"] > 0
    assert all(isinstance(k, str) and k.isdigit() for k in data["by_year"])
    assert all("none" in counts for counts in data["by_document"].values())
