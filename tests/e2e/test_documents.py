#!/usr/bin/env python3
"""The resource library (issue 5, item 3): documents with Dublin Core
records, each an uploaded file or a link (src/domain/document.h,
src/web/document.c, src/api/document.c), and what carries the files: the
connection guard (src/http/guard.h), the multipart parser
(src/http/multipart.h), content sniffing (src/core/mediatype.h), the
content-addressed store (src/store/files.h), text extraction
(src/core/extract.h) and downloads (src/http/download.h).

Covered, on SQLite and on PostgreSQL:
  * uploading through the page (multipart form, CSRF token) and the API
    (multipart with a "file" part; links as JSON); reading, listing with
    filters (kind, platform, language) and sorting, editing, deleting with
    a confirmation page; the platform page's Documents section;
  * downloads: the bytes as sent, Content-Type, Content-Disposition (an ASCII
    name and filename*=UTF-8''), a strong ETag and 304, HEAD, one byte range
    (206) and a range past the end (416); visibility on the page, the file,
    the API and search;
  * the tests the issue asks for: an oversized body (413 before the body is
    read, naming the limit, for uploads and for forms and JSON), a file whose
    name or declared type lies about its content (400 naming "file"), a file
    name with ../ and control characters (kept safe), an interrupted upload
    (the connection dropped, or the form cut short: nothing half-stored, no
    temporary file left, the upload slot given back), the same file twice
    (stored once);
  * text of PDF (pdftotext), web pages (without their markup) and text files
    found by search; pdftotext stopped at its time limit; uploads over the
    cap in flight answered 503 with Retry-After;
  * export and import carry documents and re-index them; with --db the files
    directory has no default (uploads answer 503 until --files is given).
"""
import os
import re
import socket
import stat
import sys
import tempfile
import threading
import time
import uuid
from urllib.parse import quote, urlencode

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

API = "/api/v1"
UNKNOWN_ID = "01900000-0000-7000-8000-000000000000"
UER = "Upper East Regional WASH Platform"          # documenter: Patience, convenor: Grace
NAVRONGO = "Kassena-Nankana Municipal WASH Platform"  # member: Juliana

server = None


def ok(resp, status=200, what=""):
    assert resp.status == status, "%s: %d %s" % (what, resp.status, resp.body[:600])
    json_body = (resp.header("Content-Type") or "").startswith("application/json")
    return resp.json() if resp.body and json_body else resp.body


def client(token=None):
    return server.client(token)

P = {}   # platform ids by name


# Helpers ---------------------------------------------------------------------

def error(resp, status, field, what=""):
    assert resp.status == status, "%s: %d %s" % (what, resp.status, resp.body[:600])
    err = resp.json()["error"]
    assert err.get("field") == field, "%s: field %r, wanted %r (%s)" % (
        what, err.get("field"), field, err.get("message"))
    return err


def multipart(fields=(), files=(), boundary=None):
    """(Content-Type, body) of a multipart/form-data body: fields are (name,
    value) pairs, files (field, filename, content type or None, bytes)."""
    boundary = boundary or "----zq" + uuid.uuid4().hex
    out = b""
    for name, value in fields:
        out += ('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n'
                % (boundary, name)).encode() + value.encode() + b"\r\n"
    for name, filename, ctype, content in files:
        fn = filename if isinstance(filename, bytes) else filename.encode()
        head = ('--%s\r\nContent-Disposition: form-data; name="%s"; filename="'
                % (boundary, name)).encode() + fn + b'"\r\n'
        if ctype:
            head += ("Content-Type: %s\r\n" % ctype).encode()
        out += head + b"\r\n" + content + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return "multipart/form-data; boundary=" + boundary, out


def make_pdf(text):
    """A one-page PDF whose text is text (Helvetica, Latin-1)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"]
    stream = b"BT /F1 18 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1,
                                                                            xref)
    return out


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
       b"5\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def files_dir(s):
    return os.path.join(s.data_dir, "files")


def with_files(s):
    """Gives a server its files directory by --files (PostgreSQL has no default)."""
    s.args += ["--files", files_dir(s)]
    return s


def blobs(s):
    """The stored files: paths under the files directory, temporary ones apart."""
    kept, temporary = [], []
    root = files_dir(s)
    for dirpath, _, names in os.walk(root):
        for n in names:
            (temporary if os.path.basename(dirpath) == "tmp" else kept).append(
                os.path.join(dirpath, n))
    return sorted(kept), sorted(temporary)


def web_client(email):
    c = client()
    r = c.sign_in(email)
    assert r.status == 303 and "alliance_session" in c.cookies, (email, r.status)
    return c


def token_of(email):
    done = server.run_cli("token", "add", "--email", email, "--label", "zq-docs")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def upload_api(c, fields, files, status=201, what="upload"):
    ctype, body = multipart(fields, files)
    r = c.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
    if status is None:
        return r
    return ok(r, status, what)


def upload_web(c, platform, fields, files):
    """Posts the page's form, as a browser does (the session's form token)."""
    page = c.get("/platforms/%s/documents/new" % platform).text
    token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    ctype, body = multipart([("csrf", token)] + list(fields), files)
    return c.request("POST", "/platforms/%s/documents/new" % platform, body=body,
                     headers={"Content-Type": ctype})


def raw(port, data, read_first=False, close_early=False, timeout=15):
    """Sends raw bytes; returns the answer (bytes). With read_first the
    answer is read before the rest is sent; with close_early the connection
    is closed right after sending."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        head, _, rest = data.partition(b"\r\n\r\n")
        s.sendall(head + b"\r\n\r\n")
        if close_early:
            s.sendall(rest)
            return b""
        if not read_first and rest:
            try:
                s.sendall(rest)
            except (BrokenPipeError, ConnectionResetError):
                pass
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            out += chunk
            if b"\r\n\r\n" in out:
                head_end = out.index(b"\r\n\r\n") + 4
                m = re.search(rb"Content-Length: (\d+)", out[:head_end], re.I)
                if m and len(out) >= head_end + int(m.group(1)):
                    break
        return out
    finally:
        s.close()


def status_of(answer):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    assert m, "no HTTP answer: %r" % answer[:200]
    return int(m.group(1))


def document_count():
    return int(server.sql("SELECT count(*) FROM document")[0][0])


# The pages ---------------------------------------------------------------------

def test_upload_through_the_page_then_edit_and_delete():
    patience = web_client(harness.DEMO_DOCUMENTER)
    form = ok(patience.get("/platforms/%s/documents/new" % P[UER]), 200).decode()
    assert 'enctype="multipart/form-data"' in form and 'name="csrf"' in form, form[:2000]
    assert 'type="file"' in form and 'name="file"' in form
    content = b"Minutes of the platform: the borehole at Zuarungu needs a new pump rod.\n"
    r = upload_web(patience, P[UER], [
        ("title", "Minutes of March"), ("doc_type", "report"), ("language", "EN"),
        ("date", "2026-03"), ("creator", "Patience Atanga"), ("subject", "minutes; pumps"),
        ("description", "What the platform **decided**."), ("visibility", "alliance"),
        ("status", "published")], [("file", "minutes-march.txt", "text/plain", content)])
    assert r.status == 303, (r.status, r.body[:500])
    location = r.header("Location")
    assert re.fullmatch(r"/documents/[0-9a-f-]{36}", location), location
    page = ok(patience.get(location)).decode()
    for text in ("Minutes of March", "Report", "minutes-march.txt", "Download",
                 "<strong>decided</strong>", "Patience Atanga", "2026-03", ">en<"):
        assert text in page, "%s not on the page" % text
    file = ok(patience.get(location + "/file"))
    assert file == content
    # The platform page lists it; so do the library and the platform's documents.
    assert "Minutes of March" in patience.get("/platforms/%s" % P[UER]).text
    assert "Minutes of March" in patience.get("/documents?type=report").text
    assert "Minutes of March" in patience.get("/platforms/%s/documents" % P[UER]).text
    assert "Minutes of March" not in patience.get("/documents?type=policy").text
    # Edit the record (an urlencoded form: the file stays).
    edit = ok(patience.get(location + "/edit")).decode()
    assert "minutes-march.txt" in edit and 'name="title"' in edit
    fields = {"title": "Minutes of March 2026", "doc_type": "report", "language": "en",
              "visibility": "alliance", "status": "published", "date": "2026-03-30"}
    r = patience.post_form(location + "/edit", fields)
    assert r.status == 303, (r.status, r.body[:300])
    assert "Minutes of March 2026" in patience.get(location).text
    r = patience.post_form(location + "/edit", dict(fields, date="2026-13"))
    assert r.status == 400 and "f-date" in r.text
    # Delete: a page that asks, then the deletion, a tombstone, the trail.
    confirm = ok(patience.get(location + "/delete")).decode()
    assert "Delete the document" in confirm and 'method="post"' in confirm
    r = patience.post_form(location + "/delete", {})
    assert r.status == 303, r.status
    assert patience.get(location).status == 404
    assert patience.get(location + "/file").status == 404
    doc_id = location.rsplit("/", 1)[1]
    assert server.sql("SELECT kind FROM tombstone WHERE id = ?", (doc_id,)) == [("document",)]
    actions = {a for (a,) in server.sql("SELECT action FROM audit WHERE record_id = ?",
                                        (doc_id,))}
    assert actions == {"create", "update", "delete"}, actions


def test_page_form_problems_keep_what_was_typed():
    patience = web_client(harness.DEMO_DOCUMENTER)
    # No title, no file, no link: the form again, each problem by its field.
    r = upload_web(patience, P[UER], [("title", ""), ("description", "kept text zq")], [])
    assert r.status == 400, r.status
    assert "There is a problem" in r.text and 'href="#f-title"' in r.text
    assert 'href="#f-file"' in r.text and "kept text zq" in r.text
    # A file that lies: the form again, the problem beside the file.
    r = upload_web(patience, P[UER], [("title", "A picture zq")],
                   [("file", "report.pdf", "application/pdf", PNG)])
    assert r.status == 400 and 'href="#f-file"' in r.text and "PNG" in r.text, r.text[:300]
    assert "A picture zq" in r.text
    # Without the form token: refused, nothing kept.
    before = document_count()
    ctype, body = multipart([("title", "No token")], [("file", "a.txt", None, b"text")])
    r = patience.request("POST", "/platforms/%s/documents/new" % P[UER], body=body,
                         headers={"Content-Type": ctype})
    assert r.status == 403, r.status
    # A member who may not write there: refused before the body is read.
    juliana = web_client(harness.DEMO_MEMBER)
    r = upload_web(juliana, P[NAVRONGO], [("title", "ok")], [("file", "a.txt", None, b"x")])
    assert r.status == 303, r.status  # her own platform: fine (a draft)
    r = juliana.request("POST", "/platforms/%s/documents/new" % P[UER], body=body,
                        headers={"Content-Type": ctype})
    assert r.status == 403, r.status
    assert document_count() == before + 1
    assert blobs(server)[1] == [], "a temporary file was left"


# The API -----------------------------------------------------------------------

def test_api_links_and_uploads():
    admin = client(server.token)
    link = ok(admin.post_json(API + "/documents", {
        "platform": P[UER], "title": "Handpump manual zq", "url": "https://example.org/m.pdf",
        "doc_type": "guideline", "language": "fr", "status": "published",
        "visibility": "public", "rights": "CC BY 4.0"}), 201, "link")
    assert link["url"] == "https://example.org/m.pdf" and link["file"] is None
    assert link["rights"] == "CC BY 4.0" and link["visibility"] == "public"
    r = admin.post_json(API + "/documents", {"platform": P[UER], "title": "x",
                                             "url": "https://example.org/y"})
    assert r.header("Location") == API + "/documents/" + r.json()["id"]
    up = upload_api(admin, [("platform", P[UER]), ("title", "Field report zq"),
                            ("doc_type", "case_study"), ("language", "fr-bf")],
                    [("file", "report.pdf", "application/pdf", make_pdf("Rapport zq"))])
    assert up["file"]["media_type"] == "application/pdf" and up["file"]["name"] == "report.pdf"
    assert up["language"] == "fr-BF" and up["format"] == "application/pdf"
    assert up["file"]["href"] == "%s/documents/%s/file" % (API, up["id"])
    assert up["url"] is None and up["status"] == "draft"
    assert ok(admin.get(API + "/documents/" + up["id"])) == up
    # Filters: kind, platform, language (a primary language finds its regions).
    french = ok(admin.get(API + "/documents?language=fr&limit=200"))["items"]
    ids = {d["id"] for d in french}
    assert link["id"] in ids and up["id"] in ids
    assert all(d["language"].split("-")[0] == "fr" for d in french)
    for d in ok(admin.get(API + "/documents?doc_type=guideline&limit=200"))["items"]:
        assert d["doc_type"] == "guideline"
    mine = ok(admin.get(API + "/documents?platform=%s&limit=200" % P[UER]))["items"]
    assert all(d["platform"] == P[UER] for d in mine) and up["id"] in {d["id"] for d in mine}
    error(admin.get(API + "/documents?language=" + UNKNOWN_ID), 400, "language")
    error(admin.get(API + "/documents?doc_type=memo"), 400, "doc_type")
    error(admin.get(API + "/documents?platform=" + UNKNOWN_ID), 400, "platform")
    # A file and a link, or neither: refused by field.
    error(upload_api(admin, [("platform", P[UER]), ("title", "both"),
                             ("url", "https://example.org/x")],
                     [("file", "a.txt", None, b"text")], status=None), 400, "url")
    error(admin.post_json(API + "/documents", {"platform": P[UER], "title": "neither"}),
          400, "file")
    error(admin.post_json(API + "/documents", {"platform": P[UER], "title": "bad url",
                                               "url": "ftp://example.org/x"}), 400, "url")
    error(admin.post_json(API + "/documents", {"platform": P[UER], "title": "t",
                                               "url": "https://example.org/x",
                                               "date": "2024-02-30"}), 400, "date")
    error(upload_api(admin, [("platform", P[UER]), ("title", "t"), ("colour", "red")],
                     [("file", "a.txt", None, b"text")], status=None), 400, "colour")
    # The record changes; the file does not; a link's address may.
    changed = ok(admin.patch_json(API + "/documents/" + up["id"],
                                  {"title": "Field report, revised", "status": "published"}))
    assert changed["title"] == "Field report, revised" and changed["file"] == up["file"]
    assert changed["published_at"]
    error(admin.patch_json(API + "/documents/" + up["id"], {"url": "https://example.org/z"}),
          400, "url")
    moved = ok(admin.patch_json(API + "/documents/" + link["id"],
                                {"url": "https://example.org/manual-2.pdf"}))
    assert moved["url"] == "https://example.org/manual-2.pdf"
    error(admin.get(API + "/documents/%s/file" % link["id"]), 404, None)
    # Signed out: no upload, no write.
    anonymous = client()
    r = upload_api(anonymous, [("platform", P[UER]), ("title", "t")],
                   [("file", "a.txt", None, b"text")], status=None)
    assert r.status == 401, r.status
    assert anonymous.delete(API + "/documents/" + link["id"]).status == 401
    assert admin.delete(API + "/documents/" + link["id"]).status == 204
    assert admin.get(API + "/documents/" + link["id"]).status == 404


def test_api_upload_signed_in_by_cookie_needs_the_form_token():
    patience = web_client(harness.DEMO_DOCUMENTER)
    fields = [("platform", P[UER]), ("title", "By cookie zq")]
    files = [("file", "note.txt", "text/plain", b"a note")]
    r = upload_api(patience, fields, files, status=None)
    error(r, 403, "csrf")
    token = patience.session_csrf()
    ok(upload_api(patience, fields + [("csrf", token)], files, status=None), 201)


# Downloads ---------------------------------------------------------------------

def test_download_headers_ranges_and_etag():
    admin = client(server.token)
    content = bytes(range(256)) * 40 + b"%PDF- is not at the start"
    # Bytes that are no text and have no magic are refused...
    error(upload_api(admin, [("platform", P[UER]), ("title", "bin")],
                     [("file", "blob.bin", None, content)], status=None), 400, "file")
    pdf = make_pdf("Rapport d'etape " + "x" * 3000)
    doc = upload_api(admin, [("platform", P[UER]), ("title", "Étape zq")],
                     [("file", "Rapport d’étape.pdf", "application/pdf", pdf)])
    assert doc["file"]["name"] == "Rapport d’étape.pdf"
    url = API + "/documents/%s/file" % doc["id"]
    r = admin.get(url)
    assert r.status == 200 and r.body == pdf
    assert r.header("Content-Type") == "application/pdf"
    assert r.header("Content-Length") == str(len(pdf))
    assert r.header("Accept-Ranges") == "bytes"
    assert r.header("Content-Disposition") == (
        "attachment; filename=\"Rapport d__tape.pdf\"; "
        "filename*=UTF-8''Rapport%20d%E2%80%99%C3%A9tape.pdf"), r.header("Content-Disposition")
    etag = r.header("ETag")
    assert etag == '"%s"' % doc["file"]["sha256"], etag
    assert r.header("X-Content-Type-Options") == "nosniff"
    assert "private" in r.header("Cache-Control")
    assert admin.get(url, headers={"If-None-Match": etag}).status == 304
    r = admin.get(url, headers={"Range": "bytes=5-14"})
    assert r.status == 206 and r.body == pdf[5:15], (r.status, r.body[:40])
    assert r.header("Content-Range") == "bytes 5-14/%d" % len(pdf)
    r = admin.get(url, headers={"Range": "bytes=-7"})
    assert r.status == 206 and r.body == pdf[-7:]
    r = admin.get(url, headers={"Range": "bytes=%d-" % (len(pdf) - 3)})
    assert r.status == 206 and r.body == pdf[-3:]
    r = admin.get(url, headers={"Range": "bytes=%d-" % len(pdf)})
    assert r.status == 416 and r.header("Content-Range") == "bytes */%d" % len(pdf)
    # Several ranges, or a stale If-Range: the whole file.
    assert admin.get(url, headers={"Range": "bytes=0-1,5-6"}).body == pdf
    r = admin.get(url, headers={"Range": "bytes=0-1", "If-Range": '"stale"'})
    assert r.status == 200 and r.body == pdf
    r = admin.request("HEAD", url)
    assert r.status == 200 and r.body == b"" and r.header("Content-Length") == str(len(pdf))
    # The page's link serves the same file.
    assert admin.get("/documents/%s/file" % doc["id"]).body == pdf


def test_visibility_of_documents_and_their_files():
    patience = web_client(harness.DEMO_DOCUMENTER)   # documenter on the UER platform
    juliana = web_client(harness.DEMO_MEMBER)        # member in Navrongo, same alliance
    anonymous = client()
    admin = client(server.token)
    made = {}
    for vis in ("platform", "alliance", "public"):
        r = upload_web(patience, P[UER], [
            ("title", "Seen by %s zqvis" % vis), ("visibility", vis), ("status", "published")],
            [("file", "%s.txt" % vis, None, ("words for %s zqvis" % vis).encode())])
        assert r.status == 303, (vis, r.status)
        made[vis] = r.header("Location").rsplit("/", 1)[1]
    draft = upload_web(juliana, P[NAVRONGO], [("title", "Draft of Juliana zqvis")],
                       [("file", "draft.txt", None, b"draft zqvis")])
    made["draft"] = draft.header("Location").rsplit("/", 1)[1]
    readers = {
        "patience": (patience, {"platform", "alliance", "public"}),
        "juliana": (juliana, {"alliance", "public", "draft"}),
        "anonymous": (anonymous, {"public"}),
        "admin": (admin, {"platform", "alliance", "public", "draft"}),
    }
    for who, (c, sees) in readers.items():
        for what, doc_id in made.items():
            want = 200 if what in sees else 404
            for path in ("/documents/%s", "/documents/%s/file", API + "/documents/%s",
                         API + "/documents/%s/file"):
                r = c.get(path % doc_id)
                assert r.status == want, "%s reading %s at %s: %d" % (who, what, path, r.status)
        listed = {d["id"] for d in
                  ok(c.get(API + "/documents?limit=200"))["items"]} & set(made.values())
        assert listed == {made[w] for w in sees}, (who, listed)
        found = {h["id"] for h in
                 ok(c.get(API + "/search?q=zqvis&limit=50"))["items"] if h["kind"] == "document"}
        assert found == {made[w] for w in sees}, (who, found)
        page = c.get("/documents?q=zqvis").text
        for what, doc_id in made.items():
            assert (doc_id in page) == (what in sees), (who, what)


# The tests -----------------------------------------------------------

def test_oversized_bodies_are_413_before_they_are_read():
    s = with_files(Server(demo=True, args=["--upload-limit", "102400"]))
    s.start()
    try:
        platform = next(p["id"] for p in s.get(API + "/platforms?limit=200").json()["items"]
                        if p["name"] == UER)
        auth = "Authorization: Bearer %s\r\n" % s.token
        # Announced over the limit: 413 on the head alone, naming the limit.
        head = ("POST %s/documents HTTP/1.1\r\nHost: x\r\n%sContent-Type: multipart/form-data; "
                "boundary=zz\r\nContent-Length: %d\r\n\r\n" % (API, auth, 3 * 1024 * 1024))
        answer = raw(s.port, head.encode() + b"x" * 1000, read_first=True)
        assert status_of(answer) == 413, answer[:300]
        assert b"100 KiB" in answer and b'"file"' in answer, answer[-300:]
        # The same on the page's form, as a page.
        head = ("POST /platforms/%s/documents/new HTTP/1.1\r\nHost: x\r\nContent-Type: "
                "multipart/form-data; boundary=zz\r\nContent-Length: %d\r\n\r\n"
                % (platform, 3 * 1024 * 1024))
        answer = raw(s.port, head.encode(), read_first=True)
        assert status_of(answer) == 413 and b"<html" in answer and b"100 KiB" in answer
        # Forms and JSON keep their own limit (1 MiB), on this route too.
        head = ("POST %s/documents HTTP/1.1\r\nHost: x\r\n%sContent-Type: application/json\r\n"
                "Content-Length: %d\r\n\r\n" % (API, auth, 1024 * 1024 + 1))
        answer = raw(s.port, head.encode(), read_first=True)
        assert status_of(answer) == 413 and b"1 MiB" in answer, answer[-300:]
        # A file over the limit in a body within it: 413 from the parser.
        ctype, body = multipart([("platform", platform), ("title", "big")],
                                [("file", "big.txt", None, b"a" * 150 * 1024)])
        r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
        err = error(r, 413, "file")
        assert "100 KiB" in err["message"], err
        # Chunked, over the limit as it comes: 413 too.
        head = ("POST %s/documents HTTP/1.1\r\nHost: x\r\n%sContent-Type: multipart/form-data; "
                "boundary=zz\r\nTransfer-Encoding: chunked\r\n\r\n" % (API, auth)).encode()
        chunk = b"10000\r\n" + b"y" * 0x10000 + b"\r\n"
        answer = raw(s.port, head + chunk * 24 + b"0\r\n\r\n")
        assert status_of(answer) == 413, answer[:200]
        # Just under the limit is taken.
        ctype, body = multipart([("platform", platform), ("title", "fits")],
                                [("file", "fits.txt", None, b"b" * 100 * 1024)])
        r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
        assert r.status == 201, (r.status, r.body[:300])
        assert blobs(s)[1] == [], "a temporary file was left"
        assert s.get(API + "/documents?limit=1").status == 200
    finally:
        s.stop()
        s.cleanup()


def test_large_upload_on_the_upload_route_only():
    admin = client(server.token)
    big = b"".join(b"line %08d of a long report\n" % i for i in range(60000))  # 1.7 MB
    assert len(big) > 1024 * 1024
    doc = upload_api(admin, [("platform", P[UER]), ("title", "Long report zq")],
                     [("file", "long.txt", "text/plain", big)])
    assert doc["file"]["size"] == len(big)
    assert admin.get(API + "/documents/%s/file" % doc["id"]).body == big


def test_files_that_lie_about_themselves():
    admin = client(server.token)
    before = blobs(server)[0]
    cases = [
        ("report.pdf", "application/pdf", PNG, "PNG"),          # the name lies
        ("photo.png", "image/png", b"just some words\n", "text"),  # text called an image
        ("report.pdf", "image/png", make_pdf("x"), "PDF"),       # the declared type lies
        ("notes.txt", None, b"PK\x03\x04" + b"\x00" * 40, "ZIP"),  # an archive called text
        ("virus.exe", None, b"MZ\x90\x00" + b"\x00" * 60, None),   # a kind not taken
        ("tool.exe", None, b"plain words\n", ".exe"),             # a name not taken
    ]
    for name, ctype, content, word in cases:
        r = upload_api(admin, [("platform", P[UER]), ("title", "liar")],
                       [("file", name, ctype, content)], status=None)
        err = error(r, 400, "file", name)
        if word:
            assert word in err["message"], (name, err["message"])
    assert blobs(server)[0] == before and blobs(server)[1] == [], "a lying file was kept"
    # A name without an extension takes the content's; the content decides the type.
    doc = upload_api(admin, [("platform", P[UER]), ("title", "no extension")],
                     [("file", "scan", "application/octet-stream", PNG)])
    assert doc["file"]["name"] == "scan.png" and doc["file"]["media_type"] == "image/png"
    doc = upload_api(admin, [("platform", P[UER]), ("title", "curl's default")],
                     [("file", "p.pdf", "application/octet-stream", make_pdf("ok"))])
    assert doc["file"]["media_type"] == "application/pdf"


def test_file_names_with_paths_and_control_characters():
    admin = client(server.token)
    cases = [
        (b"../../etc/passwd.txt", "passwd.txt"),
        (b"..\\..\\windows\\win.ini.txt", "win.ini.txt"),
        (b"re\x01po\x7frt\x1b.txt", "report.txt"),
        (b"..", "document.txt"),
        (b"   .hidden.txt  ", "hidden.txt"),
        ("café \u2028 notes\u202egpj.txt".encode(), "café  notesgpj.txt"),
        (b"bad \xff\xfe utf8.txt", "bad  utf8.txt"),
        (("a" * 300 + ".txt").encode(), "a" * 196 + ".txt"),
    ]
    for raw_name, safe in cases:
        doc = upload_api(admin, [("platform", P[UER]), ("title", "names")],
                         [("file", raw_name, "text/plain", b"some words")])
        assert doc["file"]["name"] == safe, (raw_name, doc["file"]["name"])
        r = admin.get(API + "/documents/%s/file" % doc["id"])
        disposition = r.header("Content-Disposition")
        assert disposition.startswith('attachment; filename="'), disposition
        assert all(32 <= ord(ch) < 127 for ch in disposition), disposition
        assert "/" not in disposition.split(";")[1] and ".." not in disposition.split(";")[1]
    # Nothing was written outside the files directory.
    for name in os.listdir(server.data_dir):
        assert name in ("alliance.db", "alliance.db-wal", "alliance.db-shm", "files"), name
    kept, temporary = blobs(server)
    assert temporary == []
    for path in kept:
        rel = os.path.relpath(path, files_dir(server))
        assert re.fullmatch(r"[0-9a-f]{2}/[0-9a-f]{62}", rel), rel


def test_interrupted_uploads_leave_nothing():
    admin = client(server.token)
    before_docs, (before_blobs, _) = document_count(), blobs(server)
    ctype, body = multipart([("platform", P[UER]), ("title", "cut short")],
                            [("file", "cut.pdf", "application/pdf",
                              make_pdf("interrupted " + "z" * 200000))])
    head = ("POST %s/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n"
            % (API, server.token, ctype, len(body))).encode()
    # The form cut short inside a whole HTTP body (no closing boundary).
    cut = body[:len(body) - 60]
    r = admin.request("POST", API + "/documents", body=cut, headers={"Content-Type": ctype})
    err = error(r, 400, None)
    assert "incomplete" in err["message"], err
    # A boundary that is not one: 400.
    for bad in ("multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=a{b}", "multipart/form-data; boundary=" + "b" * 71):
        r = admin.request("POST", API + "/documents", body=body, headers={"Content-Type": bad})
        assert r.status == 400, (bad, r.status)
    # The connection dropped halfway, more times than there are upload slots.
    for _ in range(6):
        raw(server.port, head + body[:len(body) // 2], close_early=True)
    # The slots come back as the server sees the connections go.
    deadline = time.time() + 10
    while True:
        ctype2, probe = multipart([("platform", "none")], [("file", "p.txt", None, b"probe")])
        r = admin.request("POST", API + "/documents", body=probe,
                          headers={"Content-Type": ctype2})
        if r.status != 503 or time.time() > deadline:
            break
        time.sleep(0.1)
    assert r.status == 400, (r.status, r.body[:200])  # no such platform: but read and judged
    assert document_count() == before_docs
    kept, temporary = blobs(server)
    assert kept == before_blobs and temporary == [], (kept, temporary)
    for i in range(5):
        upload_api(admin, [("platform", P[UER]), ("title", "after %d" % i)],
                   [("file", "after.txt", None, b"after the cut %d" % i)])


def test_the_same_file_twice_is_kept_once():
    admin = client(server.token)
    content = make_pdf("Twice the same zqtwice")
    first = upload_api(admin, [("platform", P[UER]), ("title", "Once zq")],
                       [("file", "once.pdf", "application/pdf", content)])
    second = upload_api(admin, [("platform", P[NAVRONGO]), ("title", "Twice zq")],
                        [("file", "twice.pdf", "application/pdf", content)])
    assert first["id"] != second["id"]
    assert first["file"]["sha256"] == second["file"]["sha256"]
    assert (first["file"]["name"], second["file"]["name"]) == ("once.pdf", "twice.pdf")
    sha = first["file"]["sha256"]
    assert server.sql("SELECT count(*) FROM file WHERE sha256 = ?", (sha,))[0][0] in (1, "1")
    path = os.path.join(files_dir(server), sha[:2], sha[2:])
    assert os.path.exists(path) and open(path, "rb").read() == content
    assert sum(1 for p in blobs(server)[0] if p.endswith(sha[2:])) == 1
    for doc in (first, second):
        r = admin.get(API + "/documents/%s/file" % doc["id"])
        assert r.body == content and doc["file"]["name"] in r.header("Content-Disposition")
    # Deleting one keeps the file for the other.
    assert admin.delete(API + "/documents/" + first["id"]).status == 204
    assert admin.get(API + "/documents/%s/file" % second["id"]).body == content


def test_text_of_pdf_html_and_text_is_searched():
    admin = client(server.token)
    pdf = upload_api(admin, [("platform", P[UER]), ("title", "Siting report"),
                             ("status", "published"), ("visibility", "public")],
                     [("file", "siting.pdf", "application/pdf",
                       make_pdf("Borehole siting quetzalcoatl"))])
    html = upload_api(admin, [("platform", P[UER]), ("title", "A web page"),
                              ("status", "published"), ("visibility", "public")],
                      [("file", "page.html", "text/html",
                        b"<!doctype html><html><head><title>t</title><style>p{zqcss:1}</style>"
                        b"<script>var zqscript='hidden';</script></head><body><p>Visible "
                        b"zymurgy &amp; ca&#231;a words</p><!-- zqcomment --></body></html>")])
    text = upload_api(admin, [("platform", P[UER]), ("title", "Notes"),
                              ("status", "published"), ("visibility", "public")],
                      [("file", "notes.txt", None, "Accents: Ouagadougou façade\n".encode())])
    assert html["file"]["media_type"] == "text/html"
    assert text["file"]["media_type"] == "text/plain"

    def found(word):
        items = ok(admin.get(API + "/search?q=%s&kind=document" % quote(word)))["items"]
        return {h["id"] for h in items}

    assert pdf["id"] in found("quetzalcoatl")
    assert html["id"] in found("zymurgy") and html["id"] in found("caca")
    for hidden in ("zqscript", "zqcss", "zqcomment"):
        assert html["id"] not in found(hidden), hidden
    assert text["id"] in found("facade")
    # The search page links to the document's page.
    page = client().get("/search?q=quetzalcoatl").text
    assert 'href="/documents/%s"' % pdf["id"] in page, page[:2000]


def test_slow_pdftotext_and_uploads_over_the_cap():
    """--uploads 1 and a pdftotext that never ends (ALLIANCE_PDFTOTEXT): the
    upload under way holds the only slot until pdftotext is stopped at its
    time limit (ALLIANCE_TEXT_SECONDS=2); another upload meanwhile is 503."""
    slow = tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False)
    slow.write("#!/bin/sh\nexec sleep 30\n")
    slow.close()
    os.chmod(slow.name, stat.S_IRWXU)
    saved = dict(os.environ)
    os.environ.update(ALLIANCE_PDFTOTEXT=slow.name, ALLIANCE_TEXT_SECONDS="2")
    s = with_files(Server(args=["--uploads", "1"]))
    try:
        s.start()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    try:
        alliance = s.post_json(API + "/alliances", {"slug": "zq-slow", "name": "Zq slow",
                                                    "levels": ["National"]}).json()
        platform = s.post_json(API + "/platforms", {"alliance": alliance["slug"],
                                                    "name": "Zq slow platform"}).json()["id"]
        results = {}

        def first():
            started = time.time()
            ctype, body = multipart([("platform", platform), ("title", "Slow PDF")],
                                    [("file", "slow.pdf", "application/pdf", make_pdf("slow"))])
            r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
            results["first"] = (r, time.time() - started)

        t = threading.Thread(target=first)
        t.start()
        time.sleep(0.8)
        ctype, body = multipart([("platform", platform), ("title", "Meanwhile")],
                                [("file", "b.txt", None, b"meanwhile")])
        r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
        assert r.status == 503 and r.header("Retry-After"), (r.status, r.body[:200])
        assert r.json()["error"]["message"]
        t.join(30)
        r, took = results["first"]
        assert r.status == 201, (r.status, r.body[:300])
        assert 1.5 < took < 10, "pdftotext was not stopped at its time limit: %.1fs" % took
        # The slot is back; the document is kept, with no text.
        ctype, body = multipart([("platform", platform), ("title", "Afterwards")],
                                [("file", "c.txt", None, b"afterwards zqafter")])
        r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
        assert r.status == 201, (r.status, r.body[:200])
        assert "ran out of time" in "".join(s.log)
    finally:
        s.stop()
        s.cleanup()
        os.unlink(slow.name)


def test_files_directory_default_and_postgresql():
    """SQLite keeps files in DATA_DIR/files by default; with --db there is no
    default: uploads answer 503 (links still work) until --files is given."""
    s = Server()
    s.start()
    try:
        alliance = s.post_json(API + "/alliances", {"slug": "zq-dir", "name": "Zq dir",
                                                    "levels": ["National"]}).json()
        platform = s.post_json(API + "/platforms", {"alliance": alliance["slug"],
                                                    "name": "Zq dir platform"}).json()["id"]
        ctype, body = multipart([("platform", platform), ("title", "where")],
                                [("file", "w.txt", None, b"where do I go")])
        r = s.request("POST", API + "/documents", body=body, headers={"Content-Type": ctype})
        link = s.post_json(API + "/documents", {"platform": platform, "title": "a link",
                                                "url": "https://example.org/l"})
        assert link.status == 201
        if harness.PG_DIR:
            err = error(r, 503, "file")
            assert "--files" in err["message"], err
            assert not os.path.exists(files_dir(s))
        else:
            assert r.status == 201, r.status
            sha = r.json()["file"]["sha256"]
            assert os.path.exists(os.path.join(files_dir(s), sha[:2], sha[2:]))
    finally:
        s.stop()
        s.cleanup()


def test_export_and_import_carry_documents():
    done = server.run_cli("export", os.path.join(server.data_dir, "export.jsonl"))
    assert done.returncode == 0, done.stderr
    with open(os.path.join(server.data_dir, "export.jsonl"), encoding="utf-8") as f:
        kinds = {re.search(r'"record":"(\w+)"', line).group(1) for line in f
                 if '"record"' in line}
    assert {"file", "document"} <= kinds, kinds
    target = Server(admin=False)
    try:
        done = target.run_cli("import", os.path.join(server.data_dir, "export.jsonl"))
        assert done.returncode == 0, done.stderr
        # The index was made again: a PDF's text is found in the copy.
        rows = target.sql("SELECT count(*) FROM search_item WHERE kind = 'document'")
        assert int(rows[0][0]) == document_count(), rows
        assert target.sql("SELECT count(*) FROM file")[0][0] == \
            server.sql("SELECT count(*) FROM file")[0][0]
    finally:
        target.cleanup()


def test_demo_library_holds_uploaded_text_that_search_finds():
    """The demo's three text files are uploads like any other: kept under
    their hash, served with their type, and their words found by search, for
    those who may read them only."""
    data = tempfile.mkdtemp(prefix="alliance-demo-files-")
    files = os.path.join(data, "files")
    s = Server(data_dir=data, admin_email=harness.DEMO_ADMIN, args=["--files", files])
    done = s.run_cli("demo", "--files", files)
    assert done.returncode == 0, done.stderr
    assert "11 documents" in done.stdout, done.stdout
    kept = [n for _, _, names in os.walk(files) for n in names]
    assert len(kept) == 3, kept
    with s:
        # "dépotage" is only in the text of the Kaya report; typed without accent.
        for word, title in (("depotage", "Compte rendu de l'atelier communal"),
                            ("O-rings", "Monthly handpump inspection checklist")):
            items = s.get(API + "/search?q=" + quote(word)).json()["items"]
            assert [it["title"][:len(title)] for it in items] == [title], (word, items)
        checklist = s.get(API + "/search?q=rattle").json()["items"][0]
        doc = s.get(API + "/documents/" + checklist["id"]).json()
        got = s.get(API + "/documents/%s/file" % checklist["id"], auth=False)
        assert got.status == 200 and got.header("Content-Type").startswith("text/plain")
        assert b"MONTHLY HANDPUMP INSPECTION CHECKLIST" in got.body, doc
        # The terms of reference are for the alliance's members: not signed out.
        assert s.get(API + "/search?q=rotating", auth=False).json()["items"] == []
        assert len(s.get(API + "/search?q=rotating").json()["items"]) == 1


def main():
    global server
    server = with_files(Server(demo=True))
    server.start()
    code = None
    try:
        for p in server.get(API + "/platforms?limit=200").json()["items"]:
            P[p["name"]] = p["id"]
        assert UER in P and NAVRONGO in P, sorted(P)
        run([test_upload_through_the_page_then_edit_and_delete,
             test_page_form_problems_keep_what_was_typed,
             test_api_links_and_uploads,
             test_api_upload_signed_in_by_cookie_needs_the_form_token,
             test_download_headers_ranges_and_etag,
             test_visibility_of_documents_and_their_files,
             test_oversized_bodies_are_413_before_they_are_read,
             test_large_upload_on_the_upload_route_only,
             test_files_that_lie_about_themselves,
             test_file_names_with_paths_and_control_characters,
             test_interrupted_uploads_leave_nothing,
             test_the_same_file_twice_is_kept_once,
             test_text_of_pdf_html_and_text_is_searched,
             test_slow_pdftotext_and_uploads_over_the_cap,
             test_files_directory_default_and_postgresql,
             test_export_and_import_carry_documents,
             test_demo_library_holds_uploaded_text_that_search_finds])
    finally:
        code = server.stop()
        server.cleanup()
    assert code == 0, "server exited with %r" % code


if __name__ == "__main__":
    main()
