"""Two alliance servers on one database behave as one (issue 11: share nothing
but the database). Runs on SQLite (two processes on one file) and, as
test_two_servers_pg, on PostgreSQL."""
import re

import harness
from harness import DEMO_ADMIN, DEMO_CONVENOR, DEMO_PASSWORD, Server, run


def pair():
    """Server a (with the demo) and server b on the same data."""
    a = Server(demo=True).start()
    b = Server(data_dir=a.data_dir, admin_email=DEMO_ADMIN).start()
    return a, b


def close(a, b):
    assert b.stop() == 0
    assert a.stop() == 0
    a.cleanup()


def other(server, to):
    """A client of server `to` carrying the cookies of `server`'s client."""
    clone = Server.__new__(Server)
    clone.__dict__.update(to.__dict__)
    clone.cookies = dict(server.cookies)
    clone.token = None
    return clone


def member_count(server, slug):
    page = server.get("/alliances/" + slug).text
    m = re.search(r"<dt>Members</dt><dd>([\d,]+)</dd>", page)
    return int(m.group(1).replace(",", ""))


def test_a_session_made_on_one_server_works_on_the_other_and_ends_on_both():
    a, b = pair()
    try:
        browser = Server.__new__(Server)
        browser.__dict__.update(a.__dict__)
        browser.cookies, browser.token = {}, None
        assert browser.sign_in(DEMO_CONVENOR).status == 303
        on_b = other(browser, b)
        assert "Grace Adongo" in on_b.get("/").text
        assert on_b.get("/account").status == 200
        # Signing out on b ends the session for a too.
        on_b.post_form("/sign-out", {})
        again = other(browser, a)
        assert again.get("/account").status == 303
    finally:
        close(a, b)


def test_a_write_answered_by_one_server_is_seen_at_once_by_the_other():
    a, b = pair()
    try:
        made = a.post_json("/api/v1/organisations", {"name": "Shared Trust", "kind": "ngo"})
        assert made.status == 201
        seen = b.get("/api/v1/organisations/" + made.json()["id"])
        assert seen.status == 200 and seen.json()["name"] == "Shared Trust"
        changed = b.patch_json("/api/v1/organisations/" + made.json()["id"], {"name": "Renamed"})
        assert changed.status == 200
        assert a.get("/api/v1/organisations/" + made.json()["id"]).json()["name"] == "Renamed"
    finally:
        close(a, b)


def test_a_figure_kept_by_one_server_follows_a_write_on_the_other():
    """Each server keeps the alliance's member count in a memo; a write on the
    other server must make it count again."""
    a, b = pair()
    try:
        before = member_count(b, "ghana-wash")
        assert member_count(b, "ghana-wash") == before  # now kept in b's memo
        person = a.post_json("/api/v1/people", {"name": "New Member"}).json()
        platform = a.get("/api/v1/platforms?alliance=ghana-wash&limit=1").json()["items"][0]
        joined = a.post_json("/api/v1/memberships", {"platform": platform["id"],
                                                    "person": person["id"], "role": "member"})
        assert joined.status == 201, joined.text
        assert member_count(b, "ghana-wash") == before + 1
    finally:
        close(a, b)


def test_sign_in_failures_count_across_servers():
    a, b = pair()
    try:
        for server in [a, b] * 5:
            client = Server.__new__(Server)
            client.__dict__.update(server.__dict__)
            client.cookies, client.token = {}, None
            assert client.sign_in(DEMO_CONVENOR, "a wrong password").status == 400
        client = Server.__new__(Server)
        client.__dict__.update(a.__dict__)
        client.cookies, client.token = {}, None
        blocked = client.sign_in(DEMO_CONVENOR, DEMO_PASSWORD)
        assert blocked.status == 429 and blocked.header("Retry-After")
    finally:
        close(a, b)


if __name__ == "__main__":
    run([test_a_session_made_on_one_server_works_on_the_other_and_ends_on_both,
         test_a_write_answered_by_one_server_is_seen_at_once_by_the_other,
         test_a_figure_kept_by_one_server_follows_a_write_on_the_other,
         test_sign_in_failures_count_across_servers])
