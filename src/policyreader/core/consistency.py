"""Translation consistency across segments, as Xbench checks it, and the user's own saved checks.

Consistency compares every translated segment of the library with every other:

* ``inconsistent-target``: the same Chinese is translated in two or more different ways. Every segment
  of such a group gets a finding that names the other translations and where they are.
* ``inconsistent-source``: the same English translates two or more different Chinese texts.

Texts are compared after folding what does not change their meaning: Unicode compatibility forms (NFKC:
full-width and half-width punctuation, ``，`` and ``,``), runs of whitespace, and spaces between two Han
characters (``第一章 总 则`` is ``第一章 总则``). In the Chinese, the particle 的 and the choice among the
conjunctions 与, 和 and 及 do not count either (``信息主体的权益保护`` is ``信息主体权益保护``, ``守信激励与失信惩戒``
is ``守信激励和失信惩戒``): one English rendering of both is consistent, not an error. Case and punctuation
otherwise count, as in Xbench.

A :class:`UserCheck` is a rule the user saves by name: English text (or a regular expression) that must
not occur — "never 'social credit score'" — or must occur, in every translated segment or only where
the Chinese contains a given text. Plain text matches case-insensitively as whole words, plural and
possessive endings included (``score`` finds "scores", ``penalty`` "penalties"); a regular expression is
Python's, also case-insensitive. A violated check is a ``user-check`` finding whose ``term`` is the check's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from policyreader.core.cjk import has_han, is_han
from policyreader.core.errors import UserError
from policyreader.core.model import FindingKind, Severity
from policyreader.core.qa import SEVERITY, Finding, QASegment, mostly_cjk

# Compatibility forms that occur in Chinese text: full-width ASCII and the ideographic space, circled and
# parenthesised numbers, compatibility ideographs, vertical forms. NFKC runs on these runs only (fast).
_COMPAT = re.compile("[\u2460-\u24ff\u3000\u3200-\u33ff\uf900-\ufaff\ufe10-\ufe4f\uff01-\uffef]+")


def _nfkc(text: str) -> str:
    if unicodedata.is_normalized("NFKC", text):
        return text
    text = _COMPAT.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def normalise(text: str) -> str:
    """*text* as consistency compares it (see the module docstring)."""
    parts = _nfkc(text).split()
    if len(parts) < 2 or not has_han(text):
        return " ".join(parts)
    out = [parts[0]]
    for part in parts[1:]:
        if is_han(out[-1][-1]) and is_han(part[0]):
            out[-1] += part  # no space between two Han characters
        else:
            out.append(part)
    return " ".join(out)


_PARTICLE = re.compile("的")
_CONJUNCTION = re.compile("[与及]")


def normalise_zh(text: str) -> str:
    """Chinese *text* as consistency compares it: :func:`normalise`, then without 的 and with 与/及 as 和."""
    return _CONJUNCTION.sub("和", _PARTICLE.sub("", normalise(text)))


@dataclass(frozen=True)
class Pair:
    """A translated segment anywhere in the library."""

    doc: str
    segment: int
    zh: str
    en: str


def _where(p: Pair) -> str:
    return f"{p.doc} §{p.segment + 1}" if p.doc else f"§{p.segment + 1}"


def _others(group: dict[str, list[Pair]], mine: str, value: str) -> tuple[list[str], str]:
    """The other variants of a group as first written (in first-seen order), and where they occur."""
    others = [k for k in group if k != mine]
    first = group[others[0]][0]
    more = sum(len(group[k]) for k in others) - 1
    return [getattr(group[k][0], value) for k in others], _where(first) + (f" and {more} more place(s)" if more else "")


def _groups(pairs: Iterable[Pair], key: str, value: str, norm: dict[str, str]) -> list[dict[str, list[Pair]]]:
    """Groups of pairs with the same normalised *key* side that have two or more *value* variants."""
    groups: dict[str, dict[str, list[Pair]]] = {}
    fold = {"zh": normalise_zh, "en": normalise}
    for p in pairs:
        k, v = getattr(p, key), getattr(p, value)
        k = norm.get(key + k) or norm.setdefault(key + k, fold[key](k))
        if k:
            v = norm.get(value + v) or norm.setdefault(value + v, fold[value](v))
            groups.setdefault(k, {}).setdefault(v, []).append(p)
    return [g for g in groups.values() if len(g) > 1]


def consistency(pairs: Sequence[Pair], docs: Iterable[str] | None = None) -> list[Finding]:
    """Findings of both consistency kinds for the segments of *docs* (every document when None), each
    compared with all *pairs*; every finding names its document."""
    wanted = set(docs) if docs is not None else None
    out: list[Finding] = []
    kinds = ((FindingKind.INCONSISTENT_TARGET, "zh", "en"), (FindingKind.INCONSISTENT_SOURCE, "en", "zh"))
    norm: dict[str, str] = {}  # each distinct text is normalised once
    for kind, key, value in kinds:
        for group in _groups(pairs, key, value, norm):
            for variant, members in group.items():
                others, where = _others(group, variant, value)
                quoted = " or ".join(f"“{t}”" for t in others[:3]) + (" …" if len(others) > 3 else "")
                for p in members:
                    if wanted is not None and p.doc not in wanted:
                        continue
                    if kind == FindingKind.INCONSISTENT_TARGET:
                        message = f"The same Chinese is translated differently elsewhere: {quoted} ({where})."
                        found, expected = p.en, " | ".join(others)
                    else:
                        message = f"The same English translates different Chinese elsewhere: {quoted} ({where})."
                        found, expected = p.zh, " | ".join(others)
                    out.append(Finding(p.segment, kind, SEVERITY[kind], "", "", found, expected, message, p.doc))
    return out


# --- the user's checks ---------------------------------------------------------------------------

CHECK_SEVERITIES = (Severity.ERROR, Severity.WARNING)


@dataclass(frozen=True)
class UserCheck:
    """A rule saved by name: *english* must (or must not) occur in the English of every translated
    segment, or only of those whose Chinese contains *chinese*."""

    name: str
    english: str
    must: bool = False
    chinese: str = ""
    regex: bool = False
    severity: str = Severity.ERROR

    def describe(self) -> str:
        """The rule in words: ``never “social credit score”``, ``always “credit” where 信用``."""
        rule = f"{'always' if self.must else 'never'} “{self.english}”"
        if self.chinese:
            rule += f" where the Chinese has “{self.chinese}”"
        return rule + (" (regular expressions)" if self.regex else "")

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "english": self.english, "must": self.must, "chinese": self.chinese,
                "regex": self.regex, "severity": str(self.severity), "rule": self.describe()}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> UserCheck:
        return cls(str(data["name"]), str(data["english"]), bool(data.get("must", False)),
                   str(data.get("chinese", "")), bool(data.get("regex", False)),
                   str(data.get("severity", Severity.ERROR)))


def _english_pattern(text: str, regex: bool) -> re.Pattern[str]:
    if regex:
        return re.compile(text, re.IGNORECASE)
    word = text.strip()
    if re.search(r"[^aeiou\W]y$", word, re.IGNORECASE):
        body = re.escape(word[:-1]) + "(?:y|ies)"  # penalty, penalties
    elif re.search(r"\w$", word):
        body = re.escape(word) + "(?:s|es)?"  # score, scores; tax, taxes
    else:
        body = re.escape(word)
    left = r"(?<!\w)" if re.match(r"\w", word) else ""
    right = r"(?:'s|’s)?(?!\w)" if re.search(r"\w$", word) else ""
    return re.compile(left + body + right, re.IGNORECASE)


def _chinese_pattern(text: str, regex: bool) -> re.Pattern[str]:
    return re.compile(text if regex else re.escape(text.strip()))


class CompiledCheck:
    """A :class:`UserCheck` ready to run; a bad regular expression is a UserError naming the check."""

    def __init__(self, check: UserCheck):
        if not check.name.strip():
            raise UserError("a check needs a name")
        if not check.english.strip():
            raise UserError(f"check {check.name!r}: give the English text that must or must not occur")
        if check.severity not in CHECK_SEVERITIES:
            raise UserError(f"check {check.name!r}: severity {check.severity!r}; use error or warning")
        self.check = check
        try:
            self.english = _english_pattern(check.english, check.regex)
            self.chinese = _chinese_pattern(check.chinese, check.regex) if check.chinese.strip() else None
        except re.error as exc:
            raise UserError(f"check {check.name!r}: not a valid regular expression ({exc})") from None

    def run(self, seg: QASegment) -> Finding | None:
        """The finding for one segment, if it breaks the check (untranslated segments are not checked)."""
        c = self.check
        en = seg.en.strip()
        if not en or mostly_cjk(en) or (self.chinese is not None and not self.chinese.search(seg.zh)):
            return None
        m = self.english.search(en)
        where = f" where the Chinese has “{c.chinese}”" if c.chinese else ""
        if c.must and m is None:
            return Finding(seg.id, FindingKind.USER_CHECK, Severity(c.severity), c.name, "", "", c.english,
                           f"Check “{c.name}”: the English should contain “{c.english}”{where}.")
        if not c.must and m is not None:
            return Finding(seg.id, FindingKind.USER_CHECK, Severity(c.severity), c.name, "", m.group(0), "",
                           f"Check “{c.name}”: the English contains “{m.group(0)}”, which it must not{where}.")
        return None


def run_checks(checks: Sequence[UserCheck], segments: Sequence[QASegment], doc: str = "") -> list[Finding]:
    """Every violation of *checks* in *segments*, segment by segment."""
    compiled = [CompiledCheck(c) for c in checks]
    out: list[Finding] = []
    for seg in segments:
        for c in compiled:
            f = c.run(seg)
            if f is not None:
                out.append(Finding(f.segment, f.kind, f.severity, f.term, f.entry, f.found, f.expected, f.message,
                                   doc) if doc else f)
    return out
