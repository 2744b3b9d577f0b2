"""Use cases that combine core, storage, importers and exporters; what both the CLI and the GUI call."""
