from ui.navigation import History, NavEntry


def test_back_forward_and_branching() -> None:
    h = History()
    a, b, c, d = (NavEntry("search", (q, ())) for q in "abcd")
    assert h.back() is None and not h.can_back()
    for e in (a, b, c):
        h.visit(e)
    assert h.back() == b and h.back() == a and h.back() is None
    assert h.forward() == b
    h.visit(d)  # visiting after going back drops the forward branch
    assert not h.can_forward() and len(h) == 3
    assert h.back() == b


def test_revisiting_the_current_place_refreshes_it() -> None:
    h = History()
    h.visit(NavEntry("document", ("doc1", "passage", 3), {"highlights": ((1, 2),)}))
    h.visit(NavEntry("document", ("doc1", "passage", 3), {"highlights": ((5, 6),)}))
    assert len(h) == 1
    assert h.current is not None and h.current.extra["highlights"] == ((5, 6),)


def test_limit_drops_the_oldest() -> None:
    h = History(limit=3)
    for i in range(5):
        h.visit(NavEntry("entity", i))
    assert len(h) == 3 and h.current == NavEntry("entity", 4)
    assert h.back() == NavEntry("entity", 3) and h.back() == NavEntry("entity", 2) and h.back() is None
