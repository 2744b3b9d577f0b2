"""OpenCC's conversions between the Chinese scripts, through the C interface of the library that the
``opencc`` package ships.

Loading a conversion's dictionaries takes a tenth to a third of a second of C++, and the package's Python
binding runs it holding the interpreter lock: a background operation that loaded one (the first re-link
after adding a term, the first QA check) stalled the window's thread for as long. The same library's C
interface (``opencc_open``, ``opencc_convert_utf8``), called through ctypes, lets go of the lock while it
works; the conversions are the library's own either way (a test compares them with the binding's). Where
that interface cannot be reached, the binding is used.
"""

from __future__ import annotations

import ctypes
import os
import threading
from functools import lru_cache
from typing import Protocol


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


_FAILED = ctypes.c_void_p(-1).value  # what opencc_open returns when it cannot open a configuration


class CConverter:
    """One configuration opened through the C interface; kept for the life of the process."""

    def __init__(self, lib: ctypes.CDLL, handle: int):
        self._lib, self._handle = lib, handle

    def convert(self, text: str) -> str:
        data = text.encode("utf-8")
        out = self._lib.opencc_convert_utf8(self._handle, data, len(data))
        if not out:
            raise ValueError(f"OpenCC could not convert {text[:20]!r}")
        try:
            return ctypes.string_at(out).decode("utf-8")
        finally:
            self._lib.opencc_convert_utf8_free(out)


@lru_cache(maxsize=1)
def _library() -> tuple[ctypes.CDLL, str] | None:
    """The C library and its configurations' folder, or None if either cannot be found."""
    try:
        import opencc

        lib = ctypes.CDLL(opencc.opencc_clib.__file__)  # type: ignore[attr-defined]  # a CDLL's calls release the interpreter lock
        lib.opencc_open.restype = ctypes.c_void_p
        lib.opencc_open.argtypes = [ctypes.c_char_p]
        lib.opencc_convert_utf8.restype = ctypes.c_void_p
        lib.opencc_convert_utf8.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t]
        lib.opencc_convert_utf8_free.restype = None
        lib.opencc_convert_utf8_free.argtypes = [ctypes.c_void_p]
    except (ImportError, OSError, AttributeError):
        return None
    share = os.path.join(os.path.dirname(os.path.abspath(opencc.__file__)), "clib", "share", "opencc")
    return (lib, share) if os.path.isdir(share) else None


_lock = threading.Lock()


@lru_cache(maxsize=8)
def _open(config: str) -> Converter:
    found = _library()
    if found is not None:
        lib, share = found
        handle = lib.opencc_open(os.path.join(share, f"{config}.json").encode())
        if handle and handle != _FAILED:
            return CConverter(lib, handle)
    import opencc

    return opencc.OpenCC(config)


def converter(config: str) -> Converter:
    """The conversion *config* (``s2t``, ``s2tw``, ``s2hk``, ``t2s`` …), opened once per process."""
    with _lock:  # two threads asking at once open it once
        return _open(config)
