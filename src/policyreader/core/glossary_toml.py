"""A glossary entry written as a TOML file in the bundled glossary's format, and read back.

The schema (fields, their meaning, validation) belongs to :mod:`policyreader.core.glossary`; this module
only lays an entry out the way ``glossary/entries/*.toml`` are laid out — scalar fields first, long notes
as multi-line strings, one ``[[renderings]]`` and ``[[examples]]`` table each — so that a user's entry
shared through a team repository reads, diffs and reviews like a bundled one. Reading goes through the
schema's own :func:`entry_from_dict`. A user's additions to a bundled entry carry ``extends = true``.
"""

from __future__ import annotations

import re
import tomllib

from policyreader.core.glossary import GlossaryEntry, GlossaryError, Problem, entry_from_dict

_SCALARS = ("id", "term", "traditional", "variants", "excludes", "pinyin", "pinyin_override", "gloss", "domains",
            "related")
_LONG = ("dispute", "notes")


def _basic(text: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _multiline(text: str) -> str:
    """A TOML multi-line basic string (as the bundled entries write dispute and notes)."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in "\n\t":
            out.append(ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"""\n' + "".join(out) + '\n"""'


def _value(value: str | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_basic(v) for v in value) + "]"
    return _basic(value)


def entry_to_toml(entry: GlossaryEntry, extends: bool = False) -> str:
    """*entry* as the text of a ``glossary/entries/<id>.toml`` file; empty optional fields are left out."""
    lines: list[str] = []
    for key in _SCALARS:
        value = getattr(entry, key)
        if value or key in ("id", "term"):
            lines.append(f"{key} = {_value(value)}")
    if extends:
        lines.append("extends = true")
    for key in _LONG:
        value = getattr(entry, key).strip()
        if value:
            lines.append(f"{key} = {_multiline(value)}")
    for r in entry.renderings:
        lines += ["", "[[renderings]]", f"text = {_basic(r.text)}", f"status = {_basic(r.status)}"]
        if r.used_by:
            lines.append(f"used_by = {_basic(r.used_by)}")
        if r.sources:
            refs = []
            for s in r.sources:
                parts = [f"id = {_basic(s.id)}"]
                parts += [f"{k} = {_basic(v)}" for k, v in (("locator", s.locator), ("url", s.url)) if v]
                refs.append("{ " + ", ".join(parts) + " }")
            lines.append("sources = [" + ", ".join(refs) + "]")
        if r.ours:
            lines.append(f"ours = {_basic(r.ours)}")
    for x in entry.examples:
        lines += ["", "[[examples]]"] + [f"{k} = {_basic(getattr(x, k))}" for k in ("doc", "location", "zh", "en")]
    return "\n".join(lines) + "\n"


def entry_from_toml(text: str, name: str, origin: str = "user") -> tuple[GlossaryEntry, bool]:
    """Parse one entry file; returns the entry and whether it extends the bundled entry of its id.

    Raises :class:`GlossaryError` naming the file and line when the TOML is malformed or has no id/term.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        problem = Problem(name, int(line.group(1)) if line else 1, "toml", f"syntax error: {exc}")
        raise GlossaryError([problem]) from None
    entry = entry_from_dict(data, origin, name)
    for key in ("id", "term"):
        if not getattr(entry, key):
            raise GlossaryError([Problem(name, 1, key, "missing required field")])
    return entry, data.get("extends") is True
