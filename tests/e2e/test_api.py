#!/usr/bin/env python3
"""End-to-end tests of the JSON API under /api/v1 (DESIGN.md §4 Errors, §5,
§6 Quality bars).

Round-trips every noun (create 201 + Location, get, PATCH, page through the
list, delete 204 then 404) with the domain rules that go with it, then sends
bad input to every write endpoint and checks each answer is a clear 4xx that
names the field. At the end the server must still answer, and must stop
without any sanitizer report (the harness checks on stop).
"""
import json
import os
import socket
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

API = "/api/v1"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
NOUNS = ["alliances", "platforms", "platform-links", "organisations", "people", "memberships"]

server = None
fx = {}     # records the bad-input tests write against, made by test_fixtures


# Helpers ---------------------------------------------------------------------

def body_of(resp):
    try:
        return resp.json()
    except ValueError:
        raise AssertionError("not JSON (%d): %.300r" % (resp.status, resp.body))


def ok(resp, status=200):
    assert resp.status == status, "answered %d, not %d: %.500s" % (
        resp.status, status, resp.body.decode("utf-8", "replace"))
    if status == 204:
        assert resp.body == b"", resp.body
        return None
    assert (resp.header("Content-Type") or "").startswith("application/json"), \
        resp.header("Content-Type")
    return body_of(resp)


def error(resp, status, field="-", what=""):
    """Checks a JSON error answer; field "-" means any field, None means null."""
    assert resp.status == status, "%s: answered %d, not %d: %.500s" % (
        what, resp.status, status, resp.body.decode("utf-8", "replace"))
    assert (resp.header("Content-Type") or "").startswith("application/json"), \
        "%s: Content-Type %r" % (what, resp.header("Content-Type"))
    doc = body_of(resp)
    err = doc.get("error")
    assert isinstance(err, dict), "%s: no error object: %r" % (what, doc)
    assert isinstance(err.get("code"), str) and err["code"], "%s: %r" % (what, err)
    assert isinstance(err.get("message"), str) and err["message"].strip(), "%s: %r" % (what, err)
    if field != "-":
        assert err.get("field") == field, "%s: field is %r, not %r (%s)" % (
            what, err.get("field"), field, err.get("message"))
    return err


def create(noun, doc):
    resp = server.post_json("%s/%s" % (API, noun), doc)
    rec = ok(resp, 201)
    assert resp.header("Location") == "%s/%s/%s" % (API, noun, rec["id"]), \
        (resp.header("Location"), rec["id"])
    return rec


def get(noun, id_):
    return ok(server.get("%s/%s/%s" % (API, noun, id_)))


def patch(noun, id_, doc):
    return ok(server.patch_json("%s/%s/%s" % (API, noun, id_), doc))


def delete_and_gone(noun, id_):
    ok(server.delete("%s/%s/%s" % (API, noun, id_)), 204)
    error(server.get("%s/%s/%s" % (API, noun, id_)), 404, what="GET after DELETE")
    error(server.delete("%s/%s/%s" % (API, noun, id_)), 404, what="DELETE twice")
    error(server.patch_json("%s/%s/%s" % (API, noun, id_), {}), 404, what="PATCH after DELETE")


def walk(path, limit):
    """Pages through a list; returns (ids, total). Checks total stays the
    same, no id comes twice, and the walk ends on next_cursor null."""
    ids, total, cursor, pages = [], None, None, 0
    sep = "&" if "?" in path else "?"
    while True:
        url = "%s%slimit=%d" % (path, sep, limit) + ("&cursor=" + cursor if cursor else "")
        doc = ok(server.get(url))
        assert set(doc) >= {"items", "total", "next_cursor"}, doc.keys()
        assert total is None or doc["total"] == total, (url, doc["total"], total)
        total = doc["total"]
        assert len(doc["items"]) <= limit
        ids += [it["id"] for it in doc["items"]]
        pages += 1
        assert pages <= total // limit + 2, "%s: paging does not end" % path
        if doc["next_cursor"] is None:
            break
        assert doc["next_cursor"] == doc["items"][-1]["id"], doc["next_cursor"]
        cursor = doc["next_cursor"]
    assert len(ids) == len(set(ids)), "%s: an item came twice" % path
    assert len(ids) == total, "%s: walked %d items, total says %d" % (path, len(ids), total)
    return ids, total


def check_paging(path, expect_ids=()):
    """All items, whatever the page size; expect_ids must be among them."""
    everything, total = walk(path, 200)
    for limit in (1, 7, 50):
        if total // limit > 300:
            continue
        ids, t = walk(path, limit)
        assert t == total and ids == everything, "%s limit=%d disagrees" % (path, limit)
    for id_ in expect_ids:
        assert id_ in everything, "%s does not list %s" % (path, id_)
    return everything


# Round trips -------------------------------------------------------------------

def test_alliance_round_trip():
    """Alliances: create (201 + Location), get by id and by slug, PATCH, list
    paging, unique slug (409 naming slug), delete (204, then 404)."""
    a = create("alliances", {"name": "Nile Basin Learning Alliance", "slug": "nile-basin",
                             "levels": ["Basin", "Country", "District"],
                             "time_zone": "Africa/Kampala", "vision": "Water for all",
                             "going_in_issue": "Shared rivers", "principles": "- Share"})
    assert a["slug"] == "nile-basin" and a["levels"] == ["Basin", "Country", "District"]
    assert a["time_zone"] == "Africa/Kampala" and a["platform_count"] == 0
    assert get("alliances", a["id"]) == a
    assert get("alliances", "nile-basin") == a
    b = patch("alliances", "nile-basin", {"name": "Nile Learning Alliance",
                                          "levels": ["Basin", "Country"]})
    assert b["name"] == "Nile Learning Alliance" and b["levels"] == ["Basin", "Country"]
    assert b["vision"] == "Water for all", "PATCH lost a field it was not given"
    assert get("alliances", a["id"])["name"] == "Nile Learning Alliance"
    assert patch("alliances", a["id"], {}) ["name"] == "Nile Learning Alliance"
    error(server.post_json(API + "/alliances", {"name": "Other", "slug": "nile-basin",
                                                "levels": ["X"]}), 409, "slug", "same slug")
    error(server.post_json(API + "/alliances", {"name": "Other", "slug": "Not A Slug",
                                                "levels": ["X"]}), 400, "slug", "bad slug")
    error(server.post_json(API + "/alliances", {"name": "Other", "slug": "other",
                                                "levels": []}), 400, "levels", "no levels")
    error(server.post_json(API + "/alliances", {"name": "Other", "slug": "other",
                                                "levels": list("abcdefg")}), 400, "levels",
          "seven levels")
    error(server.post_json(API + "/alliances", {"name": "Other", "slug": "other",
                                                "levels": ["X"], "time_zone": "Mars/Base"}),
          400, "time_zone", "unknown time zone")
    check_paging(API + "/alliances", [a["id"]])
    delete_and_gone("alliances", a["id"])
    error(server.get(API + "/alliances/nile-basin"), 404, what="slug after delete")


def test_platform_round_trip():
    """Platforms: the parent is one level up (a mismatch is refused 400
    naming "parent"), no cycles, not below the lowest level, the parent in
    the same alliance; a platform with children cannot be deleted (409)."""
    al = create("alliances", {"name": "Volta Alliance", "slug": "volta",
                              "levels": ["National", "Region", "District"]})
    other = create("alliances", {"name": "Niger Alliance", "slug": "niger",
                                 "levels": ["National", "Commune"]})
    top = create("platforms", {"alliance": "volta", "name": "Volta national platform",
                               "place": "Accra", "description": "The *national* one"})
    assert top["level"] == 0 and top["parent"] is None and top["alliance"] == al["id"]
    assert top["level_label"] == "National" and top["alliance_slug"] == "volta"
    mid = create("platforms", {"alliance": al["id"], "parent": top["id"], "name": "Upper East"})
    assert mid["level"] == 1 and mid["parent"] == top["id"] and mid["level_label"] == "Region"
    low = create("platforms", {"alliance": "volta", "parent": mid["id"], "level": 2,
                               "name": "Bongo district"})
    assert low["level"] == 2 and low["parent"] == mid["id"]
    assert get("platforms", top["id"])["child_count"] == 1
    # The parent must be exactly one level up.
    error(server.post_json(API + "/platforms", {"alliance": "volta", "parent": top["id"],
                                                "level": 2, "name": "Skips a level"}),
          400, "parent", "level two under level zero")
    error(server.post_json(API + "/platforms", {"alliance": "volta", "parent": low["id"],
                                                "name": "Below the lowest level"}),
          400, "parent", "below the lowest level")
    error(server.post_json(API + "/platforms", {"alliance": "volta", "level": 3,
                                                "name": "No such level"}),
          400, "level", "level beyond the alliance's levels")
    error(server.post_json(API + "/platforms", {"alliance": "niger", "parent": top["id"],
                                                "name": "Parent elsewhere"}),
          400, "parent", "parent in another alliance")
    # No cycles: not below itself nor below one of its descendants.
    error(server.patch_json(API + "/platforms/" + top["id"], {"parent": low["id"]}),
          400, "parent", "below its grandchild")
    error(server.patch_json(API + "/platforms/" + mid["id"], {"parent": mid["id"]}),
          400, "parent", "below itself")
    error(server.patch_json(API + "/platforms/" + mid["id"], {"alliance": "niger"}),
          400, "alliance", "move to another alliance")
    assert get("platforms", top["id"])["parent"] is None
    # PATCH keeps what it is not given.
    p = patch("platforms", low["id"], {"name": "Bongo district platform"})
    assert p["name"] == "Bongo district platform" and p["parent"] == mid["id"] and p["level"] == 2
    second = create("platforms", {"alliance": "volta", "parent": top["id"], "name": "Northern"})
    p = patch("platforms", low["id"], {"parent": second["id"]})
    assert p["parent"] == second["id"] and p["level"] == 2
    assert get("platforms", mid["id"])["child_count"] == 0
    # A level that holds platforms stays; a platform with children keeps its level.
    error(server.patch_json(API + "/alliances/volta", {"levels": ["National", "Region"]}),
          409, "levels", "dropping a level that holds platforms")
    assert get("alliances", "volta")["levels"] == ["National", "Region", "District"]
    error(server.patch_json(API + "/platforms/" + second["id"], {"parent": None, "level": 0}),
          409, "level", "moving a platform with children to another level")
    assert get("platforms", second["id"])["parent"] == top["id"]
    # A platform with children cannot be deleted; nor an alliance with platforms.
    err = error(server.delete(API + "/platforms/" + top["id"]), 409, what="delete with children")
    assert get("platforms", top["id"])["id"] == top["id"]
    error(server.delete(API + "/alliances/volta"), 409, what="delete alliance with platforms")
    assert err["message"]
    # Lists: by alliance, by parent, by level, paged.
    ids = check_paging(API + "/platforms?alliance=volta", [top["id"], mid["id"], low["id"]])
    assert len(ids) == 4, ids
    assert sorted(check_paging(API + "/platforms?parent=" + top["id"])) == \
        sorted([mid["id"], second["id"]])
    assert check_paging(API + "/platforms?alliance=volta&level=2") == [low["id"]]
    check_paging(API + "/platforms", [top["id"]])
    error(server.get(API + "/platforms?alliance=no-such"), 400, "alliance", "unknown ?alliance")
    error(server.get(API + "/platforms?parent=" + UNKNOWN_ID), 400, "parent", "unknown ?parent")
    error(server.get(API + "/platforms?level=x"), 400, "level", "bad ?level")
    # Delete from the bottom up.
    for pl in (low, mid, second, top):
        delete_and_gone("platforms", pl["id"])
    delete_and_gone("alliances", al["id"])
    delete_and_gone("alliances", other["id"])


def test_platform_link_round_trip():
    """Peer links: the same link whichever end is given first (second create
    409), a platform cannot be its own peer, links across alliances allowed."""
    create("alliances", {"name": "Link test one", "slug": "link-one", "levels": ["National"]})
    create("alliances", {"name": "Link test two", "slug": "link-two", "levels": ["National"]})
    a = create("platforms", {"alliance": "link-one", "name": "Platform A"})
    b = create("platforms", {"alliance": "link-one", "name": "Platform B"})
    x = create("platforms", {"alliance": "link-two", "name": "Platform X"})
    link = create("platform-links", {"platform": a["id"], "peer": b["id"], "note": "Neighbours"})
    assert sorted(link["platforms"]) == sorted([a["id"], b["id"]]) and link["note"] == "Neighbours"
    error(server.post_json(API + "/platform-links", {"platform": b["id"], "peer": a["id"]}),
          409, "-", "the same link given the other way round")
    error(server.post_json(API + "/platform-links", {"platform": a["id"], "peer": b["id"]}),
          409, "-", "the same link twice")
    error(server.post_json(API + "/platform-links", {"platform": a["id"], "peer": a["id"]}),
          400, "peer", "own peer")
    cross = create("platform-links", {"platform": x["id"], "peer": a["id"]})
    assert sorted(cross["platforms"]) == sorted([a["id"], x["id"]])
    assert get("platform-links", link["id"]) == link
    assert patch("platform-links", link["id"], {"note": "Share lessons monthly"})["note"] == \
        "Share lessons monthly"
    assert get("platform-links", link["id"])["note"] == "Share lessons monthly"
    assert sorted(check_paging(API + "/platform-links?platform=" + a["id"])) == \
        sorted([link["id"], cross["id"]])
    assert check_paging(API + "/platform-links?platform=" + x["id"]) == [cross["id"]]
    check_paging(API + "/platform-links", [link["id"], cross["id"]])
    error(server.get(API + "/platform-links?platform=" + UNKNOWN_ID), 400, "platform",
          "unknown ?platform")
    delete_and_gone("platform-links", link["id"])
    # Once deleted, the link can be made again, from the other end.
    again = create("platform-links", {"platform": b["id"], "peer": a["id"]})
    delete_and_gone("platform-links", again["id"])
    delete_and_gone("platform-links", cross["id"])
    for pl in (a, b, x):
        delete_and_gone("platforms", pl["id"])
    delete_and_gone("alliances", "link-one")
    delete_and_gone("alliances", "link-two")


def test_organisation_round_trip():
    """Organisations: a name, a kind from the list, an http(s) website."""
    o = create("organisations", {"name": "Aqua Research Institute", "kind": "academic",
                                 "description": "Studies *pumps*",
                                 "website": "https://aqua.example.org"})
    assert o["kind"] == "academic" and o["website"] == "https://aqua.example.org"
    assert get("organisations", o["id"]) == o
    p = patch("organisations", o["id"], {"kind": "ngo", "name": "  Aqua Institute  "})
    assert p["kind"] == "ngo" and p["name"] == "Aqua Institute"
    assert p["website"] == "https://aqua.example.org"
    error(server.post_json(API + "/organisations", {"name": "X", "kind": "club"}), 400, "kind",
          "unknown kind")
    error(server.post_json(API + "/organisations", {"name": "X", "kind": "ngo",
                                                    "website": "javascript:alert(1)"}),
          400, "website", "website not http(s)")
    error(server.post_json(API + "/organisations", {"name": "x" * 201, "kind": "ngo"}),
          400, "name", "name too long")
    ids = check_paging(API + "/organisations", [o["id"]])
    assert len(ids) >= 67, len(ids)
    donors = check_paging(API + "/organisations?kind=donor")
    assert donors and all(get("organisations", d)["kind"] == "donor" for d in donors[:5])
    assert check_paging(API + "/organisations?q=aqua+institute") == [o["id"]]
    delete_and_gone("organisations", o["id"])


def test_person_round_trip():
    """People: the email is lower-cased, a duplicate email is 409 naming
    "email", an invalid email 400; the organisation must exist."""
    org = create("organisations", {"name": "Person test org", "kind": "government"})
    pe = create("people", {"name": "Ama Mensah", "email": "Ama.Mensah@Example.ORG",
                           "gender": "female", "marginalised_group": "Rural women",
                           "organisation": org["id"]})
    assert pe["email"] == "ama.mensah@example.org", pe["email"]
    assert pe["organisation"] == org["id"] and pe["gender"] == "female"
    assert get("people", pe["id"]) == pe
    error(server.post_json(API + "/people", {"name": "Someone else",
                                             "email": "AMA.MENSAH@example.org"}),
          409, "email", "duplicate email in another case")
    other = create("people", {"name": "Kofi Boateng"})
    assert other["email"] is None and other["organisation"] is None
    error(server.patch_json(API + "/people/" + other["id"], {"email": "ama.mensah@EXAMPLE.org"}),
          409, "email", "PATCH to a taken email")
    for bad in ["not-an-email", "a@b", "two@@example.org", "with space@example.org", "@x.org"]:
        error(server.post_json(API + "/people", {"name": "Bad", "email": bad}), 400, "email",
              "email %r" % bad)
    error(server.post_json(API + "/people", {"name": "Bad", "gender": "robot"}), 400, "gender",
          "unknown gender")
    p = patch("people", pe["id"], {"email": None, "organisation": None})
    assert p["email"] is None and p["organisation"] is None and p["name"] == "Ama Mensah"
    p = patch("people", pe["id"], {"email": "AMA@Example.org", "organisation": org["id"]})
    assert p["email"] == "ama@example.org"
    assert org["id"] and check_paging(API + "/people?organisation=" + org["id"]) == [pe["id"]]
    error(server.get(API + "/people?organisation=" + UNKNOWN_ID), 400, "organisation",
          "unknown ?organisation")
    ids = check_paging(API + "/people", [pe["id"], other["id"]])
    assert len(ids) >= 156
    # Deleting the organisation keeps its people, without an organisation.
    delete_and_gone("organisations", org["id"])
    assert get("people", pe["id"])["organisation"] is None
    delete_and_gone("people", pe["id"])
    delete_and_gone("people", other["id"])


def test_membership_round_trip():
    """Memberships: a platform and exactly one of a person and an
    organisation, once per platform; a role from the list; capabilities as an
    array of the five names."""
    create("alliances", {"name": "Membership test", "slug": "member-test", "levels": ["One"]})
    pl = create("platforms", {"alliance": "member-test", "name": "Membership platform"})
    pe = create("people", {"name": "Awa Traoré", "email": "awa@example.org"})
    org = create("organisations", {"name": "Membership org", "kind": "community"})
    m = create("memberships", {"platform": pl["id"], "person": pe["id"], "role": "facilitator",
                               "capabilities": ["research", "implementation", "research"]})
    assert m["platform"] == pl["id"] and m["person"] == pe["id"] and m["organisation"] is None
    assert m["role"] == "facilitator"
    assert sorted(m["capabilities"]) == ["implementation", "research"], m["capabilities"]
    assert get("memberships", m["id"]) == m
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "person": pe["id"],
                                                  "role": "member"}),
          409, "person", "the same person twice")
    mo = create("memberships", {"platform": pl["id"], "organisation": org["id"],
                                "role": "member", "capabilities": []})
    assert mo["organisation"] == org["id"] and mo["person"] is None and mo["capabilities"] == []
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "organisation": org["id"],
                                                  "role": "observer"}),
          409, "organisation", "the same organisation twice")
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "person": pe["id"],
                                                  "organisation": org["id"], "role": "member"}),
          400, "-", "both a person and an organisation")
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "role": "member"}),
          400, "person", "neither a person nor an organisation")
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "person": None,
                                                  "organisation": None, "role": "member"}),
          400, "person", "both null")
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "person": pe["id"],
                                                  "role": "king"}), 400, "role", "unknown role")
    error(server.post_json(API + "/memberships", {"platform": pl["id"], "person": pe["id"],
                                                  "role": "member", "capabilities": ["magic"]}),
          400, "capabilities", "unknown capability")
    p = patch("memberships", m["id"], {"role": "convenor",
                                       "capabilities": ["policy", "documentation", "regulation"]})
    assert p["role"] == "convenor"
    assert sorted(p["capabilities"]) == ["documentation", "policy", "regulation"]
    assert get("memberships", m["id"])["capabilities"] == p["capabilities"]
    assert patch("memberships", m["id"], {"capabilities": []})["capabilities"] == []
    error(server.patch_json(API + "/memberships/" + m["id"], {"person": pe["id"]}), 400,
          "person", "PATCH cannot move a membership to another person")
    assert get("platforms", pl["id"])["member_count"] == 2
    assert sorted(check_paging(API + "/memberships?platform=" + pl["id"])) == \
        sorted([m["id"], mo["id"]])
    assert check_paging(API + "/memberships?person=" + pe["id"]) == [m["id"]]
    assert check_paging(API + "/memberships?organisation=" + org["id"]) == [mo["id"]]
    ids = check_paging(API + "/memberships", [m["id"], mo["id"]])
    assert len(ids) >= 252
    for q in ("platform", "person", "organisation"):
        error(server.get(API + "/memberships?%s=%s" % (q, UNKNOWN_ID)), 400, q, "unknown ?" + q)
    delete_and_gone("memberships", m["id"])
    # Deleting a person or an organisation ends their memberships.
    delete_and_gone("organisations", org["id"])
    error(server.get(API + "/memberships/" + mo["id"]), 404, what="membership of a deleted org")
    delete_and_gone("people", pe["id"])
    delete_and_gone("platforms", pl["id"])
    delete_and_gone("alliances", "member-test")


# Bad input -----------------------------------------------------------------------

def test_fixtures():
    """Records the bad-input tests below write against."""
    fx["alliance"] = create("alliances", {"name": "Bad input alliance", "slug": "bad-input",
                                          "levels": ["National", "District"]})
    fx["platform"] = create("platforms", {"alliance": "bad-input", "name": "Bad input top"})
    fx["peer"] = create("platforms", {"alliance": "bad-input", "name": "Bad input peer"})
    fx["link"] = create("platform-links", {"platform": fx["platform"]["id"],
                                           "peer": fx["peer"]["id"]})
    fx["organisation"] = create("organisations", {"name": "Bad input org", "kind": "ngo"})
    fx["person"] = create("people", {"name": "Bad input person"})
    fx["membership"] = create("memberships", {"platform": fx["platform"]["id"],
                                              "person": fx["person"]["id"], "role": "member"})


def write_endpoints():
    """(method, path, a valid body, its string fields, other typed fields)."""
    pid = fx["platform"]["id"]
    return [
        ("POST", API + "/alliances",
         {"name": "Valid", "slug": "valid-one", "levels": ["National"]},
         ["name", "slug", "going_in_issue", "vision", "principles", "time_zone"],
         {"levels": 5}),
        ("PATCH", API + "/alliances/" + fx["alliance"]["id"], {"name": "Bad input alliance"},
         ["name", "slug", "going_in_issue", "vision", "principles", "time_zone"],
         {"levels": "National"}),
        ("POST", API + "/platforms", {"alliance": "bad-input", "parent": pid, "name": "Valid"},
         ["alliance", "parent", "name", "place", "description"], {"level": "1"}),
        ("PATCH", API + "/platforms/" + fx["peer"]["id"], {"name": "Bad input peer"},
         ["alliance", "parent", "name", "place", "description"], {"level": 0.5}),
        ("POST", API + "/platform-links", {"platform": pid, "peer": fx["peer"]["id"]},
         ["platform", "peer", "note"], {}),
        ("PATCH", API + "/platform-links/" + fx["link"]["id"], {"note": "x"}, ["note"], {}),
        ("POST", API + "/organisations", {"name": "Valid", "kind": "ngo"},
         ["name", "kind", "description", "website"], {}),
        ("PATCH", API + "/organisations/" + fx["organisation"]["id"], {"name": "Bad input org"},
         ["name", "kind", "description", "website"], {}),
        ("POST", API + "/people", {"name": "Valid"},
         ["name", "email", "gender", "marginalised_group", "organisation"], {}),
        ("PATCH", API + "/people/" + fx["person"]["id"], {"name": "Bad input person"},
         ["name", "email", "gender", "marginalised_group", "organisation"], {}),
        ("POST", API + "/memberships",
         {"platform": fx["peer"]["id"], "person": fx["person"]["id"], "role": "member"},
         ["role", "platform", "person", "organisation"], {"capabilities": "policy"}),
        ("PATCH", API + "/memberships/" + fx["membership"]["id"], {"role": "member"},
         ["role"], {"capabilities": {"policy": True}}),
    ]


def send(method, path, body, ctype="application/json"):
    headers = {"Content-Type": ctype} if ctype else {}
    return server.request(method, path, body=body, headers=headers)


def test_malformed_json_refused():
    """§6: malformed JSON, a JSON array, a scalar, an empty body, duplicate
    keys, invalid UTF-8 inside a string, a NUL escape, very deep nesting —
    each a 400 on every write endpoint, and nothing saved."""
    before = {n: ok(server.get("%s/%s?limit=1" % (API, n)))["total"] for n in NOUNS}
    bodies = [
        (b'{"name": ', "truncated"),
        (b'{name: "x"}', "unquoted key"),
        (b'{"name": "x",}', "trailing comma"),
        (b"[]", "a JSON array"),
        (b'[{"name": "x"}]', "an array of objects"),
        (b'"name"', "a JSON string"),
        (b"42", "a number"),
        (b"null", "null"),
        (b"", "an empty body"),
        (b'{"name": "a", "name": "b"}', "a duplicate key"),
        (b'{"name": "caf\xc3"}', "invalid UTF-8 (a cut sequence)"),
        (b'{"name": "\xff\xfe"}', "invalid UTF-8 (bytes ff fe)"),
        (b'{"name": "\xed\xa0\x80"}', "invalid UTF-8 (an encoded surrogate)"),
        (b'{"name": "\xc0\xaf"}', "invalid UTF-8 (an overlong form)"),
        (b'{"name": "a\\u0000b"}', "a NUL escape"),
        (b'{"name": "\\ud800"}', "a lone surrogate escape"),
        (b"[" * 100000 + b"]" * 100000, "nesting 100,000 deep"),
        (b'{"name": "x"} {"name": "y"}', "two documents"),
    ]
    for method, path, _, _, _ in write_endpoints():
        for body, what in bodies:
            error(send(method, path, body), 400, "-", "%s %s with %s" % (method, path, what))
    after = {n: ok(server.get("%s/%s?limit=1" % (API, n)))["total"] for n in NOUNS}
    assert before == after, (before, after)


def test_control_characters_name_the_field():
    """DESIGN.md §7 text validated at the edge: a control character in a
    string (escaped in the JSON) is a 400 naming the field."""
    cases = [("POST", "/organisations", {"name": "A\u0001B", "kind": "ngo"}, "name"),
             ("POST", "/organisations", {"name": "A", "kind": "ngo",
                                         "description": "bell \u0007"}, "description"),
             ("POST", "/people", {"name": "P", "marginalised_group": "x\u001b[31m"},
              "marginalised_group"),
             ("POST", "/alliances", {"name": "A", "slug": "ctl", "levels": ["Nat\u0008"]},
              "levels"),
             ("PATCH", "/platform-links/" + fx["link"]["id"], {"note": "\u007f"}, "note"),
             ("PATCH", "/platforms/" + fx["peer"]["id"], {"place": "a\u0000"}, "-")]
    for method, path, doc, field in cases:
        body = json.dumps(doc).replace("\\\\u", "\\u")
        error(send(method, API + path, body), 400, field, "%s %s %s" % (method, path, body))
    # Tabs and newlines are text.
    o = create("organisations", {"name": "Tabbed", "kind": "ngo",
                                 "description": "line one\n\tline two"})
    assert o["description"] == "line one\n\tline two"
    delete_and_gone("organisations", o["id"])


def test_head_answers_like_get():
    """HTTP: HEAD is GET without the body."""
    for path in (API + "/alliances", API + "/people/" + fx["person"]["id"]):
        resp = server.request("HEAD", path)
        assert resp.status == 200 and resp.body == b"", (path, resp.status, resp.body[:100])
    assert server.request("HEAD", API + "/people/" + UNKNOWN_ID).status == 404


def test_wrong_types_name_the_field():
    """§4 Errors: each field given a value of the wrong type (a number where a
    string is expected, and so on) is a 400 whose "field" names it."""
    for method, path, valid, strings, others in write_endpoints():
        for name in strings:
            for bad in (12345, True, {"a": 1}, ["x"]):
                doc = dict(valid)
                doc[name] = bad
                error(send(method, path, json.dumps(doc)), 400, name,
                      "%s %s with %s=%r" % (method, path, name, bad))
        for name, bad in others.items():
            doc = dict(valid)
            doc[name] = bad
            error(send(method, path, json.dumps(doc)), 400, name,
                  "%s %s with %s=%r" % (method, path, name, bad))
        # null is only allowed where the field may be empty.
        nullable = {"parent", "email", "organisation", "person"}
        for name in strings:
            if name in nullable:
                continue
            doc = dict(valid)
            doc[name] = None
            error(send(method, path, json.dumps(doc)), 400, name,
                  "%s %s with %s=null" % (method, path, name))
    # Arrays of strings must hold strings only.
    error(send("POST", API + "/alliances", json.dumps(
        {"name": "X", "slug": "x", "levels": ["National", 2]})), 400, "levels", "levels [.., 2]")
    error(send("POST", API + "/memberships", json.dumps(
        {"platform": fx["peer"]["id"], "person": fx["person"]["id"], "role": "member",
         "capabilities": [1]})), 400, "capabilities", "capabilities [1]")


def test_unknown_fields_name_the_field():
    """§4 Errors: a field the endpoint does not know is a 400 naming it."""
    for method, path, valid, _, _ in write_endpoints():
        for name in ("colour", "id", "created_at", "Name", ""):
            doc = dict(valid)
            doc[name] = "x"
            error(send(method, path, json.dumps(doc)), 400, name,
                  "%s %s with unknown field %r" % (method, path, name))


def test_missing_required_fields_name_the_field():
    """§4 Errors: a create without a required field (or a write that empties
    one) is a 400 naming the field."""
    pid, peer, person = fx["platform"]["id"], fx["peer"]["id"], fx["person"]["id"]
    cases = [
        ("alliances", {"name": "A", "slug": "missing-one", "levels": ["National"]},
         ["name", "slug", "levels"]),
        ("platforms", {"alliance": "bad-input", "name": "P"}, ["alliance", "name"]),
        ("platform-links", {"platform": pid, "peer": peer},
         ["platform", "peer"]),
        ("organisations", {"name": "O", "kind": "ngo"}, ["name", "kind"]),
        ("people", {"name": "P"}, ["name"]),
        ("memberships", {"platform": peer, "person": person, "role": "member"},
         ["platform", "person", "role"]),
    ]
    for noun, valid, required in cases:
        for name in required:
            doc = {k: v for k, v in valid.items() if k != name}
            error(send("POST", "%s/%s" % (API, noun), json.dumps(doc)), 400, name,
                  "POST %s without %s" % (noun, name))
            if isinstance(valid[name], str):
                doc[name] = "   "
                error(send("POST", "%s/%s" % (API, noun), json.dumps(doc)), 400, name,
                      "POST %s with a blank %s" % (noun, name))
        error(send("POST", "%s/%s" % (API, noun), b"{}"), 400, "-", "POST %s {}" % noun)
    for noun, key in [("alliances", "name"), ("platforms", "name"), ("organisations", "name"),
                      ("organisations", "kind"), ("people", "name"), ("memberships", "role")]:
        target = {"alliances": fx["alliance"], "platforms": fx["peer"],
                  "organisations": fx["organisation"], "people": fx["person"],
                  "memberships": fx["membership"]}[noun]
        error(send("PATCH", "%s/%s/%s" % (API, noun, target["id"]), json.dumps({key: ""})),
              400, key, "PATCH %s %s to blank" % (noun, key))


def test_unknown_ids():
    """§6: unknown ids in the address are 404; unknown ids in the body are a
    400 naming the field."""
    for noun in NOUNS:
        for id_ in (UNKNOWN_ID, "not-an-id", "0", "x" * 300):
            path = "%s/%s/%s" % (API, noun, id_)
            error(server.get(path), 404, None, "GET " + path)
            error(server.patch_json(path, {}), 404, None, "PATCH " + path)
            error(server.delete(path), 404, None, "DELETE " + path)
    pid, peer, person = fx["platform"]["id"], fx["peer"]["id"], fx["person"]["id"]
    cases = [
        ("POST", "/platforms", {"alliance": "no-such-alliance", "name": "P"}, "alliance"),
        ("POST", "/platforms", {"alliance": UNKNOWN_ID, "name": "P"}, "alliance"),
        ("POST", "/platforms", {"alliance": "bad-input", "parent": UNKNOWN_ID, "name": "P"},
         "parent"),
        ("PATCH", "/platforms/" + peer, {"parent": UNKNOWN_ID}, "parent"),
        ("POST", "/platform-links", {"platform": UNKNOWN_ID, "peer": peer}, "platform"),
        ("POST", "/platform-links", {"platform": pid, "peer": UNKNOWN_ID}, "peer"),
        ("POST", "/people", {"name": "P", "organisation": UNKNOWN_ID}, "organisation"),
        ("PATCH", "/people/" + person, {"organisation": UNKNOWN_ID}, "organisation"),
        ("POST", "/memberships", {"platform": UNKNOWN_ID, "person": person, "role": "member"},
         "platform"),
        ("POST", "/memberships", {"platform": peer, "person": UNKNOWN_ID, "role": "member"},
         "person"),
        ("POST", "/memberships", {"platform": peer, "organisation": UNKNOWN_ID,
                                  "role": "member"}, "organisation"),
    ]
    for method, path, doc, field in cases:
        error(send(method, API + path, json.dumps(doc)), 400, field,
              "%s %s with an unknown %s" % (method, path, field))


def test_wrong_content_type_is_415():
    """§6: a body that is not application/json is refused with 415 on every
    write endpoint (charset parameters are fine)."""
    for method, path, valid, _, _ in write_endpoints():
        body = json.dumps(valid)
        for ctype in ("text/plain", "application/x-www-form-urlencoded",
                      "multipart/form-data; boundary=x", "application/jsonp", None):
            if ctype is None:
                # No Content-Type at all, with a body.
                resp = server.request(method, path, body=body.encode(), headers={})
            else:
                resp = send(method, path, body, ctype)
            error(resp, 415, "-", "%s %s as %s" % (method, path, ctype))
    # The right type with a charset is accepted.
    resp = send("PATCH", API + "/organisations/" + fx["organisation"]["id"],
                json.dumps({"description": "charset ok"}), "application/json; charset=utf-8")
    assert ok(resp)["description"] == "charset ok"


def raw_request(head, body=b"", read_first=False):
    """Sends raw bytes; returns (status, headers text). With read_first the
    answer is read before the body is sent (the server may answer on the
    headers alone)."""
    s = socket.create_connection(("127.0.0.1", server.port), timeout=30)
    try:
        s.sendall(head)
        if not read_first and body:
            try:
                s.sendall(body)
            except (BrokenPipeError, ConnectionResetError):
                pass
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    finally:
        s.close()
    line = data.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split()
    assert len(parts) >= 2 and parts[0].startswith("HTTP/"), "no HTTP answer: %r" % data[:200]
    return int(parts[1]), data.decode("latin-1")


def test_oversized_body_is_413():
    """§6: a body over the default limit of 1 MiB is refused with 413, by its
    Content-Length or, chunked, as it arrives; the server keeps serving."""
    limit = 1024 * 1024
    for method, path, _, _, _ in write_endpoints():
        head = ("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n" % (method, path, limit + 1)).encode()
        status, text = raw_request(head, read_first=True)
        assert status == 413, "%s %s with %d bytes: %s" % (method, path, limit + 1, text[:300])
    path = API + "/organisations"
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n" % path).encode()
    chunk = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    status, text = raw_request(head, chunk * 20 + b"0\r\n\r\n")
    assert status == 413, "chunked 1.25 MiB: %s" % text[:300]
    # Just under the limit is read (and refused for what it says, not its size).
    doc = json.dumps({"name": "n", "kind": "ngo", "description": "d" * (limit - 200)})
    assert len(doc) <= limit
    resp = send("POST", path, doc)
    error(resp, 400, "description", "a body just under 1 MiB")
    ok(server.get(API + "/organisations?limit=1"))


def test_bad_limit_and_cursor_name_them():
    """DESIGN.md §5 paging: a bad ?limit= or ?cursor= is a 400 naming it, on
    every list endpoint."""
    for noun in NOUNS:
        base = "%s/%s" % (API, noun)
        for bad in ("0", "-1", "201", "abc", "1.5", "", "1e2", " 5", "5 ", "0x10",
                    "99999999999999999999"):
            error(server.get(base + "?limit=" + quote(bad)), 400, "limit",
                  "%s?limit=%r" % (base, bad))
        for bad in ("abc", "", "0", "0190000A-0000-7000-8000-00000000000B", UNKNOWN_ID + "0",
                    "'; DROP TABLE x"):
            error(server.get(base + "?cursor=" + quote(bad)), 400, "cursor",
                  "%s?cursor=%r" % (base, bad))
        assert ok(server.get(base + "?limit=200"))["items"] is not None
        assert ok(server.get(base + "?limit=1&cursor=" + UNKNOWN_ID))["items"] is not None


BAD_ENCODINGS = ["%ZZ", "%FF", "%C3%28", "%E2%82", "%ED%A0%80", "%C0%AF", "%", "%4"]


def test_bad_encoding_in_address_is_400():
    """DESIGN.md §7 Text is UTF-8, validated at the edge: invalid
    percent-encoding or invalid UTF-8 in a record's id in the path, or
    anywhere in the query, is a 400."""
    bad_bits = BAD_ENCODINGS
    for noun in NOUNS:
        base = "%s/%s" % (API, noun)
        for bad in bad_bits:
            error(server.get(base + "/" + bad), 400, "-", "GET %s/%s" % (base, bad))
            error(server.get(base + "/abc" + bad), 400, "-", "GET %s/abc%s" % (base, bad))
            error(server.delete(base + "/" + bad), 400, "-", "DELETE %s/%s" % (base, bad))
            error(server.get(base + "?q=" + bad), 400, "-", "GET %s?q=%s" % (base, bad))
            error(server.get(base + "?limit=" + bad), 400, "-", "GET %s?limit=%s" % (base, bad))
            error(server.get(base + "?" + bad + "=1"), 400, "-", "GET %s?%s=1" % (base, bad))


def test_bad_encoding_anywhere_in_path_is_400():
    """DESIGN.md §7 (invalid text is a 400 at the edge) and the brief's
    "invalid percent-encoding or UTF-8 in the path → 400": also outside a
    record's id, where no route matches."""
    for bad in BAD_ENCODINGS:
        for path in (API + "/people" + bad, API + "/" + bad + "/x", "/organisations" + bad):
            resp = server.get(path)
            assert resp.status == 400, "GET %s answered %d, not 400" % (path, resp.status)


def test_unknown_method_is_405():
    """HTTP: a method an address does not answer is a 405 with an Allow
    header; a method nobody knows is refused too (405, or the 501 RFC 9110
    §15.6.2 allows for an unrecognised method)."""
    for noun in NOUNS:
        base = "%s/%s" % (API, noun)
        for method, path, allow in [("PUT", base, "GET, POST"), ("DELETE", base, "GET, POST"),
                                    ("PATCH", base, "GET, POST"),
                                    ("POST", base + "/" + UNKNOWN_ID, "GET, PATCH, DELETE"),
                                    ("PUT", base + "/" + UNKNOWN_ID, "GET, PATCH, DELETE"),
                                    ("OPTIONS", base, None)]:
            resp = server.request(method, path, body=b"{}" if method != "OPTIONS" else None,
                                  headers={"Content-Type": "application/json"})
            error(resp, 405, "-", "%s %s" % (method, path))
            if allow:
                got = sorted(a.strip() for a in (resp.header("Allow") or "").split(","))
                assert got == sorted(allow.split(", ")), "%s %s: Allow %r" % (
                    method, path, resp.header("Allow"))
        for method in ("BREW", "PROPFIND", "CONNECT", "TRACE"):
            status, text = raw_request(("%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                        "Content-Length: 0\r\n\r\n" % (method, base)).encode())
            assert status in (405, 501), "%s %s answered %d" % (method, base, status)


def test_server_still_answers_and_data_intact():
    """§6: after all of that the server never crashed and nothing was
    corrupted: the fixtures read back as they were written."""
    assert ok(server.get(API + "/alliances/bad-input"))["name"] == "Bad input alliance"
    assert get("platforms", fx["peer"]["id"])["name"] == "Bad input peer"
    assert get("people", fx["person"]["id"])["name"] == "Bad input person"
    assert get("memberships", fx["membership"]["id"])["role"] == "member"
    assert get("organisations", fx["organisation"]["id"])["name"] == "Bad input org"
    assert get("platform-links", fx["link"]["id"])["note"] == ""
    total = ok(server.get(API + "/people?limit=1"))["total"]
    assert total == 158, total      # the demo's 157 (its administrator too) and the fixture
    assert server.get("/").status == 200


def main():
    global server
    server = Server(demo=True)
    server.start()
    code = None
    try:
        run([test_alliance_round_trip, test_platform_round_trip, test_platform_link_round_trip,
             test_organisation_round_trip, test_person_round_trip, test_membership_round_trip,
             test_fixtures, test_malformed_json_refused, test_control_characters_name_the_field,
             test_head_answers_like_get, test_wrong_types_name_the_field,
             test_unknown_fields_name_the_field, test_missing_required_fields_name_the_field,
             test_unknown_ids, test_wrong_content_type_is_415, test_oversized_body_is_413,
             test_bad_limit_and_cursor_name_them, test_bad_encoding_in_address_is_400,
             test_bad_encoding_anywhere_in_path_is_400,
             test_unknown_method_is_405, test_server_still_answers_and_data_intact])
    finally:
        code = server.stop()     # raises when the sanitizers reported anything
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
