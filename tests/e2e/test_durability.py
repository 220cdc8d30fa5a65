#!/usr/bin/env python3
"""End-to-end tests of durability and shutdown (DESIGN.md §6: "A write that
returned success survives kill -9 of the server"; §4 Storage).

One server at a time runs on a data directory; each test starts it again on
the same directory to see what survived.
"""
import os
import shutil
import signal
import socket
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Server, run  # noqa: E402

API = "/api/v1"


def fresh_dir():
    return tempfile.mkdtemp(prefix="alliance-durability-")


def created(server, noun, doc):
    resp = server.post_json("%s/%s" % (API, noun), doc)
    assert resp.status == 201, (noun, resp.status, resp.text[:300])
    return resp.json()


def test_write_survives_kill_9():
    """§6: every write that answered success (201, 200, 204, and a form's
    303) is there after kill -9 right after the answer."""
    data = fresh_dir()
    try:
        s = Server(data_dir=data).start()
        al = created(s, "alliances", {"name": "Durable alliance", "slug": "durable",
                                      "levels": ["National", "District"]})
        top = created(s, "platforms", {"alliance": "durable", "name": "Durable national"})
        low = created(s, "platforms", {"alliance": "durable", "parent": top["id"],
                                       "name": "Durable district"})
        org = created(s, "organisations", {"name": "Durable org", "kind": "ngo"})
        gone = created(s, "organisations", {"name": "Deleted before the kill", "kind": "ngo"})
        pe = created(s, "people", {"name": "Durable person", "email": "durable@example.org",
                                   "organisation": org["id"]})
        m = created(s, "memberships", {"platform": top["id"], "person": pe["id"],
                                       "role": "convenor", "capabilities": ["policy"]})
        other = created(s, "platforms", {"alliance": "durable", "name": "Durable peer"})
        link = created(s, "platform-links", {"platform": top["id"], "peer": other["id"],
                                             "note": "durable link"})
        resp = s.patch_json("%s/people/%s" % (API, pe["id"]), {"name": "Durable person, edited"})
        assert resp.status == 200, resp.text
        resp = s.delete("%s/organisations/%s" % (API, gone["id"]))
        assert resp.status == 204, resp.status
        resp = s.post_form("/organisations/new", {"name": "Durable form org", "kind": "donor"})
        assert resp.status == 303, resp.status
        form_org = resp.header("Location")
        # The last write, then kill -9 at once.
        last = created(s, "organisations", {"name": "Written last", "kind": "academic"})
        assert s.kill9() == -signal.SIGKILL

        s = Server(data_dir=data).start()
        try:
            for noun, rec in [("alliances", al), ("platforms", top), ("platforms", low),
                              ("platforms", other), ("organisations", org), ("people", pe),
                              ("memberships", m), ("platform-links", link),
                              ("organisations", last)]:
                resp = s.get("%s/%s/%s" % (API, noun, rec["id"]))
                assert resp.status == 200, "%s %s lost after kill -9" % (noun, rec["id"])
            assert s.get("%s/people/%s" % (API, pe["id"])).json()["name"] == \
                "Durable person, edited", "a PATCH was lost after kill -9"
            assert s.get("%s/organisations/%s" % (API, gone["id"])).status == 404, \
                "a DELETE was undone by kill -9"
            assert s.get("%s/memberships/%s" % (API, m["id"])).json()["capabilities"] == ["policy"]
            assert s.get("%s/platforms/%s" % (API, low["id"])).json()["parent"] == top["id"]
            # And through the pages.
            page = s.get("/organisations/" + last["id"])
            assert page.status == 200 and "Written last" in page.text
            page = s.get(form_org)
            assert page.status == 200 and "Durable form org" in page.text
            page = s.get("/platforms/" + top["id"])
            assert page.status == 200 and "Durable person, edited" in page.text
        finally:
            assert s.stop() == 0
    finally:
        shutil.rmtree(data, ignore_errors=True)


def test_many_writes_survive_kill_9():
    """§6: a burst of acknowledged writes, killed mid-stream: every one that
    answered 201 is there, and the database opens cleanly."""
    data = fresh_dir()
    try:
        s = Server(data_dir=data).start()
        ids = [created(s, "people", {"name": "Burst person %d" % i,
                                     "email": "burst%d@example.org" % i})["id"]
               for i in range(60)]
        s.kill9()
        s = Server(data_dir=data).start()
        try:
            listed = s.get("%s/people?limit=200&q=Burst+person" % API).json()
            assert listed["total"] == 60, listed["total"]
            assert sorted(p["id"] for p in listed["items"]) == sorted(ids)
            # Writes still work after recovery.
            created(s, "people", {"name": "After recovery"})
        finally:
            assert s.stop() == 0
    finally:
        shutil.rmtree(data, ignore_errors=True)


def test_data_survives_clean_restart():
    """Data survives a clean stop (SIGTERM) and start, demo included."""
    s = Server(demo=True).start()
    try:
        org = created(s, "organisations", {"name": "Restart org", "kind": "private"})
        before = {n: s.get("%s/%s?limit=1" % (API, n)).json()["total"]
                  for n in ("alliances", "platforms", "organisations", "people", "memberships")}
        home = s.get("/").text
        assert s.stop() == 0
        s.start()
        after = {n: s.get("%s/%s?limit=1" % (API, n)).json()["total"]
                 for n in ("alliances", "platforms", "organisations", "people", "memberships")}
        assert before == after, (before, after)
        assert s.get("%s/organisations/%s" % (API, org["id"])).json()["name"] == "Restart org"
        assert s.get("/").text == home
        assert s.get("/organisations/" + org["id"]).status == 200
    finally:
        code = s.stop()
        s.cleanup()
    assert code == 0, code


def timed_stop(s, sig):
    start = time.time()
    code = s.stop(sig)
    return code, time.time() - start


def test_sigterm_exits_0_promptly():
    """SIGTERM (and SIGINT, Ctrl-C) stop the server with exit 0 within a few
    seconds — also while a client holds an idle connection, or is half-way
    through sending a request."""
    data = fresh_dir()
    try:
        s = Server(data_dir=data).start()
        assert s.get("/").status == 200
        code, took = timed_stop(s, signal.SIGTERM)
        assert code == 0 and took < 5, (code, took)

        s.start()
        code, took = timed_stop(s, signal.SIGINT)
        assert code == 0 and took < 5, ("SIGINT", code, took)

        s.start()
        idle = socket.create_connection(("127.0.0.1", s.port))
        half = socket.create_connection(("127.0.0.1", s.port))
        half.sendall(b"POST /api/v1/organisations HTTP/1.1\r\nHost: x\r\n"
                     b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"na")
        keep = socket.create_connection(("127.0.0.1", s.port))
        keep.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert keep.recv(100).startswith(b"HTTP/1.1 200")
        time.sleep(0.2)
        try:
            code, took = timed_stop(s, signal.SIGTERM)
        finally:
            for c in (idle, half, keep):
                c.close()
        assert code == 0, "exit %r with open connections" % code
        assert took < 5, "took %.1fs to stop with open connections" % took
        # Nothing half-sent was saved.
        s.start()
        try:
            assert s.get("%s/organisations?limit=1" % API).json()["total"] == 0
        finally:
            assert s.stop() == 0
    finally:
        shutil.rmtree(data, ignore_errors=True)


def main():
    run([test_write_survives_kill_9, test_many_writes_survive_kill_9,
         test_data_survives_clean_restart, test_sigterm_exits_0_promptly])


if __name__ == "__main__":
    main()
