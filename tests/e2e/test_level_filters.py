"""Lessons and search filtered by the level of their platform (?level=, 0 for
an alliance's top level), in the API and on the pages, over the demo."""
import re

from harness import Server, run


def all_items(s, path):
    items, cursor = [], ""
    while True:
        page = s.get(path + ("&" if "?" in path else "?") + "limit=100" +
                     ("&cursor=" + cursor if cursor else "")).json()
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def test_level_filters_agree_with_the_platforms():
    with Server(demo=True) as s:
        levels = {p["id"]: p["level"] for p in all_items(s, "/api/v1/platforms")}
        lessons = all_items(s, "/api/v1/lessons")
        assert len({levels[ls["platform"]] for ls in lessons}) >= 3  # the demo spans levels
        for depth in range(3):
            want = sorted(ls["id"] for ls in lessons if levels[ls["platform"]] == depth)
            got = sorted(ls["id"] for ls in all_items(s, "/api/v1/lessons?level=%d" % depth))
            assert got == want, depth
            found = s.get("/api/v1/search?kind=lesson&limit=100&level=%d" % depth).json()
            assert sorted(h["id"] for h in found["items"]) == want, depth
            page = s.get("/lessons?level=%d" % depth).text
            assert '<option value="%d" selected>' % depth in page
            n = len(want)
            assert re.search(r"\b%d lessons?\b" % n, page), (depth, n)
        # The select names the levels by the alliances' own labels.
        page = s.get("/search?q=water").text
        assert 'name="level"' in page and "National" in page


def test_bad_level_and_cursor_name_the_field():
    with Server() as s:
        for path in ("/api/v1/lessons?level=6", "/api/v1/lessons?level=x",
                     "/api/v1/search?level=-1"):
            r = s.get(path)
            assert r.status == 400 and r.json()["error"]["field"] == "level", path
        r = s.get("/api/v1/search?q=a&cursor=abc")
        assert r.status == 400 and r.json()["error"]["field"] == "cursor"
        # Pages ignore a level that is not one, as they do other bad filters.
        assert s.get("/lessons?level=9").status == 200


if __name__ == "__main__":
    run([test_level_filters_agree_with_the_platforms, test_bad_level_and_cursor_name_the_field])
