"""Reading user files for the text commands, with clear errors for missing, binary or undecodable input."""

from __future__ import annotations

from pathlib import Path

from policyreader.importers import MAX_BYTES, ImportFailure, decode_text
from policyreader.services.errors import UserError


def read_user_text(path: str | Path) -> tuple[str, str]:
    """Decode a text file; return (text, encoding). Raise UserError with a one-line reason."""
    p = Path(path)
    if not p.exists():
        raise UserError(f"{p}: file not found")
    if p.is_dir():
        raise UserError(f"{p}: is a directory, not a file")
    size = p.stat().st_size
    if size > MAX_BYTES:
        raise UserError(f"{p}: file is {size / 1e6:.0f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UserError(f"{p}: cannot read: {exc.strerror}") from exc
    try:
        text, encoding, _how = decode_text(data, str(p))
    except ImportFailure as exc:
        raise UserError(str(exc)) from exc
    return text, encoding
