"""Markdown documents: the text a reader sees, not the markup.

Parsed with markdown-it-py (CommonMark), so HTML comments (LawRefBook's ``<!-- INFO END -->``) and other
raw HTML, YAML/TOML front matter, link and image syntax, emphasis and code markers never become text;
headings keep their level. As in plain text, each line is a paragraph (laws put one article or item
per line), except that a line break inside a Latin sentence joins the two lines with a space.

Writing Markdown (the glossary and annotation exports), user text is made inert: plain text
(:func:`md_escape`) has every character Markdown treats specially escaped; a note, which is the user's
own Markdown (:func:`md_note`), keeps its formatting but cannot carry HTML (``<script>``, ``<img>``) or a
link that runs code (``javascript:``, ``data:``) into a renderer.
"""

from __future__ import annotations

import re
from typing import Any

from policyreader.core.document import Paragraph

from .base import collapse_whitespace, ends_sentence, is_cjk, join_broken_line


def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table")


def _latin_continues(before: str, after: str) -> bool:
    """A line break inside a Latin sentence (wrapped prose), not between two paragraphs."""
    return bool(before and after) and not ends_sentence(before) and not is_cjk(before[-1]) \
        and not is_cjk(after[0]) and after[0].islower()


def _lines(inline: Any) -> list[str]:
    """The text of an inline token, cut at its line breaks; markup dropped."""
    lines = [""]
    for child in inline.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            lines[-1] += child.content
        elif kind in ("softbreak", "hardbreak"):
            lines.append("")
        elif kind == "image":
            continue  # an image's alt text is not document text
        # link_open/close, strong/em open/close, html_inline (<br>, comments): markup only
    out: list[str] = []
    for line in lines:
        line = collapse_whitespace(line)
        if out and _latin_continues(out[-1], line):
            out[-1] = join_broken_line(out[-1], line)
        elif line:
            out.append(line)
    return out


def markdown_paragraphs(lines: list[str]) -> list[Paragraph]:
    """Paragraphs of a Markdown document (given as lines, its provenance header already removed)."""
    tokens = _parser().parse("\n".join(lines))
    out: list[Paragraph] = []
    level = 0
    for tok in tokens:
        if tok.type == "heading_open":
            level = int(tok.tag[1:])
        elif tok.type == "heading_close":
            level = 0
        elif tok.type == "inline":
            out += [Paragraph(text, level) for text in _lines(tok)]
        elif tok.type in ("fence", "code_block"):
            out += [Paragraph(collapse_whitespace(t), 0) for t in tok.content.splitlines() if t.strip()]
        # html_block (comments, raw HTML) and front_matter: not document text
    return out


# --- writing --------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_WS = re.compile(r"\s+")
_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?=(?:javascript|vbscript|data|file):)", re.IGNORECASE)
_UNSAFE_DEFINITION = re.compile(r"^( {0,3})\[(?=[^\]]*\]:\s*<?\s*(?:javascript|vbscript|data|file):)",
                                re.IGNORECASE | re.MULTILINE)


def md_escape(text: str) -> str:
    """Plain text as inline Markdown: one line, every character Markdown (and GFM tables) treats
    specially escaped, so it shows exactly as written."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", text).strip())


def md_note(text: str) -> str:
    """A note in the user's own Markdown, made safe to render: raw HTML is escaped (it shows as text),
    and a link or link definition to a javascript:, vbscript:, data: or file: address is no longer a link."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _UNSAFE_LINK.sub(lambda m: "]\\(", text)
    return _UNSAFE_DEFINITION.sub(lambda m: m.group(1) + "\\[", text)
