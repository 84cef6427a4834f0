"""The project's own exceptions: each carries a message fit to show a user."""


class ZhikuError(Exception):
    """Base of every error Zhiku reports to a user (CLI one-liner, UI message)."""


class IngestError(ZhikuError):
    """A file could not be imported; ``str()`` names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Pickled across the import's process pool: rebuild from both parts, not the joined message.
        return (type(self), (self.path, self.reason))


class QueryError(ZhikuError):
    """A search query could not be understood."""


class NotFoundError(ZhikuError):
    """A document, entity or note the user named does not exist."""


class ReadOnlyError(ZhikuError):
    """The knowledge base is open read-only (another instance holds it)."""
