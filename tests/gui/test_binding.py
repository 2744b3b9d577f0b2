"""Guards against a broken Qt binding build.

PySide6 6.12.0 on CPython 3.11 released a reference to None on every call of a void method; a long
session (or this test suite) then crashed at exit with "none_dealloc". We pin a good version; this test
catches a bad one before users do.
"""

from __future__ import annotations

import sys

from policyreader.gui.qt import QTextBlockFormat, QTextCursor, QTextDocument


def test_void_methods_keep_the_reference_count_of_none() -> None:
    doc = QTextDocument()
    cursor = QTextCursor(doc)
    before = sys.getrefcount(None)
    for _ in range(500):
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.insertText("信")
    assert sys.getrefcount(None) - before > -50
