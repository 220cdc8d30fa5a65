"""Regression tests: each names the bug it pins down."""
import re
import subprocess
import time

from harness import BINARY, Server, run


def test_bug_patch_answered_the_old_updated_at():
    """PATCH on organisations, people and memberships answered the record as
    loaded before the change, with the old updated_at."""
    with Server() as s:
        a = s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"]})
        pl = s.post_json("/api/v1/platforms", {"alliance": "t", "name": "P"}).json()
        org = s.post_json("/api/v1/organisations", {"name": "O", "kind": "ngo"}).json()
        pe = s.post_json("/api/v1/people", {"name": "P"}).json()
        m = s.post_json("/api/v1/memberships", {"platform": pl["id"], "person": pe["id"],
                                                "role": "member"}).json()
        assert a.status == 201
        time.sleep(1.1)  # updated_at has one-second precision
        for path, change in (("/api/v1/organisations/" + org["id"], {"name": "O2"}),
                             ("/api/v1/people/" + pe["id"], {"name": "P2"}),
                             ("/api/v1/memberships/" + m["id"], {"role": "observer"}),
                             ("/api/v1/platforms/" + pl["id"], {"name": "P2"}),
                             ("/api/v1/alliances/t", {"name": "T2"})):
            patched = s.patch_json(path, change)
            assert patched.status == 200, patched.text
            stored = s.get(path).json()
            assert patched.json()["updated_at"] == stored["updated_at"], path
            assert stored["updated_at"] > stored["created_at"], path


def test_bug_platform_level_above_six_levels_was_named_0_to_7():
    """Levels were accepted as 0..7 in the API although an alliance has at most six."""
    with Server() as s:
        r = s.get("/api/v1/platforms?level=6")
        assert r.status == 400 and r.json()["error"]["field"] == "level"
        assert s.get("/api/v1/platforms?level=5").status == 200


def test_bug_numeric_column_header_class_was_escaped():
    """table_sort_header passed ' class="num"' through %s, which escaped it
    into class=&quot;num&quot;."""
    with Server(demo=True) as s:
        page = s.get("/").text
        assert '<th scope="col" class="num"' in page
        assert "&quot;num&quot;" not in page


def test_bug_edit_form_error_emptied_the_breadcrumb():
    """Re-showing an edit form with a blank name built the breadcrumb from the
    blank typed value: an empty link."""
    with Server() as s:
        org = s.post_json("/api/v1/organisations", {"name": "Kept Name", "kind": "ngo"}).json()
        pe = s.post_json("/api/v1/people", {"name": "Kept Person"}).json()
        for path in ("/organisations/%s/edit" % org["id"], "/people/%s/edit" % pe["id"]):
            r = s.post_form(path, {"name": "", "kind": "ngo"})
            assert r.status == 400
            assert not re.search(r'<a href="[^"]*"></a>', r.text), path
            assert "Kept" in r.text.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]


def test_bug_bad_percent_encoding_outside_an_id_was_404():
    """Only route captures were decoded, so a broken escape elsewhere in the
    path answered 404 instead of 400."""
    with Server() as s:
        for path in ("/api/v1/people%ZZ", "/api/v1/%FF/x", "/organisations%C3%28"):
            assert s.get(path).status == 400, path


def test_bug_version_ignored_unknown_options():
    """alliance version --frobnicate printed the version and exited 0."""
    done = subprocess.run([BINARY, "version", "--frobnicate"], capture_output=True, text=True)
    assert done.returncode == 2


def test_bug_editing_a_person_erased_an_email_the_editor_could_not_read():
    """person_update wrote back the NULL a viewer gets for an email they may
    not read, erasing it."""
    import harness
    with Server(demo=True) as admin:
        efua = [p for p in admin.get("/api/v1/people?q=efua").json()["items"]][0]
        assert efua["email"] == "admin@example.org"
        convenor = admin.web_client(harness.DEMO_CONVENOR)
        seen = convenor.get("/api/v1/people/" + efua["id"]).json()
        assert seen["email"] is None  # they share no alliance
        r = convenor.patch_json("/api/v1/people/" + efua["id"], {"marginalised_group": ""})
        assert r.status == 200, r.text
        r = convenor.post_form("/people/%s/edit" % efua["id"],
                               {"name": "Efua Boateng", "email": "", "organisation": "",
                                "gender": "", "marginalised_group": ""})
        assert r.status == 303, r.text
        assert admin.get("/api/v1/people/" + efua["id"]).json()["email"] == "admin@example.org"


def test_bug_a_platform_audit_trail_showed_a_peer_link_to_a_hidden_platform():
    """A link made from a members-only platform to a public one appeared on the
    public platform's audit trail, naming the hidden platform, its note and
    the person who made it."""
    import harness
    with Server(demo=True) as admin:
        platforms = admin.get("/api/v1/platforms?alliance=burkina-eau&limit=1").json()["items"]
        juliana = admin.get("/api/v1/people?q=juliana").json()["items"][0]
        theirs = admin.get("/api/v1/memberships?person=" + juliana["id"]).json()["items"][0]
        hidden, public = platforms[0], admin.get("/api/v1/platforms/" + theirs["platform"]).json()
        r = admin.post_json("/api/v1/platform-links",
                            {"platform": hidden["id"], "peer": public["id"], "note": "secret-note"})
        assert r.status == 201, r.text
        member = admin.web_client(harness.DEMO_MEMBER)
        trail = member.get("/platforms/%s/audit" % public["id"])
        assert trail.status == 200
        assert "secret-note" not in trail.text and hidden["name"] not in trail.text
        assert "secret-note" in admin.get("/admin/audit").text


def test_bug_search_tab_current_marker_was_escaped():
    """The search page passed ' aria-current="page"' through %s, which escaped
    it into an unquoted attribute value."""
    with Server(demo=True) as s:
        page = s.get("/search?q=water").text
        assert 'aria-current="page">' in page
        assert "&quot;page&quot;" not in page


def test_bug_large_answers_waited_for_the_delayed_ack():
    """Without TCP_NODELAY, evhttp's separate writes of head and body met
    Nagle's algorithm: an answer over some kilobytes waited for the reader's
    delayed ACK, about 40 ms each, on a kept-alive connection. Twenty such
    answers then take at least 800 ms; without the wait, a small fraction."""
    import http.client
    with Server() as s:
        text = "Water point functionality in the district. " * 450  # ~20 KB
        s.post_json("/api/v1/alliances", {"slug": "big", "name": "Big", "levels": ["National"]})
        r = s.post_json("/api/v1/platforms", {"alliance": "big", "name": "P", "description": text})
        assert r.status == 201, r.text
        path = "/platforms/" + r.json()["id"]
        conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=30)
        conn.request("GET", path)
        assert len(conn.getresponse().read()) > 19000
        start = time.time()
        for _ in range(20):
            conn.request("GET", path)
            resp = conn.getresponse()
            assert resp.status == 200 and len(resp.read()) > 19000
        elapsed = time.time() - start
        conn.close()
        assert elapsed < 0.6, "20 answers took %.0f ms" % (elapsed * 1000)


def test_bug_lesson_pages_escaped_rel_made_long_titles_and_long_audit_values():
    """Three faults the demo lessons showed: an external evidence link's
    rel="nofollow noopener" went through %s and was escaped; a lesson's title
    of up to 200 characters went whole into <title>; the audit trail printed
    every changed value whole (a 43 KB page for 25 lessons)."""
    with Server() as s:
        s.post_json("/api/v1/alliances", {"slug": "t", "name": "T", "levels": ["National"]})
        pl = s.post_json("/api/v1/platforms", {"alliance": "t", "name": "P"}).json()
        title = "Handpump committees in Bongo kept records once the district " * 3
        body = "What happened at the water point. " * 30
        r = s.post_json("/api/v1/lessons", {
            "platform": pl["id"], "title": title.strip()[:200], "context": body,
            "what_happened": body, "lesson": body, "outcome": "failure", "status": "published",
            "visibility": "public",
            "evidence": [{"label": "Report", "url": "https://example.org/report"}]})
        assert r.status == 201, r.text
        page = s.get("/lessons/" + r.json()["id"]).text
        assert 'rel="nofollow noopener"' in page and "&quot;nofollow" not in page
        shown = page.split("<title>")[1].split("</title>")[0]
        assert len(shown.split(" – ")[0]) <= 51 and shown.split(" – ")[0].endswith("…")
        assert s.patch_json("/api/v1/lessons/" + r.json()["id"], {"context": body + "!"}).status == 200
        trail = s.get("/admin/audit").text
        assert body not in trail and "What happened at the water point. What h…" in trail


def test_bug_a_deleted_draft_showed_in_the_audit_trail():
    """Entries about a draft were hidden by the draft's facts in the search
    index; once the draft was deleted those facts were gone and every member
    saw its title in the platform's audit trail."""
    import harness
    with Server(demo=True) as admin:
        platforms = admin.get("/api/v1/platforms?limit=100").json()["items"]
        navrongo = [p for p in platforms if p["name"].startswith("Kassena-Nankana")][0]
        r = admin.post_json("/api/v1/lessons", {
            "platform": navrongo["id"], "title": "Zqsecret draft about the borehole",
            "context": "c", "what_happened": "w", "lesson": "l", "outcome": "failure",
            "status": "draft"})
        assert r.status == 201, r.text
        member = admin.web_client(harness.DEMO_MEMBER)
        path = "/platforms/%s/audit" % navrongo["id"]
        assert "Zqsecret" not in member.get(path).text
        assert admin.delete("/api/v1/lessons/" + r.json()["id"]).status == 204
        trail = member.get(path)
        assert trail.status == 200 and "Zqsecret" not in trail.text
        assert "Zqsecret" in admin.get(path).text  # still there for who may read it
        # Its facts are kept (and travel in an export: store/transfer.c).
        assert admin.sql("SELECT count(*) FROM retired_item")[0][0] in (1, "1")


def test_bug_a_members_edit_unpublished_their_lesson_without_a_word():
    """The edit form of a member (who may not publish) sent status=draft in a
    hidden field: saving quietly took their published lesson back to draft.
    It still does (an editor publishes again), but the form says so first."""
    import harness
    with Server(demo=True) as admin:
        platforms = admin.get("/api/v1/platforms?limit=100").json()["items"]
        pl = [p for p in platforms if p["name"].startswith("Kassena-Nankana")][0]
        member = admin.web_client(harness.DEMO_MEMBER)
        fields = {"title": "Zqmember lesson", "context": "c", "what_happened": "w",
                  "lesson": "l", "recommendation": "", "outcome": "success", "status": "draft",
                  "visibility": "", "happened_on": "", "tags": "", "evidence": "",
                  "question": ""}
        r = member.post_form("/platforms/%s/lessons/new" % pl["id"], fields)
        assert r.status == 303, r.text
        lesson = r.header("Location").rsplit("/", 1)[1]
        form = member.get("/lessons/%s/edit" % lesson).text
        assert "warning-text" not in form  # a draft: nothing to say
        assert admin.patch_json("/api/v1/lessons/" + lesson,
                                {"status": "published"}).status == 200
        form = member.get("/lessons/%s/edit" % lesson).text
        assert "warning-text" in form and "makes it a draft again" in form
        r = member.post_form("/lessons/%s/edit" % lesson, dict(fields, title="Zqmember edited"))
        assert r.status == 303, r.text
        assert admin.get("/api/v1/lessons/" + lesson).json()["status"] == "draft"


if __name__ == "__main__":
    run([test_bug_patch_answered_the_old_updated_at,
         test_bug_platform_level_above_six_levels_was_named_0_to_7,
         test_bug_numeric_column_header_class_was_escaped,
         test_bug_edit_form_error_emptied_the_breadcrumb,
         test_bug_bad_percent_encoding_outside_an_id_was_404,
         test_bug_version_ignored_unknown_options,
         test_bug_editing_a_person_erased_an_email_the_editor_could_not_read,
         test_bug_a_platform_audit_trail_showed_a_peer_link_to_a_hidden_platform,
         test_bug_search_tab_current_marker_was_escaped,
         test_bug_large_answers_waited_for_the_delayed_ack,
         test_bug_lesson_pages_escaped_rel_made_long_titles_and_long_audit_values,
         test_bug_a_deleted_draft_showed_in_the_audit_trail,
         test_bug_a_members_edit_unpublished_their_lesson_without_a_word])
