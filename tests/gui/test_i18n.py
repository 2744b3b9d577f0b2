"""The interface in Simplified Chinese: the translation source (``.ts``) is complete and matches the code,
the shipped ``.qm`` is what it compiles to, and the window built in Chinese speaks Chinese everywhere and
works through every menu entry."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from policyreader.core.glossary import DOMAINS
from policyreader.core.model import FindingKind, Severity, Status
from policyreader.gui import i18n, labels
from policyreader.gui.qt import QAction, QDialogButtonBox, QSettings, Qt, QToolBar
from policyreader.services.formats import FORMATS
from tests.gui.driving import open_doc, start_window, trigger, wait_idle
from tests.gui.test_every_action import CancelEverything, menu_actions, select_a_term

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "src" / "policyreader" / "gui"
TS = i18n.I18N_DIR / "policyreader_zh_CN.ts"
QM = i18n.I18N_DIR / "policyreader_zh_CN.qm"
DOC = "spc_shixin_list_provisions_2013"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
TAG = re.compile(r"</?\w+>")
CJK = re.compile(r"[\u4e00-\u9fff]")


def flawed_translation(window, qtbot, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """A user's translation of SAMR's measures with the slips QA catches — a rendering to avoid, a contested
    one, a wrong article number — imported through the window; its id."""
    from tests.services.test_qa_service import _pair

    zh, en = _pair(tmp_path, "samr_admin_penalty_info_publicity_2021")
    english = en.read_text(encoding="utf-8")
    for old, new in (("list of seriously illegal and untrustworthy entities", "list of serious illegal dishonesty"),
                     ("market regulation department", "market supervision and administration department"),
                     ("Article 2 Market regulation", "Article 3 Market regulation")):
        assert old in english
        english = english.replace(old, new, 1)
    en.write_text(english, encoding="utf-8")
    with qtbot.waitSignal(window.documentOpened, timeout=60000):
        window.library.import_files(str(zh), str(en))
    wait_idle(window, qtbot)
    return str(window.doc_id)


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def messages(ts: Path) -> list[tuple[str, str, str]]:
    """(source, translation, its type attribute) of every message of a .ts file."""
    out = []
    for m in ET.parse(ts).iter("message"):
        t = m.find("translation")
        assert t is not None
        out.append((m.findtext("source") or "", t.text or "", t.get("type", "")))
    return out


def tr_literals() -> dict[str, str]:
    """Every text the code passes to tr(), with where: read from the syntax tree, so a call the extractor
    cannot see (inside an f-string) is found too. A tr() of anything but one literal fails."""
    out: dict[str, str] = {}
    for path in sorted(GUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                assert len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str), f"{where}: tr() of something other than one literal"
                out[node.args[0].value] = where
    return out


# -- the translation files --------------------------------------------------------------------

def test_no_message_is_left_unfinished_or_obsolete() -> None:
    found = messages(TS)
    assert len(found) > 400
    assert [s for s, _t, kind in found if kind] == []
    assert [s for s, t, _k in found if not t.strip()] == []


def test_every_text_of_the_code_is_in_the_ts_and_nothing_else(tmp_path: Path) -> None:
    """pyside6-lupdate run over the code now finds exactly the committed sources, and every tr() literal
    (also those the extractor cannot see) is among them."""
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), "-silent", "-extensions", "py", "-locations", "none", str(GUI),
                    "-ts", str(fresh)], check=True)
    committed = {s for s, _t, _k in messages(TS)}
    assert {s for s, _t, _k in messages(fresh)} == committed, "run `make translations`"
    literals = tr_literals()
    assert {s: where for s, where in literals.items() if s not in committed} == {}


def test_the_shipped_qm_is_what_the_ts_compiles_to(tmp_path: Path) -> None:
    qm = tmp_path / "compiled.qm"
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True)
    assert qm.read_bytes() == QM.read_bytes(), "run `make translations`"


def test_the_package_ships_the_compiled_translations() -> None:
    """pyproject's package-data takes the .qm into the wheel (the self-contained app takes every data file)."""
    import tomllib

    package = ROOT / "src" / "policyreader"
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"][
        "package-data"]["policyreader"]
    assert QM in {p for pattern in patterns for p in package.glob(pattern)}


def test_translations_keep_placeholders_accelerators_and_markup() -> None:
    bad = []
    for source, translation, _k in messages(TS):
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
            bad.append(("placeholders", source, translation))
        if source.count("&") != translation.count("&"):
            bad.append(("accelerator", source, translation))
        if "&" in source and not re.search(r"\(&\w\)", translation):
            bad.append(("accelerator not as (&X)", source, translation))
        if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
            bad.append(("markup", source, translation))
        if source.count("\n") != translation.count("\n"):
            bad.append(("lines", source, translation))
    assert bad == []


def test_menu_accelerators_keep_their_letter() -> None:
    """"&Import document…" → "导入文档(&I)…": the same key opens the entry in either language."""
    for source, translation, _k in messages(TS):
        m = re.search(r"&(\w)", source)
        if m:
            assert f"(&{m.group(1).upper()})" in translation, (source, translation)


def test_every_stored_value_and_format_has_a_chinese_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A value without a label would be shown as itself ("contested", "term-missing", "tbx-omegat")."""
    assert {(f.kind, f.name) for f in FORMATS} <= set(labels.format_labels())
    assert i18n.install("zh_CN") == "zh_CN"
    try:
        shown = {**{s: labels.status_label(s) for s in Status}, **{d: labels.domain_label(d) for d in DOMAINS},
                 **{k: labels.kind_label(k) for k in FindingKind}, **{s: labels.severity_label(s) for s in Severity},
                 **{f"group {s}": labels.severity_group(s) for s in Severity},
                 **{f"{f.kind} {f.name}": labels.format_label(f) for f in FORMATS},
                 **{f"files {k}": labels.kind_files(k) for k in {f.kind for f in FORMATS}}}
    finally:
        i18n.install("en")
    # in Chinese, every label differs from the English one, except the names of formats
    english = {f"{f.kind} {f.name}": labels.format_label(f) for f in FORMATS}
    proper_names = {"Markdown", "PDF", "CSV", "JSON", "HTML", "BibTeX"}
    assert {value: label for value, label in shown.items()
            if (label == value or label == english.get(value)) and label not in proper_names} == {}


# -- the window in Chinese ----------------------------------------------------------------------

@pytest.fixture
def chinese(qtbot, gui_data_dir: Path, settings: QSettings) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The window as a user who chose 简体中文 in Preferences gets it at the next start: the language is
    installed by the start-up code before the window is built."""
    from policyreader.gui.app import apply_language

    settings.setValue("ui/language", "zh_CN")
    assert apply_language(settings) == "zh_CN"
    try:
        w = start_window(qtbot, gui_data_dir, settings)
        yield w
        w.ops.shutdown()
    finally:
        i18n.install("en")  # the next test's window is English again


def is_chinese(text: str) -> bool:
    return bool(CJK.search(text))


def test_menus_actions_docks_and_toolbar_are_in_chinese(chinese, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = chinese
    open_doc(w, qtbot, DOC)
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "术语表(&G)", "对齐(&A)", "团队(&T)", "视图(&V)", "帮助(&H)"]
    english = []
    for path, act in menu_actions(w):
        text = act.text() if act is not None else path
        if act is not None and act.parent() is w.recent_menu:
            continue  # document titles
        if not is_chinese(text) and not re.fullmatch(r"[\d.]+×", text):  # line spacings: 1.5×
            english.append(path)
    assert english == []
    docks = [w.library_dock, w.outline_dock, w.search_dock, w.entry_dock, w.annotations_dock, w.glossary_dock,
             w.concordance_dock, w.qa_dock, w.review_dock, w.claims_dock]
    assert [d.windowTitle() for d in docks if not is_chinese(d.windowTitle())] == []
    # a saved layout refers to the docks by their object names: the same in every language
    assert [d.objectName() for d in docks[:3]] == ["LibraryDock", "OutlineDock", "SearchDock"]
    assert w.import_action.objectName() == "actionImport"
    toolbar = w.findChild(QToolBar, "mainToolbar")
    buttons = [a.iconText() for a in toolbar.actions() if a.text()]
    assert "导入文档…" in buttons and all("(" not in b and "&" not in b for b in buttons)
    assert w.toolbar_search.placeholderText().startswith("检索文档库")
    model = w.library_pane.model
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in (0, 1)] == ["文档", "译文"]


def test_the_panes_and_pages_speak_chinese(chinese, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    w = chinese
    flawed_translation(w, qtbot, tmp_path)
    assert w.statusBar().currentMessage().startswith("已导入")
    # the library's translation status
    statuses = {w.library_pane.proxy.index(r, 1).data() for r in range(w.library_pane.count())}
    assert "已翻译" in statuses and not statuses & {"translated", "partial", "Chinese only"}
    # QA: kinds and messages composed in Chinese, not the service's English
    trigger(w, qtbot, w.qa_action)
    tree = w.qa_pane.tree
    rows = [tree.topLevelItem(g).child(i) for g in range(tree.topLevelItemCount())
            for i in range(tree.topLevelItem(g).childCount())]
    kinds = {r.text(1) for r in rows}
    assert {"争议译法", "应避免的译法", "条款编号"} <= kinds
    assert tree.topLevelItem(0).text(0).startswith("错误")
    assert all(is_chinese(r.text(3)) for r in rows)
    assert any("术语表建议避免使用该译法" in r.text(3) and "list of serious illegal dishonesty" in r.text(3)
               for r in rows)
    assert "个错误" in w.qa_pane.summary.text()
    # the entry page of a disputed term
    entry = next(e for e in w.ctx.engine.glossary.entries.values() if e.dispute and e.examples)
    w.lookup.show_entry(entry.id)
    wait_idle(w, qtbot)
    page = w.entry_browser.toPlainText()
    for heading in ("译法", "译法争议", "语料例句", "语料中的用法", "参考文献", "复制引文"):
        assert heading in page
    assert "Renderings" not in page and "How the translation is disputed" not in page
    # the review pane and the status bar
    assert is_chinese(w.review_pane.summary.text())
    # Qt's own buttons come from Qt's Chinese translations
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert [b.text() for b in box.buttons()] == ["确定", "取消"]


def test_every_menu_entry_works_in_chinese(chinese, qtbot) -> None:  # type: ignore[no-untyped-def]
    w = chinese
    open_doc(w, qtbot, DOC)
    entries = menu_actions(w)
    non_modal = {w.find_action, w.search_action}
    dismiss = CancelEverything()
    opened: dict[str, list[str]] = {}
    try:
        for path, entry in entries:
            if entry is not None and entry.objectName() == "actionQuit":
                continue
            if w.doc_id != DOC:
                open_doc(w, qtbot, DOC)
            select_a_term(w)
            act: QAction = entry or w.recent_menu.actions()[0]
            before = len(dismiss.seen)
            if act.isEnabled():
                act.trigger()
                wait_idle(w, qtbot)
                qtbot.wait(60)
                wait_idle(w, qtbot)
            opened[path] = dismiss.seen[before:]
    finally:
        dismiss.stop()
    promised = [(p, a) for p, a in entries if a is not None and a.text().endswith("…") and a not in non_modal]
    assert len(promised) > 8
    assert [p for p, _a in promised if not opened[p]] == []
    assert opened["文件(F) → 导入文档(I)…"] == ["ImportDialog"]
    assert w.isVisible()


def test_in_english_a_finding_reads_as_the_service_words_it(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The pane composes a finding's message from its fields (so that it can be translated); in English it
    is the service's own message, for every kind whose fields hold all the message says."""
    from policyreader.gui.qa_pane import finding_message

    complete = {FindingKind.TERM_MISSING, FindingKind.TERM_CONTESTED, FindingKind.TERM_AVOID,
                FindingKind.IDENTICAL, FindingKind.UNTRANSLATED}
    doc = flawed_translation(window, qtbot, tmp_path)
    findings = [f for f, _a in window.ctx.qa.check_doc(doc) if f.kind in complete]
    assert {f.kind for f in findings} >= {FindingKind.TERM_AVOID, FindingKind.TERM_CONTESTED}
    assert [(finding_message(f), f.kind) for f in findings] == [(f.message, f.kind) for f in findings]
