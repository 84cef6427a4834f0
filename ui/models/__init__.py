"""Qt item models over lists of ``kb.models`` dataclasses."""
