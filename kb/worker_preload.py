"""Imported once by the import workers' fork server (``multiprocessing`` forkserver preload): the
extractors' dictionaries are loaded there, and every worker forked from it shares them.

Why a module: the fork server only imports modules; loading is what this import is for.
"""

from kb.pipeline import warm

warm()
