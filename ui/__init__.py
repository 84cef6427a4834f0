"""Zhiku desktop UI (PySide6). Reaches the core only through ``kb.KnowledgeBase``."""
