"""Reading user files for the text commands, with clear errors for missing, binary or undecodable input."""

from __future__ import annotations

from pathlib import Path

from policyreader.core.errors import UserError
from policyreader.formats import decode_text, read_bytes


def read_user_text(path: str | Path) -> tuple[str, str]:
    """Decode a text file; return (text, encoding). Raise UserError with a one-line reason."""
    data = read_bytes(Path(path), str(path))  # a missing, special, too large or unreadable file: ImportFailure
    text, encoding, _how = decode_text(data, str(path))
    return text, encoding


def write_user_text(path: Path, text: str) -> None:
    """Write a report or export the user asked for; a missing folder or a read-only or full disk is a
    UserError naming the file, and a failed write leaves no partial file behind."""
    import os
    import uuid

    if not path.parent.is_dir():
        raise UserError(f"{path}: the folder {path.parent} does not exist; create it or choose another place")
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.part")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"{path}: cannot write the file ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
