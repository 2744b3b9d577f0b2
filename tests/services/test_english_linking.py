"""English linking measured against the hand-marked gold set (tests/fixtures/coverage): six fictional
articles in the styles of news, blog, forum, explainer, feature and opinion coverage, imported through
the real importers (txt, html, docx), every linked rendering compared with the gold mentions — exact span
and entry — against the live glossary. ``make bench`` prints the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from policyreader.core.coverage import score_mentions
from policyreader.core.document import join_side
from policyreader.services.context import AppContext
from policyreader.services.paths import resolve_paths
from tests.conftest import COVERAGE, coverage_gold

TARGET = 0.95


@pytest.fixture(scope="module")
def linked(corpus_seed: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[tuple[int, int, str]]]:
    """Every article imported into a library; its linked renderings as offsets into its text."""
    import shutil

    data = tmp_path_factory.mktemp("english-linking") / "data"
    shutil.copytree(corpus_seed, data)
    app = AppContext(resolve_paths(data))
    out: dict[str, set[tuple[int, int, str]]] = {}
    for name, article in coverage_gold().items():
        result = app.library.import_path(COVERAGE / article["file"])
        assert result.lang == "en", name
        segments = app.library.repo.segments(result.id)
        text, spans = join_side([s.en for s in segments])
        assert text == article["text"], f"{name}: the imported text differs from the gold text"
        out[name] = {(base + a, base + b, e) for s, (base, _end) in zip(segments, spans, strict=True)
                     for a, b, e in s.en_terms}
    app.close()
    return out


def test_the_gold_set_has_enough_mentions_in_every_style() -> None:
    gold = coverage_gold()
    assert sum(len(a["mentions"]) for a in gold.values()) >= 300
    assert {a["format"] for a in gold.values()} == {"txt", "html", "docx"}
    assert all(len(a["mentions"]) >= 30 for a in gold.values())


def test_every_gold_mention_is_a_rendering_of_its_entry_in_the_glossary(session_engine) -> None:  # type: ignore[no-untyped-def]
    """Fails when the glossary drops or changes a rendering the gold relies on: update the marked article."""
    linker = session_engine.english_linker
    wrong = []
    for name, article in coverage_gold().items():
        for m in article["mentions"]:
            assert article["text"][m["start"]:m["end"]] == m["text"]
            if linker.reading(m["entry"], m["text"]) is None:
                wrong.append(f"{name}: {m['text']!r} is no rendering of {m['entry']}")
    assert not wrong, "\n".join(wrong)


def test_precision_and_recall_against_the_gold(linked: dict[str, set[tuple[int, int, str]]]) -> None:
    tp = fp = fn = 0
    errors = []
    for name, article in coverage_gold().items():
        gold = {(m["start"], m["end"], m["entry"]) for m in article["mentions"]}
        t, p, n = score_mentions(linked[name], gold)
        tp, fp, fn = tp + t, fp + p, fn + n
        text = article["text"]
        errors += [f"{name}: linked {text[s:e]!r} as {x}" for s, e, x in sorted(linked[name] - gold)]
        errors += [f"{name}: missed {text[s:e]!r} ({x})" for s, e, x in sorted(gold - linked[name])]
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    report = f"precision {precision:.3f}, recall {recall:.3f} ({tp} right, {fp} wrong, {fn} missed)\n"
    assert precision >= TARGET and recall >= TARGET, report + "\n".join(errors)
    assert tp + fn >= 300
