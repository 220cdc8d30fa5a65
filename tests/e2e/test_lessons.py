#!/usr/bin/env python3
"""Lessons learned (src/domain/lesson.h, src/web/lesson.c, src/api/lesson.c).

One server with no demo, so that every list and `total` is known exactly, and
a fixture made through the API and the CLI: a public alliance ("open") with a
top platform and two district platforms, a members-only alliance ("closed")
with two platforms, and people with accounts, tokens and browser sessions who
hold every role (convenor, facilitator, documenter, member, observer) on the
open district platform, plus a member of its sibling platform, a member and
a documenter of a platform of the closed alliance, a member of the closed
alliance's top platform, someone signed in with no membership, the
administrator, and someone signed out.

Covered:
  * the visibility matrix first (while only its lessons exist, so that every
    global total is exact): every viewer kind × lesson visibility (platform,
    alliance, public) × status (draft, published) × alliance (public,
    members-only) × every view — the lesson page, the API read, the API list
    (unfiltered and filtered by alliance and platform), /lessons and
    /platforms/{id}/lessons (presence and the count line), the search API
    (presence, total, per-kind counts) and the /search page (presence, the
    count line and the tab counts). The rule is written below in Python from
    lesson.h, visibility.h and row.h's ROW_VISIBLE_ITEM;
  * the audit trail of a platform does not show a draft to members who may
    not read the draft (visibility.h: every view asks the rule);
  * the API round trip (201 + Location, GET, PATCH, list with limit and
    cursor, DELETE 204 then 404 and a tombstone);
  * defaults (a failure is kept to the platform, anything else to the
    alliance; a draft unless someone who may publish asks for published);
  * rights (members write drafts and edit their own; only convenors,
    facilitators and documenters publish, edit others' lessons and delete;
    observers may not write; signed out is 401), on the API and the forms;
  * filters (outcome, platform, alliance, tag, from, to) on the API, on
    /lessons and on /platforms/{id}/lessons, and bad filter values;
  * bad input, each answered 400 naming its field;
  * the audit trail records lesson changes;
  * a platform holding lessons cannot be deleted (409 with a message).
"""
import os
import re
import sys
import time
from urllib.parse import quote, urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run, Obj, ok  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-lessons-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"

server = None


def client(token=None):
    return server.client(token)


def cli(*args, stdin=None):
    return server.cli_ok(*args, stdin=stdin)


def web_client(email, password):
    return server.web_client(email, password)

F = None   # the fixture


# Fixture -------------------------------------------------------------------------

def build_fixture():
    global F
    F = Obj(viewers=[], platforms={}, alliances={})
    for label, slug, vis in (("open", "zq-lessons-open", "public"),
                             ("closed", "zq-lessons-closed", "members")):
        doc = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq %s alliance" % label.title(),
            "levels": ["National", "District"], "visibility": vis}), 201, "alliance " + label)
        F.alliances[label] = Obj(label=label, slug=slug, visibility=vis, id=doc["id"])
    for label, alliance, parent in (("o-top", "open", None), ("o-a", "open", "o-top"),
                                    ("o-b", "open", "o-top"), ("c-top", "closed", None),
                                    ("c-a", "closed", "c-top")):
        body = {"alliance": F.alliances[alliance].slug, "name": "Zq platform %s" % label}
        if parent:
            body["parent"] = F.platforms[parent].id
        doc = ok(server.post_json(API + "/platforms", body), 201, "platform " + label)
        F.platforms[label] = Obj(label=label, id=doc["id"], alliance=F.alliances[alliance],
                                 name=body["name"])
    anonymous = Obj(label="signed-out", admin=False, signed_in=False, person=None, roles={})
    anonymous.api = anonymous.web = client()
    F.viewers.append(anonymous)
    for label, memberships in (("no-membership", []),
                               ("convenor", [("o-a", "convenor")]),
                               ("facilitator", [("o-a", "facilitator")]),
                               ("documenter", [("o-a", "documenter")]),
                               ("member", [("o-a", "member")]),
                               ("member2", [("o-a", "member")]),
                               ("observer", [("o-a", "observer")]),
                               ("sibling", [("o-b", "member")]),
                               ("c-member", [("c-a", "member")]),
                               ("c-documenter", [("c-a", "documenter")]),
                               ("c-sibling", [("c-top", "member")])):
        email = "%s@lessons.zq.test" % label
        name = "Zq Viewer %s" % label.title()
        person = ok(server.post_json(API + "/people", {"name": name, "email": email}), 201)
        for platform, role in memberships:
            ok(server.post_json(API + "/memberships", {
                "platform": F.platforms[platform].id, "person": person["id"], "role": role}),
               201, "membership %s on %s" % (label, platform))
        cli("user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli("token", "add", "--email", email, "--label", "lessons").strip()
        v = Obj(label=label, admin=False, signed_in=True, person=person["id"], name=name,
                roles={F.platforms[p].label: role for p, role in memberships})
        v.api = client(token)
        v.web = web_client(email, PASSWORD)
        F.viewers.append(v)
    found = ok(server.get(API + "/people?q=" + quote("E2E Administrator")))
    admin = Obj(label="administrator", admin=True, signed_in=True,
                person=found["items"][0]["id"] if found["items"] else None, roles={})
    admin.api = client(server.token)
    admin.web = web_client(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
    F.viewers.append(admin)
    F.by = {v.label: v for v in F.viewers}


def V(label):
    return F.by[label]


def P(label):
    return F.platforms[label]


def lesson_doc(**kw):
    doc = {"title": "Zq lesson", "lesson": "What we learnt.", "outcome": "success"}
    doc.update(kw)
    return doc


def create(viewer, platform, want=201, **kw):
    r = V(viewer).api.post_json(API + "/lessons", lesson_doc(platform=P(platform).id, **kw))
    return ok(r, want, "create a lesson on %s as %s" % (platform, viewer))


def count_line(body):
    m = re.search(r'<p class="count">([\d,]+) [^<]*</p>', body)
    return int(m.group(1).replace(",", "")) if m else None


def field_of(r):
    return r.json()["error"]["field"] if r.body else None


# The rule (lesson.h, visibility.h, row.h ROW_VISIBLE_ITEM), in Python -------------

PUBLISHERS = ("convenor", "facilitator", "documenter")
WRITERS = PUBLISHERS + ("member",)


def alliances_of(v):
    return {P(p).alliance.label for p in v.roles}


def may_read(v, ls):
    if v.admin:
        return True
    alliance = ls.platform.alliance
    in_alliance = alliance.label in alliances_of(v)
    if alliance.visibility == "members" and not in_alliance:
        return False
    if ls.visibility == "alliance" and not in_alliance:
        return False
    if ls.visibility == "platform" and ls.platform.label not in v.roles:
        return False
    if ls.status == "draft":
        return v.person == ls.author or v.roles.get(ls.platform.label) in PUBLISHERS
    return True


def may_read_platform(v, p):
    return v.admin or p.alliance.visibility == "public" or p.alliance.label in alliances_of(v)


# Checks ----------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.count = 0
        self.failures = []
        self.cells = set()

    def eq(self, got, want, what, repro):
        self.count += 1
        if got != want:
            self.failures.append("%s: got %r, want %r  [%s]" % (what, got, want, repro))
            return False
        return True

    def fail_if_any(self, title):
        if self.failures:
            shown = self.failures[:120]
            raise AssertionError("%s: %d of %d checks failed:\n  %s%s" % (
                title, len(self.failures), self.count, "\n  ".join(shown),
                "\n  … and %d more" % (len(self.failures) - len(shown))
                if len(self.failures) > len(shown) else ""))


def how(v, web):
    if not v.signed_in:
        return "signed out"
    return ("browser session of " if web else "API token of ") + v.label


# 1. The visibility matrix ---------------------------------------------------------

MATRIX_WORD = "zqmatrixword"


def build_matrix_lessons():
    """Twelve lessons: on o-a (public alliance) written by 'member', and on c-a
    (members-only alliance) written by 'c-member'; each visibility, each
    status. The published ones are published by the platform's documenter,
    editing the author's draft."""
    F.matrix = []
    n = 0
    for platform, author, publisher in (("o-a", "member", "documenter"),
                                        ("c-a", "c-member", "c-documenter")):
        for vis in ("platform", "alliance", "public"):
            for status in ("draft", "published"):
                code = "zqm%02d" % n
                n += 1
                title = "Zq matrix %s %s %s %s" % (code, platform, vis, status)
                doc = create(author, platform, title=title, visibility=vis,
                             outcome=("failure", "success", "mixed")[n % 3],
                             lesson="%s %s: the pump committee kept records." % (MATRIX_WORD,
                                                                                code))
                assert doc["status"] == "draft" and doc["visibility"] == vis, doc
                assert doc["author"] == V(author).person, doc
                if status == "published":
                    doc = ok(V(publisher).api.patch_json(API + "/lessons/" + doc["id"],
                                                         {"status": "published"}),
                             200, "publish %s as %s" % (code, publisher))
                    assert doc["status"] == "published" and doc["published_at"], doc
                    assert doc["author"] == V(author).person, doc
                F.matrix.append(Obj(label="%s/%s/%s" % (platform, vis, status), id=doc["id"],
                                    code=code, title=title, platform=P(platform),
                                    visibility=vis, status=status,
                                    author=V(author).person))


def test_visibility_matrix():
    """Every viewer kind × visibility × status × alliance kind × every view.
    Runs first: only the matrix lessons exist, so global totals are exact."""
    C = Checks()
    build_matrix_lessons()
    for v in F.viewers:
        readable = [ls for ls in F.matrix if may_read(v, ls)]
        want_ids = {ls.id for ls in readable}
        by_id = {ls.id: ls for ls in F.matrix}

        def labels(ids):
            return sorted(by_id[i].label for i in ids if i in by_id)

        # The lesson page and the API read, one by one.
        for ls in F.matrix:
            see = may_read(v, ls)
            path = "/lessons/" + ls.id
            r = v.web.get(path)
            if C.eq(r.status, 200 if see else 404, "page of lesson %s" % ls.label,
                    "GET %s, %s" % (path, how(v, True))) and see:
                C.eq(ls.title in r.text, True, "title on the page of %s" % ls.label,
                     "GET %s, %s" % (path, how(v, True)))
            r = v.api.get(API + path)
            if C.eq(r.status, 200 if see else 404, "API read of lesson %s" % ls.label,
                    "GET %s%s, %s" % (API, path, how(v, False))) and see:
                C.eq(r.json()["title"], ls.title, "API title of %s" % ls.label, "")
            for view in ("page", "api-read"):
                C.cells.add((v.label, ls.label, view))

        # The API list: everything, by alliance, by platform.
        lists = [(API + "/lessons?limit=200", lambda ls: True)]
        for a in F.alliances.values():
            lists.append((API + "/lessons?limit=200&alliance=" + a.slug,
                          lambda ls, a=a: ls.platform.alliance is a))
        for p in ("o-a", "c-a"):
            lists.append((API + "/lessons?limit=200&platform=" + P(p).id,
                          lambda ls, p=p: ls.platform.label == p))
        for path, keep in lists:
            r = v.api.get(path)
            rp = "GET %s, %s" % (path, how(v, False))
            hidden_filter = ("alliance=zq-lessons-closed" in path or "platform=" + P("c-a").id
                             in path) and not may_read_platform(v, P("c-a"))
            if hidden_filter:
                # A filter naming a record the viewer may not read answers as
                # an unknown one does.
                unknown = v.api.get(re.sub(r"(alliance|platform)=[^&]+", r"\1=" + UNKNOWN_ID,
                                           path))
                C.eq((r.status, field_of(r)), (unknown.status, field_of(unknown)),
                     "a list filtered by a hidden record answers as for an unknown one", rp)
                continue
            if not C.eq(r.status, 200, "status of the API list", rp):
                continue
            doc = r.json()
            want = {ls.id for ls in readable if keep(ls)}
            got = {it["id"] for it in doc["items"]}
            C.eq(labels(got), labels(want), "lessons in the API list", rp)
            C.eq(doc["total"], len(want), "total of the API list", rp)
            C.eq(len(doc["items"]), len(want), "length of the API list", rp)
            for ls in F.matrix:
                C.cells.add((v.label, ls.label, "api-list"))

        # /lessons and /platforms/{id}/lessons.
        pages = [("/lessons", lambda ls: True, True)]
        for p in ("o-a", "c-a"):
            pages.append(("/platforms/%s/lessons" % P(p).id, lambda ls, p=p: ls.platform.label == p,
                          may_read_platform(v, P(p))))
        for path, keep, reachable in pages:
            r = v.web.get(path)
            rp = "GET %s, %s" % (path, how(v, True))
            if not C.eq(r.status, 200 if reachable else 404, "status of " + path, rp) \
                    or not reachable:
                continue
            want = [ls for ls in readable if keep(ls)]
            C.eq(count_line(r.text), len(want), "count line of " + path, rp)
            for ls in F.matrix:
                if keep(ls):
                    C.eq(ls.title in r.text, ls in want, "%s listed on %s" % (ls.label, path), rp)
                    C.eq(ls.id in r.text, ls in want, "id of %s on %s" % (ls.label, path), rp)
                    C.cells.add((v.label, ls.label, "html-list"))

        # Search: the API and the page, with the shared word and with none.
        for q in (MATRIX_WORD, ""):
            path = API + "/search?limit=200&q=" + quote(q)
            r = v.api.get(path)
            rp = "GET %s, %s" % (path, how(v, False))
            if C.eq(r.status, 200, "status of the search API", rp):
                doc = r.json()
                got = {it["id"] for it in doc["items"]}
                C.eq(labels(got), labels(want_ids), "lessons found by the search API", rp)
                C.eq(doc["total"], len(want_ids), "total of the search API", rp)
                C.eq(doc["counts"], {"lesson": len(want_ids)} if want_ids else {},
                     "counts per kind of the search API", rp)
            path = "/search?q=" + quote(q)
            r = v.web.get(path)
            rp = "GET %s, %s" % (path, how(v, True))
            if C.eq(r.status, 200, "status of /search", rp):
                C.eq(count_line(r.text), len(want_ids), "count line of /search", rp)
                for ls in F.matrix:
                    C.eq(ls.title in r.text, ls.id in want_ids,
                         "%s found on /search" % ls.label, rp)
                tabs = re.findall(r">(Everything|Lessons) \(([\d,]+)\)</a>", r.text)
                want_tabs = [("Everything", str(len(want_ids)))] + (
                    [("Lessons", str(len(want_ids)))] if want_ids else [])
                C.eq(tabs, want_tabs, "tab counts of /search", rp)
        # One lesson at a time, by its own word.
        for ls in F.matrix:
            path = API + "/search?q=" + ls.code
            r = v.api.get(path)
            rp = "GET %s, %s" % (path, how(v, False))
            if C.eq(r.status, 200, "status of the search API", rp):
                doc = r.json()
                see = may_read(v, ls)
                C.eq(([it["id"] for it in doc["items"]], doc["total"], doc["counts"]),
                     ([ls.id], 1, {"lesson": 1}) if see else ([], 0, {}),
                     "search for the word of %s" % ls.label, rp)
            for view in ("search", "counts"):
                C.cells.add((v.label, ls.label, view))
    print("  lesson matrix: %d viewers x %d lessons; %d cells, %d checks" % (
        len(F.viewers), len(F.matrix), len(C.cells), C.count))
    for v in F.viewers:
        print("    %-14s reads %2d of %d: %s" % (v.label, sum(may_read(v, ls) for ls in F.matrix),
                                                 len(F.matrix), " ".join(
            "x" if may_read(v, ls) else "." for ls in F.matrix)))
    C.fail_if_any("lesson visibility matrix")


def test_audit_trail_hides_drafts_from_members_who_may_not_read_them():
    """A draft is read only by its author and those who may publish on its
    platform (lesson.h, row.h ROW_VISIBLE_ITEM), and visibility.h says every
    view asks that rule. The platform's audit trail, which every member (an
    observer too) may read, must not show a draft's title or text to a member
    who may not read the draft."""
    C = Checks()
    drafts = [ls for ls in F.matrix if ls.platform.label == "o-a" and ls.status == "draft"]
    assert drafts
    path = "/platforms/%s/audit" % P("o-a").id
    for label in ("member2", "observer", "member", "documenter", "convenor", "facilitator"):
        v = V(label)
        r = v.web.get(path)
        rp = "GET %s, %s" % (path, how(v, True))
        if not C.eq(r.status, 200, "status of the audit trail of o-a", rp):
            continue
        for ls in drafts:
            C.eq(ls.title in r.text, may_read(v, ls),
                 "title of draft %s in the audit trail" % ls.label, rp)
            C.eq("%s %s:" % (MATRIX_WORD, ls.code) in r.text, may_read(v, ls),
                 "text of draft %s in the audit trail" % ls.label, rp)
    C.fail_if_any("audit trail and drafts")


# 2. API round trip -------------------------------------------------------------------

def test_api_round_trip():
    api = V("documenter").api
    doc = lesson_doc(platform=P("o-a").id, title="Zq round trip", outcome="mixed",
                     context="Upper East, dry season.", what_happened="Two pumps failed.",
                     recommendation="Keep spare parts.", question="How do we fund repairs?",
                     happened_on="2025-03-12", tags=["Handpumps", "o-and-m", "handpumps"],
                     evidence=[{"label": "Field report", "url": "https://example.org/r.pdf"},
                               {"label": "Minutes", "url": "/documents/abc"}],
                     visibility="public", status="published")
    r = api.post_json(API + "/lessons", doc)
    created = ok(r, 201, "create")
    assert r.header("Location") == API + "/lessons/" + created["id"], r.header("Location")
    want = dict(doc, platform=P("o-a").id, alliance="zq-lessons-open",
                author=V("documenter").person, tags=["handpumps", "o-and-m"])
    for k, v in want.items():
        assert created[k] == v, "create: %s is %r, want %r" % (k, created[k], v)
    assert set(created) == {"id", "platform", "alliance", "author", "title", "context",
                            "what_happened", "lesson", "recommendation", "outcome", "status",
                            "visibility", "question", "happened_on", "tags", "evidence",
                            "created_at", "updated_at", "published_at"}, sorted(created)
    assert created["published_at"] and created["created_at"] == created["updated_at"], created
    got = ok(api.get(API + "/lessons/" + created["id"]))
    assert got == created, (got, created)
    # Read by someone else too (public and published: signed out).
    assert ok(V("signed-out").api.get(API + "/lessons/" + created["id"])) == created

    time.sleep(1.1)   # updated_at is to the second
    patched = ok(api.patch_json(API + "/lessons/" + created["id"],
                                {"title": "Zq round trip, edited", "tags": ["tariffs"],
                                 "evidence": []}), 200, "PATCH")
    assert patched["title"] == "Zq round trip, edited", patched
    assert patched["tags"] == ["tariffs"] and patched["evidence"] == [], patched
    for k in ("lesson", "context", "what_happened", "recommendation", "question", "outcome",
              "status", "visibility", "happened_on", "created_at", "published_at", "author"):
        assert patched[k] == created[k], "PATCH changed %s: %r → %r" % (k, created[k],
                                                                       patched[k])
    assert patched["updated_at"] > created["updated_at"], patched
    assert ok(api.get(API + "/lessons/" + created["id"])) == patched
    # A PATCH without tags or evidence keeps them.
    again = ok(api.patch_json(API + "/lessons/" + created["id"], {"outcome": "failure"}))
    assert again["tags"] == ["tariffs"] and again["outcome"] == "failure", again
    assert again["visibility"] == "public", "a PATCH of the outcome must keep the visibility"

    # List with limit and cursor: every lesson of the platform, once each.
    for i in range(5):
        create("administrator", "o-b", title="Zq paging %d" % i, status="published",
               visibility="public")
    full = ok(api.get(API + "/lessons?limit=200&platform=" + P("o-b").id))
    assert full["total"] == 5 and full["next_cursor"] is None, full
    ids, cursor, pages = [], None, 0
    while True:
        path = API + "/lessons?limit=2&platform=" + P("o-b").id + (
            "&cursor=" + cursor if cursor else "")
        page = ok(api.get(path), 200, path)
        assert page["total"] == 5, page
        assert len(page["items"]) <= 2, page
        ids += [it["id"] for it in page["items"]]
        cursor = page["next_cursor"]
        pages += 1
        if not cursor:
            break
        assert cursor == page["items"][-1]["id"], page
        assert pages < 10
    assert len(ids) == 5 and len(set(ids)) == 5, ids
    assert set(ids) == {it["id"] for it in full["items"]}
    assert pages == 3, "5 lessons by 2 make 3 pages, not %d" % pages
    for item in full["items"]:
        assert item == ok(api.get(API + "/lessons/" + item["id"])), item["id"]
    for bad, field in (("limit=0", "limit"), ("limit=201", "limit"), ("limit=x", "limit"),
                       ("cursor=nope", "cursor")):
        r = api.get(API + "/lessons?" + bad)
        assert r.status == 400 and field_of(r) == field, (bad, r.status, r.text)

    # Delete: 204, then 404 for every verb, and a tombstone.
    r = api.delete(API + "/lessons/" + created["id"])
    assert r.status == 204 and not r.body, (r.status, r.text)
    assert api.get(API + "/lessons/" + created["id"]).status == 404
    assert api.patch_json(API + "/lessons/" + created["id"], {"title": "x"}).status == 404
    assert api.delete(API + "/lessons/" + created["id"]).status == 404
    assert V("signed-out").web.get("/lessons/" + created["id"]).status == 404
    rows = server.sql("SELECT kind FROM tombstone WHERE id = ?", (created["id"],))
    assert [tuple(r) for r in rows] == [("lesson",)], rows
    assert server.sql("SELECT count(*) FROM lesson WHERE id = ?",
                      (created["id"],))[0][0] in (0, "0")
    found = ok(api.get(API + "/search?q=" + quote("round trip")))
    assert created["id"] not in [it["id"] for it in found["items"]], "a deleted lesson is found"


# 3. Defaults ------------------------------------------------------------------------

def test_defaults():
    today = time.strftime("%Y-%m-%d", time.gmtime())
    for outcome, vis in (("failure", "platform"), ("success", "alliance"), ("mixed", "alliance")):
        doc = create("member", "o-a", title="Zq default " + outcome, outcome=outcome)
        assert doc["visibility"] == vis, "a %s defaults to %s: %r" % (outcome, vis, doc)
        assert doc["status"] == "draft" and doc["published_at"] is None, doc
        assert doc["happened_on"] == today, doc
        assert doc["tags"] == [] and doc["evidence"] == [], doc
        for k in ("context", "what_happened", "recommendation", "question"):
            assert doc[k] == "", (k, doc)
    # An explicit visibility wins, a failure included; empty means the default.
    doc = create("member", "o-a", outcome="failure", visibility="public")
    assert doc["visibility"] == "public", doc
    doc = create("member", "o-a", outcome="failure", visibility="")
    assert doc["visibility"] == "platform", doc
    # Someone who may publish writes a draft unless they ask.
    for who in PUBLISHERS:
        doc = create(who, "o-a", title="Zq default by " + who)
        assert doc["status"] == "draft" and doc["published_at"] is None, (who, doc)
        doc = create(who, "o-a", title="Zq published by " + who, status="published")
        assert doc["status"] == "published" and doc["published_at"], (who, doc)
    doc = create("administrator", "o-a", status="published")
    assert doc["status"] == "published", doc
    # The web form: the same defaults (a member's form carries status draft).
    v = V("member")
    r = v.web.post_form("/platforms/%s/lessons/new" % P("o-a").id, {
        "title": "Zq form failure", "outcome": "failure", "lesson": "Written in the form.",
        "happened_on": "", "visibility": "", "status": "draft", "tags": "", "evidence": ""})
    assert r.status == 303, (r.status, r.text[:300])
    lesson_id = r.header("Location").rsplit("/", 1)[-1]
    doc = ok(v.api.get(API + "/lessons/" + lesson_id))
    assert (doc["visibility"], doc["status"], doc["happened_on"]) == ("platform", "draft", today), \
        doc


# 4. Rights -----------------------------------------------------------------------------

def test_rights_on_the_api():
    """rights.h: members write drafts and edit their own; convenors,
    facilitators and documenters publish, edit others' lessons and delete;
    observers may not write; signed out is 401; someone from another platform
    of the alliance may not write here."""
    url = API + "/lessons/"
    # Writing.
    for who, status in (("member", 201), ("member2", 201), ("convenor", 201),
                        ("facilitator", 201), ("documenter", 201), ("administrator", 201),
                        ("observer", 403), ("sibling", 403), ("no-membership", 403),
                        ("c-member", 403), ("signed-out", 401)):
        r = V(who).api.post_json(API + "/lessons", lesson_doc(platform=P("o-a").id,
                                                               visibility="public"))
        assert r.status == status, "create as %s: %d %s" % (who, r.status, r.text[:200])
    # Asking to publish.
    for who, status in (("member", 403), ("convenor", 201), ("facilitator", 201),
                        ("documenter", 201)):
        r = V(who).api.post_json(API + "/lessons", lesson_doc(platform=P("o-a").id,
                                                               status="published"))
        assert r.status == status, "publish as %s: %d %s" % (who, r.status, r.text[:200])
    # A platform of a members-only alliance one is not in does not exist.
    r = V("member").api.post_json(API + "/lessons", lesson_doc(platform=P("c-a").id))
    assert r.status == 400 and field_of(r) == "platform", (r.status, r.text)
    r = V("member").api.post_json(API + "/lessons", lesson_doc(platform=UNKNOWN_ID))
    assert r.status == 400 and field_of(r) == "platform", (r.status, r.text)

    # Editing: the author's own draft, by the author.
    mine = create("member", "o-a", title="Zq member's own", visibility="public")
    ok(V("member").api.patch_json(url + mine["id"], {"title": "Zq member's own, edited"}),
       200, "the author edits their draft")
    r = V("member").api.patch_json(url + mine["id"], {"status": "published"})
    assert r.status == 403, "a member publishes their draft: %d" % r.status
    # Someone else's draft: only those who may publish may read it, and edit it.
    for who, status in (("member2", 404), ("observer", 404), ("sibling", 404),
                        ("no-membership", 404), ("signed-out", 404), ("convenor", 200),
                        ("facilitator", 200), ("documenter", 200), ("administrator", 200)):
        r = V(who).api.patch_json(url + mine["id"], {"recommendation": "By " + who})
        assert r.status == status, "edit the member's draft as %s: %d %s" % (
            who, r.status, r.text[:200])
    # Published by a documenter: readable by all, still editable only by those
    # who may publish; keeping it published takes the publish right, so its
    # author (a member) may no longer change it.
    ok(V("documenter").api.patch_json(url + mine["id"], {"status": "published"}))
    for who, status in (("member2", 403), ("observer", 403), ("sibling", 403),
                        ("no-membership", 403), ("signed-out", 401), ("member", 403),
                        ("convenor", 200), ("facilitator", 200), ("documenter", 200),
                        ("administrator", 200)):
        r = V(who).api.patch_json(url + mine["id"], {"recommendation": "Then by " + who})
        assert r.status == status, "edit the member's published lesson as %s: %d %s" % (
            who, r.status, r.text[:200])
    # Deleting: only those who may publish (the author included, if a member).
    for who, status in (("member", 403), ("member2", 403), ("observer", 403),
                        ("sibling", 403), ("signed-out", 401)):
        r = V(who).api.delete(url + mine["id"])
        assert r.status == status, "delete as %s: %d %s" % (who, r.status, r.text[:200])
    for who in ("convenor", "facilitator", "documenter", "administrator"):
        doomed = create("member", "o-a", title="Zq doomed by " + who, visibility="public")
        r = V(who).api.delete(url + doomed["id"])
        assert r.status == 204, "delete as %s: %d %s" % (who, r.status, r.text[:200])
    # A lesson the viewer may not read: 404 to every verb, never 403.
    hidden = create("c-member", "c-a", title="Zq hidden from the open side")
    for who in ("member", "documenter", "signed-out"):
        for method, body in (("GET", None), ("PATCH", {"title": "x"}), ("DELETE", None)):
            r = V(who).api.request(method, url + hidden["id"], body=body)
            assert r.status == 404, "%s a hidden lesson as %s: %d" % (method, who, r.status)


def test_rights_on_the_pages():
    """The same rights through the forms and the links the pages show."""
    o_a = P("o-a").id
    new = "/platforms/%s/lessons/new" % o_a
    assert V("signed-out").web.get(new).status == 303, "the form signed out: sign in first"
    for who, status in (("member", 200), ("documenter", 200), ("observer", 403),
                        ("sibling", 403)):
        assert V(who).web.get(new).status == status, (who, status)
    page = V("member").web.get(new).text
    assert 'name="status" value="draft"' in page and 'type="hidden"' in page, \
        "a member's form has no status choice"
    assert '<option value="published"' in V("documenter").web.get(new).text
    # Posting the form.
    form = {"title": "Zq by the form", "outcome": "success", "lesson": "From the form.",
            "happened_on": "2025-01-02", "visibility": "public", "tags": "a, b",
            "evidence": "Report | https://example.org/x"}
    r = V("observer").web.post_form(new, dict(form, status="draft"))
    assert r.status == 403, r.status
    r = V("member").web.post_form(new, dict(form, status="published"))
    assert r.status == 403, "a member publishes through the form: %d" % r.status
    r = V("member").web.post_form(new, dict(form, status="draft"))
    assert r.status == 303, (r.status, r.text[:300])
    lid = r.header("Location").rsplit("/", 1)[-1]
    doc = ok(V("member").api.get(API + "/lessons/" + lid))
    assert doc["tags"] == ["a", "b"] and doc["evidence"] == [
        {"label": "Report", "url": "https://example.org/x"}], doc
    # While a draft, the page is its author's and the publishers' only.
    page = "/lessons/" + lid
    for who, status, edit, delete in (("member", 200, True, False),
                                      ("documenter", 200, True, True),
                                      ("convenor", 200, True, True),
                                      ("member2", 404, False, False),
                                      ("observer", 404, False, False),
                                      ("signed-out", 404, False, False)):
        r = V(who).web.get(page)
        assert r.status == status, "the draft's page for %s: %d" % (who, r.status)
        assert ("/lessons/%s/edit" % lid in r.text, "/lessons/%s/delete" % lid in r.text) == (
            edit, delete), "links on the draft's page for %s" % who
        for suffix, allowed in (("/edit", edit), ("/delete", delete)):
            r = V(who).web.get(page + suffix)
            want = 404 if status == 404 else 200 if allowed else 403
            assert r.status == want, "GET %s%s as %s: %d, want %d" % (page, suffix, who,
                                                                     r.status, want)
    r = V("member2").web.post_form(page + "/edit", dict(form, status="draft", title="Zq x"))
    assert r.status == 404, r.status
    # The author edits the draft through the form.
    r = V("member").web.post_form(page + "/edit", dict(form, status="draft",
                                                        title="Zq by the form, edited"))
    assert r.status == 303, (r.status, r.text[:300])
    assert ok(V("member").api.get(API + "/lessons/" + lid))["title"] == "Zq by the form, edited"
    # Published: everyone reads it; only publishers have the edit and delete links.
    ok(V("documenter").api.patch_json(API + "/lessons/" + lid, {"status": "published"}))
    for who, edit, delete in (("member2", False, False), ("observer", False, False),
                              ("sibling", False, False), ("signed-out", False, False),
                              ("documenter", True, True), ("facilitator", True, True)):
        r = V(who).web.get(page)
        assert r.status == 200, "the published page for %s: %d" % (who, r.status)
        assert ("/lessons/%s/edit" % lid in r.text, "/lessons/%s/delete" % lid in r.text) == (
            edit, delete), "links on the published page for %s" % who
    for who, status in (("member2", 403), ("observer", 403), ("signed-out", 303)):
        r = V(who).web.get(page + "/edit")
        assert r.status == status, "edit form as %s: %d" % (who, r.status)
        r = V(who).web.get(page + "/delete")
        assert r.status == status, "delete form as %s: %d" % (who, r.status)
    r = V("member2").web.post_form(page + "/edit", dict(form, status="draft", title="Zq x"))
    assert r.status == 403, r.status
    r = V("observer").web.post_form(page + "/delete", {})
    assert r.status == 403, r.status
    r = V("member").web.post_form(page + "/delete", {})
    assert r.status == 403, "the author (a member) deletes through the form: %d" % r.status
    r = V("documenter").web.post_form(page + "/delete", {})
    assert r.status == 303, r.status
    assert V("documenter").api.get(API + "/lessons/" + lid).status == 404
    # The platform's lesson list offers "Record a lesson" to writers only.
    for who, shown in (("member", True), ("observer", False), ("signed-out", False),
                       ("sibling", False)):
        text = V(who).web.get("/platforms/%s/lessons" % o_a).text
        assert (new in text) == shown, "Record a lesson for %s" % who


# 5. Filters -------------------------------------------------------------------------------

def test_filters():
    """outcome, platform, alliance, tag, from and to on the API, /lessons and
    /platforms/{id}/lessons, on a platform of their own (o-top)."""
    made = []
    for i, (outcome, date, tags) in enumerate((
            ("success", "2024-01-15", ["handpumps", "tariffs"]),
            ("failure", "2024-06-30", ["handpumps"]),
            ("mixed", "2024-12-31", ["latrines"]),
            ("success", "2025-02-01", []),
            ("failure", "2023-05-05", ["Tariffs"]))):
        doc = create("administrator", "o-top", title="Zq filter %d" % i, outcome=outcome,
                     happened_on=date, tags=tags, visibility="public", status="published")
        made.append(doc)
    top = P("o-top").id
    cases = [("outcome=success", lambda d: d["outcome"] == "success"),
             ("outcome=failure", lambda d: d["outcome"] == "failure"),
             ("outcome=mixed", lambda d: d["outcome"] == "mixed"),
             ("tag=handpumps", lambda d: "handpumps" in d["tags"]),
             ("tag=TARIFFS", lambda d: "tariffs" in d["tags"]),
             ("tag=none-such", lambda d: False),
             ("from=2024-06-30", lambda d: d["happened_on"] >= "2024-06-30"),
             ("to=2024-06-30", lambda d: d["happened_on"] <= "2024-06-30"),
             ("from=2024-01-01&to=2024-12-31", lambda d: "2024" in d["happened_on"][:4]),
             ("outcome=success&tag=handpumps", lambda d: d["outcome"] == "success"
              and "handpumps" in d["tags"]),
             ("", lambda d: True)]
    api = V("signed-out").api
    for query, keep in cases:
        want = {d["id"] for d in made if keep(d)}
        path = API + "/lessons?limit=200&platform=%s&%s" % (top, query)
        got = ok(api.get(path), 200, path)
        assert {it["id"] for it in got["items"]} == want and got["total"] == len(want), \
            (path, got["total"], len(want))
        for page in ("/platforms/%s/lessons?%s" % (top, query), "/lessons?%s" % query):
            r = V("signed-out").web.get(page)
            assert r.status == 200, (page, r.status)
            for d in made:
                assert (d["id"] in r.text) == (d["id"] in want), (page, d["title"])
            if page.startswith("/platforms"):
                assert count_line(r.text) == len(want), (page, count_line(r.text), len(want))
    # The platform and alliance filters.
    by_alliance = ok(api.get(API + "/lessons?limit=200&alliance=zq-lessons-open"))
    by_id = ok(api.get(API + "/lessons?limit=200&alliance=" + F.alliances["open"].id))
    assert by_alliance == by_id and {d["id"] for d in made} <= {
        it["id"] for it in by_alliance["items"]}
    assert all(it["alliance"] == "zq-lessons-open" for it in by_alliance["items"])
    for p in F.platforms.values():
        got = ok(V("administrator").api.get(API + "/lessons?limit=200&platform=" + p.id))
        assert all(it["platform"] == p.id for it in got["items"]), p.label
    # Bad filter values are refused, naming the parameter; the pages ignore them.
    refused = []
    for query, field in (("outcome=great", "outcome"), ("platform=" + UNKNOWN_ID, "platform"),
                         ("alliance=no-such-alliance", "alliance"), ("from=2024-1-1", "from"),
                         ("to=31/12/2024", "to"), ("from=yesterday", "from"),
                         ("from=abcd-ef-gh", "from"), ("to=2024-13-45", "to")):
        for path in (API + "/lessons?" + query, API + "/search?" + query):
            r = api.get(path)
            if r.status != 400 or field_of(r) != field:
                refused.append("GET %s: %d %s, want 400 naming %s (api/lesson.c "
                               "list_filters)" % (path, r.status, r.text[:100], field))
        assert V("signed-out").web.get("/lessons?" + query).status == 200, query
    # The list pages sort and filter by title too.
    r = V("signed-out").web.get("/platforms/%s/lessons?q=%s&sort=title" % (top, quote("filter 3")))
    assert made[3]["id"] in r.text and made[0]["id"] not in r.text, "?q= on the list page"
    # The platform filter of a page with filters is kept in the form's action.
    assert 'action="/platforms/%s/lessons"' % top in r.text
    assert not refused, "\n".join(refused)


# 6. Bad input ---------------------------------------------------------------------------

def test_bad_input_names_the_field():
    api = V("documenter").api
    o_a = P("o-a").id
    base = lesson_doc(platform=o_a)
    # (what, fields changed, fields dropped, the field the answer must name)
    cases = [
        ("missing title", {}, ["title"], "title"),
        ("blank title", {"title": "   "}, [], "title"),
        ("title too long", {"title": "x" * 201}, [], "title"),
        ("missing lesson", {}, ["lesson"], "lesson"),
        ("blank lesson", {"lesson": "\n\t "}, [], "lesson"),
        ("missing outcome", {}, ["outcome"], "outcome"),
        ("bad outcome", {"outcome": "great"}, [], "outcome"),
        ("outcome in capitals", {"outcome": "Success"}, [], "outcome"),
        ("bad status", {"status": "final"}, [], "status"),
        ("bad visibility", {"visibility": "members"}, [], "visibility"),
        ("future date", {"happened_on": "2999-01-01"}, [], "happened_on"),
        ("malformed date", {"happened_on": "12/03/2025"}, [], "happened_on"),
        ("date without zeros", {"happened_on": "2025-3-1"}, [], "happened_on"),
        ("impossible date", {"happened_on": "2025-02-30"}, [], "happened_on"),
        ("month 13", {"happened_on": "2025-13-01"}, [], "happened_on"),
        ("date and time", {"happened_on": "2025-03-01T10:00:00Z"}, [], "happened_on"),
        ("13 tags", {"tags": ["t%d" % i for i in range(13)]}, [], "tags"),
        ("tag with a space", {"tags": ["hand pumps"]}, [], "tags"),
        ("tag too long", {"tags": ["x" * 41]}, [], "tags"),
        ("tags not an array", {"tags": "handpumps"}, [], "tags"),
        ("tags of numbers", {"tags": [1, 2]}, [], "tags"),
        ("evidence a string", {"evidence": "https://example.org"}, [], "evidence"),
        ("evidence an object", {"evidence": {"label": "a", "url": "https://e.org"}}, [],
         "evidence"),
        ("evidence of strings", {"evidence": ["https://example.org"]}, [], "evidence"),
        ("evidence without url", {"evidence": [{"label": "a"}]}, [], "evidence"),
        ("evidence without label", {"evidence": [{"url": "https://e.org"}]}, [], "evidence"),
        ("evidence with an extra key",
         {"evidence": [{"label": "a", "url": "https://e.org", "note": "x"}]}, [], "evidence"),
        ("evidence url a number", {"evidence": [{"label": "a", "url": 5}]}, [], "evidence"),
        ("javascript: evidence", {"evidence": [{"label": "a", "url": "javascript:alert(1)"}]},
         [], "evidence"),
        ("JavaScript: evidence", {"evidence": [{"label": "a", "url": "JavaScript:alert(1)"}]},
         [], "evidence"),
        ("data: evidence",
         {"evidence": [{"label": "a", "url": "data:text/html,<script>alert(1)</script>"}]}, [],
         "evidence"),
        ("protocol-relative evidence", {"evidence": [{"label": "a", "url": "//evil.example/x"}]},
         [], "evidence"),
        ("evidence with a space", {"evidence": [{"label": "a", "url": "/documents/a b"}]}, [],
         "evidence"),
        ("13 pieces of evidence", {"evidence": [
            {"label": "e%d" % i, "url": "https://example.org/%d" % i} for i in range(13)]}, [],
         "evidence"),
        ("unknown field", {"summary": "x"}, [], "summary"),
        ("id is not writable", {"id": UNKNOWN_ID}, [], "id"),
        ("author is not writable", {"author": UNKNOWN_ID}, [], "author"),
        ("title a number", {"title": 5}, [], "title"),
        ("lesson null", {"lesson": None}, [], "lesson"),
        ("outcome an array", {"outcome": ["success"]}, [], "outcome"),
        ("happened_on a number", {"happened_on": 20250101}, [], "happened_on"),
        ("platform missing", {}, ["platform"], "platform"),
        ("platform a number", {"platform": 1}, [], "platform"),
    ]
    failures = []
    before = ok(api.get(API + "/lessons?limit=1"))["total"]
    for what, changes, drop, field in cases:
        body = {k: v for k, v in dict(base, **changes).items() if k not in drop}
        r = api.post_json(API + "/lessons", body)
        if r.status != 400 or field_of(r) != field or not r.json()["error"]["message"]:
            failures.append("POST %s %s: %d %s, want 400 naming %s" % (
                what, changes, r.status, r.text[:160], field))
            if r.status == 201:
                api.delete(API + "/lessons/" + r.json()["id"])
    assert ok(api.get(API + "/lessons?limit=1"))["total"] == before, "a refused lesson was stored"
    # PATCH: the same rules on the fields sent, and the platform cannot change.
    target = create("documenter", "o-a", title="Zq patch target")
    patches = [(what, changes, field) for what, changes, drop, field in cases
               if not drop and "platform" not in changes]
    patches.append(("platform cannot change", {"platform": P("o-b").id}, "platform"))
    for what, body, field in patches:
        r = api.patch_json(API + "/lessons/" + target["id"], body)
        if r.status != 400 or field_of(r) != field:
            failures.append("PATCH %s %s: %d %s, want 400 naming %s" % (
                what, body, r.status, r.text[:160], field))
        now = ok(api.get(API + "/lessons/" + target["id"]))
        if now != target:
            failures.append("PATCH %s %s changed the lesson: %s" % (
                what, body, {k: v for k, v in now.items() if target[k] != v}))
            target = now
    # Bodies that are not JSON objects.
    for body, ctype in (("not json", "application/json"), ("[1]", "application/json"),
                        ('{"title": "a", "title": "b"}', "application/json")):
        r = api.request("POST", API + "/lessons", body=body, headers={"Content-Type": ctype})
        if r.status != 400:
            failures.append("POST %r: %d" % (body, r.status))
    r = api.request("POST", API + "/lessons", body="title=x",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    if r.status != 415:
        failures.append("POST as a form: %d, want 415" % r.status)
    # The form names the same fields (the page answers 400 with the form again).
    form = {"title": "", "outcome": "bogus", "lesson": "", "happened_on": "2999-01-01",
            "tags": "a b", "evidence": "x | javascript:alert(1)", "status": "draft",
            "visibility": ""}
    r = V("member").web.post_form("/platforms/%s/lessons/new" % P("o-a").id, form)
    if r.status != 400:
        failures.append("the form with bad input: %d, want 400" % r.status)
    assert not failures, "\n".join(failures)


# 7. The audit trail ------------------------------------------------------------------------

def test_audit_trail_records_lesson_changes():
    doc = create("member", "o-a", title="Zq audited", lesson="First text.",
                 visibility="alliance")
    ok(V("documenter").api.patch_json(API + "/lessons/" + doc["id"],
                                      {"title": "Zq audited, edited", "status": "published"}))
    ok(V("documenter").api.delete(API + "/lessons/" + doc["id"]), 204)
    rows = server.sql("SELECT a.action, a.kind, a.record_name, a.actor_name FROM audit a "
                      "WHERE a.record_id = ? ORDER BY a.key", (doc["id"],))
    got = [tuple(r) for r in rows]
    assert [(r[0], r[1]) for r in got] == [("create", "lesson"), ("update", "lesson"),
                                           ("delete", "lesson")], got
    assert got[0][3] == "Zq Viewer Member" and got[1][3] == "Zq Viewer Documenter", got
    changes = server.sql(
        "SELECT a.action, c.field, c.old_value, c.new_value FROM audit_change c JOIN audit a "
        "ON a.key = c.audit_key WHERE a.record_id = ? ORDER BY a.key, c.position", (doc["id"],))
    changes = [tuple(c) for c in changes]
    assert ("update", "title", "Zq audited", "Zq audited, edited") in changes, changes
    assert ("update", "status", "draft", "published") in changes, changes
    assert ("create", "lesson", None, "First text.") in changes or \
        ("create", "lesson", "", "First text.") in changes, changes
    assert any(c[0] == "delete" and c[1] == "title" and c[2] == "Zq audited, edited"
               for c in changes), changes
    # On the pages: the platform's trail (its members) and the whole trail.
    for who, path in (("documenter", "/platforms/%s/audit" % P("o-a").id),
                      ("administrator", "/admin/audit?kind=lesson")):
        r = V(who).web.get(path)
        assert r.status == 200, (path, r.status)
        assert "Zq audited, edited" in r.text and "Deleted" in r.text, path
    assert V("sibling").web.get("/platforms/%s/audit" % P("o-a").id).status == 403


# 8. Deleting a platform that holds lessons -------------------------------------------------

def test_platform_holding_lessons_cannot_be_deleted():
    leaf = ok(server.post_json(API + "/platforms", {
        "alliance": "zq-lessons-open", "name": "Zq platform to delete",
        "parent": P("o-top").id}), 201)
    doc = ok(server.post_json(API + "/lessons", lesson_doc(platform=leaf["id"])), 201)
    r = server.delete(API + "/platforms/" + leaf["id"])
    assert r.status == 409, (r.status, r.text)
    message = r.json()["error"]["message"]
    assert "lesson" in message.lower() and "1" in message, message
    assert server.get(API + "/platforms/" + leaf["id"]).status == 200
    # The page says so too.
    admin = V("administrator").web
    r = admin.post_form("/platforms/%s/delete" % leaf["id"], {})
    assert r.status == 409 and "lesson" in r.text.lower(), (r.status, r.text[-600:])
    # Once the lesson is gone, the platform can go.
    ok(server.delete(API + "/lessons/" + doc["id"]), 204)
    r = server.delete(API + "/platforms/" + leaf["id"])
    assert r.status == 204, (r.status, r.text)


def main():
    global server
    started = time.time()
    server = Server()
    server.start()
    code = None
    try:
        build_fixture()
        print("fixture: %d viewers, %.1fs" % (len(F.viewers), time.time() - started), flush=True)
        run([test_visibility_matrix,
             test_audit_trail_hides_drafts_from_members_who_may_not_read_them,
             test_api_round_trip,
             test_defaults,
             test_rights_on_the_api,
             test_rights_on_the_pages,
             test_filters,
             test_bad_input_names_the_field,
             test_audit_trail_records_lesson_changes,
             test_platform_holding_lessons_cannot_be_deleted])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
