"""Pure text logic: documents, segmentation, glossary matching, pinyin, alignment. No Qt, no SQL."""
