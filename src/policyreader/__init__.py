"""PolicyReader: a bilingual reader and terminology workbench for Chinese policy documents."""

__version__ = "0.1.0"
