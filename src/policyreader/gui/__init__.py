"""The desktop face of PolicyReader: the only package that imports PySide6, thin over ``services``."""
