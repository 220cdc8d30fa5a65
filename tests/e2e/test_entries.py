#!/usr/bin/env python3
"""The process-documentation journal (issue 5, item 2): entries of kind
observation, story of change, reflection, quote or photo, with a date, a
place, the people involved and attachments; a platform's journal reads as a
timeline grouped by month.

A fixture is built through the CLI and the API on an empty data directory (no
demo, so that every count is known): a public alliance with a national and a
district platform, a members-only alliance with the same, and people with
accounts who hold each kind of place: a documenter, a member and an observer
of the public district platform, a member of its national platform, a member
of the members-only district platform, and a signed-in person with no
membership at all.

What is pinned down:
- the API round trip (create, read, list, edit, delete with a tombstone and
  the audit trail);
- bad input is a 400 naming its field (wrong kinds, dates that are not dates,
  dates in the future, unknown fields, a missing title, a photo without its
  photo, attachments that are not http(s) or this site), in the API and in the
  forms (errors beside the fields, what was typed kept);
- rights (rights.h): a member writes drafts, an observer may not write,
  signed out is 401, only those who may publish edit others' entries and
  delete; an entry of a members-only alliance does not exist from outside
  (404); the action links show only to those with the right;
- visibility (visibility.h) of every entry for every viewer in every view:
  the entry's page, the API read, the API list (with and without a platform
  filter), search (hits and counts per kind), the journal's count and the
  platform page's Journal section;
- the timeline groups by month, newest first, filters by kind and date, and
  pages;
- HTML and javascript: links in titles, bodies, places, people and labels
  render inert, and the API gives them back exactly;
- a platform holding entries is not deleted; an export and import keeps the
  entries and puts them back in the search index.
"""
import html.parser
import os
import re
import sys
import tempfile
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run, ok  # noqa: E402


def client(token=None):
    return server.client(token)


def cli(*args, stdin=None):
    return server.cli_ok(*args, stdin=stdin)


API = "/api/v1"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
PASSWORD = "zj-journal-secret"

server = None  # the one server of this file
F = None       # the fixture


class Viewer:
    def __init__(self, label, admin=False):
        self.label = label
        self.admin = admin
        self.platforms = set()      # labels of the platforms they are on
        self.publishes = set()      # … where they may publish
        self.writes = set()         # … where they may write
        self.alliances = set()      # labels of the alliances they are in
        self.person = None
        self.api = None             # a client with their token (or none)
        self.web = None             # a client signed in by session (or none)

    def __repr__(self):
        return self.label


class Fixture:
    pass


ROLES_WRITE = {"convenor", "facilitator", "documenter", "member"}
ROLES_PUBLISH = {"convenor", "facilitator", "documenter"}


def make_viewer(label, memberships):
    """A person with an account, an API token and a signed-in browser;
    memberships is a list of (platform label, role)."""
    email = "%s@zj.test" % label
    v = Viewer(label)
    v.person = ok(server.post_json(API + "/people", {"name": "Zj " + label.title(),
                                                     "email": email}), 201, "person " + label)
    for platform, role in memberships:
        ok(server.post_json(API + "/memberships", {"platform": F.platforms[platform]["id"],
                                                   "person": v.person["id"], "role": role}),
           201, "membership %s@%s" % (label, platform))
        v.platforms.add(platform)
        v.alliances.add(F.alliance_of[platform])
        if role in ROLES_WRITE:
            v.writes.add(platform)
        if role in ROLES_PUBLISH:
            v.publishes.add(platform)
    cli("user", "add", "--email", email, "--name", "Zj " + label.title(), "--password-stdin",
        stdin=PASSWORD + "\n")
    token = cli("token", "add", "--email", email, "--label", "journal").strip()
    v.api = client(token)
    v.web = client()
    r = v.web.sign_in(email, PASSWORD)
    assert r.status == 303, "sign-in of %s: %d" % (label, r.status)
    return v


def build_fixture():
    global F
    F = Fixture()
    F.alliances = {}
    for label, slug, visibility in (("open", "zj-open", "public"),
                                    ("closed", "zj-closed", "members")):
        F.alliances[label] = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zj %s alliance" % label.title(),
            "levels": ["National", "District"], "visibility": visibility}), 201, slug)
    F.platforms, F.alliance_of = {}, {}
    for label, alliance, parent in (("open-top", "open", None), ("open-a", "open", "open-top"),
                                    ("closed-top", "closed", None),
                                    ("closed-a", "closed", "closed-top"),
                                    ("empty", "open", "open-top")):
        doc = {"alliance": F.alliances[alliance]["slug"], "name": "Zj platform " + label}
        if parent:
            doc["parent"] = F.platforms[parent]["id"]
        F.platforms[label] = ok(server.post_json(API + "/platforms", doc), 201, label)
        F.alliance_of[label] = alliance
    F.documenter = make_viewer("documenter", [("open-a", "documenter")])
    F.member = make_viewer("member", [("open-a", "member")])
    F.observer = make_viewer("observer", [("open-a", "observer")])
    F.peer = make_viewer("peer", [("open-top", "member")])
    F.closed = make_viewer("closed", [("closed-a", "member")])
    F.outsider = make_viewer("outsider", [])
    F.anonymous = Viewer("anonymous")
    F.anonymous.api = client()
    F.anonymous.web = client()
    F.admin = Viewer("admin", admin=True)
    F.admin.api = server
    F.admin.web = client()
    r = F.admin.web.sign_in(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
    assert r.status == 303, r.status
    F.viewers = [F.anonymous, F.outsider, F.peer, F.observer, F.member, F.documenter, F.closed,
                 F.admin]


def entry_doc(platform, **fields):
    doc = {"platform": F.platforms[platform]["id"], "kind": "observation",
           "title": "Zj entry", "body": "Something was seen.", "happened_on": "2025-06-01"}
    doc.update(fields)
    return doc


def create(viewer, platform, **fields):
    """Creates an entry as a viewer (or as the administrator: server)."""
    api = getattr(viewer, "api", viewer)
    r = api.post_json(API + "/entries", entry_doc(platform, **fields))
    return ok(r, 201, "create on %s by %s" % (platform, viewer))


def error_field(resp, status=400):
    assert resp.status == status, "%d %s" % (resp.status, resp.text[:300])
    err = resp.json()["error"]
    assert err["message"], err
    return err.get("field")


# 1. The API round trip ------------------------------------------------------------

def test_api_round_trip():
    doc = entry_doc("open-a", kind="story", title="Zj the committee took over the pump",
                    body="Since **March** the committee *collects* fees.\n\nA second paragraph.",
                    happened_on="2025-03-14", place="Zuarungu", people="WATSAN committee, Zj",
                    visibility="alliance", status="published",
                    links=[{"label": "Minutes", "url": "/documents/abc"},
                           {"url": "https://example.org/report.pdf"}])
    r = F.documenter.api.post_json(API + "/entries", doc)
    created = ok(r, 201, "create")
    assert r.header("Location") == API + "/entries/" + created["id"], r.header("Location")
    for name in ("kind", "title", "body", "happened_on", "place", "people", "visibility",
                 "status"):
        assert created[name] == doc[name], (name, created[name])
    assert created["platform"] == F.platforms["open-a"]["id"]
    assert created["alliance"] == "zj-open"
    assert created["author"] == F.documenter.person["id"]
    assert created["links"] == [{"label": "Minutes", "url": "/documents/abc"},
                                {"label": "https://example.org/report.pdf",
                                 "url": "https://example.org/report.pdf"}], created["links"]
    assert created["published_at"] and created["created_at"] == created["updated_at"]
    eid = created["id"]
    assert ok(server.get(API + "/entries/" + eid)) == created
    listed = ok(server.get(API + "/entries?platform=" + F.platforms["open-a"]["id"]))
    assert created in listed["items"], listed
    # Defaults: a draft, kept to the platform, dated today.
    plain = create(F.documenter, "open-a", happened_on="", title="Zj defaults")
    assert plain["status"] == "draft" and plain["visibility"] == "platform", plain
    assert plain["published_at"] is None and plain["links"] == [] and plain["place"] == ""
    assert re.match(r"^\d{4}-\d\d-\d\d$", plain["happened_on"]), plain
    # Edit: the fields given change, the others stay; links are replaced.
    changed = ok(F.documenter.api.patch_json(API + "/entries/" + eid, {
        "title": "Zj the committee runs the pump", "links": [], "kind": "reflection"}))
    assert changed["title"] == "Zj the committee runs the pump" and changed["links"] == []
    assert changed["kind"] == "reflection" and changed["place"] == "Zuarungu"
    assert changed["published_at"] == created["published_at"]
    assert ok(server.get(API + "/entries/" + eid)) == changed
    # The page shows it.
    page = F.documenter.web.get("/entries/" + eid)
    assert page.status == 200 and "Zj the committee runs the pump" in page.text
    assert "<strong>March</strong>" in page.text and "Zuarungu" in page.text
    # Delete: gone, a tombstone, and the audit trail kept every step.
    r = F.documenter.api.delete(API + "/entries/" + eid)
    assert r.status == 204, r.status
    assert server.get(API + "/entries/" + eid).status == 404
    assert F.documenter.web.get("/entries/" + eid).status == 404
    assert server.sql("SELECT kind FROM tombstone WHERE id = ?", (eid,)) == [("entry",)]
    actions = [a for (a,) in server.sql("SELECT action FROM audit WHERE record_id = ? "
                                        "ORDER BY key", (eid,))]
    assert actions == ["create", "update", "delete"], actions
    assert server.sql("SELECT count(*) FROM entry_link el JOIN entry e ON e.key = el.entry_key "
                      "WHERE e.id = ?", (eid,))[0][0] in (0, "0")
    ok(server.delete(API + "/entries/" + plain["id"]), 204)


def test_list_pages_by_cursor():
    ids = [create(server, "empty", title="Zj page %d" % i, status="published")["id"]
           for i in range(5)]
    seen, cursor = [], None
    while True:
        url = API + "/entries?limit=2&platform=" + F.platforms["empty"]["id"]
        page = ok(server.get(url + ("&cursor=" + cursor if cursor else "")))
        assert page["total"] == 5, page["total"]
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(ids) and len(seen) == 5, seen
    for eid in ids:
        ok(server.delete(API + "/entries/" + eid), 204)


# 2. Bad input -------------------------------------------------------------------

def test_bad_input_is_refused_naming_the_field():
    def refused(fields, field, who=None, method="POST", path=API + "/entries"):
        who = who or F.documenter
        body = fields if method == "PATCH" else dict(entry_doc("open-a"), **fields)
        r = who.api.request(method, path, body=body)
        got = error_field(r)
        assert got == field, "%s: field %r, expected %r: %s" % (fields, got, field, r.text)
        return r

    for kind in ("poem", "", "Observation", "story of change", "photos"):
        refused({"kind": kind}, "kind")
    for date in ("2025-02-30", "2025-13-01", "12/03/2025", "2025-3-1", "yesterday",
                 "2025-03-01T10:00:00Z", "0000-00-00"):
        refused({"happened_on": date}, "happened_on")
    r = refused({"happened_on": "2999-01-01"}, "happened_on")
    assert "past" in r.json()["error"]["message"], r.text
    refused({"colour": "red"}, "colour")
    refused({"title": "   "}, "title")
    body = entry_doc("open-a")
    del body["title"]
    assert error_field(F.documenter.api.post_json(API + "/entries", body)) == "title"
    refused({"title": 5}, "title")
    refused({"title": "x" * 201}, "title")
    refused({"body": ""}, "body")
    refused({"kind": "quote", "body": " "}, "body")
    refused({"kind": "photo", "body": "A caption"}, "links")
    refused({"links": [{"label": "x", "url": "javascript:alert(1)"}]}, "links")
    refused({"links": [{"label": "x", "url": "//evil.example/x"}]}, "links")
    refused({"links": [{"label": "x", "url": "https://e.example/\"><script>"}]}, "links")
    refused({"links": [{"label": "x", "url": "data:text/html,<script>alert(1)</script>"}]},
            "links")
    refused({"links": [{"label": "x"}]}, "links")
    refused({"links": "https://example.org"}, "links")
    refused({"links": [{"url": "https://example.org/%d" % i} for i in range(13)]}, "links")
    refused({"visibility": "everyone"}, "visibility")
    refused({"status": "final"}, "status")
    refused({"place": ["a"]}, "place")
    refused({"platform": UNKNOWN_ID}, "platform")
    # A photo with its photo is fine, without a body.
    photo = create(F.documenter, "open-a", kind="photo", body="",
                   links=[{"label": "The new latrine", "url": "https://example.org/l.jpg"}])
    # Edits are checked the same way; platform is not a field of an edit.
    path = API + "/entries/" + photo["id"]
    refused({"links": []}, "links", method="PATCH", path=path)
    refused({"happened_on": "2999-12-31"}, "happened_on", method="PATCH", path=path)
    refused({"platform": F.platforms["open-top"]["id"]}, "platform", method="PATCH", path=path)
    refused({"author": "x"}, "author", method="PATCH", path=path)
    ok(server.delete(path), 204)
    # Not JSON, not an object.
    for raw in (b"{", b"[]", b'"text"', b'{"title": "a", "title": "b"}'):
        r = F.documenter.api.request("POST", API + "/entries", body=raw,
                                     headers={"Content-Type": "application/json"})
        assert r.status == 400, (raw, r.status)
    # List filters.
    for query, field in (("kind=poem", "kind"), ("from=2025-02-30", "from"),
                         ("to=tomorrow", "to"), ("platform=" + UNKNOWN_ID, "platform"),
                         ("limit=0", "limit"), ("cursor=nope", "cursor")):
        assert error_field(server.get(API + "/entries?" + query)) == field, query
    for missing in (API + "/entries/" + UNKNOWN_ID, API + "/entries/not-an-id"):
        assert server.get(missing).status == 404
        assert server.patch_json(missing, {"title": "x"}).status == 404
        assert server.delete(missing).status == 404
    assert server.sql("SELECT count(*) FROM entry")[0][0] in (0, "0"), "a refused write stored"


def test_form_errors_are_beside_the_fields_and_what_was_typed_is_kept():
    web = F.member.web
    path = "/platforms/%s/journal/new" % F.platforms["open-a"]["id"]
    form = web.get(path)
    assert form.status == 200 and 'name="kind"' in form.text
    r = web.post_form(path, {"kind": "observation", "title": "", "happened_on": "2999-01-01",
                             "place": "Zj typed place", "people": "", "body": "Zj typed body",
                             "links": "not a link", "visibility": "platform",
                             "status": "draft"})
    assert r.status == 400, r.status
    text = r.text
    assert 'class="error-summary' in text, "no error summary"
    for field in ("title", "happened_on", "links"):
        assert 'href="#f-%s"' % field in text, "the summary does not link to " + field
        assert 'id="f-%s-error"' % field in text, "no error beside " + field
    assert "Enter a title for the entry" in text
    assert "The date must be today or in the past" in text
    assert "Zj typed place" in text and "Zj typed body" in text and "not a link" in text
    assert server.sql("SELECT count(*) FROM entry")[0][0] in (0, "0")
    # Right, the form saves and goes to the entry.
    r = web.post_form(path, {"kind": "quote", "title": "Zj what the chief said",
                             "happened_on": "2025-01-02", "place": "", "people": "The chief",
                             "body": "Water is life.", "links": "", "visibility": "alliance",
                             "status": "draft"})
    assert r.status == 303, (r.status, r.text[:300])
    location = r.header("Location")
    assert location.startswith("/entries/"), location
    page = web.get(location)
    assert page.status == 200 and "<blockquote" in page.text and "Water is life." in page.text
    eid = location.rsplit("/", 1)[1]
    got = ok(server.get(API + "/entries/" + eid))
    assert got["kind"] == "quote" and got["people"] == "The chief" and got["status"] == "draft"
    # Editing through the form, then deleting on a page of its own (a publisher).
    edit = web.get(location + "/edit")
    assert edit.status == 200 and "Zj what the chief said" in edit.text
    r = web.post_form(location + "/edit", {"kind": "quote", "title": "", "happened_on": "x",
                                           "body": "Water is life.", "visibility": "alliance",
                                           "status": "draft"})
    assert r.status == 400 and "Enter a title for the entry" in r.text
    r = web.post_form(location + "/edit", {"kind": "quote", "title": "Zj the chief's words",
                                           "happened_on": "2025-01-02", "people": "The chief",
                                           "body": "Water is life.", "visibility": "alliance",
                                           "status": "draft"})
    assert r.status == 303, r.status
    assert ok(server.get(API + "/entries/" + eid))["title"] == "Zj the chief's words"
    confirm = F.documenter.web.get(location + "/delete")
    assert confirm.status == 200 and "Delete the entry" in confirm.text
    r = F.documenter.web.post_form(location + "/delete", {})
    assert r.status == 303, r.status
    assert r.header("Location") == "/platforms/%s/journal" % F.platforms["open-a"]["id"]
    assert server.get(API + "/entries/" + eid).status == 404


# 3. Rights ------------------------------------------------------------------------

def test_rights():
    open_a = F.platforms["open-a"]["id"]
    # A member writes drafts, and may not publish.
    draft = create(F.member, "open-a", title="Zj member's draft")
    assert draft["status"] == "draft" and draft["author"] == F.member.person["id"]
    assert F.member.api.post_json(API + "/entries", entry_doc(
        "open-a", status="published")).status == 403
    # An observer may not write; signed out is 401 (with WWW-Authenticate).
    assert F.observer.api.post_json(API + "/entries", entry_doc("open-a")).status == 403
    r = F.anonymous.api.post_json(API + "/entries", entry_doc("open-a"))
    assert r.status == 401 and r.header("WWW-Authenticate") == "Bearer", r.status
    # A member of another platform of the alliance may not write here.
    assert F.peer.api.post_json(API + "/entries", entry_doc("open-a")).status == 403
    # The author edits their own draft; the publisher edits and publishes it.
    ok(F.member.api.patch_json(API + "/entries/" + draft["id"], {"place": "Zj well 3"}))
    assert F.member.api.patch_json(API + "/entries/" + draft["id"],
                                   {"status": "published"}).status == 403
    published = ok(F.documenter.api.patch_json(API + "/entries/" + draft["id"],
                                                {"status": "published"}))
    assert published["status"] == "published" and published["published_at"]
    # Others' entries: the member and the observer read it but may not edit or delete.
    mine = create(F.documenter, "open-a", title="Zj documenter's entry", status="published")
    for v in (F.member, F.observer):
        assert v.api.patch_json(API + "/entries/" + mine["id"], {"title": "x"}).status == 403
        assert v.api.delete(API + "/entries/" + mine["id"]).status == 403
    # Signed out: 401 for writes on an entry that exists (public) …
    public = create(F.documenter, "open-a", title="Zj public", status="published",
                    visibility="public")
    assert F.anonymous.api.patch_json(API + "/entries/" + public["id"],
                                      {"title": "x"}).status == 401
    assert F.anonymous.api.delete(API + "/entries/" + public["id"]).status == 401
    # … the member may not delete even their own entry (deleting is for publishers).
    assert F.member.api.delete(API + "/entries/" + draft["id"]).status == 403
    # Links on the pages follow the rights.
    journal = "/platforms/%s/journal" % open_a
    for v, may_write in ((F.member, True), (F.documenter, True), (F.observer, False),
                         (F.anonymous, False), (F.peer, False)):
        page = v.web.get(journal)
        assert page.status == 200, (v, page.status)
        assert ((journal + "/new") in page.text) == may_write, v
        platform = v.web.get("/platforms/" + open_a)
        assert ((journal + "/new") in platform.text) == may_write, v
    for v, eid, edit, delete in ((F.member, draft["id"], True, False),
                                 (F.member, mine["id"], False, False),
                                 (F.documenter, draft["id"], True, True),
                                 (F.observer, mine["id"], False, False),
                                 (F.anonymous, public["id"], False, False)):
        page = v.web.get("/entries/" + eid)
        assert page.status == 200, (v, eid, page.status)
        assert ("/entries/%s/edit" % eid in page.text) == edit, (v, eid, "edit")
        assert ("/entries/%s/delete" % eid in page.text) == delete, (v, eid, "delete")
    assert F.observer.web.get("/entries/%s/edit" % mine["id"]).status == 403
    assert F.member.web.get("/entries/%s/delete" % mine["id"]).status == 403
    assert F.observer.web.get(journal + "/new").status == 403
    assert F.anonymous.web.get("/entries/%s/edit" % public["id"]).status in (303, 401)
    # An entry of a members-only alliance does not exist from outside.
    closed = create(F.closed, "closed-a", title="Zj closed draft")
    for v in (F.outsider, F.anonymous, F.peer):
        assert v.api.get(API + "/entries/" + closed["id"]).status == 404, v
        assert v.web.get("/entries/" + closed["id"]).status == 404, v
        assert v.web.get("/platforms/%s/journal" % F.platforms["closed-a"]["id"]).status == 404
        if v.api.token:
            assert v.api.patch_json(API + "/entries/" + closed["id"], {"title": "x"}).status \
                == 404, v
            assert v.api.delete(API + "/entries/" + closed["id"]).status == 404, v
            # Writing there answers as for a platform that does not exist.
            r = v.api.post_json(API + "/entries", entry_doc("closed-a"))
            assert error_field(r) == "platform", (v, r.text)
    for e in (draft, mine, public, closed):
        ok(server.delete(API + "/entries/" + e["id"]), 204)


# 4. Visibility in every view ---------------------------------------------------------

VIS_ENTRIES = (
    # label, platform, visibility, status, author
    ("pubok", "open-a", "public", "published", "documenter"),
    ("allok", "open-a", "alliance", "published", "documenter"),
    ("platok", "open-a", "platform", "published", "documenter"),
    ("draftplat", "open-a", "platform", "draft", "member"),
    ("draftpub", "open-a", "public", "draft", "member"),
    ("topplat", "open-top", "platform", "published", "admin"),
    ("closedpub", "closed-a", "public", "published", "admin"),
    ("closedplat", "closed-a", "platform", "published", "admin"),
)


def may_read(v, e):
    """The rule of visibility.h for an entry e (a dict of the fixture)."""
    if v.admin:
        return True
    alliance = F.alliance_of[e["platform"]]
    if alliance == "closed" and alliance not in v.alliances:
        return False
    level = {"public": True, "alliance": alliance in v.alliances,
             "platform": e["platform"] in v.platforms}[e["visibility"]]
    return level and (e["status"] == "published" or e["author"] == v.label
                      or e["platform"] in v.publishes)


def count_line(text):
    m = re.search(r'<p class="count">([\d,]+) ', text)
    return int(m.group(1).replace(",", "")) if m else None


def test_visibility_in_every_view():
    authors = {"documenter": F.documenter, "member": F.member, "admin": F.admin}
    entries = []
    for label, platform, visibility, status, author in VIS_ENTRIES:
        title = "Zjvis %s zjword" % label
        got = create(authors[author], platform, title=title, visibility=visibility,
                     status=status, body="Zjbody of %s zjword" % label,
                     place="Zjplace-" + label)
        entries.append({"label": label, "platform": platform, "visibility": visibility,
                        "status": status, "author": author, "id": got["id"], "title": title})
    problems = []

    def check(cond, what):
        if not cond:
            problems.append(what)

    for v in F.viewers:
        want = [e for e in entries if may_read(v, e)]
        want_ids = {e["id"] for e in want}
        for e in entries:
            expect = 200 if e in want else 404
            page = v.web.get("/entries/" + e["id"])
            check(page.status == expect, "%s page %s: %d" % (v, e["label"], page.status))
            read = v.api.get(API + "/entries/" + e["id"])
            check(read.status == expect, "%s API %s: %d" % (v, e["label"], read.status))
        listed = ok(v.api.get(API + "/entries?limit=200"), 200, "%s list" % v)
        check({i["id"] for i in listed["items"]} == want_ids and listed["total"] == len(want),
              "%s list: %s, total %d" % (v, sorted(i["title"] for i in listed["items"]),
                                        listed["total"]))
        for platform in ("open-a", "open-top", "closed-a"):
            on = {e["id"] for e in want if e["platform"] == platform}
            readable = F.alliance_of[platform] == "open" or v.admin or "closed" in v.alliances
            r = v.api.get(API + "/entries?platform=" + F.platforms[platform]["id"])
            if not readable:
                check(r.status == 400 and r.json()["error"]["field"] == "platform",
                      "%s list on hidden %s: %d" % (v, platform, r.status))
                page = v.web.get("/platforms/%s/journal" % F.platforms[platform]["id"])
                check(page.status == 404, "%s journal of hidden %s: %d" % (v, platform,
                                                                           page.status))
                continue
            got = r.json()
            check({i["id"] for i in got["items"]} == on and got["total"] == len(on),
                  "%s list on %s: %d" % (v, platform, got["total"]))
            journal = v.web.get("/platforms/%s/journal" % F.platforms[platform]["id"])
            check(journal.status == 200 and count_line(journal.text) == len(on),
                  "%s journal of %s: count %r, want %d" % (v, platform,
                                                          count_line(journal.text), len(on)))
            home = v.web.get("/platforms/" + F.platforms[platform]["id"]).text
            for e in entries:
                if e["platform"] != platform:
                    continue
                check((e["title"] in journal.text) == (e["id"] in on),
                      "%s journal of %s shows %s: %s" % (v, platform, e["label"],
                                                         e["title"] in journal.text))
                check((e["title"] in home) == (e["id"] in on),
                      "%s platform page %s shows %s" % (v, platform, e["label"]))
        # Search: the hits, the count per kind, the page.
        found = ok(v.api.get(API + "/search?q=zjword&kind=entry&limit=50"))
        check({h["id"] for h in found["items"] if h["kind"] == "entry"} == want_ids,
              "%s search hits: %s" % (v, sorted(h["title"] for h in found["items"])))
        check(found["counts"].get("entry", 0) == len(want) and found["total"] == len(want),
              "%s search counts %s" % (v, found["counts"]))
        everything = ok(v.api.get(API + "/search?limit=50"))
        check(everything["counts"].get("entry", 0) == len(want),
              "%s browse counts %s" % (v, everything["counts"]))
        page = v.web.get("/search?q=zjword&kind=entry")
        check(page.status == 200 and count_line(page.text) == len(want),
              "%s search page count %r" % (v, count_line(page.text)))
        for e in entries:
            check((e["title"] in page.text) == (e in want) and
                  (("/entries/" + e["id"]) in page.text) == (e in want),
                  "%s search page shows %s" % (v, e["label"]))
            check(("Zjplace-" + e["label"] in page.text) <= (e in want),
                  "%s search page leaks the place of %s" % (v, e["label"]))
    for e in entries:
        ok(server.delete(API + "/entries/" + e["id"]), 204)
    assert not problems, "\n".join(problems)


def test_the_audit_trail_shows_a_draft_only_to_those_who_may_read_it():
    """Every member of a platform, an observer too, reads its audit trail; a
    draft is read only by its author and those who may publish there. The
    trail must not give a draft's title or text to the others."""
    trail = "/platforms/%s/audit" % F.platforms["open-a"]["id"]
    draft = create(F.member, "open-a", title="Zj draft for the trail zjtrail",
                   body="Zjtrailtext of the draft")
    ok(F.member.api.patch_json(API + "/entries/" + draft["id"], {"place": "Zjtrailplace"}))
    for v, sees in ((F.member, True), (F.documenter, True), (F.admin, True),
                    (F.observer, False)):
        page = v.web.get(trail)
        assert page.status == 200, (v, page.status)
        for word in ("zjtrail", "Zjtrailtext", "Zjtrailplace"):
            assert (word in page.text) == sees, (v, word)
    ok(F.documenter.api.patch_json(API + "/entries/" + draft["id"], {"status": "published"}))
    assert "zjtrail" in F.observer.web.get(trail).text, "published, it is in the trail"
    ok(server.delete(API + "/entries/" + draft["id"]), 204)


# 5. The timeline --------------------------------------------------------------------

def test_timeline_groups_by_month_newest_first_with_filters_and_pages():
    platform = F.platforms["empty"]["id"]
    journal = "/platforms/%s/journal" % platform
    # Empty first: what belongs here, and the action for those who may.
    assert "No journal entries yet" in F.anonymous.web.get(journal).text
    assert "No journal entries yet" in F.anonymous.web.get("/platforms/" + platform).text
    made = []
    for day, kind in (("2024-11-05", "observation"), ("2025-01-15", "quote"),
                      ("2024-12-20", "reflection"), ("2025-01-03", "story"),
                      ("2024-12-01", "quote")):
        made.append(create(server, "empty",
                           title="Zjtl %s %s" % (day, kind), kind=kind, happened_on=day,
                           status="published", visibility="public"))
    text = F.anonymous.web.get(journal).text
    months = re.findall(r"<h2>([^<]+)</h2>", text[text.find('class="timeline"'):])
    assert months == ["January 2025", "December 2024", "November 2024"], months
    order = re.findall(r"Zjtl (\d{4}-\d\d-\d\d)", text)
    assert order == ["2025-01-15", "2025-01-03", "2024-12-20", "2024-12-01", "2024-11-05"], order
    assert count_line(text) == 5
    assert "&lt;" not in text, "markup written as text: " + text[text.find("&lt;") - 80:][:200]
    # The date on the left of each entry, as people read it.
    assert '<div class="timeline__date"><time datetime="2025-01-15">15 January 2025</time>' \
        in text
    # Filters: kind, and dates (inclusive).
    quotes = F.anonymous.web.get(journal + "?kind=quote").text
    assert re.findall(r"Zjtl (\S+) quote", quotes) == ["2025-01-15", "2024-12-01"]
    assert count_line(quotes) == 2 and "Zjtl 2025-01-03" not in quotes
    ranged = F.anonymous.web.get(journal + "?from=2024-12-01&to=2025-01-03").text
    assert re.findall(r"Zjtl (\d{4}-\d\d-\d\d)", ranged) == ["2025-01-03", "2024-12-20",
                                                             "2024-12-01"], ranged
    none = F.anonymous.web.get(journal + "?kind=photo").text
    assert "No entry matches" in none and count_line(none) == 0
    api = ok(server.get(API + "/entries?platform=%s&kind=quote&from=2024-12-02" % platform))
    assert [e["happened_on"] for e in api["items"]] == ["2025-01-15"], api
    api = ok(server.get(API + "/entries?platform=%s&to=2024-12-01" % platform))
    assert sorted(e["happened_on"] for e in api["items"]) == ["2024-11-05", "2024-12-01"]
    # The platform page: the latest five and the link to all.
    home = F.anonymous.web.get("/platforms/" + platform).text
    assert 'id="journal"' in home and "See all 5 entries of the journal" in home
    # Paging: twenty a page, "Next" to the rest.
    for i in range(18):
        made.append(create(server, "empty", title="Zjtl 2023-05-%02d page" % (i + 1),
                           happened_on="2023-05-%02d" % (i + 1), status="published",
                           visibility="public"))
    first = F.anonymous.web.get(journal).text
    assert count_line(first) == 23 and len(re.findall(r'class="timeline__item"', first)) == 20
    assert "Page 1 of 2" in first and 'rel="next"' in first
    second = F.anonymous.web.get(journal + "?page=2").text
    assert re.findall(r"Zjtl (\d{4}-\d\d-\d\d)", second) == ["2023-05-03", "2023-05-02",
                                                             "2023-05-01"], second
    assert "May 2023" in second
    for e in made:
        ok(server.delete(API + "/entries/" + e["id"]), 204)


# 6. Text from people renders inert --------------------------------------------------

XSS = {
    "title": "<script>alert('zjt')</script> Zjx title",
    "body": ("Zjx <script>alert('zjb')</script> <img src=x onerror=alert(1)> "
             "[click](javascript:alert('zjl')) <a href=\"javascript:alert(2)\">raw</a> "
             "<iframe src=\"https://evil.example\"></iframe>\n\n"
             "[also](JaVaScRiPt:alert(3)) ![pic](javascript:alert(4))"),
    "place": "<b onmouseover=alert(5)>Zjx place</b>",
    "people": "\"><svg onload=alert(6)>",
}


class Markup(html.parser.HTMLParser):
    """Every element and attribute of a page, as a browser would read them."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.text = [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_data(self, data):
        self.text.append(data)


def test_text_renders_inert_and_the_api_gives_it_back_exactly():
    e = create(server, "open-a", status="published", visibility="public",
               links=[{"label": "<script>alert('zjk')</script>",
                       "url": "https://example.org/?a='x'&b=1"}], **XSS)
    got = ok(server.get(API + "/entries/" + e["id"]))
    for name, value in XSS.items():
        assert got[name] == value, (name, got[name])
    assert got["links"][0]["label"] == "<script>alert('zjk')</script>"
    pages = ["/entries/" + e["id"], "/platforms/%s/journal" % F.platforms["open-a"]["id"],
             "/platforms/" + F.platforms["open-a"]["id"], "/search?q=zjx",
             "/entries/%s/edit" % e["id"], "/entries/%s/delete" % e["id"]]
    for path in pages:
        page = F.admin.web.get(path)
        assert page.status == 200, (path, page.status)
        m = Markup(page.text)
        for tag in ("script", "iframe", "svg", "b"):
            assert tag not in m.tags, (path, tag)
        for tag, name, value in m.attributes:
            assert not name.startswith("on"), (path, tag, name, value)
            if name in ("href", "src", "action") and (tag, value) != ("link", "data:,"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), \
                    (path, tag, name, value)
        # Markdown images may stay, with the javascript: address emptied.
        assert all(v == "" for t, n, v in m.attributes if t == "img" and n == "src"), path
        # What people wrote is there, as text.
        words = "".join(m.text) + " ".join(v for _, _, v in m.attributes)
        assert "Zjx" in words, path
    shown = "".join(Markup(F.admin.web.get("/entries/" + e["id"]).text).text)
    for value in (XSS["title"], XSS["place"], XSS["people"], "<script>alert('zjk')</script>"):
        assert value in shown, "not shown as text: %r" % value
    ok(server.delete(API + "/entries/" + e["id"]), 204)


# 7. Platforms and moving an installation -------------------------------------------

def test_a_platform_holding_entries_is_not_deleted():
    doc = {"alliance": "zj-open", "name": "Zj short-lived",
           "parent": F.platforms["open-top"]["id"]}
    pl = ok(server.post_json(API + "/platforms", doc), 201)
    e = create(server, "open-a", title="Zj keeps it")
    moved = ok(server.post_json(API + "/entries", dict(entry_doc("open-a", title="Zj holds"),
                                                       platform=pl["id"])), 201)
    r = server.delete(API + "/platforms/" + pl["id"])
    assert r.status == 409, (r.status, r.text)
    ok(server.delete(API + "/entries/" + moved["id"]), 204)
    assert server.delete(API + "/platforms/" + pl["id"]).status == 204
    ok(server.delete(API + "/entries/" + e["id"]), 204)


def test_export_and_import_keep_entries_searchable():
    e = create(server, "open-a", title="Zjmoved across servers", status="published",
               visibility="public", links=[{"label": "Zj", "url": "/documents/x"}])
    with tempfile.TemporaryDirectory(prefix="alliance-entries-") as tmp:
        path = os.path.join(tmp, "all.jsonl")
        done = server.run_cli("export", path)
        assert done.returncode == 0, done.stderr
        copy = Server(admin=False, data_dir=os.path.join(tmp, "copy"))
        done = copy.run_cli("import", path)
        assert done.returncode == 0, done.stderr
        copy.start()
        try:
            got = ok(copy.get(API + "/entries/" + e["id"]))
            assert got == ok(server.get(API + "/entries/" + e["id"]))
            found = ok(copy.get(API + "/search?q=zjmoved&kind=entry"))
            assert [h["id"] for h in found["items"]] == [e["id"]], found
        finally:
            copy.stop()
            harness.drop_db(copy.data_dir)
    ok(server.delete(API + "/entries/" + e["id"]), 204)


def main():
    global server
    server = Server()
    server.start()
    try:
        build_fixture()
        run([
            test_api_round_trip,
            test_list_pages_by_cursor,
            test_bad_input_is_refused_naming_the_field,
            test_form_errors_are_beside_the_fields_and_what_was_typed_is_kept,
            test_rights,
            test_visibility_in_every_view,
            test_the_audit_trail_shows_a_draft_only_to_those_who_may_read_it,
            test_timeline_groups_by_month_newest_first_with_filters_and_pages,
            test_text_renders_inert_and_the_api_gives_it_back_exactly,
            test_a_platform_holding_entries_is_not_deleted,
            test_export_and_import_keep_entries_searchable,
        ])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
