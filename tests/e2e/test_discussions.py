#!/usr/bin/env python3
"""Discussions and notifications (src/domain/discussion.h, notification.h,
src/web/discussion.c, src/web/notification.c, src/api/discussion.c).

One server with no demo and a fixture made through the API and the CLI, as in
test_lessons.py: a public alliance ("open": a top platform and two district
platforms) and a members-only one ("closed": two platforms), and people with
accounts who hold every role on the open district platform o-a, a member of
its sibling, members of the closed alliance, someone with no membership, the
administrator and someone signed out.

Covered:
  * the visibility matrix of threads and replies: threads on lessons of every
    visibility (platform, alliance, public) and status (draft, published) in
    both alliances, on a journal entry and a document, and stand-alone
    threads of every visibility, × every viewer × every view — the thread
    page, a reply's page, the API read of the thread, of its replies and of
    a reply, the API list (by platform and by item), the platform's list of
    discussions (presence and count) and the item's page. The rule is the
    item's (test_lessons.py's may_read), or the rule of levels for a
    stand-alone thread;
  * notifications follow the same rule: everyone is mentioned in every
    thread they can be named in, and only those who may read the thread are
    told (page, API list, unread count in the header); a thread whose item
    becomes unreadable takes its notifications out of view;
  * mentions resolve only to people the writer may see (anyone else is a 400
    naming body); replies notify those who took part; "never" stops them;
  * a lesson shared without attribution: its author's replies and the
    notifications they cause do not name them to the receiving platform;
  * share notifications: the receiving platform's members are told; a
    withdrawn share's notification is no longer shown;
  * quoting (only a reply of the same thread), editing with history (only the
    author), hiding with a reason (only convenors and facilitators; the audit
    trail records it; others see the reason, not the words);
  * the read mark: the link to the first unread reply, and notifications
    marked read when the reply is seen;
  * a thread of 5,000 replies: every page (first, a middle one, the last, the
    first unread) under 30 KB, keyset paging links, the time it takes;
  * bad input answered 4xx naming the field; preferences on page and API.
"""
import os
import re
import sys
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import PG_DIR, Server, run, Obj, ok  # noqa: E402

API = "/api/v1"
PASSWORD = "zq-talk-secret"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"

server = None
F = None


def cli(*args, stdin=None):
    return server.cli_ok(*args, stdin=stdin)


def V(label):
    return F.by[label]


def P(label):
    return F.platforms[label]


def build_fixture():
    global F
    F = Obj(viewers=[], platforms={}, alliances={}, threads=[])
    for label, slug, vis in (("open", "zq-talk-open", "public"),
                             ("closed", "zq-talk-closed", "members")):
        doc = ok(server.post_json(API + "/alliances", {
            "slug": slug, "name": "Zq %s talk alliance" % label.title(),
            "levels": ["National", "District"], "visibility": vis}), 201, "alliance " + label)
        F.alliances[label] = Obj(label=label, slug=slug, visibility=vis, id=doc["id"])
    for label, alliance, parent in (("o-top", "open", None), ("o-a", "open", "o-top"),
                                    ("o-b", "open", "o-top"), ("c-top", "closed", None),
                                    ("c-a", "closed", "c-top")):
        body = {"alliance": F.alliances[alliance].slug, "name": "Zq talk platform %s" % label}
        if parent:
            body["parent"] = F.platforms[parent].id
        doc = ok(server.post_json(API + "/platforms", body), 201, "platform " + label)
        F.platforms[label] = Obj(label=label, id=doc["id"], alliance=F.alliances[alliance])
    anonymous = Obj(label="signed-out", admin=False, signed_in=False, person=None, roles={},
                    name=None)
    anonymous.api = anonymous.web = server.client()
    F.viewers.append(anonymous)
    for label, memberships in (("no-membership", []),
                               ("convenor", [("o-a", "convenor")]),
                               ("facilitator", [("o-a", "facilitator")]),
                               ("documenter", [("o-a", "documenter")]),
                               ("member", [("o-a", "member")]),
                               ("observer", [("o-a", "observer")]),
                               ("sibling", [("o-b", "member")]),
                               ("top-member", [("o-top", "member")]),
                               ("c-member", [("c-a", "member")]),
                               ("c-documenter", [("c-a", "documenter")])):
        email = "%s@talk.zq.test" % label
        name = "Zq Talker %s" % label.title()
        person = ok(server.post_json(API + "/people", {"name": name, "email": email}), 201)
        for platform, role in memberships:
            ok(server.post_json(API + "/memberships", {
                "platform": F.platforms[platform].id, "person": person["id"], "role": role}),
               201, "membership %s on %s" % (label, platform))
        cli("user", "add", "--email", email, "--name", name, "--password-stdin",
            stdin=PASSWORD + "\n")
        token = cli("token", "add", "--email", email, "--label", "talk").strip()
        v = Obj(label=label, admin=False, signed_in=True, person=person["id"], name=name,
                roles={F.platforms[p].label: role for p, role in memberships})
        v.api = server.client(token)
        v.web = server.web_client(email, PASSWORD)
        F.viewers.append(v)
    admin = Obj(label="administrator", admin=True, signed_in=True, person=None, roles={},
                name=None)
    admin.api = server.client(server.token)
    admin.web = server.web_client(Server.ADMIN_EMAIL, Server.ADMIN_PASSWORD)
    F.viewers.append(admin)
    F.by = {v.label: v for v in F.viewers}


# The rule, in Python (test_lessons.py; lesson.h, visibility.h, row.h) -------------

PUBLISHERS = ("convenor", "facilitator", "documenter")


def alliances_of(v):
    return {P(p).alliance.label for p in v.roles}


def may_read(v, t):
    """May viewer v read thread t (its item's rule, or the rule of levels)?"""
    if v.admin:
        return True
    alliance = t.platform.alliance
    in_alliance = alliance.label in alliances_of(v)
    if alliance.visibility == "members" and not in_alliance:
        return False
    if t.visibility == "alliance" and not in_alliance:
        return False
    if t.visibility == "platform" and t.platform.label not in v.roles:
        return False
    if t.status == "draft":
        return v.person == t.author or v.roles.get(t.platform.label) in PUBLISHERS
    return True


def may_see_person(v, who):
    """Whether v may see person who (visibility.h: people whose every
    membership lies in a members-only alliance they are not in are hidden)."""
    if v.admin or v.person == who.person:
        return True
    alliances = {P(p).alliance for p in who.roles}
    if not alliances:
        return True
    return any(a.visibility == "public" or a.label in alliances_of(v) for a in alliances)


# The threads -------------------------------------------------------------------------

def make_item(kind, author, platform, visibility, status):
    body = {"platform": P(platform).id, "title": "Zq talk %s %s %s %s" % (
        kind, platform, visibility, status), "visibility": visibility, "status": status}
    if kind == "lesson":
        body.update(lesson="What we learnt.", outcome="success")
        path = "/lessons"
    elif kind == "entry":
        body.update(kind="observation", body="What we saw.")
        path = "/entries"
    else:
        body.update(doc_type="report", url="https://example.org/zq-talk.pdf")
        path = "/documents"
    return ok(V(author).api.post_json(API + path, body), 201, "%s %s" % (kind, body["title"]))


def start_thread(author, **where):
    doc = dict(where)
    doc["body"] = "Zq opening message"
    return ok(V(author).api.post_json(API + "/discussions", doc), 201, "thread %r" % (where,))


def build_threads():
    specs = []
    for platform, author in (("o-a", "documenter"), ("c-a", "c-documenter")):
        for visibility in ("platform", "alliance", "public"):
            for status in ("draft", "published"):
                specs.append(("lesson", platform, author, visibility, status))
    specs.append(("entry", "o-a", "documenter", "alliance", "published"))
    specs.append(("document", "o-a", "documenter", "platform", "published"))
    for kind, platform, author, visibility, status in specs:
        item = make_item(kind, author, platform, visibility, status)
        th = start_thread(author, **{kind: item["id"]})
        assert th["item"] == item["id"] and th["item_kind"] == kind and th["visibility"] is None
        F.threads.append(Obj(label="%s/%s/%s/%s" % (kind, platform, visibility, status),
                             id=th["id"], kind=kind, item=item["id"], platform=P(platform),
                             visibility=visibility, status=status, author=V(author).person,
                             writer=author))
    for platform, author in (("o-a", "member"), ("c-a", "c-member")):
        for visibility in ("platform", "alliance", "public"):
            th = start_thread(author, platform=P(platform).id, visibility=visibility,
                              title="Zq stand-alone %s %s" % (platform, visibility))
            assert th["visibility"] == visibility and th["item"] is None
            F.threads.append(Obj(label="platform/%s/%s" % (platform, visibility), id=th["id"],
                                 kind="platform", item=None, platform=P(platform),
                                 visibility=visibility, status="published",
                                 author=V(author).person, writer=author))


def notes(v, query=""):
    """The API answer of v's own notifications."""
    return v.api.get(API + "/people/%s/notifications%s" % (v.person, query))


def prefs_path(v):
    return API + "/people/%s/notification-preferences" % v.person


ITEM_PATH = {"lesson": "/lessons/", "entry": "/entries/", "document": "/documents/"}


# Tests -------------------------------------------------------------------------------

def test_visibility_matrix():
    """Every viewer × thread × view: shown exactly when the rule says."""
    build_threads()
    failures = []
    replies = {}
    for t in F.threads:
        r = ok(V(t.writer).api.post_json(API + "/discussions/%s/replies" % t.id,
                                          {"body": "Zq reply in %s" % t.label}), 201)
        replies[t.id] = r["id"]
    for v in F.viewers:
        listed = {}
        for platform in F.platforms.values():
            r = v.api.get(API + "/discussions?platform=%s&limit=200" % platform.id)
            if r.status == 200:
                listed.update({d["id"]: d for d in r.json()["items"]})
        everything = v.api.get(API + "/discussions?limit=200")
        all_ids = {d["id"] for d in everything.json()["items"]} if everything.status == 200 \
            else set()
        pages = {}
        for label, platform in F.platforms.items():
            pages[label] = v.web.get("/platforms/%s/discussions" % platform.id).text
        for t in F.threads:
            want = may_read(v, t)
            cells = {
                "api thread": v.api.get(API + "/discussions/" + t.id).status == 200,
                "api replies": v.api.get(API + "/discussions/%s/replies" % t.id).status == 200,
                "api reply": v.api.get(API + "/replies/" + replies[t.id]).status == 200,
                "web thread": v.web.get("/discussions/" + t.id).status == 200,
                "web reply": v.web.get("/replies/" + replies[t.id]).status == 303,
                "api list by platform": t.id in listed,
                "api list": t.id in all_ids,
                "platform page": t.id in pages[t.platform.label],
            }
            if t.item:
                by_item = v.api.get(API + "/discussions?%s=%s" % (t.kind, t.item))
                cells["api list by item"] = by_item.status == 200 and \
                    t.id in {d["id"] for d in by_item.json()["items"]}
                item_page = v.web.get(ITEM_PATH[t.kind] + t.item)
                if item_page.status == 200:
                    cells["item page links"] = t.id in item_page.text
            for view, got in cells.items():
                if got != want:
                    failures.append("%s reads %s via %s: got %s want %s" % (
                        v.label, t.label, view, got, want))
            if not want:
                text = v.web.get("/discussions/" + t.id).text
                if "Zq reply in" in text or t.label in text:
                    failures.append("%s sees the words of %s" % (v.label, t.label))
        # The count line of each platform's list counts exactly what is shown.
        for label, platform in F.platforms.items():
            n = len([t for t in F.threads if t.platform.label == label and may_read(v, t)])
            m = re.search(r'<p class="count">([\d,]+) ', pages[label])
            if (int(m.group(1)) if m else 0) != n and not (n == 0 and m is None):
                failures.append("%s: %s counts %s, want %d" % (
                    v.label, label, m and m.group(1), n))
    assert not failures, "\n".join(failures[:40]) + "\n(%d failures)" % len(failures)


def test_mentions_notify_only_readers():
    """A mention tells only those who may read the thread, in every view."""
    people = [v for v in F.viewers if v.person]
    before = {v.label: ok(notes(v, "?limit=200"))["total"]
              for v in people}
    told = {v.label: set() for v in people}
    for t in F.threads:
        writer = V(t.writer)
        named = [v for v in people if v is not writer and may_see_person(writer, v)]
        body = "Zq mentions in %s: " % t.label + ", ".join("@[%s]" % v.name for v in named)
        r = ok(writer.api.post_json(API + "/discussions/%s/replies" % t.id, {"body": body}), 201)
        assert set(r["mentions"]) >= {v.person for v in named if may_see_person(writer, v)}
        for v in named:
            if may_read(v, t):
                told[v.label].add(r["id"])
    failures = []
    for v in people:
        doc = ok(notes(v, "?limit=200"))
        got = {n["reply"] for n in doc["items"] if n["kind"] == "mention"}
        if got != told[v.label]:
            failures.append("%s: told of %d mentions, want %d (%s)" % (
                v.label, len(got), len(told[v.label]), sorted(got ^ told[v.label])[:3]))
        if doc["total"] < before[v.label] + len(told[v.label]):
            failures.append("%s: total %d" % (v.label, doc["total"]))
        page = v.web.get("/notifications").text
        links = set(re.findall(r'\?from=([0-9a-f-]{36})#', page))
        assert links or not told[v.label], "%s: no links to replies" % v.label
        unreadable = {rid for rid in links if v.api.get(API + "/replies/" + rid).status != 200}
        if unreadable:
            failures.append("%s: notifications page links unreadable replies %s" % (
                v.label, unreadable))
        m = re.search(r'Notifications \((\d+)\)', v.web.get("/account").text)
        if (int(m.group(1)) if m else 0) != doc["unread"]:
            failures.append("%s: header count %s, API unread %d" % (
                v.label, m and m.group(1), doc["unread"]))
    assert not failures, "\n".join(failures)


def test_mention_of_hidden_or_unknown_person_is_refused():
    t = next(t for t in F.threads if t.label == "platform/o-a/public")
    for name in ("Nobody Zq Atall", V("c-member").name):
        r = V("member").api.post_json(API + "/discussions/%s/replies" % t.id,
                                      {"body": "Hello @[%s]" % name})
        assert r.status == 400 and r.json()["error"]["field"] == "body", r.text
    # The web form keeps what was typed and says what is wrong beside the field.
    r = V("member").web.post_form("/discussions/" + t.id, {"body": "Hi @[Nobody Zq Atall]"})
    assert r.status == 400 and "Nobody Zq Atall" in r.text and "f-body-error" in r.text or \
        'class="error-message"' in r.text, r.text[:300]


def test_replies_notify_participants_and_never_stops_them():
    t = next(t for t in F.threads if t.label == "platform/o-a/alliance")
    ok(V("sibling").api.post_json(API + "/discussions/%s/replies" % t.id,
                                  {"body": "Zq sibling joins"}), 201)
    ok(V("observer").api.patch_json(prefs_path(V("observer")), {"reply": "never"}))
    ok(V("observer").api.post_json(API + "/discussions/%s/replies" % t.id,
                                   {"body": "Zq observer joins"}), 201)
    r = ok(V("facilitator").api.post_json(API + "/discussions/%s/replies" % t.id,
                                          {"body": "Zq facilitator answers"}), 201)

    def replies_of(v):
        return {n["reply"] for n in ok(notes(v, "?limit=200"))["items"]
                if n["kind"] == "reply"}
    assert r["id"] in replies_of(V("sibling"))
    assert r["id"] in replies_of(V("member")), "the thread's starter is told"
    assert r["id"] not in replies_of(V("observer")), "never means never"
    assert r["id"] not in replies_of(V("facilitator")), "no one is told of their own reply"
    assert r["id"] not in replies_of(V("convenor")), "only those who took part"
    prefs = ok(V("observer").api.get(prefs_path(V("observer"))))
    # The defaults (notification.h): mentions and enquiries at once, the rest daily.
    assert prefs == {"mention": "now", "reply": "never", "share": "daily",
                     "enquiry_assigned": "now", "action_due": "daily", "proposal": "daily",
                     "proposal_closing": "now"}, prefs
    r = V("observer").api.patch_json(prefs_path(V("observer")), {"reply": "hourly"})
    assert r.status == 400 and r.json()["error"]["field"] == "reply"
    r = V("observer").api.patch_json(prefs_path(V("observer")), {"mood": "now"})
    assert r.status == 400
    assert V("signed-out").api.get(prefs_path(V("signed-out"))).status == 401
    # The page form.
    page = V("observer").web.get("/account/notifications")
    assert page.status == 200 and 'value="never" selected' in page.text
    r = V("observer").web.post_form("/account/notifications",
                                    {"mention": "daily", "reply": "weekly", "share": "never"})
    assert r.status == 303, r.text[:200]
    # A kind the form leaves out keeps its choice.
    assert ok(V("observer").api.get(prefs_path(V("observer")))) == {
        "mention": "daily", "reply": "weekly", "share": "never", "enquiry_assigned": "now",
        "action_due": "daily", "proposal": "daily", "proposal_closing": "now"}
    r = V("observer").web.post_form("/account/notifications",
                                    {"mention": "soon", "reply": "weekly", "share": "never"})
    assert r.status == 400 and "f-mention" in r.text


def test_quote_edit_history_hide():
    t = next(t for t in F.threads if t.label == "platform/o-a/platform")
    first = ok(V("member").api.post_json(API + "/discussions/%s/replies" % t.id,
                                         {"body": "Zq the **original** words"}), 201)
    other = next(x for x in F.threads if x.label == "platform/o-a/public")
    elsewhere = ok(V("member").api.get(API + "/discussions/%s/replies" % other.id))["items"][0]
    r = V("documenter").api.post_json(API + "/discussions/%s/replies" % t.id,
                                      {"body": "Zq quoting", "quote": elsewhere["id"]})
    assert r.status == 400 and r.json()["error"]["field"] == "quote", r.text
    q = ok(V("documenter").api.post_json(API + "/discussions/%s/replies" % t.id,
                                         {"body": "Zq I agree", "quote": first["id"]}), 201)
    assert q["quote"] == first["id"]
    page = V("convenor").web.get("/replies/" + q["id"])
    assert page.status == 303
    page = V("convenor").web.get(dict(page.headers)["Location"].split("#")[0]).text
    assert "<blockquote" in page and "original" in page
    # Only the author edits; the earlier words stay in the history.
    r = V("documenter").api.patch_json(API + "/replies/" + first["id"], {"body": "Zq stolen"})
    assert r.status == 403, r.text
    r = V("member").api.patch_json(API + "/replies/" + first["id"], {"body": "  "})
    assert r.status == 400 and r.json()["error"]["field"] == "body"
    edited = ok(V("member").api.patch_json(API + "/replies/" + first["id"],
                                           {"body": "Zq the corrected words"}))
    assert edited["edited_at"] and edited["body"] == "Zq the corrected words"
    history = ok(V("convenor").api.get(API + "/replies/%s/revisions" % first["id"]))
    assert [h["body"] for h in history["items"]] == ["Zq the **original** words"]
    page = V("convenor").web.get("/replies/%s/history" % first["id"]).text
    assert "<strong>original</strong>" in page and "corrected" in page
    r = V("member").web.post_form("/replies/%s/edit" % first["id"], {"body": "Zq web edit"})
    assert r.status == 303
    # Hiding: convenors and facilitators only, with a reason.
    for who, status in (("member", 403), ("documenter", 403), ("signed-out", 404)):
        r = V(who).api.patch_json(API + "/replies/" + first["id"], {"hidden_reason": "x"})
        assert r.status == status, (who, r.status)
    r = V("facilitator").api.patch_json(API + "/replies/" + first["id"], {"hidden_reason": ""})
    assert r.status == 400 and r.json()["error"]["field"] == "hidden_reason"
    r = V("facilitator").api.patch_json(API + "/replies/" + first["id"],
                                        {"hidden_reason": "x", "body": "y"})
    assert r.status == 400
    r = V("facilitator").web.post_form("/replies/%s/hide" % first["id"], {"hidden_reason": ""})
    assert r.status == 400 and "f-hidden_reason" in r.text
    hidden = ok(V("facilitator").api.patch_json(API + "/replies/" + first["id"],
                                                {"hidden_reason": "Zq off topic"}))
    assert hidden["hidden"] and hidden["hidden_reason"] == "Zq off topic"
    r = V("facilitator").api.patch_json(API + "/replies/" + first["id"], {"hidden_reason": "y"})
    assert r.status == 409
    as_member = ok(V("member").api.get(API + "/replies/" + first["id"]))
    assert as_member["body"] is None and as_member["hidden_reason"] == "Zq off topic"
    assert ok(V("convenor").api.get(API + "/replies/" + first["id"]))["body"] == "Zq web edit"
    thread = V("member").web.get("/discussions/%s?from=%s" % (t.id, first["id"])).text
    assert "Zq off topic" in thread and "Zq web edit" not in thread
    thread = V("convenor").web.get("/discussions/%s?from=%s" % (t.id, first["id"])).text
    assert "Zq off topic" in thread and "Zq web edit" in thread and "<details>" in thread
    assert V("member").api.patch_json(API + "/replies/" + first["id"],
                                      {"body": "Zq again"}).status == 403
    assert ok(V("member").api.get(API + "/replies/%s/revisions" % first["id"]))["items"] == []
    audit = V("convenor").web.get("/platforms/%s/audit" % P("o-a").id).text
    assert "Zq off topic" in audit, "the audit trail records the reason"
    assert "Zq off topic" not in V("sibling").web.get(
        "/platforms/%s/audit" % P("o-a").id).text


def test_unattributed_share_hides_author_in_thread():
    """A lesson shared without attribution: the receiver reads the thread, but
    the author's replies and notifications do not name them."""
    ls = make_item("lesson", "documenter", "o-a", "platform", "published")
    th = start_thread("documenter", lesson=ls["id"])
    ok(V("documenter").api.post_json(API + "/shares", {
        "kind": "lesson", "item": ls["id"], "to": [P("o-top").id], "attributed": False}), 201)
    doc = ok(V("top-member").api.get(API + "/discussions/%s/replies" % th["id"]))
    assert doc["items"] and all(r["author"] is None and r["author_name"] is None
                                for r in doc["items"]), doc
    assert V("documenter").name not in V("top-member").web.get(
        "/discussions/" + th["id"]).text
    shares = [n for n in ok(notes(V("top-member"), "?limit=200"))["items"]
              if n["kind"] == "share"]
    assert shares and all(n["actor_name"] is None for n in shares), shares
    ok(V("top-member").api.post_json(API + "/discussions/%s/replies" % th["id"],
                                     {"body": "Zq from the region"}), 201)
    r = ok(V("documenter").api.post_json(API + "/discussions/%s/replies" % th["id"],
                                         {"body": "Zq thanks"}), 201)
    got = [n for n in ok(notes(V("top-member"), "?limit=200"))["items"]
           if n["reply"] == r["id"]]
    assert got and got[0]["actor_name"] is None, got
    # Seen by the author's own platform, the author is named.
    doc = ok(V("member").api.get(API + "/discussions/%s/replies" % th["id"]))
    assert doc["items"][0]["author"] == V("documenter").person


def test_share_notification_and_withdrawal():
    ls = make_item("lesson", "documenter", "o-a", "platform", "published")
    made = ok(V("documenter").api.post_json(API + "/shares", {
        "kind": "lesson", "item": ls["id"], "to": [P("o-top").id]}), 201)["items"][0]

    def shares_of(v):
        return {n["share"] for n in ok(notes(v, "?limit=200"))["items"]
                if n["kind"] == "share"}
    assert made["id"] in shares_of(V("top-member"))
    assert made["id"] not in shares_of(V("member"))
    page = V("top-member").web.get("/notifications").text
    assert "/shares/" + made["id"] in page
    ok(V("documenter").api.delete(API + "/shares/" + made["id"]), 204)
    assert made["id"] not in shares_of(V("top-member")), "a withdrawn share is not shown"


def test_notifications_follow_the_item():
    """When a thread's item is kept to its platform again, its notifications
    leave the view of those who may no longer read it."""
    ls = make_item("lesson", "documenter", "o-a", "public", "published")
    th = start_thread("documenter", lesson=ls["id"])
    r = ok(V("documenter").api.post_json(API + "/discussions/%s/replies" % th["id"], {
        "body": "Zq @[%s] look" % V("sibling").name}), 201)
    before = ok(notes(V("sibling"), "?limit=200"))
    assert r["id"] in {n["reply"] for n in before["items"]}
    ok(V("documenter").api.patch_json(API + "/lessons/" + ls["id"], {"visibility": "platform"}))
    after = ok(notes(V("sibling"), "?limit=200"))
    assert r["id"] not in {n["reply"] for n in after["items"]}
    assert after["total"] == before["total"] - 1 and after["unread"] <= before["unread"] - 1
    # Deleting the item takes its thread with it.
    ok(V("convenor").api.delete(API + "/lessons/" + ls["id"]), 204)
    assert V("administrator").api.get(API + "/discussions/" + th["id"]).status == 404
    assert server.sql("SELECT count(*) FROM tombstone WHERE id = ?", (th["id"],))[0][0] in (1, "1")


def test_threads_on_events_and_shares():
    """Threads on an event and on a share (issue 12), from the event's page
    and the share's page, with the same replies, mentions and
    notifications. An event's thread is read exactly by those who may read
    the event (a share of it too); a share's thread belongs to the
    receiving platform and is read exactly by those who may see the share
    (the receivers while it stands, the sending platform and the item's,
    administrators), in every view: pages, API, lists, search,
    notifications. Withdrawing the share takes the receivers' thread, its
    search hits and its notifications away; without attribution, the
    item's author and whoever shared it are not named in either thread."""
    doc = V("documenter")
    ev = ok(doc.api.post_json(API + "/events", {
        "platforms": [P("o-a").id], "kind": "meeting", "title": "Zq talk event",
        "start": "2025-05-06T09:00", "end": "2025-05-06T12:00", "status": "published",
        "visibility": "platform", "minutes": "Zq minutes of the talk event"}), 201)
    page = doc.web.get("/events/" + ev["id"])
    assert 'href="/events/%s/discussion"' % ev["id"] in page.text, page.text[-3000:]
    r = doc.web.post_form("/events/%s/discussion" % ev["id"],
                          {"body": "Zq zqeventthread opening words"})
    assert r.status == 303, (r.status, r.text[:400])
    et = ok(doc.api.get(API + "/discussions?event=" + ev["id"]))["items"][0]
    assert (et["item_kind"], et["item"], et["platform"]) == ("event", ev["id"], P("o-a").id)
    ls = make_item("lesson", "documenter", "o-a", "platform", "published")
    sh = ok(doc.api.post_json(API + "/shares", {
        "kind": "lesson", "item": ls["id"], "to": [P("o-top").id],
        "attributed": False}), 201)["items"][0]
    top = V("top-member")
    page = top.web.get("/shares/" + sh["id"])
    assert 'href="/shares/%s/discussion"' % sh["id"] in page.text
    st = start_thread("top-member", share=sh["id"])
    assert (st["item_kind"], st["item"], st["platform"]) == ("share", sh["id"], P("o-top").id)
    assert st["title"] == ls["title"], st
    # The sender answers, naming someone; the author and sender stays unnamed
    # to the receivers (an unattributed share), named to their own platform.
    r = ok(doc.api.post_json(API + "/discussions/%s/replies" % st["id"], {
        "body": "Zq zqsharethread answer for @[%s]" % top.name}), 201)
    got = ok(top.api.get(API + "/replies/" + r["id"]))
    assert (got["author"], got["author_name"]) == (None, None), got
    assert doc.name not in top.web.get("/discussions/" + st["id"]).text
    told = [n for n in ok(notes(top, "?limit=200"))["items"] if n["reply"] == r["id"]]
    assert told and told[0]["kind"] == "mention" and told[0]["actor_name"] is None, told
    assert ok(V("member").api.get(API + "/replies/" + r["id"]))["author"] == doc.person

    def readers(standing):
        share_readers = {"administrator", "convenor", "facilitator", "documenter", "member",
                         "observer"} | ({"top-member"} if standing else set())
        event_readers = {"administrator", "convenor", "facilitator", "documenter", "member",
                         "observer"}
        return event_readers, share_readers

    def check(standing):
        failures = []
        event_readers, share_readers = readers(standing)
        for v in F.viewers:
            for t, want, word in ((et, v.label in event_readers, "zqeventthread"),
                                  (st, v.label in share_readers, "zqsharethread")):
                cells = {
                    "api thread": v.api.get(API + "/discussions/" + t["id"]).status == 200,
                    "web thread": v.web.get("/discussions/" + t["id"]).status == 200,
                    "api list": t["id"] in {d["id"] for d in v.api.get(
                        API + "/discussions?limit=200").json()["items"]},
                    "platform list": t["id"] in v.web.get(
                        "/platforms/%s/discussions" % t["platform"]).text,
                    "search": bool(v.api.get(API + "/search?q=" + word).json()["items"]),
                }
                for view, got in cells.items():
                    if got != want:
                        failures.append("%s reads the %s thread via %s: got %s, want %s "
                                        "(share %s)" % (v.label, t["item_kind"], view, got,
                                                        want, "standing" if standing else
                                                        "withdrawn"))
        assert not failures, "\n".join(failures)

    check(True)
    # Withdrawn: the receivers lose the thread, its hits and notifications.
    ok(doc.api.delete(API + "/shares/" + sh["id"]), 204)
    check(False)
    assert r["id"] not in {n["reply"] for n in ok(notes(top, "?limit=200"))["items"]}
    # Shared on, the event's thread goes with the event to the receivers.
    evs = ok(doc.api.post_json(API + "/shares", {
        "kind": "event", "item": ev["id"], "to": [P("o-top").id], "attributed": False}),
        201)["items"][0]
    assert top.api.get(API + "/discussions/" + et["id"]).status == 200
    # Its receivers are told, as of any share (the notification was kept out
    # of view before: its rule knew lessons, entries and documents only).
    told = [n for n in ok(notes(top, "?limit=200"))["items"] if n["share"] == evs["id"]]
    assert told and told[0]["title"] == "Zq talk event" and told[0]["actor_name"] is None, told
    assert "/shares/" + evs["id"] in top.web.get("/notifications").text
    replies = ok(top.api.get(API + "/discussions/%s/replies" % et["id"]))["items"]
    assert replies and all(x["author"] is None for x in replies), replies
    assert V("sibling").api.get(API + "/discussions/" + et["id"]).status == 404
    # Bad input names the field.
    for body, field in (({"event": UNKNOWN_ID, "body": "Zq x"}, "event"),
                        ({"share": UNKNOWN_ID, "body": "Zq x"}, "share"),
                        ({"share": sh["id"], "body": "Zq x"}, "share"),
                        ({"event": ev["id"], "share": sh["id"], "body": "Zq x"}, "platform"),
                        ({"event": 7, "body": "Zq x"}, "event")):
        r = top.api.post_json(API + "/discussions", body)
        assert r.status == 400 and r.json()["error"]["field"] == field, (body, r.status, r.text)
    r = doc.api.post_json(API + "/discussions", {"event": ev["id"], "body": "Zq again"})
    assert r.status == 409 and r.json()["error"]["field"] == "event", r.text
    r = top.api.get(API + "/discussions?share=" + sh["id"])
    assert r.status == 400 and r.json()["error"]["field"] == "share", r.text


def test_read_mark_and_mark_all_read():
    t = next(t for t in F.threads if t.label == "platform/o-a/public")
    v = V("convenor")
    v.web.get("/discussions/%s?last=1" % t.id)
    r = ok(V("member").api.post_json(API + "/discussions/%s/replies" % t.id, {
        "body": "Zq new for @[%s]" % v.name}), 201)
    unread = ok(notes(v, "?limit=200"))["unread"]
    page = v.api.get(API + "/discussions/" + t.id).json()
    assert page["first_unread_reply"] == r["id"] and page["unread"] == 1, page
    page = v.web.get("/discussions/%s?before=%s" % (t.id, r["id"])).text
    assert "?from=%s#r-%s" % (r["id"], r["id"]) in page, "the link to the first unread reply"
    v.web.get("/discussions/%s?from=%s" % (t.id, r["id"]))
    assert ok(notes(v, "?limit=200"))["unread"] == unread - 1
    assert "Go to the first unread reply" not in v.web.get("/discussions/" + t.id).text
    r = v.web.post_form("/notifications/read", {})
    assert r.status == 400 and "error-summary" in r.text
    r = v.web.post_form("/notifications/read", {"read": "all"})
    assert r.status == 303
    assert ok(notes(v))["unread"] == 0
    assert "Notifications (" not in v.web.get("/account").text
    assert V("signed-out").api.patch_json(API + "/people/%s/notifications" % v.person,
                                          {"read": True}).status == 401
    r = v.api.patch_json(API + "/people/%s/notifications" % v.person, {"read": False})
    assert r.status == 400 and r.json()["error"]["field"] == "read"
    assert ok(v.api.patch_json(API + "/people/%s/notifications" % v.person,
                               {"read": True})) == {"unread": 0}


def test_bad_input():
    t = next(t for t in F.threads if t.label == "platform/o-a/public")
    m = V("member").api
    cases = [
        (m.post_json(API + "/discussions", {"platform": P("o-a").id, "title": "",
                                            "body": "x"}), 400, "title"),
        (m.post_json(API + "/discussions", {"platform": P("o-a").id, "title": "T",
                                            "visibility": "secret", "body": "x"}), 400,
         "visibility"),
        (m.post_json(API + "/discussions", {"platform": P("o-a").id, "title": "T"}), 400,
         "body"),
        (m.post_json(API + "/discussions", {"title": "T", "body": "x"}), 400, "platform"),
        (m.post_json(API + "/discussions", {"platform": UNKNOWN_ID, "title": "T", "body": "x"}),
         400, "platform"),
        (m.post_json(API + "/discussions", {"lesson": UNKNOWN_ID, "body": "x"}), 400, "lesson"),
        (m.post_json(API + "/discussions", {"platform": P("o-a").id, "title": 3, "body": "x"}),
         400, "title"),
        (m.post_json(API + "/discussions/%s/replies" % t.id, {"body": "x" * 20001}), 400,
         "body"),
        (m.post_json(API + "/discussions/%s/replies" % t.id, {"body": "x", "extra": 1}), 400,
         "extra"),
        (m.get(API + "/discussions/%s/replies?cursor=nonsense" % t.id), 400, "cursor"),
        (m.get(API + "/discussions/%s/replies?cursor=%s" % (t.id, UNKNOWN_ID)), 400, "cursor"),
        (m.get(API + "/discussions/%s/replies?limit=0" % t.id), 400, "limit"),
        (m.get(API + "/discussions?lesson=" + UNKNOWN_ID), 400, "lesson"),
    ]
    for i, (r, status, field) in enumerate(cases):
        assert r.status == status, (i, r.status, r.text[:200])
        assert r.json()["error"].get("field") == field, (i, r.text[:200])
    assert m.get(API + "/discussions/" + UNKNOWN_ID).status == 404
    assert m.get(API + "/replies/" + UNKNOWN_ID).status == 404
    # Stand-alone threads: members who may write items start them; observers may not.
    r = V("observer").api.post_json(API + "/discussions", {
        "platform": P("o-a").id, "title": "T", "body": "x"})
    assert r.status == 403
    assert V("signed-out").api.post_json(API + "/discussions/%s/replies" % t.id,
                                         {"body": "x"}).status == 401
    # The item already has a thread: 409.
    lt = next(x for x in F.threads if x.kind == "lesson")
    r = V("documenter").api.post_json(API + "/discussions", {"lesson": lt.item, "body": "x"})
    assert r.status == 409
    # Web forms: the error beside the field, what was typed kept.
    r = V("member").web.post_form("/platforms/%s/discussions/new" % P("o-a").id,
                                  {"title": "", "visibility": "platform", "body": "Zq kept"})
    assert r.status == 400 and "Zq kept" in r.text and "f-title" in r.text
    r = V("member").web.post_form("/platforms/%s/discussions/new" % P("o-a").id,
                                  {"title": "Zq from the form", "visibility": "alliance",
                                   "body": "Zq started on the web"})
    assert r.status == 303 and "/discussions/" in dict(r.headers)["Location"]
    r = V("member").web.post_form("/discussions/" + t.id, {"body": ""})
    assert r.status == 400 and "f-body" in r.text


def test_platform_with_a_discussion_is_not_deleted():
    """Bug: a platform whose only content was a stand-alone discussion could
    not be deleted (the discussion still named it) and the answer did not say
    why; it now counts among what the platform holds, refused with 409."""
    doc = ok(server.post_json(API + "/platforms", {
        "alliance": F.alliances["open"].slug, "name": "Zq talk platform to delete",
        "parent": P("o-top").id}), 201)
    ok(server.post_json(API + "/memberships", {"platform": doc["id"], "person": V("member").person,
                                               "role": "member"}), 201)
    start_thread("member", platform=doc["id"], visibility="platform", title="Zq keep me")
    r = server.delete(API + "/platforms/" + doc["id"])
    assert r.status == 409 and "holds" in r.json()["error"]["message"], r.text
    assert V("member").api.get(API + "/discussions?platform=" + doc["id"]).json()["total"] == 1


def test_thread_of_five_thousand_replies():
    """Pages stay under 30 KB and open by key, whatever the depth."""
    t = start_thread("member", platform=P("o-a").id, visibility="alliance",
                     title="Zq a very long thread")
    key = server.sql("SELECT key FROM discussion WHERE id = ?", (t["id"],))[0][0]
    author = server.sql("SELECT key FROM person WHERE email = ?",
                        ("member@talk.zq.test",))[0][0]
    server.sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) "
        "INSERT INTO reply (id, discussion_key, author_key, body, created_at, updated_at) "
        "SELECT '01900000-0000-7000-8000-' || (100000000000 + i), ?, ?, "
        "'Zq reply number ' || i || ': we met the district assembly about the tariff and "
        "agreed to **review** it at the next meeting of the platform.', "
        "'2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z' FROM n", (key, author))
    # (A statement that starts with WITH: Python's sqlite3 runs it outside a
    # transaction of its own, so that it is committed, as psql does.)
    server.sql("WITH one(k) AS (SELECT CAST(? AS BIGINT)) UPDATE discussion SET reply_count = 5001 "
               "WHERE key = (SELECT k FROM one)", (key,))
    v = V("convenor").web
    sizes = {}
    start = time.time()
    first = v.get("/discussions/" + t["id"])
    sizes["first page"] = (len(first.body), time.time() - start)
    assert first.status == 200 and "Replies 1 to 25 of 5,001" in first.text, first.text[-2000:]
    m = re.search(r'\?from=([0-9a-f-]{36})">Next', first.text)
    assert m
    middle_id = "01900000-0000-7000-8000-%012d" % (100000000000 + 2500)
    start = time.time()
    middle = v.get("/discussions/%s?from=%s" % (t["id"], middle_id))
    sizes["middle"] = (len(middle.body), time.time() - start)
    assert "Replies 2,501 to 2,525 of 5,001" in middle.text, middle.text[-1500:]
    assert "Zq reply number 2500:" in middle.text and "Zq reply number 2524:" in middle.text
    start = time.time()
    last = v.get("/discussions/%s?last=1" % t["id"])
    sizes["last"] = (len(last.body), time.time() - start)
    assert "Replies 4,977 to 5,001 of 5,001" in last.text and 'id="reply"' in last.text
    # The read mark now sits at the end; a new reply gives the first-unread link.
    r = ok(V("member").api.post_json(API + "/discussions/%s/replies" % t["id"],
                                     {"body": "Zq the newest"}), 201)
    start = time.time()
    again = v.get("/discussions/" + t["id"])
    sizes["first page with unread link"] = (len(again.body), time.time() - start)
    assert "?from=%s#r-%s" % (r["id"], r["id"]) in again.text
    api = ok(V("convenor").api.get(API + "/discussions/%s/replies?limit=100&cursor=%s" % (
        t["id"], middle_id)))
    assert len(api["items"]) == 100 and api["items"][0]["id"] == middle_id and api["next_cursor"]
    # Long replies: a page holds fewer of them, never more than 30 KB, and
    # the links lead through every reply once.
    long = start_thread("member", platform=P("o-a").id, visibility="alliance",
                        title="Zq a thread of long replies")
    key = server.sql("SELECT key FROM discussion WHERE id = ?", (long["id"],))[0][0]
    server.sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
        "INSERT INTO reply (id, discussion_key, author_key, body, created_at, updated_at) "
        "SELECT '01900000-0000-7000-8001-' || (100000000000 + i), ?, ?, "
        "'Zq long reply ' || i || ' ' || replace(substr(quote(zeroblob(2500)), 3, 5000), "
        "'0', 'a ')"
        ", '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z' FROM n" if not (
            PG_DIR and not server.sqlite) else
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) "
        "INSERT INTO reply (id, discussion_key, author_key, body, created_at, updated_at) "
        "SELECT '01900000-0000-7000-8001-' || (100000000000 + i), ?, ?, "
        "'Zq long reply ' || i || ' ' || repeat('a ', 2500)"
        ", '2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z' FROM n", (key, author))
    seen, path = [], "/discussions/" + long["id"]
    while path:
        page = v.get(path)
        assert page.status == 200 and len(page.body) < 30 * 1024, (path, len(page.body))
        seen += re.findall(r'Zq long reply (\d+) ', page.text)
        m = re.search(r'href="(/discussions/[^"?]+\?from=[^"]+)">Next', page.text)
        path = m.group(1) if m else None
    assert seen == [str(i) for i in range(1, 41)], seen
    for what, (size, took) in sizes.items():
        print("     5,001-reply thread, %s: %d bytes, %.0f ms" % (what, size, took * 1000))
        assert size < 30 * 1024, (what, size)


def test_demo_talks_on_lessons_and_questions_decides_and_notifies():
    """The demo (issue 12's "done when"): lively threads on lessons and on
    both learning questions, a closed consent proposal whose outcome is a
    decision, and notifications for every demo sign-in."""
    with Server(demo=True) as s:
        admin = s.web_client("admin@example.org")
        lessons = [t for t in ok(admin.get(API + "/discussions?limit=100"))["items"]
                   if t.get("item_kind") == "lesson"]
        assert len(lessons) >= 2 and all(t["reply_count"] >= 5 for t in lessons), lessons
        questions = ok(admin.get(API + "/questions?limit=50"))["items"]
        assert len(questions) == 2, questions
        for q in questions:
            threads = ok(admin.get(API + "/discussions?question=" + q["id"]))["items"]
            assert threads and threads[0]["item"] == q["id"], (q["title"], threads)
            assert threads[0]["reply_count"] >= 5, threads[0]
        decided = []
        for t in lessons:
            for p in ok(admin.get(API + "/discussions/%s/proposals" % t["id"]))["items"]:
                if p["process"] == "consent" and p["closed"] and p.get("decision"):
                    decided.append(p)
        assert decided, "no closed consent proposal recorded as a decision"
        for email in ("admin@example.org", "grace.adongo@example.gov.gh",
                      "patience.atanga@example.org", "juliana.ayeebo@example.net"):
            page = s.web_client(email).get("/notifications").text
            unread = re.search(r"Notifications \((\d+)\)", page)
            assert unread and int(unread.group(1)) > 0, email


def main():
    global server
    with Server() as s:
        server = s
        build_fixture()
        run([test_visibility_matrix,
             test_mentions_notify_only_readers,
             test_mention_of_hidden_or_unknown_person_is_refused,
             test_replies_notify_participants_and_never_stops_them,
             test_quote_edit_history_hide,
             test_unattributed_share_hides_author_in_thread,
             test_share_notification_and_withdrawal,
             test_notifications_follow_the_item,
             test_threads_on_events_and_shares,
             test_read_mark_and_mark_all_read,
             test_bad_input,
             test_platform_with_a_discussion_is_not_deleted,
             test_thread_of_five_thousand_replies,
             test_demo_talks_on_lessons_and_questions_decides_and_notifies])


if __name__ == "__main__":
    main()
