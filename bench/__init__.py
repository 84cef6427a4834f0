"""Zhiku's benchmark: a synthetic library, Zhiku and two peers measured in one run (``python -m bench``)."""
