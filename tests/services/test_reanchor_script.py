"""A document re-imported in the other script keeps its annotations: quotes are compared after folding
both texts to simplified characters (OpenCC), and no placement reported as exact is wrong."""

from __future__ import annotations

import json
import random
from pathlib import Path

import opencc
import pytest

from tests.conftest import CORPUS
from tests.environment import cli

DOC = "shanghai_social_credit_regulations_2017"


def _side(data_dir: Path, doc: str) -> str:
    return "\n".join(s["zh"] for s in json.loads(cli(data_dir, "show", doc, "--json")[1])["segments"])


@pytest.mark.parametrize(("to", "back"), [("s2tw", None), ("s2hk", None), ("s2t", "t2s")])
def test_fifty_annotations_survive_a_change_of_script(data_dir: Path, tmp_path: Path, to: str,
                                                      back: str | None) -> None:
    """50 annotations on random spans of a real regulation; the document is re-imported converted to
    traditional characters (and, for s2t, imported in traditional first and re-imported simplified)."""
    source = (CORPUS / f"{DOC}.zh.txt").read_text(encoding="utf-8")
    first = opencc.OpenCC(to).convert(source) if back else source
    path = tmp_path / "first.txt"
    path.write_text(first, encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(path), "--title", "copy", "--json")
    assert code == 0, err
    doc = json.loads(out)["id"]
    text = _side(data_dir, doc)
    rng = random.Random(50)
    made = []
    for i in range(50):
        n = rng.randint(4, 20)
        start = rng.randrange(0, len(text) - n)
        code, out, err = cli(data_dir, "annotate", doc, "--start", str(start), "--end", str(start + n),
                             "--note", f"note {i}", "--json")
        assert code == 0, err
        made.append(json.loads(out))
    converted = opencc.OpenCC(back or to).convert(first)
    path2 = tmp_path / "converted.txt"
    path2.write_text(converted, encoding="utf-8")
    code, out, err = cli(data_dir, "import", str(path2), "--replace", doc, "--json")
    assert code == 0, err
    report = json.loads(out)["anchoring"]
    new_text = _side(data_dir, doc)
    after = {a["id"]: a for a in json.loads(cli(data_dir, "annotations", "list", doc, "--json")[1])}
    to_new = opencc.OpenCC(back or to)
    wrong_exact = [a["exact"] for a in made if after[a["id"]]["status"] == "exact"
                   and (after[a["id"]]["start"], new_text[after[a["id"]]["start"]:after[a["id"]]["end"]])
                   != (a["start"], to_new.convert(a["exact"]))]
    assert wrong_exact == []
    assert report["exact"] >= 48 and report["orphan"] == 0, report
