"""Re-anchoring accuracy on corpus documents with synthetic edits, and speed for 1,000 annotations.

Each trial annotates a random span, edits the text (far from the span, near it, lightly inside it, or
rewriting its sentence) while tracking where every original character went, re-anchors, and judges the
result against that ground truth.
"""

from __future__ import annotations

import random
from collections import Counter

from benchmarks.conftest import CORPUS, report
from policyreader.core.anchoring import Anchorer, TextQuote, make_quote
from policyreader.core.document import parse_source

FILLER = "根据有关规定本市应当加强信用建设和管理工作提高服务水平"


def _docs() -> list[str]:
    return ["\n".join(p.text for p in parse_source(path.read_text(encoding="utf-8")).paragraphs)
            for path in sorted(CORPUS.glob("*.zh.txt"))]


def _edit(chars: list[tuple[str, int | None]], pos: int, cut: int, insert: str) -> list[tuple[str, int | None]]:
    return chars[:pos] + [(c, None) for c in insert] + chars[pos + cut:]


def _trial(rng: random.Random, text: str, kind: str) -> tuple[str, str]:
    n = rng.randint(6, 30)
    start = rng.randrange(40, len(text) - n - 40)
    end = start + n
    q = make_quote(text, start, end)
    chars: list[tuple[str, int | None]] = [(c, i) for i, c in enumerate(text)]
    if kind in ("far", "near"):
        for _ in range(rng.randint(1, 5)):
            cur = [i for _c, i in chars]
            s_new = cur.index(start) if start in cur else None
            e_new = cur.index(end - 1) + 1 if end - 1 in cur else None
            if s_new is None or e_new is None:
                break
            if kind == "far":
                choices = [p for p in (rng.randrange(0, len(chars)) for _ in range(20))
                           if p < s_new - 80 or p > e_new + 80]
            else:
                choices = [p for p in (rng.randint(max(0, s_new - 30), min(len(chars), e_new + 30))
                                       for _ in range(20)) if p < s_new - 1 or p > e_new]
            if not choices:
                continue
            p = choices[0]
            cut = rng.randint(0, 6) if p < s_new else min(rng.randint(0, 6), max(0, len(chars) - p))
            if p < s_new:
                cut = min(cut, s_new - p)
            chars = _edit(chars, p, cut, FILLER[: rng.randint(0, 8)])
    elif kind == "light":
        cur = [i for _c, i in chars]
        s_new = cur.index(start)
        p = s_new + rng.randint(1, max(1, n - 2))
        op = rng.choice(["sub", "ins", "del"])
        chars = _edit(chars, p, 0 if op == "ins" else 1, "" if op == "del" else rng.choice("的和或及其"))
    elif kind == "rewrite":
        # replace the whole paragraph around the span with other text
        para_start = text.rfind("\n", 0, start) + 1
        para_end = text.find("\n", end)
        para_end = len(text) if para_end < 0 else para_end
        chars = _edit(chars, para_start, para_end - para_start, "本条内容已删除，另行规定。")
    new_text = "".join(c for c, _i in chars)
    kept = [j for j, (_c, i) in enumerate(chars) if i is not None and start <= i < end]
    anchor = Anchorer(new_text, old_text=text).anchor(TextQuote(q.start, q.end, q.exact, q.prefix, q.suffix))
    if anchor.status == "orphan":
        return anchor.status, "orphan"
    if kind == "rewrite" or not kept:
        return anchor.status, "wrong"
    true_start, true_end = kept[0], kept[-1] + 1
    if anchor.status == "exact":
        ok = (anchor.start, anchor.end) == (true_start, true_end)
    else:
        inter = max(0, min(anchor.end, true_end) - max(anchor.start, true_start))
        union = max(anchor.end, true_end) - min(anchor.start, true_start)
        ok = inter / union >= 0.7
    return anchor.status, "correct" if ok else "wrong"


def test_reanchoring_accuracy(benchmark) -> None:  # type: ignore[no-untyped-def]
    docs = _docs()
    rng = random.Random(2026)
    results: dict[str, Counter[tuple[str, str]]] = {}

    def run() -> None:
        results.clear()
        for kind in ("far", "near", "light", "rewrite"):
            c: Counter[tuple[str, str]] = Counter()
            for _ in range(400):
                c[_trial(rng, rng.choice(docs), kind)] += 1
            results[kind] = c

    benchmark.pedantic(run, rounds=1, iterations=1)
    labels = {"far": "edits far from the annotation", "near": "edits next to it (context changed)",
              "light": "light edit inside the quote", "rewrite": "its paragraph rewritten"}
    wrong_exact = 0
    for kind, c in results.items():
        total = sum(c.values())
        outcome = Counter()
        for (status, verdict), k in c.items():
            outcome[verdict] += k
            if status == "exact" and verdict == "wrong":
                wrong_exact += k
        report(f"re-anchoring: {labels[kind]}", f"{outcome['correct'] / total:.1%} correct, "
               f"{outcome['wrong'] / total:.1%} wrong, {outcome['orphan'] / total:.1%} orphaned (n={total})")
    report("re-anchoring: wrong placements reported as exact", f"{wrong_exact} (target 0)")


def test_reanchoring_1000_annotations_speed(benchmark) -> None:  # type: ignore[no-untyped-def]
    text = max(_docs(), key=len)
    rng = random.Random(1)
    quotes = []
    for _ in range(1000):
        s = rng.randrange(0, len(text) - 30)
        quotes.append(make_quote(text, s, s + rng.randint(4, 30)))
    new = text[:500] + "新增一段说明文字。" + text[500:5000] + text[5200:]

    def run() -> None:
        a = Anchorer(new, old_text=text)
        for q in quotes:
            a.anchor(q)

    benchmark.pedantic(run, rounds=3, iterations=1)
    report("re-anchoring 1,000 annotations after an edit", f"{benchmark.stats.stats.median:.2f} s (target <= 1 s)")
