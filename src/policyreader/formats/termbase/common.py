"""What every termbase reader shares: decoding text files, grouping (term, rendering) rows into
entries, ids for entries that have none, and the checks every format must pass.

A reader turns one file into :class:`GlossaryEntry` objects with ``origin="user"`` or raises
:class:`ImportFailure` — a file that fails imports nothing. Ids come from the file; an entry without
one gets the hyphen-joined toneless pinyin of its term (``失信`` → ``shi-xin``), made unique within the
file. Text files must be UTF-8 (a byte-order mark is allowed) or UTF-16 with a byte-order mark.

Rows of TSV and two-column CSV files are grouped by term into one entry. A rendering's status is the
one its comment names (``preferred``/``accepted``/``contested``/``avoid``, but not ``avoid: …``, which
lists other renderings); otherwise the first unlabelled row of a term is preferred — unless another
row is labelled preferred — and the rest are accepted, since glossary authors list their main
rendering first and OmegaT shows rows in file order. A comment in PolicyReader's own layout
(``pinyin — status — gloss — avoid: …``) gives pinyin and gloss; any other comment goes into the notes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from policyreader.core.glossary import STATUSES, GlossaryEntry, Rendering
from policyreader.core.model import Status
from policyreader.core.pinyin import pypinyin
from policyreader.formats.base import ImportFailure

_TONE_VOWEL = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]", re.IGNORECASE)
_PINYIN_LIKE = re.compile(r"^[A-Za-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ'’ ,·-]+$")
# A status word in a TSV comment; "avoid: x / y" names renderings to avoid, not this row's status.
_STATUS_WORD = re.compile(r"\b(preferred|accepted|contested|avoid)\b(?!\s*:)", re.IGNORECASE)


def slug_for_term(term: str) -> str:
    """An id for a term: its toneless pinyin, syllables joined by hyphens (``失信`` → ``shi-xin``)."""
    text = "-".join(pypinyin().lazy_pinyin(term))  # loaded on first use; it is slow to import
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "term"


def decode_termbase(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFailure(f"damaged UTF-16 text (at byte {exc.start}); save the file as UTF-8 and import "
                                "it again", name) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFailure(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be decoded); save it as UTF-8 "
            "(in Excel: 'CSV UTF-8'; in a text editor: encoding UTF-8) and import it again",
            name, f"line {line}") from None


@dataclass
class TermRow:
    """One (term, rendering) row of a TSV or two-column CSV file."""

    term: str
    target: str
    comment: str
    line: int


@dataclass
class _Comment:
    status: str = ""
    pinyin: str = ""
    text: list[str] = field(default_factory=list)
    ours: bool = False  # laid out by PolicyReader's TSV exporter: "pinyin — status — gloss — avoid: …"


def _parse_comment(comment: str) -> _Comment:
    parts = [p.strip() for p in comment.split(" — ") if p.strip()]
    out = _Comment()
    exact = [p for p in parts if p.lower() in STATUSES]
    if exact:
        out.status, out.ours = exact[0].lower(), True
        if parts and parts[0] not in exact and _PINYIN_LIKE.match(parts[0]) and _TONE_VOWEL.search(parts[0]):
            out.pinyin = parts[0]
            parts = parts[1:]
        out.text = [p for p in parts if p not in exact and not p.lower().startswith("avoid:")]
        return out
    m = _STATUS_WORD.search(comment)
    if m:
        out.status = m.group(1).lower()
    out.text = [comment.strip()] if comment.strip() else []
    return out


def entries_from_rows(rows: list[TermRow]) -> list[GlossaryEntry]:
    """Group rows by term: one entry per term, renderings in file order (see the module docstring)."""
    groups: dict[str, list[TermRow]] = {}
    for row in rows:
        groups.setdefault(row.term, []).append(row)
    entries = []
    for term, group in groups.items():
        comments = [_parse_comment(r.comment) for r in group]
        has_preferred = any(c.status == Status.PREFERRED for c in comments)
        renderings: list[Rendering] = []
        seen: set[str] = set()
        notes: list[str] = []
        pinyin = next((c.pinyin for c in comments if c.pinyin), "")
        gloss = ""
        for row, c in zip(group, comments, strict=True):
            status = c.status
            if not status:
                status = Status.ACCEPTED if has_preferred else Status.PREFERRED
                has_preferred = True
            elif status == Status.PREFERRED and any(r.status == Status.PREFERRED for r in renderings):
                status = Status.ACCEPTED  # one preferred rendering per entry: the first one labelled so
            if c.ours:
                gloss = gloss or " — ".join(c.text)
            elif c.text:
                notes.append(f"{row.target}: {' '.join(c.text)}" if len(group) > 1 else " ".join(c.text))
            if row.target.casefold() in seen:
                continue
            seen.add(row.target.casefold())
            renderings.append(Rendering(row.target, status))
        entries.append(GlossaryEntry(id="", term=term, pinyin=pinyin, gloss=gloss, notes="\n".join(notes),
                                     renderings=renderings, origin="user"))
    return entries


def finish_entries(entries: list[GlossaryEntry], name: str) -> list[GlossaryEntry]:
    """Check what every format must give, set origin and give entries without an id one of their own."""
    given: dict[str, str] = {}
    for e in entries:
        e.id, e.term = e.id.strip(), e.term.strip()
        if e.id:
            if e.id in given:
                raise ImportFailure(f"two entries have the id {e.id!r} ({given[e.id]} and {e.term}); make the ids "
                                    "unique and import again", name, f"id {e.id!r}")
            given[e.id] = e.term
    taken = set(given)
    for e in entries:
        e.origin, e.path = "user", ""
        if not e.id:
            base = slug_for_term(e.term)
            e.id, n = base, 2
            while e.id in taken:
                e.id, n = f"{base}-{n}", n + 1
            taken.add(e.id)
        for r in e.renderings:
            if not r.text.strip():
                raise ImportFailure(f"entry {e.id!r} ({e.term}) has a rendering with no text; fill it in or remove "
                                    "it", name, f"entry {e.id!r}")
            if r.status not in STATUSES:
                raise ImportFailure(f"rendering {r.text!r} of entry {e.id!r} has the status {r.status!r}; use one "
                                    f"of {', '.join(STATUSES)}", name, f"entry {e.id!r}")
    return entries
