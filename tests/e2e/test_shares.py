#!/usr/bin/env python3
"""Shares between platforms, their inbox and responses (src/domain/share.h,
src/web/share.c, src/api/share.c; issue 6, parts 1 and 2).

One server with no demo, so that every list and total is known, and a
fixture made through the API and the CLI: a public alliance ("open", levels
National / Region / District) with a national platform, two regions and
three districts, a members-only alliance ("closed") with two platforms, peer
links across (district to district, region to the closed alliance's top), and
people with accounts, tokens and browser sessions in every role that matters.

Covered:
  * the visibility matrix first (while only its lessons exist, so that every
    global total is exact): viewers × lessons shared or not, with or without
    attribution, withdrawn or not × views — the lesson page (and whether it
    names the author and the author's organisation), the API read (author),
    the API list and /lessons (presence and totals), the platform's lesson
    list, the search API (hits, totals, counts per kind) and the /search page,
    the share's API read and the item's shares, the receiving platform's inbox
    (page and API). The rule is written below in Python from share.h and
    row.h (ROW_VISIBLE_ITEM, ROW_ITEM_ATTRIBUTED);
  * the journey: district → region → national → down to the other region and
    its district, with a response at each step, the inbox and outbox pages,
    the journey on the lesson's page, the counts on the platform page, the
    flagged shares (an old share, backdated in the database);
  * rights: who may share, respond and withdraw (401, 403, 404), and the 400s
    and 409s naming their field (a platform not up, down or across, an item not
    published, unknown ids, a response without its link or reason, twice);
  * without attribution: for a receiver the author and the organisation are
    absent from the item's page, the API, the search API and page, the lists,
    the receiving platform's audit trail (whoever shared it on is "someone"),
    the share's page and API; a journal entry and a document (its creator and
    publisher) too; the sender's side still sees them;
  * withdrawing removes the access everywhere (page and API 404, search hits
    and counts, lists and totals, the inbox), and what the receiver passed on
    goes with it; the sender still sees the share, withdrawn;
  * a share into a members-only alliance, and out of one;
  * the web forms: share (checkboxes up, down, across; "all below"; without
    attribution), respond (errors beside the fields), withdraw (confirmation
    page first), each with its form token; html-validate on the new pages;
  * the audit trail records sharing, responding and withdrawing; an export
    carries the shares and an import of it exports the same.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-shares-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
AUTHOR_NAME = "Zq Shares Author Amadu"
AUTHOR_ORG = "Zq Shares Author Organisation"

server = None
F = None   # the fixture


class Obj:
    def __init__(self, **kw):
        self.__dict__.update(kw)

    def __repr__(self):
        return getattr(self, "label", "?")


def ok(resp, status=200, what=""):
    assert resp.status == status, "%s: %d %s" % (what, resp.status, resp.text[:400])
    return resp.json() if resp.body else None


def field_of(resp):
    try:
        return resp.json()["error"]["field"]
    except (ValueError, KeyError, TypeError):
        return None


def client(token=None):
    c = Server(admin=False, data_dir=server.data_dir)
    c.port = server.port
    c.token = token
    return c


def cli(*args, stdin=None):
    done = server.run_cli(*args, stdin=stdin)
    assert done.returncode == 0, "alliance %s: %s" % (" ".join(args), done.stderr)
    return done.stdout


def web_client(email, password):
    c = client()
    r = c.sign_in(email, password)
    assert r.status == 303 and "alliance_session" in c.cookies, \
        "sign-in of %s: %d %s" % (email, r.status, r.text[:200])
    return c


def sql_write(query, args=()):
    """Changes the server's database from outside, as server.sql reads it
    (psql commits by itself; sqlite3 needs a commit)."""
    if not harness.PG_DIR:
        import sqlite3
        conn = sqlite3.connect(os.path.join(server.data_dir, "alliance.db"), timeout=10)
        try:
            conn.execute(query, args)
            conn.commit()
        finally:
            conn.close()
    else:
        server.sql(query, args)


def count_line(body):
    m = re.search(r'<p class="count">([\d,]+) [^<]*</p>', body)
    return int(m.group(1).replace(",", "")) if m else None


# Fixture ---------------------------------------------------------------------------

PLATFORMS = (  # label, alliance, parent
    ("nat", "open", None), ("reg-a", "open", "nat"), ("reg-b", "open", "nat"),
    ("d-a1", "open", "reg-a"), ("d-a2", "open", "reg-a"), ("d-b1", "open", "reg-b"),
    ("c-top", "closed", None), ("c-d", "closed", "c-top"))

VIEWERS = (  # label, [(platform, role)]
    ("outsider", []),
    ("author", [("d-a1", "documenter")]),
    ("a1-member", [("d-a1", "member")]),
    ("a2-convenor", [("d-a2", "convenor")]),
    ("ra-convenor", [("reg-a", "convenor")]),
    ("ra-member", [("reg-a", "member")]),
    ("ra-observer", [("reg-a", "observer")]),
    ("nat-facilitator", [("nat", "facilitator")]),
    ("nat-member", [("nat", "member")]),
    ("rb-documenter", [("reg-b", "documenter")]),
    ("b1-convenor", [("d-b1", "convenor")]),
    ("b1-member", [("d-b1", "member")]),
    ("c-member", [("c-top", "member")]),
    ("c-documenter", [("c-top", "documenter")]),
    ("bridge", [("reg-a", "facilitator"), ("c-top", "documenter")]),
)


def build_fixture():
    global F
    F = Obj(viewers=[], platforms={}, alliances={})
    for label, vis, levels in (("open", "public", ["National", "Region", "District"]),
                               ("closed", "members", ["National", "District"])):
        slug = "zq-shares-" + label
        doc = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq Shares %s alliance" % label.title(), "levels": levels,
            "visibility": vis}), 201, "alliance " + label)
        F.alliances[label] = Obj(label=label, slug=slug, id=doc["id"], visibility=vis,
                                 name="Zq Shares %s alliance" % label.title())
    for label, alliance, parent in PLATFORMS:
        body = {"alliance": F.alliances[alliance].slug, "name": "Zq shares platform %s" % label}
        if parent:
            body["parent"] = F.platforms[parent].id
        doc = ok(server.post_json(API + "/platforms", body), 201, "platform " + label)
        F.platforms[label] = Obj(label=label, id=doc["id"], name=body["name"],
                                 alliance=F.alliances[alliance], parent=parent)
    for a, b in (("d-a1", "d-b1"), ("reg-a", "c-top")):
        ok(server.post_json(API + "/platform-links", {
            "platform": F.platforms[a].id, "peer": F.platforms[b].id, "note": "Zq peers"}), 201)
    org = ok(server.post_json(API + "/organisations", {"name": AUTHOR_ORG, "kind": "ngo"}), 201)
    anonymous = Obj(label="signed-out", admin=False, signed_in=False, roles={}, person=None)
    anonymous.api = anonymous.web = client()
    F.viewers.append(anonymous)
    for label, memberships in VIEWERS:
        email = "%s@shares.zq.test" % label
        name = AUTHOR_NAME if label == "author" else "Zq Sharer %s" % label.title()
        body = {"name": name, "email": email}
        if label == "author":
            body["organisation"] = org["id"]
        person = ok(server.post_json(API + "/people", body), 201)
        for platform, role in memberships:
            ok(server.post_json(API + "/memberships", {
                "platform": F.platforms[platform].id, "person": person["id"], "role": role}),
               201, "membership of %s" % label)
        cli("user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli("token", "add", "--email", email, "--label", "shares").strip()
        v = Obj(label=label, admin=False, signed_in=True, person=person["id"], name=name,
                roles=dict(memberships))
        v.api = client(token)
        v.web = web_client(email, PASSWORD)
        F.viewers.append(v)
    admin = Obj(label="administrator", admin=True, signed_in=True, roles={}, person=None)
    admin.api = client(server.token)
    admin.web = web_client(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
    F.viewers.append(admin)
    F.by = {v.label: v for v in F.viewers}


def V(label):
    return F.by[label]


def P(label):
    return F.platforms[label]


def lesson(viewer, platform, title, word, visibility="platform", status="published", **kw):
    doc = {"platform": P(platform).id, "title": title, "outcome": "failure",
           "lesson": "%s: the pump committee kept no books." % word,
           "visibility": visibility, "status": status}
    doc.update(kw)
    return ok(V(viewer).api.post_json(API + "/lessons", doc), 201, "lesson " + title)


def share(viewer, kind, item, to, status=201, **kw):
    body = {"kind": kind, "item": item, "to": to}
    body.update(kw)
    return V(viewer).api.post_json(API + "/shares", body)


def share_ok(viewer, kind, item, to, **kw):
    r = share(viewer, kind, item, [P(t).id for t in to] if isinstance(to, list) else to, **kw)
    return ok(r, 201, "share %s %s by %s" % (kind, item, viewer))["items"]


def respond(viewer, share_id, **body):
    return V(viewer).api.patch_json(API + "/shares/%s/response" % share_id, body)


def withdraw(viewer, share_id):
    return V(viewer).api.delete(API + "/shares/" + share_id)


# Checks ------------------------------------------------------------------------------

class Checks:
    def __init__(self):
        self.count = 0
        self.failures = []

    def eq(self, got, want, what, repro=""):
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


# 1. The matrix ---------------------------------------------------------------------

MATRIX_WORD = "zqsharematrix"
CASES = (  # label, shared, attributed, withdrawn
    ("unshared", False, None, False),
    ("named", True, True, False),
    ("unnamed", True, False, False),
    ("named-withdrawn", True, True, True),
    ("unnamed-withdrawn", True, False, True))


def members_of(platform):
    return {v.label for v in F.viewers if platform in v.roles}


def may_read(v, m):
    """share.h and row.h: the rule of levels (platform: members of d-a1),
    or a standing share to a platform the viewer is a member of (reg-a)."""
    if v.admin or "d-a1" in v.roles:
        return True
    return m.shared and not m.withdrawn and "reg-a" in v.roles


def may_know_author(v, m):
    """ROW_ITEM_ATTRIBUTED: by the rule of levels, as the author, or through a
    share that names the author."""
    if v.admin or "d-a1" in v.roles or v.person == V("author").person:
        return True
    return m.shared and not m.withdrawn and m.attributed and "reg-a" in v.roles


def may_see_share(v, m):
    """share.h: the receiver's members while it stands; the sender's (here the
    item's platform) always; administrators."""
    if not m.shared:
        return False
    return v.admin or "d-a1" in v.roles or ("reg-a" in v.roles and not m.withdrawn)


def build_matrix():
    F.matrix = []
    for n, (label, shared, attributed, withdrawn) in enumerate(CASES):
        code = "zqsm%02d" % n
        title = "Zq share matrix %s %s" % (code, label)
        doc = lesson("author", "d-a1", title, "%s %s" % (MATRIX_WORD, code))
        m = Obj(label=label, id=doc["id"], code=code, title=title, shared=shared,
                attributed=attributed, withdrawn=withdrawn, share=None)
        if shared:
            made = share_ok("author", "lesson", m.id, ["reg-a"], message="Zq matrix message",
                            attributed=attributed)
            assert len(made) == 1 and made[0]["attributed"] is attributed, made
            m.share = made[0]["id"]
            if withdrawn:
                assert withdraw("author", m.share).status == 204
        F.matrix.append(m)


def check_item_views(C, v, m):
    see = may_read(v, m)
    named = see and may_know_author(v, m)
    path = "/lessons/" + m.id
    r = v.web.get(path)
    rp = "GET %s, %s" % (path, how(v, True))
    if C.eq(r.status, 200 if see else 404, "page of %s" % m.label, rp) and see:
        C.eq(m.title in r.text, True, "title on the page of %s" % m.label, rp)
        C.eq(AUTHOR_NAME in r.text, named, "author named on the page of %s" % m.label, rp)
        C.eq(V("author").person in r.text, named, "author's id on the page of %s" % m.label,
             rp)
        C.eq(AUTHOR_ORG in r.text, False, "organisation on the page of %s" % m.label, rp)
    r = v.api.get(API + path)
    rp = "GET %s%s, %s" % (API, path, how(v, False))
    if C.eq(r.status, 200 if see else 404, "API read of %s" % m.label, rp) and see:
        C.eq(r.json()["author"], V("author").person if named else None,
             "API author of %s" % m.label, rp)
        C.eq(AUTHOR_NAME in r.text or AUTHOR_ORG in r.text, False,
             "author's name in the API of %s" % m.label, rp)


def check_lists(C, v, readable):
    want = {m.id for m in readable}
    ids = {m.id: m.label for m in F.matrix}
    r = v.api.get(API + "/lessons?limit=200")
    rp = "GET /api/v1/lessons, " + how(v, False)
    if C.eq(r.status, 200, "API list", rp):
        doc = r.json()
        C.eq(sorted(ids[i["id"]] for i in doc["items"] if i["id"] in ids),
             sorted(ids[i] for i in want), "lessons of the API list", rp)
        C.eq(doc["total"], len(want), "total of the API list", rp)
        for item in doc["items"]:
            m = next(x for x in F.matrix if x.id == item["id"])
            C.eq(item["author"], V("author").person if may_know_author(v, m) else None,
                 "author of %s in the API list" % m.label, rp)
    for path in ("/lessons", "/platforms/%s/lessons" % P("d-a1").id):
        r = v.web.get(path)
        rp = "GET %s, %s" % (path, how(v, True))
        if C.eq(r.status, 200, "status of " + path, rp):
            C.eq(count_line(r.text), len(want), "count line of " + path, rp)
            for m in F.matrix:
                C.eq(m.title in r.text, m.id in want, "%s listed on %s" % (m.label, path), rp)
            if v.label != "author":     # the header names who is signed in
                C.eq(AUTHOR_NAME in r.text, False, "author named on " + path, rp)


def check_search(C, v, readable):
    want = {m.id for m in readable}
    for q in (MATRIX_WORD, AUTHOR_NAME.split()[-1]):
        path = API + "/search?limit=200&q=" + quote(q)
        r = v.api.get(path)
        rp = "GET %s, %s" % (path, how(v, False))
        if C.eq(r.status, 200, "status of the search API", rp):
            doc = r.json()
            expect = want if q == MATRIX_WORD else set()
            C.eq(sorted(i["id"] for i in doc["items"]),
                 sorted(expect), "hits of the search API for %s" % q, rp)
            C.eq(doc["total"], len(expect), "total of the search API for %s" % q, rp)
            C.eq(doc["counts"], {"lesson": len(expect)} if expect else {},
                 "counts of the search API for %s" % q, rp)
            C.eq(AUTHOR_NAME in r.text, False, "author named by the search API", rp)
    path = "/search?q=" + MATRIX_WORD
    r = v.web.get(path)
    rp = "GET %s, %s" % (path, how(v, True))
    if C.eq(r.status, 200, "status of /search", rp):
        C.eq(count_line(r.text), len(want), "count line of /search", rp)
        for m in F.matrix:
            C.eq(m.title in r.text, m.id in want, "%s found on /search" % m.label, rp)
        if v.label != "author":
            C.eq(AUTHOR_NAME in r.text, False, "author named on /search", rp)
    for m in F.matrix:
        path = API + "/search?q=" + m.code
        r = v.api.get(path)
        if C.eq(r.status, 200, "status of the search API", path):
            doc = r.json()
            C.eq(([i["id"] for i in doc["items"]], doc["total"], doc["counts"]),
                 ([m.id], 1, {"lesson": 1}) if m.id in want else ([], 0, {}),
                 "search for the word of %s" % m.label, "%s, %s" % (path, how(v, False)))


def check_share_views(C, v):
    for m in F.matrix:
        if not m.share:
            continue
        see = may_see_share(v, m)
        path = API + "/shares/" + m.share
        r = v.api.get(path)
        rp = "GET %s, %s" % (path, how(v, False))
        if C.eq(r.status, 200 if see else 404, "API read of the share of %s" % m.label, rp) \
                and see:
            doc = r.json()
            C.eq(doc["shared_by"], V("author").person if may_know_author(v, m) else None,
                 "who shared %s" % m.label, rp)
            C.eq(doc["withdrawn_at"] is not None, m.withdrawn, "withdrawn %s" % m.label, rp)
        r = v.web.get("/shares/" + m.share)
        rp = "GET /shares/%s, %s" % (m.share, how(v, True))
        if C.eq(r.status, 200 if see else 404, "page of the share of %s" % m.label, rp) and see:
            C.eq(AUTHOR_NAME in r.text, may_know_author(v, m),
                 "author named on the share's page of %s" % m.label, rp)
        path = API + "/shares?kind=lesson&item=" + m.id
        r = v.api.get(path)
        rp = "GET %s, %s" % (path, how(v, False))
        if may_read(v, m):
            if C.eq(r.status, 200, "the item's shares", rp):
                C.eq(r.json()["total"], 1 if see else 0, "the shares of %s" % m.label, rp)
        else:
            C.eq((r.status, field_of(r)), (400, "item"), "the shares of an unreadable item", rp)
    # The receiving platform's inbox: page (its members) and API.
    want = sorted(m.label for m in F.matrix if m.shared and not m.withdrawn)
    path = "/platforms/%s/inbox" % P("reg-a").id
    r = v.web.get(path)
    rp = "GET %s, %s" % (path, how(v, True))
    member = v.admin or "reg-a" in v.roles
    if C.eq(r.status, 200 if member else (403 if v.signed_in else 303), "status of the inbox",
            rp) and member:
        C.eq(sorted(m.label for m in F.matrix if m.title in r.text), want, "the inbox", rp)
        C.eq(count_line(r.text), len(want), "count line of the inbox", rp)
        C.eq(AUTHOR_NAME in r.text, False, "author named in the inbox", rp)
        C.eq("named-withdrawn" in r.text, False, "a withdrawn share in the inbox", rp)
    r = v.api.get(API + "/shares?limit=200&platform=" + P("reg-a").id)
    rp = "GET /api/v1/shares?platform=reg-a, " + how(v, False)
    if C.eq(r.status, 200, "the inbox API", rp):
        doc = r.json()
        got = sorted(m.label for m in F.matrix if m.share in {i["id"] for i in doc["items"]})
        see = sorted(m.label for m in F.matrix if may_see_share(v, m))
        C.eq(got, see, "the inbox API", rp)
        C.eq(doc["total"], len(see), "total of the inbox API", rp)


def test_visibility_matrix():
    """Viewers × shared/not × attributed/not × withdrawn/not × every view.
    Runs first: only the matrix lessons exist, so totals are exact."""
    build_matrix()
    C = Checks()
    for v in F.viewers:
        readable = [m for m in F.matrix if may_read(v, m)]
        for m in F.matrix:
            check_item_views(C, v, m)
        check_lists(C, v, readable)
        check_search(C, v, readable)
        check_share_views(C, v)
    print("  share matrix: %d viewers x %d lessons, %d checks" % (
        len(F.viewers), len(F.matrix), C.count))
    for v in F.viewers:
        print("    %-16s %s" % (v.label, " ".join(
            ("N" if may_know_author(v, m) else "a") if may_read(v, m) else "."
            for m in F.matrix)))
    C.fail_if_any("share visibility matrix")


# 2. The journey ----------------------------------------------------------------------

def test_journey_up_and_back_down():
    """district → region → national → the other region → its district, with
    a response at each step; the journey on the lesson's page, the inboxes,
    outboxes and counts."""
    doc = lesson("author", "d-a1", "Zq journey spare parts", "zqjourney",
                 question="How do spare parts reach the pumps?")
    L = doc["id"]
    F.journey = L
    up = share_ok("author", "lesson", L, ["reg-a"], message="Zq please look")[0]
    assert (up["direction"], up["from"], up["to"], up["attributed"], up["response"]) == (
        "up", P("d-a1").id, P("reg-a").id, True, None), up
    assert up["shared_by"] == V("author").person and up["message"] == "Zq please look"
    assert up["waiting_days"] == 0 and up["flagged"] is False
    got = ok(respond("ra-convenor", up["id"], response="acknowledged"), 200)
    assert got["response"] == "acknowledged" and got["responded_by"] == V("ra-convenor").person
    # The region passes it up to the nation (it holds it by the share).
    to_nat = share_ok("ra-convenor", "lesson", L, ["nat"], message="Zq for the nation")[0]
    assert (to_nat["from"], to_nat["direction"]) == (P("reg-a").id, "up"), to_nat
    got = ok(respond("nat-facilitator", to_nat["id"], response="adopted",
                     note="Zq in the national guideline", link="https://example.org/guideline"))
    assert (got["response"], got["link"]) == ("adopted", "https://example.org/guideline")
    # Down to every region below that lacks it: reg-a has it, so reg-b only.
    down = share_ok("nat-facilitator", "lesson", L, "children", message="Zq take it down")
    assert [d["to"] for d in down] == [P("reg-b").id] and down[0]["direction"] == "down"
    ok(respond("rb-documenter", down[0]["id"], response="discussed",
               link="/documents/zq-minutes", note="Zq at the quarterly meeting"))
    below = share_ok("rb-documenter", "lesson", L, "children")
    assert [d["to"] for d in below] == [P("d-b1").id], below
    ok(respond("b1-convenor", below[0]["id"], response="not_relevant",
               note="Zq our pumps are motorised"))
    # And again, every platform below has it now: 409 naming to.
    r = share("rb-documenter", "lesson", L, "children")
    assert (r.status, field_of(r)) == (409, "to"), r.text
    # The journey as the author sees it (the item's own platform sees all).
    shares = ok(V("author").api.get(API + "/shares?kind=lesson&item=" + L))
    assert shares["total"] == 4, shares
    assert sorted(s["response"] for s in shares["items"]) == sorted(
        ["acknowledged", "adopted", "discussed", "not_relevant"])
    page = V("author").web.get("/lessons/" + L).text
    assert 'id="shares"' in page and 'id="journey"' in page and "Journey" in page
    for p in ("reg-a", "nat", "reg-b", "d-b1"):
        assert P(p).name in page, p
    for label in ("Acknowledged", "Adopted", "Discussed", "Not relevant"):
        assert label in page, label
    # A receiver sees its own share of it, not the others.
    mine = ok(V("b1-member").api.get(API + "/shares?kind=lesson&item=" + L))
    assert [s["to"] for s in mine["items"]] == [P("d-b1").id], mine
    # The inboxes and outboxes.
    inbox = V("b1-member").web.get("/platforms/%s/inbox" % P("d-b1").id)
    assert inbox.status == 200 and "Zq journey spare parts" in inbox.text
    assert "Not relevant" in inbox.text and P("reg-b").name in inbox.text
    outbox = V("rb-documenter").web.get("/platforms/%s/shared" % P("reg-b").id)
    assert outbox.status == 200 and P("d-b1").name in outbox.text
    assert count_line(outbox.text) == 1
    nat_out = ok(V("nat-member").api.get(API + "/shares?box=outbox&platform=" + P("nat").id))
    assert [s["to"] for s in nat_out["items"]] == [P("reg-b").id]
    # Filters by state and direction.
    for state, want in (("adopted", 1), ("waiting", 0), ("responded", 1)):
        doc = ok(V("nat-member").api.get(API + "/shares?platform=%s&state=%s" % (
            P("nat").id, state)))
        assert doc["total"] == want, (state, doc)
    doc = ok(V("author").api.get(
        API + "/shares?kind=lesson&item=%s&direction=down" % L))
    assert doc["total"] == 2, doc


def test_flagged_after_the_response_days():
    """A share waiting longer than --response-days (30) is flagged: in the
    API, in the inbox (marked, and filtered), and counted on the platform's
    page."""
    doc = lesson("author", "d-a1", "Zq waiting too long", "zqflagged")
    made = share_ok("author", "lesson", doc["id"], ["d-b1"], message="Zq across")[0]
    assert made["direction"] == "across"
    fresh = share_ok("author", "lesson", lesson("author", "d-a1", "Zq waiting a little",
                                                "zqfresh")["id"], ["d-b1"])[0]
    sql_write("UPDATE share SET shared_at = ? WHERE id = ?", ("2020-01-01T00:00:00Z", made["id"]))
    got = ok(V("b1-member").api.get(API + "/shares/" + made["id"]))
    assert got["flagged"] is True and got["waiting_days"] > 365, got
    assert ok(V("b1-member").api.get(API + "/shares/" + fresh["id"]))["flagged"] is False
    flagged = ok(V("b1-member").api.get(API + "/shares?flagged=true&platform=" + P("d-b1").id))
    assert [s["id"] for s in flagged["items"]] == [made["id"]], flagged
    page = V("b1-member").web.get("/platforms/%s/inbox?flagged=1" % P("d-b1").id).text
    assert "Zq waiting too long" in page and "Zq waiting a little" not in page
    assert "Overdue" in page and re.search(r"Waiting \d+ days", page)
    platform = V("b1-member").web.get("/platforms/" + P("d-b1").id).text
    assert re.search(r"2 shares waiting for a response", platform), platform[-3000:]
    assert "1 for more than 30 days" in platform
    # Members only: the counts and the inbox are not shown to others.
    assert "waiting for a response" not in V("outsider").web.get(
        "/platforms/" + P("d-b1").id).text
    assert V("outsider").web.get("/platforms/%s/inbox" % P("d-b1").id).status == 403
    assert V("signed-out").web.get("/platforms/%s/inbox" % P("d-b1").id).status == 303
    # Answered, it is no longer flagged.
    ok(respond("b1-convenor", made["id"], response="acknowledged"))
    assert ok(V("b1-member").api.get(API + "/shares/" + made["id"]))["flagged"] is False


# 3. Rights and bad input -------------------------------------------------------------

def test_who_may_share_respond_and_withdraw():
    L = lesson("author", "d-a1", "Zq rights lesson", "zqrights", visibility="public")["id"]
    body = {"kind": "lesson", "item": L, "to": [P("reg-a").id]}
    # Signed out: 401; a member who may not publish, an outsider, a receiver
    # who is not one of its editors: 403.
    assert V("signed-out").api.post_json(API + "/shares", body).status == 401
    for who in ("a1-member", "outsider", "ra-member", "a2-convenor"):
        r = V(who).api.post_json(API + "/shares", body)
        assert r.status == 403, (who, r.status, r.text)
    made = share_ok("author", "lesson", L, ["reg-a"])[0]
    # Respond: the receiver's convenors, facilitators and documenters.
    for who, status in (("signed-out", 404), ("ra-member", 403), ("ra-observer", 403),
                        ("author", 403), ("outsider", 404), ("b1-convenor", 404)):
        r = respond(who, made["id"], response="acknowledged")
        assert r.status == status, (who, r.status, r.text)
    ok(respond("ra-convenor", made["id"], response="acknowledged"))
    ok(respond("bridge", made["id"], response="discussed", link="https://example.org/m"))
    # Withdraw: those who may share on the sending platform.
    assert V("ra-convenor").web.get("/shares/%s/withdraw" % made["id"]).status == 403
    assert V("author").web.get("/shares/%s/withdraw" % made["id"]).status == 200
    for who, status in (("signed-out", 404), ("ra-convenor", 403), ("a1-member", 403),
                        ("outsider", 404)):
        r = withdraw(who, made["id"])
        assert r.status == status, (who, r.status, r.text)
    assert withdraw("author", made["id"]).status == 204
    r = withdraw("author", made["id"])
    assert r.status == 409, (r.status, r.text)
    r = respond("author", made["id"], response="acknowledged")
    assert r.status == 403
    r = V("administrator").api.patch_json(API + "/shares/%s/response" % made["id"],
                                          {"response": "acknowledged"})
    assert r.status == 409, (r.status, r.text)
    # Unknown shares.
    for method in ("GET", "DELETE"):
        assert V("author").api.request(method, API + "/shares/" + UNKNOWN_ID).status == 404
    assert respond("author", UNKNOWN_ID, response="acknowledged").status == 404
    # The web forms answer alike.
    assert V("a1-member").web.get("/lessons/%s/share" % L).status == 403
    assert V("signed-out").web.get("/lessons/%s/share" % L).status == 303   # to sign in
    assert V("author").web.get("/lessons/%s/share" % L).status == 200


def test_bad_input_names_the_field():
    L = lesson("author", "d-a1", "Zq bad input", "zqbadinput")["id"]
    draft = lesson("author", "d-a1", "Zq draft", "zqdraft", status="draft")["id"]
    for body, status, field in (
            ({"kind": "lesson", "item": L, "to": [P("nat").id]}, 400, "to"),     # two up
            ({"kind": "lesson", "item": L, "to": [P("reg-b").id]}, 400, "to"),   # a cousin
            ({"kind": "lesson", "item": L, "to": [P("c-top").id]}, 400, "to"),   # hidden
            ({"kind": "lesson", "item": L, "to": [UNKNOWN_ID]}, 400, "to"),
            ({"kind": "lesson", "item": L, "to": []}, 400, "to"),
            ({"kind": "lesson", "item": L, "to": "everyone"}, 400, "to"),
            ({"kind": "lesson", "item": L, "to": [7]}, 400, "to"),
            ({"kind": "lesson", "item": L, "to": "children"}, 400, "to"),       # none below
            ({"kind": "lesson", "item": L}, 400, "to"),
            ({"kind": "lesson", "item": draft, "to": [P("reg-a").id]}, 400, "item"),
            ({"kind": "lesson", "item": UNKNOWN_ID, "to": [P("reg-a").id]}, 400, "item"),
            ({"kind": "entry", "item": L, "to": [P("reg-a").id]}, 400, "item"),
            ({"kind": "poem", "item": L, "to": [P("reg-a").id]}, 400, "kind"),
            ({"kind": "lesson", "item": L, "from": UNKNOWN_ID, "to": [P("reg-a").id]}, 400,
             "from"),
            ({"kind": "lesson", "item": L, "from": P("reg-a").id, "to": [P("nat").id]}, 400,
             "from"),                                                             # not held
            ({"kind": "lesson", "item": L, "to": [P("reg-a").id], "attributed": "no"}, 400,
             "attributed"),
            ({"kind": "lesson", "item": L, "to": [P("reg-a").id], "message": "x" * 2001}, 400,
             "message"),
            ({"kind": "lesson", "item": L, "to": [P("reg-a").id], "colour": "red"}, 400,
             "colour")):
        r = V("author").api.post_json(API + "/shares", body)
        assert (r.status, field_of(r)) == (status, field), (body, r.status, r.text)
    made = share_ok("author", "lesson", L, ["reg-a"])[0]
    r = share("author", "lesson", L, [P("reg-a").id])
    assert (r.status, field_of(r)) == (409, "to"), r.text
    for body, field in (({}, "response"), ({"response": "loved"}, "response"),
                        ({"response": "discussed"}, "link"),
                        ({"response": "adopted", "note": "changed"}, "link"),
                        ({"response": "adopted", "link": "javascript:alert(1)"}, "link"),
                        ({"response": "adopted", "link": "//evil.example"}, "link"),
                        ({"response": "not_relevant"}, "note"),
                        ({"response": "not_relevant", "note": "   "}, "note"),
                        ({"response": "acknowledged", "note": "y" * 2001}, "note"),
                        ({"response": "acknowledged", "extra": 1}, "extra")):
        r = respond("ra-convenor", made["id"], **body)
        assert (r.status, field_of(r)) == (400, field), (body, r.status, r.text)
    # An unattributed share passed on must stay unattributed.
    U = lesson("author", "d-a1", "Zq unnamed chain", "zqchain")["id"]
    share_ok("author", "lesson", U, ["reg-a"], attributed=False)
    r = share("ra-convenor", "lesson", U, [P("nat").id], attributed=True)
    assert (r.status, field_of(r)) == (400, "attributed"), r.text
    on = share_ok("ra-convenor", "lesson", U, ["nat"])[0]
    assert on["attributed"] is False, on
    # Query filters of the list.
    for query, field in (("platform=" + UNKNOWN_ID, "platform"), ("box=sideways", "box"),
                         ("state=lost", "state"), ("flagged=maybe", "flagged"),
                         ("direction=diagonal", "direction"), ("kind=poem", "kind"),
                         ("item=" + L, "item"), ("limit=0", "limit")):
        r = V("author").api.get(API + "/shares?" + query)
        assert (r.status, field_of(r)) == (400, field), (query, r.status, r.text)


# 4. Without attribution ---------------------------------------------------------------

def test_without_attribution_names_nobody():
    """For the receivers of a share without attribution, the author and the
    author's organisation are absent from every view; the sender's side
    still sees them."""
    word = "zqunnamedword"
    L = lesson("author", "d-a1", "Zq unnamed failure", word,
               context="Zq context of the failure")["id"]
    up = share_ok("author", "lesson", L, ["reg-a"], attributed=False,
                  message="Zq keep the names out")[0]
    assert up["attributed"] is False
    # The region passes it on to its peer in the closed alliance: whoever
    # shared it on is not named to the region's members either.
    on = share_ok("bridge", "lesson", L, ["c-top"])[0]
    assert on["attributed"] is False and on["direction"] == "across"
    share_ok("bridge", "lesson", L, ["nat"])
    ok(respond("ra-convenor", up["id"], response="acknowledged", note="Zq noted"))
    entry = ok(V("author").api.post_json(API + "/entries", {
        "platform": P("d-a1").id, "kind": "observation", "title": "Zq unnamed entry",
        "body": "Zq what we saw " + word, "status": "published"}), 201)
    share_ok("author", "entry", entry["id"], ["reg-a"], attributed=False)
    doc = ok(V("author").api.post_json(API + "/documents", {
        "platform": P("d-a1").id, "doc_type": "report", "title": "Zq unnamed report",
        "creator": AUTHOR_NAME, "publisher": AUTHOR_ORG, "contributor": AUTHOR_NAME,
        "description": "Zq the report " + word, "url": "https://example.org/zq-report.pdf",
        "status": "published", "visibility": "platform"}), 201)
    share_ok("author", "document", doc["id"], ["reg-a"], attributed=False)
    hidden = (AUTHOR_NAME, AUTHOR_ORG, V("author").person, "Zq Sharer Bridge")
    receivers = [V(x) for x in ("ra-member", "ra-observer", "c-member", "nat-member")]
    views = [("/lessons/" + L, 200), (API + "/lessons/" + L, 200),
             ("/entries/" + entry["id"], 200), (API + "/entries/" + entry["id"], 200),
             ("/documents/" + doc["id"], 200), (API + "/documents/" + doc["id"], 200),
             (API + "/search?q=" + word, 200), ("/search?q=" + word, 200),
             (API + "/search?q=Zq+unnamed", 200), ("/search?q=Zq+unnamed", 200),
             (API + "/lessons?limit=200", 200), ("/lessons?q=Zq+unnamed", 200),
             (API + "/entries?limit=200", 200), (API + "/documents?limit=200", 200),
             ("/documents?q=Zq+unnamed", 200),
             ("/platforms/%s/journal" % P("d-a1").id, 200),
             (API + "/shares?limit=200&kind=lesson&item=" + L, 200)]
    for v in receivers:
        for path, status in views:
            if v.label in ("c-member", "nat-member") and (
                    "entries" in path or "documents" in path or "journal" in path):
                continue    # only the lesson went on
            r = v.api.get(path) if path.startswith(API) else v.web.get(path)
            assert r.status == status, (v.label, path, r.status)
            assert "Zq unnamed" in r.text, (v.label, path)
            text = r.text
            if path.startswith(API) and "items" in r.json():
                # Lists hold items that may name the author (shared named):
                # only the unnamed ones are looked at.
                text = json.dumps([i for i in r.json()["items"]
                                   if i.get("title", "").startswith("Zq unnamed")])
                assert "Zq unnamed" in text, (v.label, path)
            for hide in hidden:
                assert hide not in text, (v.label, path, hide)
        shares = ok(v.api.get(API + "/shares?limit=200&kind=lesson&item=" + L))["items"]
        assert shares and all(s["shared_by"] is None for s in shares), (v.label, shares)
        for s in shares:
            page = v.web.get("/shares/" + s["id"]).text
            assert "Not named to the receivers" in page
            for text in hidden:
                assert text not in page, (v.label, text)
    # The receiving platform's audit trail: the response (by its own
    # convenor) is named; the passing on by the bridge is "someone".
    trail = V("ra-member").web.get("/platforms/%s/audit?kind=share" % P("reg-a").id)
    assert trail.status == 200
    rows = [row for row in trail.text.split("<tr>") if "Zq unnamed failure" in row]
    who = sorted(re.findall(r"</span></td><td>([^<]*)</td>", row)[0] for row in rows)
    # Passed on to nat by the bridge (the share to the closed alliance is
    # not in the trail for those outside it), and answered by the convenor.
    assert who == ["Zq Sharer Ra-Convenor", "someone"], who
    for text in (AUTHOR_NAME, AUTHOR_ORG):
        assert text not in trail.text, text
    # The sender's side still sees everything.
    for v in (V("author"), V("a1-member"), V("administrator")):
        assert AUTHOR_NAME in v.web.get("/lessons/" + L).text, v.label
        assert ok(v.api.get(API + "/lessons/" + L))["author"] == V("author").person
        assert ok(v.api.get(API + "/documents/" + doc["id"]))["creator"] == AUTHOR_NAME
        assert ok(v.api.get(API + "/shares/" + up["id"]))["shared_by"] == V("author").person
    # The administrator's trail names whoever shared it on.
    trail = V("administrator").web.get("/admin/audit?kind=share").text
    assert "Zq Sharer Bridge" in trail, re.sub(r"<[^>]+>", " ", trail)[-3000:]
    # The document: creator, publisher and contributor kept from receivers.
    got = ok(V("ra-member").api.get(API + "/documents/" + doc["id"]))
    assert (got["author"], got["creator"], got["publisher"], got["contributor"]) == (
        None, "", "", ""), got


# 5. Withdrawing ----------------------------------------------------------------------

def visible_to(v, L, word, title):
    """Where the lesson shows for v: a set of view names."""
    seen = set()
    if v.web.get("/lessons/" + L).status == 200:
        seen.add("page")
    if v.api.get(API + "/lessons/" + L).status == 200:
        seen.add("api")
    doc = ok(v.api.get(API + "/search?q=" + word))
    if doc["total"] or doc["counts"] or doc["items"]:
        seen.add("search-api")
    page = v.web.get("/search?q=" + word).text
    if title in page or count_line(page):
        seen.add("search-page")
    if L in {i["id"] for i in ok(v.api.get(API + "/lessons?limit=200"))["items"]}:
        seen.add("api-list")
    if title in v.web.get("/lessons").text:
        seen.add("lessons-page")
    if title in v.web.get("/platforms/%s/lessons" % P("d-a1").id).text:
        seen.add("platform-lessons")
    return seen


ALL_VIEWS = {"page", "api", "search-api", "search-page", "api-list", "lessons-page",
             "platform-lessons"}


def test_withdrawing_removes_the_access_everywhere():
    word, title = "zqwithdrawword", "Zq to be withdrawn"
    L = lesson("author", "d-a1", title, word)["id"]
    up = share_ok("author", "lesson", L, ["reg-a"])[0]
    on = share_ok("ra-convenor", "lesson", L, ["nat"])[0]
    ok(respond("nat-facilitator", on["id"], response="acknowledged"))
    before = {x: visible_to(V(x), L, word, title) for x in ("ra-member", "nat-member")}
    assert before == {"ra-member": ALL_VIEWS, "nat-member": ALL_VIEWS}, before
    totals = {x: ok(V(x).api.get(API + "/lessons?limit=1"))["total"]
              for x in ("ra-member", "nat-member")}
    inbox = V("ra-member").web.get("/platforms/%s/inbox" % P("reg-a").id).text
    assert title in inbox
    # The confirmation page first, then the form with its token.
    page = V("author").web.get("/shares/%s/withdraw" % up["id"])
    assert page.status == 200 and "Withdraw the share" in page.text and 'name="csrf"' in page.text
    r = V("author").web.post_form("/shares/%s/withdraw" % up["id"], {}, with_csrf=False)
    assert r.status in (400, 403), r.status
    r = V("author").web.post_form("/shares/%s/withdraw" % up["id"], {})
    assert r.status == 303, (r.status, r.text[:300])
    for x in ("ra-member", "nat-member"):
        assert visible_to(V(x), L, word, title) == set(), x
        assert ok(V(x).api.get(API + "/lessons?limit=1"))["total"] == totals[x] - 1, x
    assert title not in V("ra-member").web.get("/platforms/%s/inbox" % P("reg-a").id).text
    for sid in (up["id"], on["id"]):
        assert V("ra-member").api.get(API + "/shares/" + sid).status == 404
        assert V("nat-member").api.get(API + "/shares/" + sid).status == 404
        got = ok(V("author").api.get(API + "/shares/" + sid))
        assert got["withdrawn_at"] and got["withdrawn_by"] == V("author").person, got
    # The passing on went with it, recorded in the region's trail.
    trail = V("administrator").web.get("/platforms/%s/audit" % P("reg-a").id).text
    assert "withdrawn_at" in trail
    # The response a receiver gave no longer shows the title in its trail.
    assert title not in V("nat-member").web.get("/platforms/%s/audit" % P("nat").id).text
    # Sharing it again gives the access back.
    share_ok("author", "lesson", L, ["reg-a"])
    assert visible_to(V("ra-member"), L, word, title) == ALL_VIEWS
    assert visible_to(V("nat-member"), L, word, title) == set()


def test_a_platform_holds_an_item_once():
    """d-b1 has the lesson across from d-a1: reg-b may not send it down again
    (409); once the share across is withdrawn, d-b1 reads it no more, and
    reg-b may send it."""
    L = lesson("author", "d-a1", "Zq held by two", "zqheldbytwo")["id"]
    across = share_ok("author", "lesson", L, ["d-b1"])[0]
    share_ok("author", "lesson", L, ["reg-a"])
    share_ok("ra-convenor", "lesson", L, ["nat"])
    share_ok("nat-facilitator", "lesson", L, "children")                  # reg-b
    r = share("rb-documenter", "lesson", L, [P("d-b1").id])
    assert (r.status, field_of(r)) == (409, "to"), r.text                 # d-b1 has it
    assert withdraw("author", across["id"]).status == 204
    assert V("b1-member").api.get(API + "/lessons/" + L).status == 404
    share_ok("rb-documenter", "lesson", L, ["d-b1"])
    assert V("b1-member").api.get(API + "/lessons/" + L).status == 200


# 6. Across alliances -------------------------------------------------------------------

def test_into_and_out_of_a_members_only_alliance():
    word = "zqclosedword"
    L = lesson("author", "d-a1", "Zq into the closed alliance", word)["id"]
    share_ok("author", "lesson", L, ["reg-a"])
    # The region's convenor may not see the closed alliance: c-top is not a
    # place it may share to; the bridge (a member of both) may.
    r = share("ra-convenor", "lesson", L, [P("c-top").id])
    assert (r.status, field_of(r)) == (400, "to"), r.text
    made = share_ok("bridge", "lesson", L, ["c-top"])[0]
    assert made["direction"] == "across"
    v = V("c-member")
    assert v.web.get("/lessons/" + L).status == 200
    assert ok(v.api.get(API + "/search?q=" + word))["total"] == 1
    ok(respond("c-documenter", made["id"], response="adopted", link="https://example.org/c"))
    # The region's members do not see the closed alliance, nor its share.
    out = ok(V("ra-member").api.get(API + "/shares?kind=lesson&item=" + L))
    assert [s["to"] for s in out["items"]] == [P("reg-a").id], out
    assert V("ra-member").api.get(API + "/shares/" + made["id"]).status == 404
    assert P("c-top").name not in V("ra-member").web.get("/lessons/" + L).text
    assert P("c-top").name in V("bridge").web.get("/lessons/" + L).text
    # Out of it: a lesson of the closed alliance, read in the open one.
    word2 = "zqoutofclosed"
    C = ok(V("c-documenter").api.post_json(API + "/lessons", {
        "platform": P("c-top").id, "title": "Zq out of the closed alliance",
        "lesson": "%s: closed." % word2, "outcome": "success", "status": "published",
        "visibility": "alliance"}), 201)["id"]
    assert V("ra-member").api.get(API + "/lessons/" + C).status == 404
    out = share_ok("bridge", "lesson", C, ["reg-a"])[0]
    assert out["from"] == P("c-top").id and out["direction"] == "across"
    for path in ("/lessons/" + C, API + "/lessons/" + C):
        v = V("ra-member")
        r = v.api.get(path) if path.startswith(API) else v.web.get(path)
        assert r.status == 200, path
    assert ok(V("ra-member").api.get(API + "/search?q=" + word2))["total"] == 1
    assert V("ra-member").web.get("/platforms/" + P("c-top").id).status == 404
    assert V("ra-member").api.get(API + "/alliances/zq-shares-closed").status == 404
    assert V("outsider").api.get(API + "/lessons/" + C).status == 404


# 7. Pages -----------------------------------------------------------------------------

def test_share_and_respond_through_the_forms():
    L = lesson("author", "d-a1", "Zq shared by the form", "zqform")["id"]
    w = V("author").web
    page = w.get("/lessons/" + L)
    assert 'href="/lessons/%s/share?from=%s"' % (L, P("d-a1").id) in page.text
    form = w.get("/lessons/%s/share" % L)
    assert form.status == 200
    for text in ("Up: the parent platform", "Across: peers", P("reg-a").name, P("d-b1").name,
                 "Share without naming the author", 'name="csrf"'):
        assert text in form.text, text
    # Nothing chosen: the error beside the platforms, what was typed kept.
    r = w.post_form("/lessons/%s/share" % L, {"from": P("d-a1").id, "message": "Zq typed"})
    assert r.status == 400 and 'class="error-summary"' in r.text
    assert "Choose at least one platform" in r.text and "Zq typed" in r.text
    assert re.search(r'id="f-to"[^>]*>', r.text) and 'href="#f-to"' in r.text
    r = w.post_form("/lessons/%s/share" % L, [("from", P("d-a1").id), ("to", P("reg-a").id),
                                              ("to", P("d-b1").id), ("message", "Zq by form"),
                                              ("anonymous", "1")])
    assert r.status == 303, (r.status, r.text[:500])
    shares = ok(V("author").api.get(API + "/shares?kind=lesson&item=" + L))["items"]
    assert sorted((s["to"], s["direction"], s["attributed"]) for s in shares) == sorted(
        [(P("reg-a").id, "up", False), (P("d-b1").id, "across", False)]), shares
    sid = next(s["id"] for s in shares if s["to"] == P("reg-a").id)
    # The respond form: errors beside the fields.
    c = V("ra-convenor").web
    page = c.get("/shares/" + sid)
    assert page.status == 200 and 'action="/shares/%s/respond"' % sid in page.text
    r = c.post_form("/shares/%s/respond" % sid, {"response": "adopted", "link": "", "note": ""})
    assert r.status == 400 and "f-link-error" in r.text and 'href="#f-link"' in r.text
    r = c.post_form("/shares/%s/respond" % sid, {"response": "not_relevant", "note": ""})
    assert r.status == 400 and "f-note-error" in r.text
    r = c.post_form("/shares/%s/respond" % sid, {"response": "adopted",
                                                 "link": "https://example.org/zq-policy",
                                                 "note": "Zq adopted"})
    assert r.status == 303, r.status
    assert ok(V("ra-member").api.get(API + "/shares/" + sid))["response"] == "adopted"
    # Members who may not respond get no form.
    assert 'action="/shares/%s/respond"' % sid not in V("ra-member").web.get(
        "/shares/" + sid).text
    # Without the form token: refused.
    r = c.post_form("/shares/%s/respond" % sid, {"response": "acknowledged"}, with_csrf=False)
    assert r.status in (400, 403)
    # Entries and documents have their share form too.
    e = ok(V("author").api.post_json(API + "/entries", {
        "platform": P("d-a1").id, "kind": "story", "title": "Zq entry to share",
        "body": "Zq body", "status": "published"}), 201)
    assert w.get("/entries/%s/share" % e["id"]).status == 200
    r = w.post_form("/entries/%s/share" % e["id"], {"from": P("d-a1").id, "to": P("reg-a").id})
    assert r.status == 303
    # A draft: nothing to share yet.
    d = lesson("author", "d-a1", "Zq draft form", "zqdraftform", status="draft")["id"]
    assert "Publish it first" in w.get("/lessons/%s/share" % d).text
    # "All below" from the region.
    L2 = lesson("author", "d-a1", "Zq all below", "zqallbelow")["id"]
    share_ok("author", "lesson", L2, ["reg-a"])
    r = V("ra-convenor").web.post_form("/lessons/%s/share" % L2,
                                       {"from": P("reg-a").id, "children": "1"})
    assert r.status == 303, (r.status, r.text[:400])
    got = ok(V("ra-convenor").api.get(API + "/shares?box=outbox&platform=" + P("reg-a").id +
                                      "&kind=lesson&item=" + L2))
    assert [s["to"] for s in got["items"]] == [P("d-a2").id], got   # d-a1 has it


EVENT_FACILITATOR = "Zq Facilitator Fatima Eventful"
EVENT_ATTENDEE = "Zq Attendee Abena Eventful"
EVENT_ATTENDEE_ORG = "Zq Attendee Organisation Eventful"


def event_with_minutes(title, word, minutes=True, status="published"):
    """An event of d-a1 (platform level) by the author, with its facilitator,
    minutes, a decision, someone who attended and an action item owned by
    a1-member: all that a share without attribution must not name."""
    doc = {"platforms": [P("d-a1").id], "kind": "meeting", "title": title,
           "start": "2025-05-06T09:00", "end": "2025-05-06T12:00", "status": status,
           "visibility": "platform", "facilitator": EVENT_FACILITATOR, "place": "Zq Bolga",
           "minutes": "%s: the committee agreed to keep books." % word if minutes else ""}
    ev = ok(V("author").api.post_json(API + "/events", doc), 201, "event " + title)
    ok(V("author").api.post_json(API + "/events/%s/attendance" % ev["id"], {
        "name": EVENT_ATTENDEE, "organisation": EVENT_ATTENDEE_ORG, "role": "Zq chair",
        "spoke": True, "gender": "female"}), 201, "attendance")
    ok(V("author").api.post_json(API + "/events/%s/action-items" % ev["id"], {
        "title": "Zq repair the pump", "owner": V("a1-member").person}), 201, "action item")
    return ev


def test_event_minutes_shared_like_the_other_kinds():
    """An event's minutes are shared as lessons are (issue 6): the receivers'
    members read the event — minutes, decisions, action items, attendance —
    on its page, in the API, in search and in their inbox, for as long as
    the share stands; without attribution they read it all but who recorded
    it, its facilitator, who attended (counted, not named, nor their
    organisation) and who owns its action items. Withdrawing removes the
    access everywhere. Only a published event with minutes is shared."""
    names = (EVENT_FACILITATOR, EVENT_ATTENDEE, EVENT_ATTENDEE_ORG, AUTHOR_NAME,
             V("a1-member").name)
    cases = []
    for n, (label, attributed, withdrawn) in enumerate((
            ("event-unshared", None, False), ("event-named", True, False),
            ("event-unnamed", False, False), ("event-named-withdrawn", True, True))):
        code = "zqev%02d" % n
        ev = event_with_minutes("Zq shared event %s %s" % (code, label), code)
        m = Obj(label=label, id=ev["id"], code=code, shared=attributed is not None,
                attributed=attributed, withdrawn=False, share=None)
        if m.shared:
            made = share_ok("author", "event", m.id, ["reg-a"], message="Zq minutes for you",
                            attributed=attributed)
            assert made[0]["kind"] == "event" and made[0]["direction"] == "up", made
            m.share = made[0]["id"]
        cases.append(m)
    # Through the form too: the page offers it, the form is the lesson's.
    page = V("author").web.get("/events/" + cases[0].id)
    assert 'href="/events/%s/share?from=%s"' % (cases[0].id, P("d-a1").id) in page.text
    form = V("author").web.get("/events/%s/share" % cases[0].id)
    assert form.status == 200 and re.search(r"Share the event(&#39;|&#x27;|')s minutes",
                                            form.text), form.text[:2000]
    r = V("author").web.post_form("/events/%s/share" % cases[0].id, {
        "from": P("d-a1").id, "to": P("d-b1").id, "message": "Zq across by form"})
    assert r.status == 303, (r.status, r.text[:500])
    assert r.header("Location").startswith("/events/%s" % cases[0].id)
    assert withdraw("author", ok(V("author").api.get(
        API + "/shares?kind=event&item=" + cases[0].id))["items"][0]["id"]).status == 204

    def check(C, when):
        for v in F.viewers:
            for m in cases:
                see, named = may_read(v, m), may_read(v, m) and may_know_author(v, m)
                rp = "%s, %s (%s)" % (m.label, how(v, True), when)
                r = v.web.get("/events/" + m.id)
                if C.eq(r.status, 200 if see else 404, "event page", rp) and see:
                    C.eq(m.code in r.text, True, "minutes on the page", rp)
                    for name in names:
                        if name != getattr(v, "name", None):
                            C.eq(name in r.text, named, "%s on the page" % name, rp)
                r = v.api.get(API + "/events/" + m.id)
                if C.eq(r.status, 200 if see else 404, "event API", rp) and see:
                    doc = r.json()
                    C.eq((doc["facilitator"], doc["author"], doc["attendance"][0]["name"],
                          doc["attendance"][0]["organisation"],
                          doc["action_items"][0]["owner"]),
                         (EVENT_FACILITATOR, V("author").person, EVENT_ATTENDEE,
                          EVENT_ATTENDEE_ORG, V("a1-member").person) if named else
                         ("", None, "", "", None), "who is named by the API", rp)
                    C.eq((len(doc["attendance"]), doc["attendance"][0]["spoke"]), (1, True),
                         "attendance counted", rp)
                r = v.api.get(API + "/search?q=" + m.code)
                if C.eq(r.status, 200, "search", rp):
                    doc = r.json()
                    C.eq([i["id"] for i in doc["items"]], [m.id] if see else [], "found", rp)
                    if not named:
                        C.eq(EVENT_FACILITATOR in r.text, False, "facilitator in search", rp)
                if m.share:
                    r = v.api.get(API + "/shares/" + m.share)
                    C.eq(r.status, 200 if may_see_share(v, m) else 404, "the share", rp)
            if v.admin or "reg-a" in v.roles:
                r = v.api.get(API + "/shares?limit=200&kind=event&platform=" + P("reg-a").id)
                C.eq(sorted(m.label for m in cases if m.share in {i["id"] for i in
                                                                  r.json()["items"]}),
                     sorted(m.label for m in cases if may_see_share(v, m)), "the inbox",
                     "inbox, %s (%s)" % (how(v, False), when))
                r = v.web.get("/platforms/%s/inbox" % P("reg-a").id)
                C.eq(sorted(m.label for m in cases if m.code in r.text),
                     sorted(m.label for m in cases if m.shared and not m.withdrawn),
                     "the inbox page", "inbox page, %s (%s)" % (how(v, True), when))

    C = Checks()
    check(C, "shared")
    withdrawn = next(m for m in cases if m.label == "event-named-withdrawn")
    assert withdraw("author", withdrawn.share).status == 204
    withdrawn.withdrawn = True
    check(C, "after a withdrawal")
    C.fail_if_any("event shares")
    # The receivers respond, as to any share.
    named = next(m for m in cases if m.label == "event-named")
    assert respond("ra-convenor", named.share, response="acknowledged").status == 200
    # Bad input names the field: an event without minutes, a draft, a kind
    # that is not one, an unknown event.
    bare = event_with_minutes("Zq event without minutes", "zqbare", minutes=False)
    r = share("author", "event", bare["id"], [P("reg-a").id])
    assert (r.status, field_of(r)) == (400, "item") and "minutes" in r.text, r.text
    draft = event_with_minutes("Zq draft event", "zqdraftev", status="draft")
    r = share("author", "event", draft["id"], [P("reg-a").id])
    assert (r.status, field_of(r)) == (400, "item") and "publish" in r.text.lower(), r.text
    r = share("author", "meeting", bare["id"], [P("reg-a").id])
    assert (r.status, field_of(r)) == (400, "kind"), r.text
    r = share("author", "event", UNKNOWN_ID, [P("reg-a").id])
    assert (r.status, field_of(r)) == (400, "item"), r.text
    r = V("author").api.get(API + "/shares?kind=minutes&item=" + bare["id"])
    assert (r.status, field_of(r)) == (400, "kind"), r.text
    # A platform that holds it already: 409 naming "to".
    r = share("author", "event", named.id, [P("reg-a").id])
    assert (r.status, field_of(r)) == (409, "to"), r.text


def test_learning_questions_are_shared_and_discussed():
    """A learning question (question.h) is shared and discussed like the
    other kinds: its receivers read it (page, API, search) while the share
    stands, without attribution not who raised it; its thread is read
    exactly as the question is; withdrawing removes both."""
    conv = V("ra-convenor")
    q = ok(conv.api.post_json(API + "/questions", {
        "platforms": [P("reg-a").id], "title": "Zq why do zqquestionshare pumps fail",
        "visibility": "platform"}), 201, "question")
    page = conv.web.get("/questions/" + q["id"])
    assert 'href="/questions/%s/share?from=%s"' % (q["id"], P("reg-a").id) in page.text
    assert conv.web.get("/questions/%s/share" % q["id"]).status == 200
    r = conv.web.post_form("/questions/%s/share" % q["id"], {
        "from": P("reg-a").id, "to": P("d-a2").id, "anonymous": "1",
        "message": "Zq for your next cycle"})
    assert r.status == 303, (r.status, r.text[:400])
    down = ok(conv.api.get(API + "/shares?kind=question&item=" + q["id"]))["items"][0]
    assert (down["to"], down["attributed"]) == (P("d-a2").id, False), down
    up = share_ok("ra-convenor", "question", q["id"], ["nat"])[0]
    thread = ok(V("a2-convenor").api.post_json(API + "/discussions", {
        "question": q["id"], "body": "Zq zqquestionthread we tried this"}), 201)
    assert thread["item_kind"] == "question", thread

    def readers(standing_down):
        return ({"administrator", "ra-convenor", "ra-member", "ra-observer", "bridge",
                 "nat-facilitator", "nat-member"} |
                ({"a2-convenor"} if standing_down else set()))

    for standing in (True, False):
        if not standing:
            assert withdraw("ra-convenor", down["id"]).status == 204
        for v in F.viewers:
            see = v.label in readers(standing)
            rp = "%s (%s)" % (how(v, False), "standing" if standing else "withdrawn")
            r = v.api.get(API + "/questions/" + q["id"])
            assert r.status == (200 if see else 404), rp
            if see:
                named = v.label != "a2-convenor"
                assert r.json()["author"] == (conv.person if named else None), (rp, r.text)
                page = v.web.get("/questions/" + q["id"]).text
                assert (conv.name in page) == named, rp
            hits = ok(v.api.get(API + "/search?q=zqquestionshare"))["items"]
            assert [h["id"] for h in hits] == ([q["id"]] if see else []), (rp, hits)
            assert (v.api.get(API + "/discussions/" + thread["id"]).status == 200) == see, rp
            hits = ok(v.api.get(API + "/search?q=zqquestionthread"))["items"]
            assert bool(hits) == see, (rp, hits)
    assert respond("nat-facilitator", up["id"], response="acknowledged").status == 200
    # Bad input names the field.
    r = share("ra-convenor", "question", UNKNOWN_ID, [P("nat").id])
    assert (r.status, field_of(r)) == (400, "item"), r.text
    r = share("ra-convenor", "question", q["id"], [P("nat").id])
    assert (r.status, field_of(r)) == (409, "to"), r.text
    r = V("b1-member").api.post_json(API + "/discussions", {"question": q["id"], "body": "Zq"})
    assert (r.status, field_of(r)) == (400, "question"), r.text


def test_demo_shares_the_national_minutes_down_and_talks_about_them():
    """The demo (issue 6, issue 12): the national platform's quarterly
    meeting is shared down to the regions and on from the Upper East to its
    districts, with responses at both levels; its thread and the thread of
    the share to the Upper East are there, the second read by the Upper
    East's convenor and not by a district member, whose platform received
    the minutes from the region."""
    with Server(demo=True) as s:
        grace = s.web_client("grace.adongo@example.gov.gh")
        juliana = s.web_client("juliana.ayeebo@example.net")
        events = ok(s.get(API + "/events?limit=200"))
        ev = next(e for e in events["items"] if e["title"].startswith(
            "National platform quarterly meeting: repairs"))
        shares = ok(s.get(API + "/shares?limit=200&kind=event&item=" + ev["id"]))["items"]
        levels = {(sh["direction"], sh["response"]) for sh in shares}
        assert len(shares) >= 6 and ("down", "adopted") in levels and \
            ("down", "discussed") in levels, shares
        to_uer = next(sh for sh in shares if sh["response"] == "discussed")
        threads = ok(s.get(API + "/discussions?share=" + to_uer["id"]))["items"]
        assert threads and threads[0]["reply_count"] >= 3, threads
        assert ok(s.get(API + "/discussions?event=" + ev["id"]))["items"][0]["reply_count"] >= 3
        page = grace.get("/shares/" + to_uer["id"])
        assert page.status == 200 and "/discussions/" + threads[0]["id"] in page.text
        assert grace.get("/discussions/" + threads[0]["id"]).status == 200
        assert juliana.get("/discussions/" + threads[0]["id"]).status == 404
        assert juliana.get("/events/" + ev["id"]).status == 200
        inbox = grace.get("/platforms/%s/inbox" % to_uer["to"]).text
        assert ev["title"] in inbox


def test_new_pages_are_valid_html():
    """html-validate on the share form (with errors), a share's page with the
    respond form (with errors), the withdraw confirmation, the inbox and the
    outbox, a lesson's page with its journey, the platform page."""
    validator = os.path.join(harness.ROOT, "node_modules", ".bin", "html-validate")
    assert os.path.exists(validator), validator
    L = F.journey
    sid = ok(V("author").api.get(API + "/shares?kind=lesson&item=" + L))["items"][0]["id"]
    pages = {
        "share form": V("ra-convenor").web.get("/lessons/%s/share" % L),
        "share form errors": V("author").web.post_form("/lessons/%s/share" % L,
                                                       {"from": P("d-a1").id}),
        "share page": V("ra-convenor").web.get("/shares/" + sid),
        "respond errors": V("ra-convenor").web.post_form("/shares/%s/respond" % sid,
                                                         {"response": "discussed"}),
        "withdraw": V("author").web.get("/shares/%s/withdraw" % sid),
        "inbox": V("ra-member").web.get("/platforms/%s/inbox" % P("reg-a").id),
        "inbox filtered": V("ra-member").web.get(
            "/platforms/%s/inbox?state=waiting&direction=up&flagged=1" % P("reg-a").id),
        "outbox": V("author").web.get("/platforms/%s/shared" % P("d-a1").id),
        "lesson": V("author").web.get("/lessons/" + L),
        "platform": V("ra-member").web.get("/platforms/" + P("reg-a").id),
    }
    tmp = tempfile.mkdtemp(prefix="alliance-shares-html-")
    files = []
    for name, r in pages.items():
        assert r.status in (200, 400, 409), (name, r.status)
        assert len(r.body) < 30 * 1024, name
        path = os.path.join(tmp, re.sub(r"\W+", "_", name) + ".html")
        with open(path, "wb") as f:
            f.write(r.body)
        files.append(path)
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "htmlvalidate.json")) as f:
        config = json.load(f)
    config = {k: v for k, v in config.items() if k != "$comment"}
    config_path = os.path.join(tmp, "config.json")
    with open(config_path, "w") as f:
        json.dump(config, f)
    done = subprocess.run([validator, "--config", config_path, "--formatter", "text", *files],
                          capture_output=True, text=True, timeout=240, cwd=harness.ROOT)
    assert done.returncode == 0, done.stdout[:4000] + done.stderr[:2000]


# 8. Audit trail, export ----------------------------------------------------------------

def test_audit_trail_records_sharing():
    L = lesson("author", "d-a1", "Zq audited share", "zqaudited")["id"]
    made = share_ok("author", "lesson", L, ["reg-a"], message="Zq audit message")[0]
    ok(respond("ra-convenor", made["id"], response="acknowledged", note="Zq audit note"))
    assert withdraw("author", made["id"]).status == 204
    sender = V("a1-member").web.get("/platforms/%s/audit?kind=share" % P("d-a1").id).text
    assert sender.count("Zq audited share") == 2, sender   # shared, withdrawn
    assert "Zq audit message" in sender and AUTHOR_NAME in sender
    out = cli("audit", "--kind", "share")
    assert "Zq audited share" in out and "Zq audit note" in out, out[-2000:]


def test_export_and_import_carry_the_shares():
    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "first.jsonl")
        cli("export", first)
        with open(first, encoding="utf-8") as f:
            records = [json.loads(line) for line in f]
        shares = [r for r in records if r.get("record") == "share"]
        assert len(shares) >= 20 and any(r["attributed"] == 0 for r in shares)
        assert any(r["withdrawn_at"] for r in shares) and any(r["response"] for r in shares)
        target = Server(admin=False)
        try:
            done = target.run_cli("import", first)
            assert done.returncode == 0, done.stderr
            second = os.path.join(tmp, "second.jsonl")
            done = target.run_cli("export", second)
            assert done.returncode == 0, done.stderr
            with open(first, "rb") as a, open(second, "rb") as b:
                assert a.read() == b.read(), "a second export differs"
        finally:
            target.cleanup()


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
             test_journey_up_and_back_down,
             test_flagged_after_the_response_days,
             test_who_may_share_respond_and_withdraw,
             test_bad_input_names_the_field,
             test_without_attribution_names_nobody,
             test_withdrawing_removes_the_access_everywhere,
             test_a_platform_holds_an_item_once,
             test_into_and_out_of_a_members_only_alliance,
             test_share_and_respond_through_the_forms,
             test_event_minutes_shared_like_the_other_kinds,
             test_learning_questions_are_shared_and_discussed,
             test_demo_shares_the_national_minutes_down_and_talks_about_them,
             test_new_pages_are_valid_html,
             test_audit_trail_records_sharing,
             test_export_and_import_carry_the_shares])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
