"""The user's edits of the policy thesaurus: each one checked, saved atomically to
``<kb_dir>/thesaurus.json`` and answered with ``Changes(thesaurus=True)`` so that a view re-runs its search."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kb.errors import NotFoundError, ZhikuError
from kb.models import Changes
from kb.search import Thesaurus


class ThesaurusEdits:
    """Edits over the library's one ``Thesaurus`` (the object searches read, so an edit applies at once)."""

    def __init__(self, thesaurus: Thesaurus, writable: Callable[[], None]) -> None:
        self.thesaurus = thesaurus
        self._writable = writable

    def add(self, terms: Sequence[str], relation: str = "synonym", note: str = "") -> Changes:
        return self._edit(lambda t: t.add(terms, relation, note=note))

    def update(self, group_id: str, *, terms: Sequence[str] | None = None, relation: str | None = None,
               note: str | None = None) -> Changes:
        return self._edit(lambda t: t.update(group_id, terms=terms, relation=relation, note=note))

    def remove(self, group_id: str) -> Changes:
        return self._edit(lambda t: t.remove(group_id))

    def set_enabled(self, group_id: str, on: bool) -> Changes:
        return self._edit(lambda t: t.set_enabled(group_id, on))

    def reset(self, group_id: str) -> Changes:
        return self._edit(lambda t: t.reset(group_id))

    def _edit(self, edit: Callable[[Thesaurus], object]) -> Changes:
        """One edit, then the file; an unknown group is a NotFoundError, a bad value a ZhikuError."""
        self._writable()
        try:
            edit(self.thesaurus)
        except KeyError as exc:
            raise NotFoundError(f"同义词组不存在 / no thesaurus group {exc.args[0]!r}") from None
        except ValueError as exc:
            raise ZhikuError(str(exc)) from None
        self.thesaurus.save()
        return Changes(thesaurus=True)
