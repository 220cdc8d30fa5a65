#!/usr/bin/env python3
"""End-to-end tests of the OpenAPI document (src/api/openapi.json).

1. redocly lint passes on it, without errors.
2. The server answers GET /api/v1/openapi.json with exactly the file.
3. Every /api/v1 route of src/http/routes.c is a documented operation and
   every documented operation is a route (same method, same pattern), so the
   document cannot drift from the route table.
4. With the demo loaded, the real JSON of every list and get endpoint has
   exactly the properties the document requires, of the documented JSON types
   (and values from the documented enums): a light structural check by hand.
   It is read as the administrator (who reads everything) and signed out.
5. Signing in as documented: the security schemes, 401 (with
   WWW-Authenticate: Bearer) for a token that is not valid and for a write
   signed out, 403 for a write the roles do not allow, 404 for a members-only
   alliance read from outside, each answer of the documented shape.
"""
import json
import os
import re
import subprocess
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

SPEC_PATH = os.path.join(harness.ROOT, "src", "api", "openapi.json")
ROUTES_PATH = os.path.join(harness.ROOT, "src", "http", "routes.c")
REDOCLY = os.path.join(harness.ROOT, "node_modules", ".bin", "redocly")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
SEARCH = "/api/v1/search"   # pages by offset (ranked results have no cursor)


def load_spec():
    with open(SPEC_PATH, "rb") as f:
        raw = f.read()
    return raw, json.loads(raw)


RAW, SPEC = load_spec()


def resolve(node):
    """Follows a local $ref ("#/components/…") to the node it names; keywords
    beside the $ref are kept over the target's."""
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        target = node["$ref"]
        assert target.startswith("#/"), "only local references are expected: %s" % target
        found = SPEC
        for part in target[2:].split("/"):
            found = found[part.replace("~1", "/").replace("~0", "~")]
        rest = {k: v for k, v in node.items() if k != "$ref"}
        node = dict(found, **rest) if rest else found
        seen += 1
        assert seen < 32, "reference loop at %s" % target
    return node


def operations():
    """Yields (method, path, operation) for every documented operation."""
    for path, item in SPEC["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


# 1. Lint ----------------------------------------------------------------

def test_redocly_lint():
    assert os.path.exists(REDOCLY), \
        "%s is missing: run npm ci (tools/install-deps test) at the repository root" % REDOCLY
    env = dict(os.environ, REDOCLY_TELEMETRY="off", REDOCLY_SUPPRESS_UPDATE_NOTICE="true")
    done = subprocess.run([REDOCLY, "lint", "--format=json", SPEC_PATH], cwd=harness.ROOT,
                          env=env, capture_output=True, text=True, timeout=240)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        raise AssertionError("redocly lint gave no JSON report (exit %d):\n%s\n%s"
                             % (done.returncode, done.stdout, done.stderr))
    totals = report["totals"]
    for p in report.get("problems", []):
        where = ", ".join(loc.get("pointer", "") for loc in p.get("location", []))
        print("  redocly %s %s: %s (%s)" % (p.get("severity"), p.get("ruleId"),
                                           p.get("message"), where))
    assert totals["errors"] == 0, "redocly lint found %d errors" % totals["errors"]
    assert done.returncode == 0, "redocly lint exited %d:\n%s" % (done.returncode, done.stderr)


# 2. Served document -------------------------------------------------------

def test_served_document_is_the_file():
    with Server() as s:
        r = s.get("/api/v1/openapi.json")
        assert r.status == 200, r.status
        ctype = r.header("Content-Type") or ""
        assert ctype.split(";")[0].strip() == "application/json", ctype
        assert r.body == RAW, "the served document differs from src/api/openapi.json " \
                              "(rebuild after editing it: it is embedded in the binary)"
        assert r.json() == SPEC
        etag = r.header("ETag")
        assert etag, "no ETag"
        again = s.get("/api/v1/openapi.json", headers={"If-None-Match": etag})
        assert again.status == 304, again.status
        assert "304" in SPEC["paths"]["/api/v1/openapi.json"]["get"]["responses"]


# 3. Routes and paths --------------------------------------------------------

ROUTE_RE = re.compile(r'\{\s*(GET|POST|PATCH|DELETE|PUT|HEAD)\s*,\s*"(/api/v1[^"]*)"\s*,'
                      r'\s*(\w+)\s*,\s*([^}]*)\}')


def api_routes():
    """{(method, pattern): flags} of the /api/v1 routes in routes.c."""
    with open(ROUTES_PATH, encoding="utf-8") as f:
        source = f.read()
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    found = {}
    for method, pattern, _handler, flags in ROUTE_RE.findall(source):
        key = (method.lower(), pattern)
        assert key not in found, "route listed twice: %s %s" % key
        found[key] = flags
    assert len(found) >= 30, "found only %d API routes in routes.c: has its form changed?" \
        % len(found)
    return found


def test_every_route_is_documented_and_every_operation_is_a_route():
    routes = api_routes()
    documented = {(m, p) for m, p, _ in operations()}
    missing = sorted(set(routes) - documented)
    extra = sorted(documented - set(routes))
    assert not missing, "routes without an operation in openapi.json: %s" % missing
    assert not extra, "operations in openapi.json that are not routes: %s" % extra
    assert all(p.startswith("/api/v1/") for p in SPEC["paths"]), "a path outside /api/v1"


def test_operations_agree_with_their_routes():
    routes = api_routes()
    ids = set()
    for method, path, op in operations():
        where = "%s %s" % (method.upper(), path)
        assert op.get("operationId"), "%s has no operationId" % where
        assert op["operationId"] not in ids, "operationId %s twice" % op["operationId"]
        ids.add(op["operationId"])
        # Path parameters: exactly the {names} of the pattern.
        params = [resolve(p) for p in SPEC["paths"][path].get("parameters", [])]
        params += [resolve(p) for p in op.get("parameters", [])]
        in_path = sorted(p["name"] for p in params if p["in"] == "path")
        assert in_path == sorted(re.findall(r"\{(\w+)\}", path)), \
            "%s: path parameters %s" % (where, in_path)
        # A JSON body exactly where the route reads one; a multipart form
        # beside it where the route also takes uploads (ROUTE_UPLOAD).
        reads_json = "ROUTE_JSON" in routes[(method, path)]
        uploads = "ROUTE_UPLOAD" in routes[(method, path)]
        body = op.get("requestBody")
        assert bool(body) == reads_json, "%s: requestBody %s, route flags %s" % (
            where, "present" if body else "absent", routes[(method, path)])
        codes = set(op["responses"])
        if body:
            body = resolve(body)
            types = ["application/json"] + (["multipart/form-data"] if uploads else [])
            assert list(body["content"]) == types, where
            for ctype in types:
                schema = resolve(body["content"][ctype]["schema"])
                assert schema.get("additionalProperties") is False, \
                    "%s: the server refuses unknown fields; say additionalProperties: false" % where
            assert {"400", "413", "415"} <= codes, "%s: responses %s" % (where, sorted(codes))
            if uploads:
                assert "503" in codes, "%s: uploads over the cap answer 503" % where
        if method == "post":
            assert "201" in codes, where
            created = resolve(op["responses"]["201"])
            assert "Location" in created.get("headers", {}), "%s: 201 without Location" % where
        if method == "delete":
            assert "204" in codes and "404" in codes, where
        if "{id}" in path:
            assert "404" in codes, "%s: no 404" % where
        # Who asks: a route that reads credentials refuses a token that is not
        # valid (401); a write also needs someone signed in (401) with the
        # right (403).
        if "ROUTE_NO_AUTH" in routes[(method, path)]:
            assert op.get("security") == [{}], \
                "%s: served without reading credentials; say security: [{}]" % where
        else:
            assert "401" in codes, "%s: no 401" % where
            refused = resolve(op["responses"]["401"])
            assert "WWW-Authenticate" in refused.get("headers", {}), \
                "%s: 401 without WWW-Authenticate" % where
        if method in ("post", "patch", "delete"):
            assert {"401", "403"} <= codes, "%s: a write without 401 or 403" % where
        if method == "get" and "{" not in path and path != "/api/v1/openapi.json":
            names = {resolve(p)["name"] for p in op.get("parameters", [])}
            paging = {"limit", "offset"} if path == SEARCH else {"limit", "cursor"}
            assert paging <= names, "%s: no %s" % (where, " or ".join(sorted(paging)))


# 4. Documented shapes against real JSON ---------------------------------------

def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def check(value, schema, where):
    """Checks value against the structural part of schema: types, enums,
    exactly the required properties, array items, oneOf/anyOf."""
    schema = resolve(schema)
    for keyword in ("oneOf", "anyOf"):
        if keyword in schema:
            reasons = []
            for option in schema[keyword]:
                try:
                    check(value, option, where)
                    break
                except AssertionError as e:
                    reasons.append(str(e))
            else:
                raise AssertionError("%s: %r matches no %s option: %s"
                                     % (where, value, keyword, "; ".join(reasons)))
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        actual = json_type(value)
        ok = actual in types or (actual == "integer" and "number" in types)
        assert ok, "%s: %s is %s, documented as %s" % (where, json.dumps(value)[:80], actual,
                                                      "/".join(types))
    if "enum" in schema:
        assert value in schema["enum"], "%s: %r is not among %s" % (where, value,
                                                                    schema["enum"])
    if isinstance(value, dict) and "properties" in schema:
        required = set(schema.get("required", []))
        documented = set(schema["properties"])
        assert required <= documented, "%s: required but not described: %s" % (
            where, sorted(required - documented))
        missing = sorted(required - set(value))
        extra = sorted(set(value) - required)
        assert not missing, "%s: documented as required but absent: %s" % (where, missing)
        assert not extra, "%s: present but not documented as required: %s" % (where, extra)
        for name, item in value.items():
            check(item, schema["properties"][name], "%s.%s" % (where, name))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            check(item, schema["items"], "%s[%d]" % (where, i))


def response_schema(path, method, status):
    response = resolve(SPEC["paths"][path][method]["responses"][status])
    return response["content"]["application/json"]["schema"]


def fetch(server, path, status=200, **kw):
    r = server.get(path, **kw)
    assert r.status == status, "GET %s: %d %s" % (path, r.status, r.body[:200])
    ctype = (r.header("Content-Type") or "").split(";")[0].strip()
    assert ctype == "application/json", "GET %s: Content-Type %s" % (path, ctype)
    return r.json()


def list_paths():
    return [p for m, p, _ in operations()
            if m == "get" and "{" not in p and p not in ("/api/v1/openapi.json", SEARCH)]


def seed_lesson(s):
    """Records a lesson of its own (public, published, with tags and evidence),
    whatever the demo holds, so that the lesson list, its tag filter and the
    search have something known to check."""
    platform = fetch(s, "/api/v1/platforms?limit=1")["items"][0]["id"]
    r = s.post_json("/api/v1/lessons", {
        "platform": platform, "title": "Spare parts near the pumps",
        "lesson": "Keep spare parts within a day of every handpump.", "outcome": "success",
        "status": "published", "visibility": "public", "happened_on": "2025-03-12",
        "tags": ["handpumps", "o-and-m"],
        "evidence": [{"label": "Field report", "url": "https://example.org/report.pdf"}]})
    assert r.status == 201, (r.status, r.body[:300])


def read_every_page(s, path, auth=True):
    """Reads every page of a list, checking each against the document;
    returns the records, after checking total and the ids."""
    schema = response_schema(path, "get", "200")
    records, cursor, pages = [], None, 0
    while True:
        url = path + "?limit=200" + ("&cursor=" + cursor if cursor else "")
        page = fetch(s, url, auth=auth)
        check(page, schema, "GET %s%s" % (url, "" if auth else " (signed out)"))
        records += page["items"]
        total = page["total"]
        cursor = page["next_cursor"]
        pages += 1
        if not cursor:
            break
        assert pages < 50, "%s: the cursor does not end" % path
    assert len(records) == total, "%s: %d records, total %d" % (path, len(records), total)
    assert len({r["id"] for r in records}) == len(records), "%s: an id twice" % path
    return records


def test_list_and_get_answers_match_the_document():
    with Server(demo=True) as s:
        seed_lesson(s)
        lists = list_paths()
        assert len(lists) == 21, lists
        for path in lists:
            schema = response_schema(path, "get", "200")
            # Every page, so that every demo record is checked.
            records = read_every_page(s, path)
            assert records, "%s: the demo has no records here; the check proves nothing" % path
            # A small page checks the shape of next_cursor as a string.
            small = fetch(s, path + "?limit=1")
            check(small, schema, "GET %s?limit=1" % path)
            assert small["next_cursor"] == small["items"][0]["id"], path

            one = path + "/{id}"
            assert one in SPEC["paths"] and "get" in SPEC["paths"][one], one
            one_schema = response_schema(one, "get", "200")
            for record in (records[0], records[-1]):
                url = "%s/%s" % (path, quote(record["id"]))
                got = fetch(s, url)
                check(got, one_schema, "GET " + url)
                assert got == record, "GET %s differs from its list item" % url
            missing = fetch(s, "%s/%s" % (path, UNKNOWN_ID), 404)
            check(missing, response_schema(one, "get", "404"), "GET %s/<unknown>" % path)
            bad = fetch(s, path + "?limit=0", 400)
            check(bad, response_schema(path, "get", "400"), "GET %s?limit=0" % path)
            assert bad["error"]["field"] == "limit", bad

        # An alliance is also addressed by its slug.
        alliance = fetch(s, "/api/v1/alliances?limit=1")["items"][0]
        by_slug = fetch(s, "/api/v1/alliances/" + quote(alliance["slug"]))
        assert by_slug == alliance

        # Signed out, the same shapes, over what is readable only: no email
        # shows, and a members-only alliance is not there.
        for path in lists:
            records = read_every_page(s, path, auth=False)
            if path == "/api/v1/shares":    # only for members of the platforms (share.h)
                assert records == [], "shares are readable signed out"
                continue
            assert records, "%s: nothing readable signed out in the demo" % path
            one_schema = response_schema(path + "/{id}", "get", "200")
            for record in (records[0], records[-1]):
                url = "%s/%s" % (path, quote(record["id"]))
                got = fetch(s, url, auth=False)
                check(got, one_schema, "GET %s (signed out)" % url)
                assert got == record, "GET %s differs from its list item (signed out)" % url
            if path == "/api/v1/people":
                assert all(r["email"] is None for r in records), "an email shows signed out"


def write_refused(s, method, path, status, doc=None, token=None):
    """Sends a write signed out (token None) or with token; checks the
    answer is status, as documented for the operation."""
    pattern = re.sub(r"/[^/]+$", "/{id}", path) if path.count("/") > 3 else path
    headers = {"Authorization": "Bearer " + token} if token else {}
    r = s.request(method, path, body=doc, headers=headers, auth=False)
    where = "%s %s%s" % (method, path, "" if token else " (signed out)")
    assert r.status == status, "%s: %d %s" % (where, r.status, r.body[:200])
    check(r.json(), response_schema(pattern, method.lower(), str(status)), where)
    documented = resolve(SPEC["paths"][pattern][method.lower()]["responses"][str(status)])
    if "WWW-Authenticate" in documented.get("headers", {}):
        assert r.header("WWW-Authenticate") == "Bearer", (where, r.header("WWW-Authenticate"))
    return r


def test_signing_in_is_as_documented():
    """The token, the cookie and nobody are the documented ways in; refusals
    (401, 403) and hidden alliances (404) answer as the document says."""
    schemes = SPEC["components"]["securitySchemes"]
    bearer = [n for n, v in schemes.items() if v["type"] == "http" and v["scheme"] == "bearer"]
    cookie = [n for n, v in schemes.items() if v["type"] == "apiKey" and v["in"] == "cookie"
              and v["name"] == "alliance_session"]
    assert bearer and cookie, schemes
    options = [set(req) for req in SPEC["security"]]
    assert {bearer[0]} in options and {cookie[0]} in options and set() in options, \
        "security must offer the token, the cookie, and nothing (reads work signed out)"
    with Server(demo=True) as s:
        # A token that is not valid is refused, reads included.
        for path in list_paths():
            r = s.get(path, headers={"Authorization": "Bearer not-a-token"}, auth=False)
            assert r.status == 401, "GET %s with a bad token: %d" % (path, r.status)
            assert r.header("WWW-Authenticate") == "Bearer", path
            check(r.json(), response_schema(path, "get", "401"), "GET %s (bad token)" % path)
        organisation = fetch(s, "/api/v1/organisations?limit=1")["items"][0]["id"]
        person = fetch(s, "/api/v1/people?limit=1")["items"][0]["id"]
        # Writes signed out: 401.
        write_refused(s, "POST", "/api/v1/alliances", 401, {})
        write_refused(s, "PATCH", "/api/v1/alliances/ghana-wash", 401, {})
        write_refused(s, "DELETE", "/api/v1/organisations/" + organisation, 401)
        write_refused(s, "POST", "/api/v1/people", 401, {})
        write_refused(s, "POST", "/api/v1/organisations", 401, {}, token="not-a-token")
        # Writes the roles do not allow: 403 (a plain member of a district platform).
        done = s.run_cli("token", "add", "--email", harness.DEMO_MEMBER, "--label", "e2e")
        assert done.returncode == 0, done.stderr
        member = done.stdout.strip()
        write_refused(s, "POST", "/api/v1/alliances", 403, {}, token=member)
        write_refused(s, "PATCH", "/api/v1/alliances/ghana-wash", 403, {}, token=member)
        write_refused(s, "DELETE", "/api/v1/organisations/" + organisation, 403, token=member)
        write_refused(s, "DELETE", "/api/v1/people/" + person, 403, token=member)
        # A members-only alliance does not exist from outside.
        everything = {a["id"]: a for a in read_every_page(s, "/api/v1/alliances")}
        public = {a["id"] for a in read_every_page(s, "/api/v1/alliances", auth=False)}
        hidden = [a for i, a in everything.items() if i not in public]
        assert hidden, "the demo has no members-only alliance; the check proves nothing"
        assert all(a.get("visibility") == "public" for i, a in everything.items() if i in public)
        for a in hidden:
            assert a.get("visibility") == "members", a
            for address in (a["id"], a["slug"]):
                r = fetch(s, "/api/v1/alliances/" + quote(address), 404, auth=False)
                check(r, response_schema("/api/v1/alliances/{id}", "get", "404"),
                      "GET /api/v1/alliances/%s (signed out)" % address)


def test_documented_filters_are_read():
    """Each documented query filter is one the server reads: naming an
    unknown record (or a value out of range) is refused with 400 naming it,
    while the documented enum values are accepted."""
    with Server(demo=True) as s:
        seed_lesson(s)
        for path in list_paths() + [SEARCH]:
            params = [resolve(p) for p in SPEC["paths"][path]["get"].get("parameters", [])]
            for p in params:
                if p["in"] != "query":
                    continue
                name, schema = p["name"], resolve(p["schema"])
                if "enum" in schema:
                    for value in schema["enum"]:
                        page = fetch(s, "%s?%s=%s" % (path, name, quote(value)))
                        for item in page["items"]:
                            assert item[name] == value, (path, name, value)
                    continue
                if name in ("limit", "cursor"):
                    continue
                if name == "tag":   # any word: only the items with that tag
                    tag = "handpumps"
                    page = fetch(s, "%s?tag=%s" % (path, tag.upper()))
                    assert page["items"], (path, tag)
                    if path != SEARCH:
                        for item in page["items"]:
                            assert tag in item["tags"], (path, tag, item["tags"])
                    continue
                if name == "q" and path == SEARCH:
                    page = fetch(s, "%s?q=%s" % (path, quote("SPARE pump*")))
                    assert page["items"] and all("[[" in it["snippet"] for it in page["items"])
                    continue
                if name == "q":
                    first = fetch(s, path + "?limit=1")["items"][0]["name"]
                    word = first.split()[-1].upper()
                    page = fetch(s, "%s?q=%s" % (path, quote(word)))
                    assert page["items"], (path, word)
                    for item in page["items"]:
                        assert word.lower() in item["name"].lower(), (path, word, item["name"])
                    continue
                bad = "99" if name == "level" else "-1" if name == "offset" else UNKNOWN_ID
                err = fetch(s, "%s?%s=%s" % (path, name, bad), 400)
                assert err["error"]["field"] == name, (path, name, err)


def test_search_answers_match_the_document():
    """GET /api/v1/search answers as documented: with words and without, a
    kind, a page further on, signed out, and a bad offset."""
    with Server(demo=True) as s:
        seed_lesson(s)
        schema = response_schema(SEARCH, "get", "200")
        kinds = resolve(SPEC["components"]["schemas"]["SearchKind"])["enum"]
        for query, auth in (("", True), ("?q=spare+parts", True), ("?q=%22spare+parts%22", True),
                            ("?q=pump*&kind=lesson&limit=1", True), ("?limit=2&offset=1", True),
                            ("?q=*", True), ("", False), ("?q=spare", False)):
            doc = fetch(s, SEARCH + query, auth=auth)
            where = "GET %s%s%s" % (SEARCH, query, "" if auth else " (signed out)")
            check(doc, schema, where)
            assert doc["items"], "%s: nothing found; the check proves nothing" % where
            for kind, count in doc["counts"].items():
                assert kind in kinds and isinstance(count, int) and count > 0, (where, kind)
            for hit in doc["items"]:
                if hit["kind"] == "lesson":
                    lesson = fetch(s, "/api/v1/lessons/" + hit["id"], auth=auth)
                    assert (lesson["title"], lesson["platform"], lesson["outcome"]) == (
                        hit["title"], hit["platform"], hit["outcome"]), where
        bad = fetch(s, SEARCH + "?offset=-1", 400)
        check(bad, response_schema(SEARCH, "get", "400"), "GET %s?offset=-1" % SEARCH)
        assert bad["error"]["field"] == "offset", bad


if __name__ == "__main__":
    run([
        test_redocly_lint,
        test_served_document_is_the_file,
        test_every_route_is_documented_and_every_operation_is_a_route,
        test_operations_agree_with_their_routes,
        test_list_and_get_answers_match_the_document,
        test_documented_filters_are_read,
        test_search_answers_match_the_document,
        test_signing_in_is_as_documented,
    ])
