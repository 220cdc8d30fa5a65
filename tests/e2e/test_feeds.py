#!/usr/bin/env python3
"""Feeds (issue 6, part 5): the Atom feeds of a platform and of the whole site
(src/web/feed.c, src/domain/feed.h), private feed addresses, and the JSON
feed of the API (src/api/feed.c).

One server with the demo (its members-only Burkina Faso alliance, its answered
questions, its documents) and a fixture of our own made through the API and
the forms: a public alliance with a district platform (o-a), its sibling (o-b)
and their parent, and a members-only alliance with a platform (c-a); a writer
and a documenter on o-a, a member of o-b, someone with no membership, a member
and a documenter of c-a, and the administrator. On o-a and c-a, lessons of
every visibility as drafts and published, journal entries and a document.

Covered:
  * every feed parses with an independent parser (Debian's python3-feedparser,
    bozo == 0) and with a strict XML parser; its id, title, updated, links
    (self and alternate, absolute from --base-url), and each entry's id
    (urn:uuid: of the item), title, link to the item's page, published and
    updated dates, author and summary;
  * the visibility matrix: signed out, the private address of each member, of
    a member of another platform and another alliance, of someone with no
    membership and of the administrator, × the feeds of o-a, of c-a and of the
    whole site, × Atom and the JSON API (by the same people's API tokens); the
    rule written below in Python from visibility.h, and drafts never, not even
    for their author or those who may publish them;
  * an address made for one platform reads that platform's feed only;
  * a revoked, unknown, malformed or empty token answers 404 (never the public
    feed); revoking asks first; creation and revocation are in the audit trail
    and nothing in the database or an export holds the secret;
  * the secret opens nothing else: not as an API Bearer token, not as a
    session cookie, not as ?token= on pages or the API;
  * hostile titles and texts (& < > " ' ]]>, script, U+FFFE, U+FFFF, and
    control characters written to the database by hand) keep the feed
    well-formed and come back as the same text, less what XML cannot hold;
  * conditional GET: an ETag, 304 for If-None-Match, a new ETag after a change;
  * the members-only demo alliance: its platform's feed is 404 signed out and
    for a member from outside, and readable by the administrator's address;
  * the pages: the platform page's <link rel="alternate"> and visible "Feed"
    link, the footer's, the account page's section, form errors, and
    html-validate on the new pages.
"""
import html
import json
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

try:
    import feedparser
except ImportError:
    # Debian's python3-feedparser is in Debian's Python; ctest may have found
    # another python3 first (pyenv and the like): run again with Debian's.
    DEBIAN = "/usr/bin/python3"
    if os.path.exists(DEBIAN) and not os.environ.get("ALLIANCE_FEEDS_DEBIAN_PYTHON"):
        os.environ["ALLIANCE_FEEDS_DEBIAN_PYTHON"] = "1"
        os.execv(DEBIAN, [DEBIAN, os.path.abspath(__file__)] + sys.argv[1:])
    raise SystemExit("test_feeds needs feedparser: install python3-feedparser "
                     "(tools/install-deps test)")

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Obj, Server, ok, run  # noqa: E402

API = "/api/v1"
BASE = "https://feeds.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
PASSWORD = "zq-feeds-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"

server = None
F = None


def client(token=None):
    return server.client(token)


def cli(*args, stdin=None):
    return server.cli_ok(*args, stdin=stdin)


def web_client(email, password=PASSWORD):
    return server.web_client(email, password)


def write_sql(query, args=()):
    """A write to the server's database from outside (harness.sql reads:
    on SQLite it commits nothing). On PostgreSQL it moves the data version as
    the server's own writes do (postgres.c), or the servers' kept answers
    would not know of it; SQLite's data_version moves by itself."""
    if harness.PG_DIR:
        server.sql(query, args)
        return server.sql("UPDATE alliance_data_version SET n = n + 1 WHERE id = 1")
    import sqlite3
    conn = sqlite3.connect(os.path.join(server.data_dir, "alliance.db"), timeout=10)
    try:
        with conn:
            conn.execute(query, args)
    finally:
        conn.close()


def make_address(web, scope, status=201):
    """Makes a private feed address through the account page's form; returns
    the path to fetch (the address less BASE) and the secret."""
    r = web.post_form("/account/feeds", {"platform": scope})
    assert r.status == status, "make an address for %s: %d %s" % (scope, r.status, r.text[:400])
    if status != 201:
        return r
    found = re.findall(r"<code>([^<]+)</code>", r.text)
    assert len(found) == 1, "the new address is shown once: %r" % found
    address = html.unescape(found[0])
    assert address.startswith(BASE + "/"), address
    path = address[len(BASE):]
    m = re.search(r"\?token=([A-Za-z0-9_-]{43})$", path)
    assert m, "the address ends with ?token= and the secret: %s" % path
    return path, m.group(1)


# Fixture -------------------------------------------------------------------------

def build_fixture():
    global F
    F = Obj(alliances={}, platforms={}, viewers=[], items=[])
    for label, slug, vis in (("open", "zq-feeds-open", "public"),
                             ("closed", "zq-feeds-closed", "members")):
        doc = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq Feeds %s" % label.title(),
            "levels": ["National", "District"], "visibility": vis}), 201, "alliance")
        F.alliances[label] = Obj(label=label, slug=slug, visibility=vis, id=doc["id"])
    for label, alliance, parent in (("o-top", "open", None), ("o-a", "open", "o-top"),
                                    ("o-b", "open", "o-top"), ("c-top", "closed", None),
                                    ("c-a", "closed", "c-top")):
        body = {"alliance": F.alliances[alliance].slug, "name": "Zq feeds platform %s" % label}
        if parent:
            body["parent"] = F.platforms[parent].id
        doc = ok(server.post_json(API + "/platforms", body), 201, "platform")
        F.platforms[label] = Obj(label=label, id=doc["id"], alliance=F.alliances[alliance],
                                 name=body["name"])
    anonymous = Obj(label="signed-out", admin=False, person=None, roles={}, web=client(),
                    api=client(), feed_token=None)
    F.viewers.append(anonymous)
    for label, memberships in (("writer", [("o-a", "member")]),
                               ("doc", [("o-a", "documenter")]),
                               ("sibling", [("o-b", "member")]),
                               ("outsider", []),
                               ("c-member", [("c-a", "member")]),
                               ("c-doc", [("c-a", "documenter")])):
        email = "%s@feeds.zq.test" % label
        name = "Zq Feeds %s" % label.title()
        person = ok(server.post_json(API + "/people", {"name": name, "email": email}), 201)
        for platform, role in memberships:
            ok(server.post_json(API + "/memberships", {
                "platform": F.platforms[platform].id, "person": person["id"], "role": role}), 201)
        cli("user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli("token", "add", "--email", email, "--label", "feeds").strip()
        F.viewers.append(Obj(label=label, admin=False, person=person["id"], name=name,
                             roles={p: r for p, r in memberships}, web=web_client(email),
                             api=client(token)))
    F.viewers.append(Obj(label="administrator", admin=True, person=None, roles={},
                         web=web_client(harness.DEMO_ADMIN, harness.DEMO_PASSWORD),
                         api=client(server.token)))
    F.by = {v.label: v for v in F.viewers}
    # Every signed-in viewer's private address for every feed.
    for v in F.viewers[1:]:
        v.feed_path, v.feed_token = make_address(v.web, "all")
        assert v.feed_path == "/feed.atom?token=" + v.feed_token, v.feed_path
    # Items: by the writer on o-a (published by the documenter), by the
    # c-member on c-a (published by c-doc).
    n = 0
    for platform, author, publisher in (("o-a", "writer", "doc"), ("c-a", "c-member", "c-doc")):
        for kind in ("lesson", "entry"):
            for vis in ("platform", "alliance", "public"):
                for status in ("draft", "published"):
                    n += 1
                    title = "Zq feed item %02d %s %s %s %s" % (n, kind, platform, vis, status)
                    add_item(kind, platform, author, publisher, title, vis, status)
        add_item("document", platform, author, publisher, "Zq feed document %s" % platform,
                 "public", "published")


def add_item(kind, platform, author, publisher, title, vis, status):
    a, p = F.by[author], F.platforms[platform]
    if kind == "lesson":
        path, body = "/lessons", {"title": title, "lesson": "The lesson of " + title + ".",
                                  "outcome": "success", "visibility": vis}
    elif kind == "entry":
        path, body = "/entries", {"kind": "observation", "title": title,
                                  "body": "What we saw: " + title + ".", "visibility": vis}
    else:
        path, body = "/documents", {"title": title, "doc_type": "guideline",
                                    "description": "About " + title + ".", "visibility": vis,
                                    "url": "https://example.org/" + platform + ".pdf"}
    body["platform"] = p.id
    doc = ok(a.api.post_json(API + path, body), 201, "create %s" % title)
    assert doc["status"] == "draft", doc
    if status == "published":
        doc = ok(F.by[publisher].api.patch_json(API + path + "/" + doc["id"],
                                                {"status": "published"}), 200)
        assert doc["status"] == "published", doc
    item = Obj(label=title, id=doc["id"], kind=kind, title=title, platform=p, visibility=vis,
               status=status, author=a)
    F.items.append(item)
    return item


def P(label):
    return F.platforms[label]


def V(label):
    return F.by[label]


# The rule (visibility.h, row.h), in Python; a feed holds published items only --

PUBLISHERS = ("convenor", "facilitator", "documenter")


def may_read_platform(v, p):
    return v.admin or p.alliance.visibility == "public" or \
        any(P(q).alliance is p.alliance for q in v.roles)


def may_read(v, it):
    if v.admin:
        return True
    alliance = it.platform.alliance
    in_alliance = any(P(q).alliance is alliance for q in v.roles)
    if alliance.visibility == "members" and not in_alliance:
        return False
    if it.visibility == "alliance" and not in_alliance:
        return False
    if it.visibility == "platform" and it.platform.label not in v.roles:
        return False
    if it.status == "draft":
        return v.person == it.author.person or v.roles.get(it.platform.label) in PUBLISHERS
    return True


def in_feed(v, it):
    return it.status == "published" and may_read(v, it)


# Reading feeds ----------------------------------------------------------------------

def parse(resp, what):
    """Parses an Atom answer with feedparser and with a strict XML parser;
    returns the feedparser result."""
    assert resp.status == 200, "%s: %d %s" % (what, resp.status, resp.text[:300])
    assert resp.header("Content-Type") == ATOM_TYPE, (what, resp.header("Content-Type"))
    root = ET.fromstring(resp.body)
    assert root.tag == ATOM + "feed", what
    d = feedparser.parse(resp.body)
    assert d.bozo == 0, "%s: feedparser: %r" % (what, d.get("bozo_exception"))
    assert d.version == "atom10", (what, d.version)
    return d


def fetch_feed(c, path, what=None):
    return parse(c.get(path, auth=False), what or path)


def entry_ids(d):
    out = []
    for e in d.entries:
        assert e.id.startswith("urn:uuid:"), e.id
        out.append(e.id[len("urn:uuid:"):])
    return out


def ours(ids):
    """The fixture's items among ids, by label, in order."""
    by_id = {it.id: it for it in F.items}
    return [by_id[i].label for i in ids if i in by_id]


def with_token(path, v):
    return path + "?token=" + v.feed_token


# Tests ------------------------------------------------------------------------------

def test_feeds_parse_with_feedparser():
    """RFC 4287 as an independent parser reads it: the feed's id, title,
    updated and links; each entry's id, title, link, dates, author, category
    and summary."""
    path = "/platforms/%s/feed.atom" % P("o-a").id
    d = fetch_feed(client(), path)
    assert d.feed.id == BASE + path, d.feed.id
    assert d.feed.title == P("o-a").name, d.feed.title
    assert d.feed.updated_parsed, "no feed updated"
    links = {(l.rel, l.type): l.href for l in d.feed.links}
    assert links[("self", "application/atom+xml")] == BASE + path, links
    assert links[("alternate", "text/html")] == BASE + "/platforms/" + P("o-a").id, links
    assert d.feed.get("author") == P("o-a").name, d.feed.get("author")
    want = [it for it in F.items if it.platform is P("o-a") and in_feed(F.viewers[0], it)]
    assert sorted(ours(entry_ids(d))) == sorted(it.label for it in want), ours(entry_ids(d))
    by_id = {it.id: it for it in F.items}
    for e in d.entries:
        it = by_id[e.id[len("urn:uuid:"):]]
        assert e.title == it.title, e.title
        page = {"lesson": "/lessons/", "entry": "/entries/", "document": "/documents/"}[it.kind]
        assert e.link == BASE + page + it.id, e.link
        assert e.published_parsed and e.updated_parsed, e
        assert e.updated_parsed >= e.published_parsed, e
        assert e.author == it.author.name, (e.get("author"), it.author.name)
        assert e.tags[0].term == it.kind, e.tags
        assert e.tags[1].term == P("o-a").id and e.tags[1].label == P("o-a").name, e.tags
        assert it.title in e.summary, e.summary
    # Newest published first.
    dates = [e.published_parsed for e in d.entries]
    assert dates == sorted(dates, reverse=True), dates
    # The whole site's feed, signed out, over the demo: every kind of item.
    d = fetch_feed(client(), "/feed.atom")
    assert d.feed.id == BASE + "/feed.atom" and d.feed.title == "Alliance", d.feed
    assert 0 < len(d.entries) <= 50, len(d.entries)
    kinds = {re.sub(r"/[^/]+$", "/", e.link[len(BASE):]) for e in d.entries}
    assert kinds == {"/lessons/", "/entries/", "/documents/", "/enquiries/", "/events/"}, kinds
    # Every link leads to a page that answers, signed out.
    for e in d.entries[:50]:
        r = client().get(e.link[len(BASE):])
        assert r.status == 200, (e.link, r.status)
    # At most 50, newest first, on a platform with more (the administrator
    # reads everything on the site).
    d = fetch_feed(client(), with_token("/feed.atom", V("administrator")))
    assert len(d.entries) == 50, len(d.entries)


def test_visibility_matrix():
    """Every viewer × the feeds of o-a, c-a and the whole site × Atom (by the
    viewer's private address; signed out, the public feed) and JSON (by the
    viewer's API token)."""
    failures, checks = [], 0
    feeds = [("o-a", "/platforms/%s/feed.atom" % P("o-a").id, lambda it: it.platform is P("o-a")),
             ("c-a", "/platforms/%s/feed.atom" % P("c-a").id, lambda it: it.platform is P("c-a")),
             ("site", "/feed.atom", lambda it: True)]
    for v in F.viewers:
        for name, path, keep in feeds:
            checks += 1
            url = with_token(path, v) if v.feed_token else path
            reachable = name == "site" or may_read_platform(v, P(name))
            want = sorted(it.label for it in F.items if keep(it) and in_feed(v, it))
            r = client().get(url, auth=False)
            if not reachable:
                if r.status != 404:
                    failures.append("%s, feed %s: %d, want 404" % (v, name, r.status))
                continue
            try:
                got = sorted(ours(entry_ids(parse(r, url))))
            except AssertionError as e:
                failures.append("%s, feed %s: %s" % (v, name, e))
                continue
            if got != want:
                failures.append("%s, Atom feed %s: got %s, want %s" % (v, name, got, want))
            # Drafts never, not even for their author or those who may publish them.
            drafts = [it.label for it in F.items if it.status == "draft" and may_read(v, it)]
            if set(drafts) & set(got):
                failures.append("%s, feed %s: drafts %s" % (v, name, set(drafts) & set(got)))
            if name == "site":
                continue
            checks += 1
            r = v.api.get(API + "/platforms/%s/feed" % P(name).id)
            if r.status != 200:
                failures.append("%s, JSON feed %s: %d" % (v, name, r.status))
                continue
            doc = r.json()
            got_json = sorted(ours([it["id"] for it in doc["items"]]))
            if got_json != want:
                failures.append("%s, JSON feed %s: got %s, want %s" % (v, name, got_json, want))
    for v in F.viewers:
        for p in ("o-a", "c-a"):
            if not may_read_platform(v, P(p)):
                r = v.api.get(API + "/platforms/%s/feed" % P(p).id)
                checks += 1
                if r.status != 404:
                    failures.append("%s, JSON feed %s: %d, want 404" % (v, p, r.status))
    print("  feed matrix: %d viewers x %d items, %d checks" % (len(F.viewers), len(F.items),
                                                              checks))
    assert not failures, "%d failures:\n  %s" % (len(failures), "\n  ".join(failures))


def test_json_feed_is_the_atom_feed():
    """The API's feed holds the Atom feed's items, in its order, with the
    documented fields."""
    v = V("writer")
    path = "/platforms/%s/feed.atom" % P("o-a").id
    atom = fetch_feed(client(), with_token(path, v))
    doc = ok(v.api.get(API + "/platforms/%s/feed" % P("o-a").id))
    assert doc["platform"] == P("o-a").id and doc["title"] == P("o-a").name, doc
    assert [it["id"] for it in doc["items"]] == entry_ids(atom)
    assert set(doc["items"][0]) == {"kind", "id", "title", "summary", "url", "platform",
                                    "platform_name", "alliance", "author_name", "happened_on",
                                    "published_at", "updated_at"}, doc["items"][0]
    first = doc["items"][0]
    assert first["url"].startswith(BASE + "/") and first["url"].endswith(first["id"]), first
    assert first["alliance"] == "zq-feeds-open" and first["author_name"] == v.name, first
    # ?token= means nothing to the API: the viewer is whoever the request names.
    anon = ok(client().get(API + "/platforms/%s/feed?token=%s" % (P("o-a").id, v.feed_token),
                           auth=False))
    want = [i for i in entry_ids(fetch_feed(client(), path))]
    assert [it["id"] for it in anon["items"]] == want
    r = client().get(API + "/platforms/%s/feed" % UNKNOWN_ID, auth=False)
    assert r.status == 404 and r.json()["error"], r.status


def test_address_for_one_platform_reads_that_platform_only():
    v = V("writer")
    path, token = make_address(v.web, P("o-a").id)
    assert path == "/platforms/%s/feed.atom?token=%s" % (P("o-a").id, token), path
    d = fetch_feed(client(), path)
    want = sorted(it.label for it in F.items if it.platform is P("o-a") and in_feed(v, it))
    assert sorted(ours(entry_ids(d))) == want
    assert "private feed" in d.feed.title and v.name in d.feed.title, d.feed.title
    for other in ("/platforms/%s/feed.atom?token=%s" % (P("o-b").id, token),
                  "/feed.atom?token=%s" % token):
        r = client().get(other, auth=False)
        assert r.status == 404, (other, r.status)


def test_revoked_unknown_and_malformed_tokens_answer_404():
    """Never the public feed instead: a reader would go on showing less
    without a word. Revoking asks on a page of its own first."""
    v = V("sibling")
    path, token = make_address(v.web, P("o-b").id)
    assert fetch_feed(client(), path)
    page = v.web.get("/account").text
    ids = re.findall(r'href="/account/feeds/([0-9a-f-]{36})/revoke"', page)
    assert ids, "no Revoke link on the account page"
    token_id = ids[0]   # newest first
    ask = v.web.get("/account/feeds/%s/revoke" % token_id)
    assert ask.status == 200 and 'action="/account/feeds/%s/revoke"' % token_id in ask.text
    assert P("o-b").name in ask.text
    # Someone else cannot revoke it, nor see it.
    assert V("writer").web.get("/account/feeds/%s/revoke" % token_id).status == 404
    r = V("writer").web.post_form("/account/feeds/%s/revoke" % token_id, {})
    assert r.status == 404, r.status
    assert fetch_feed(client(), path)
    r = v.web.post_form("/account/feeds/%s/revoke" % token_id, {})
    assert r.status == 303 and r.header("Location") == "/account#feeds", r.status
    public = client().get(path.split("?")[0], auth=False)
    assert public.status == 200
    for bad in (path, path.split("?")[0] + "?token=" + "A" * 43,
                path.split("?")[0] + "?token=abc", path.split("?")[0] + "?token=",
                path.split("?")[0] + "?token=" + token + "x"):
        r = client().get(bad, auth=False)
        assert r.status == 404, (bad, r.status)
        assert "private feed address does not work" in r.text, r.text[:300]
        assert r.body != public.body
    # Twice is not found; the account page says it is revoked.
    r = v.web.post_form("/account/feeds/%s/revoke" % token_id, {})
    assert r.status == 404, r.status
    assert "Revoked" in v.web.get("/account").text
    again = v.web.get("/account/feeds/%s/revoke" % token_id)
    assert again.status == 200 and "revoked already" in again.text
    # The audit trail: made and revoked, by whom, without the secret.
    rows = server.sql("SELECT a.action, a.record_id, a.actor_name, c.field, c.old_value, "
                      "c.new_value FROM audit a LEFT JOIN audit_change c ON c.audit_key = a.key "
                      "WHERE a.kind = 'feed_token' AND a.record_id = ?", (token_id,))
    actions = {r[0] for r in rows}
    assert actions == {"create", "update"}, rows
    assert all(r[2] == v.name for r in rows), rows
    assert ("update", token_id, v.name, "revoked", "no", "yes") in [tuple(r) for r in rows], rows
    everything = json.dumps(server.sql("SELECT * FROM audit")) + json.dumps(
        server.sql("SELECT * FROM audit_change"))
    for vv in F.viewers[1:]:
        assert vv.feed_token not in everything
    assert token not in everything
    # The database keeps the hash only.
    assert not server.sql("SELECT key FROM feed_token WHERE token_hash = ?", (token,))
    admin_trail = V("administrator").web.get("/admin/audit?kind=feed_token")
    assert admin_trail.status == 200 and "private feed address" in admin_trail.text


def test_secret_opens_nothing_but_feeds():
    v = V("writer")
    secret = v.feed_token
    bearer = {"Authorization": "Bearer " + secret}
    for path in (API + "/lessons", API + "/platforms/%s/feed" % P("o-a").id, "/account",
                 "/platforms/%s/feed.atom" % P("o-a").id):
        r = client().get(path, headers=bearer, auth=False)
        assert r.status == 401, (path, r.status)
    hidden = [it for it in F.items if it.platform is P("o-a") and it.visibility == "platform"
              and it.status == "published" and it.kind == "lesson"][0]
    for path in ("/lessons/%s?token=%s" % (hidden.id, secret),
                 API + "/lessons/%s?token=%s" % (hidden.id, secret)):
        r = client().get(path, auth=False)
        assert r.status == 404, (path, r.status)
    # As a session cookie it is no session: signed out.
    c = client()
    c.cookies["alliance_session"] = secret
    r = c.get("/account", auth=False)
    assert r.status == 303 and r.header("Location").startswith("/sign-in"), r.status
    # Nor does a session cookie make the Atom feed private: the address does.
    d = fetch_feed(v.web, "/platforms/%s/feed.atom" % P("o-a").id)
    assert hidden.id not in entry_ids(d)


def test_hostile_text_keeps_the_feed_well_formed():
    hostile = "Tom & Jerry <b>\"bold\"</b> 'single' <script>alert(1)</script> ]]> " \
              "<![CDATA[x]]> &amp; &#0; \ufffe\uffff end"
    doc = ok(V("doc").api.post_json(API + "/lessons", {
        "platform": P("o-a").id, "title": hostile, "outcome": "mixed", "status": "published",
        "visibility": "public",
        "lesson": "</summary><entry><id>evil</id></entry> <img src=x onerror=alert(1)> & more"}),
        201)
    F.items.append(Obj(label=hostile, id=doc["id"], kind="lesson", title=hostile,
                       platform=P("o-a"), visibility="public", status="published",
                       author=V("doc")))
    # Control characters are refused at the edge, in a title as in a text.
    for title in ("bell \x07 title", "escape \x1b[31m red"):
        r = V("doc").api.post_json(API + "/lessons", {
            "platform": P("o-a").id, "title": title, "lesson": "x", "outcome": "mixed"})
        assert r.status == 400 and r.json()["error"]["field"] == "title", r.status
    path = "/platforms/%s/feed.atom" % P("o-a").id
    r = client().get(path, auth=False)
    assert b"<script>" not in r.body and b"<b>" not in r.body and b"<img" not in r.body
    d = parse(r, path)
    e = [e for e in d.entries if e.id == "urn:uuid:" + doc["id"]]
    assert len(e) == 1 and len(d.entries) == len(set(entry_ids(d))), entry_ids(d)
    # What XML cannot hold is dropped; the rest comes back as it was written.
    root = ET.fromstring(r.body)
    titles = [x.findtext(ATOM + "title") for x in root.iter(ATOM + "entry")]
    assert hostile.replace("\ufffe", "").replace("\uffff", "") in titles, titles
    summaries = [x.findtext(ATOM + "summary") for x in root.iter(ATOM + "entry")]
    assert "</summary><entry><id>evil</id></entry> <img src=x onerror=alert(1)> & more" \
        in summaries, summaries
    assert ok(client().get(API + "/platforms/%s/feed" % P("o-a").id, auth=False))["items"][0][
        "title"] == hostile
    # Text written to the database by hand (an import of other data, a
    # repair) holding control characters, a lone carriage return included.
    write_sql("UPDATE search_item SET title = ? WHERE item_id = ?",
              ("ctl\x01\x02\x0b\x0c\x1b\x1f\x7f\r end", doc["id"]))
    write_sql("UPDATE lesson SET lesson = ? WHERE id = ?", ("text\x08\x1e bytes", doc["id"]))
    r = client().get(path + "?after-repair", auth=False)
    d = parse(r, path + " after the repair")
    root = ET.fromstring(r.body)
    entry = [x for x in root.iter(ATOM + "entry")
             if x.findtext(ATOM + "id") == "urn:uuid:" + doc["id"]][0]
    assert entry.findtext(ATOM + "title") == "ctl\x7f\r end", repr(entry.findtext(ATOM + "title"))
    assert entry.findtext(ATOM + "summary") == "text bytes", repr(entry.findtext(ATOM + "summary"))
    write_sql("UPDATE search_item SET title = ? WHERE item_id = ?", (hostile, doc["id"]))
    write_sql("UPDATE lesson SET lesson = ? WHERE id = ?", ("restored", doc["id"]))


def test_conditional_get():
    """cache.h: an ETag on every feed, 304 when the reader has it, a new one
    after a change."""
    v = V("writer")
    paths = ("/platforms/%s/feed.atom" % P("o-a").id, with_token("/feed.atom", v))
    etags = {}
    for path in paths:
        first = client().get(path, auth=False)
        etags[path] = first.header("ETag")
        assert first.status == 200 and etags[path], (path, first.status)
        same = client().get(path, auth=False, headers={"If-None-Match": etags[path]})
        assert same.status == 304 and same.body == b"", (path, same.status)
        again = client().get(path, auth=False)
        assert again.status == 200, again.status
        if again.body != first.body:
            import difflib
            raise AssertionError("%s answered twice differently, with no change between:\n%s" % (
                path, "\n".join(difflib.unified_diff(first.text.splitlines(),
                                                     again.text.splitlines(), lineterm=""))))
        assert again.header("ETag") == etags[path]
    item = add_item("lesson", "o-a", "writer", "doc", "Zq feed item newest", "public",
                    "published")
    for path in paths:
        r = client().get(path, auth=False)
        assert r.header("ETag") and r.header("ETag") != etags[path], path
        d = parse(r, path)
        assert entry_ids(d)[0] == item.id, (path, ours(entry_ids(d))[:3])
        changed = client().get(path, auth=False, headers={"If-None-Match": etags[path]})
        assert changed.status == 200 and changed.body, changed.status


def test_members_only_demo_alliance():
    """The demo's Burkina Faso alliance is members-only: its platforms' feeds
    do not exist for anyone outside it."""
    alliances = ok(server.get(API + "/alliances?limit=200"))["items"]
    closed = [a for a in alliances if a["visibility"] == "members" and
              not a["slug"].startswith("zq-")]
    assert closed, "the demo has no members-only alliance"
    platforms = ok(server.get(API + "/platforms?limit=200&alliance=" + closed[0]["slug"]))
    hidden_ids = set()
    for p in platforms["items"]:
        feed = ok(server.get(API + "/platforms/%s/feed" % p["id"]))
        hidden_ids |= {it["id"] for it in feed["items"]}
    assert hidden_ids, "the members-only demo alliance has nothing published"
    p = platforms["items"][0]["id"]
    path = "/platforms/%s/feed.atom" % p
    assert client().get(path, auth=False).status == 404
    # Its page offers no public feed to anyone, the administrator included.
    page = V("administrator").web.get("/platforms/" + p)
    assert page.status == 200 and "feed.atom" not in page.text.replace(
        'href="/feed.atom"', ""), "a public feed link on a members-only platform's page"
    assert 'href="/account#feeds"' in page.text
    member = web_client(harness.DEMO_MEMBER, harness.DEMO_PASSWORD)
    mpath, _ = make_address(member, "all")
    token = mpath.split("=", 1)[1]
    assert client().get(path + "?token=" + token, auth=False).status == 404
    # Nor may a member from outside make an address for it.
    r = make_address(member, p, status=400)
    assert 'class="error-summary"' in r.text
    site = fetch_feed(client(), mpath)
    assert not hidden_ids & set(entry_ids(site))
    assert not hidden_ids & set(entry_ids(fetch_feed(client(), "/feed.atom")))
    admin = fetch_feed(client(), with_token(path, V("administrator")))
    assert admin.entries, "the administrator reads the members-only platform's feed"


def test_pages_offer_the_feeds():
    pid = P("o-a").id
    page = client().get("/platforms/" + pid, auth=False).text
    assert ('<link rel="alternate" type="application/atom+xml" title="%s" '
            'href="/platforms/%s/feed.atom">' % (html.escape(P("o-a").name), pid)) in page
    assert '<a href="/platforms/%s/feed.atom" type="application/atom+xml">Feed</a>' % pid in page
    assert '<a href="/feed.atom" type="application/atom+xml">Feed</a>' in page
    assert "/account#feeds" not in page
    v = V("doc")
    signed_in = v.web.get("/platforms/" + pid).text
    assert 'href="/account#feeds"' in signed_in
    account = v.web.get("/account")
    assert account.status == 200 and 'id="feeds"' in account.text
    assert v.feed_token not in account.text, "the secret is shown once only"
    assert ('<option value="%s">%s (%s)</option>' % (pid, P("o-a").name, "Zq Feeds Open")) \
        in account.text, "the select offers the viewer's platforms"
    made = v.web.post_form("/account/feeds", {"platform": pid})
    assert made.status == 201
    ask_id = re.findall(r'href="/account/feeds/([0-9a-f-]{36})/revoke"',
                        v.web.get("/account").text)[0]
    ask = v.web.get("/account/feeds/%s/revoke" % ask_id)
    # Form errors: no choice, an unknown platform, a hidden one; signed out.
    for scope in ("", UNKNOWN_ID, P("c-a").id):
        r = v.web.post_form("/account/feeds", {"platform": scope})
        assert r.status == 400 and 'class="error-summary"' in r.text, (scope, r.status)
    errors = v.web.post_form("/account/feeds", {"platform": ""})
    r = client().post_form("/account/feeds", {"platform": "all"})
    assert r.status == 401, r.status
    harness.validate_html({"account": account.text, "platform": signed_in, "new address": made.text,
                   "revoke": ask.text, "errors": errors.text})


def test_export_holds_no_secret():
    out = os.path.join(tempfile.mkdtemp(prefix="alliance-feeds-"), "export.jsonl")
    cli("export", out)
    with open(out, encoding="utf-8") as f:
        text = f.read()
    assert '"record":"feed_token"' in text.replace(" ", ""), "the addresses are exported (hashes)"
    for v in F.viewers[1:]:
        assert v.feed_token not in text


def main():
    global server
    server = Server(demo=True, args=["--base-url", BASE])
    server.start()
    try:
        build_fixture()
        run([test_feeds_parse_with_feedparser,
             test_visibility_matrix,
             test_json_feed_is_the_atom_feed,
             test_address_for_one_platform_reads_that_platform_only,
             test_revoked_unknown_and_malformed_tokens_answer_404,
             test_secret_opens_nothing_but_feeds,
             test_hostile_text_keeps_the_feed_well_formed,
             test_conditional_get,
             test_members_only_demo_alliance,
             test_pages_offer_the_feeds,
             test_export_holds_no_secret])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
