"""Kept answers and ETags (src/http/cache.h): a page that has not changed is
not made again, a reader who holds it gets 304, and nothing kept for one
reader is ever shown to another."""
import subprocess

from harness import BINARY, Server, run

# The server runs one event loop a core, each with its own cache; a new
# connection may land on any. Asking this many times reaches every loop.
TRIES = 24


def etag_of(r):
    return r.header("ETag")


def test_get_carries_an_etag_and_304_when_held():
    with Server() as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "Tamale", "levels": ["National"]})
        first = s.get("/api/v1/alliances/t")
        tag = etag_of(first)
        assert first.status == 200 and tag and tag.startswith('"'), first.headers
        assert "no-cache" in first.header("Cache-Control")
        for _ in range(TRIES):  # the same on every loop: made from the bytes
            again = s.get("/api/v1/alliances/t", headers={"If-None-Match": tag})
            assert again.status == 304, again.status
            assert again.body == b"" and etag_of(again) == tag
        page = s.get("/alliances/t", auth=False)
        assert page.status == 200 and etag_of(page)
        assert s.get("/alliances/t", auth=False,
                     headers={"If-None-Match": etag_of(page)}).status == 304


def test_a_write_changes_what_is_answered():
    with Server() as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "Tamale", "levels": ["National"]})
        tags = {etag_of(s.get("/api/v1/alliances/t")) for _ in range(TRIES)}
        assert len(tags) == 1
        old = tags.pop()
        assert s.patch_json("/api/v1/alliances/t", {"name": "Tamale North"}).status == 200
        for _ in range(TRIES):
            r = s.get("/api/v1/alliances/t", headers={"If-None-Match": old})
            assert r.status == 200 and r.json()["name"] == "Tamale North"
            assert etag_of(r) != old


def test_bug_kept_answer_never_reaches_another_reader():
    """An answer kept for the administrator (who may read a members-only
    alliance) must not be replayed to an anonymous reader of the same address."""
    with Server() as s:
        s.post_json("/api/v1/alliances", {"slug": "closed", "name": "Closed",
                                          "levels": ["National"], "visibility": "members"})
        for _ in range(TRIES):
            assert s.get("/api/v1/alliances/closed").status == 200
            assert s.get("/alliances/closed").status == 200
        for _ in range(TRIES):
            assert s.get("/api/v1/alliances/closed", auth=False).status == 404
            assert s.get("/alliances/closed", auth=False).status == 404
            assert "Closed" not in s.get("/api/v1/alliances", auth=False).text


def test_pages_with_a_form_token_are_not_kept_for_others():
    """A signed-in page holds the session's form token; a second session of
    the same account must get its own token, not the first one's."""
    with Server(demo=True) as s:
        assert s.sign_in("admin@example.org").status == 303
        one = s.session_csrf("/account")
        s.cookies.clear()
        assert s.sign_in("admin@example.org").status == 303
        for _ in range(TRIES):
            two = s.session_csrf("/account")
            assert two and two != one


def test_answers_with_their_own_headers_are_not_tagged():
    """Handlers that add a header (here Retry-After or Location) answer as
    they are, without an ETag that would replay them without it."""
    with Server() as s:
        r = s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"]})
        assert r.status == 201 and etag_of(r) is None
        assert etag_of(s.get("/api/v1/nothing-here")) is None


def test_cache_zero_keeps_nothing_but_still_tags():
    with Server(args=("--cache", "0")) as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"]})
        tag = etag_of(s.get("/api/v1/alliances/t"))
        assert tag
        assert s.get("/api/v1/alliances/t", headers={"If-None-Match": tag}).status == 304
    for bad in ("-1", "lots", "2000"):
        done = subprocess.run([BINARY, "serve", "--cache", bad], capture_output=True, text=True)
        assert done.returncode == 2 and "--cache" in done.stderr, bad


def test_list_counts_kept_move_with_the_data_and_the_reader():
    """A list's count is kept in each connection's memo until the data changes
    (src/store/row.h row_query_count, issue 10): with --cache 0, so that every
    answer is made, the total still follows every write on every loop, and one
    reader's count is never another's (a draft counts for the administrator,
    not for someone signed out)."""
    with Server(args=("--cache", "0")) as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"],
                                          "visibility": "public"})
        platform = s.post_json("/api/v1/platforms", {"alliance": "t", "name": "P"}).json()["id"]

        def totals(auth):
            return {s.get("/api/v1/lessons?limit=1", auth=auth).json()["total"]
                    for _ in range(TRIES)}

        for n in range(1, 4):
            r = s.post_json("/api/v1/lessons", {
                "platform": platform, "title": "Lesson %d" % n, "lesson": "Text.",
                "outcome": "success", "visibility": "public", "happened_on": "2025-01-01",
                "status": "published"})
            assert r.status == 201, r.text
            assert totals(True) == {n} and totals(False) == {n}, (n, totals(True), totals(False))
        r = s.post_json("/api/v1/lessons", {
            "platform": platform, "title": "A draft", "lesson": "Text.", "outcome": "failure",
            "visibility": "public", "happened_on": "2025-01-01", "status": "draft"})
        assert r.status == 201, r.text
        assert totals(True) == {4} and totals(False) == {3}, (totals(True), totals(False))
        assert s.delete("/api/v1/lessons/" + r.json()["id"]).status == 204
        assert totals(True) == {3} and totals(False) == {3}


if __name__ == "__main__":
    run([test_get_carries_an_etag_and_304_when_held, test_a_write_changes_what_is_answered,
         test_bug_kept_answer_never_reaches_another_reader,
         test_pages_with_a_form_token_are_not_kept_for_others,
         test_answers_with_their_own_headers_are_not_tagged,
         test_cache_zero_keeps_nothing_but_still_tags,
         test_list_counts_kept_move_with_the_data_and_the_reader])
