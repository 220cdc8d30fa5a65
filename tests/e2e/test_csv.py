"""CSV export and import (issue 10, "National scale"): organisations, people and
memberships to and from spreadsheets with `alliance csv`, and the "Download
CSV" of the list pages, which holds only what the reader may see."""
import csv
import io
import os
import subprocess
import tempfile

import harness
from harness import BINARY, Server, db_args, drop_db, run

BOM = b"\xef\xbb\xbf"


def alliance_csv(data_dir, *args, stdin=None):
    """Runs `alliance csv ARGS` on the data of data_dir (either engine)."""
    return subprocess.run([BINARY, "csv", *args, "--data", data_dir, *db_args(data_dir)],
                          input=stdin, capture_output=True, text=True, timeout=120)


def export(data_dir, kind, path, *options):
    done = alliance_csv(data_dir, "export", kind, *options, path)
    assert done.returncode == 0, done.stderr
    with open(path, "rb") as f:
        return f.read()


def rows(data):
    """The rows of a CSV file as dicts (the byte order mark taken off)."""
    assert data.startswith(BOM)
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))


def plain(value):
    """A cell as the import reads it: the apostrophe that guards a formula off."""
    return value[1:] if value[:1] == "'" and value.lstrip("'")[:1] in ("=", "+", "-", "@",
                                                                       "\t", "\r") else value


def without_ids(records, drop=("id",)):
    return sorted(tuple((k, plain(v)) for k, v in r.items() if k not in drop) for r in records)


def test_export_then_import_into_an_empty_installation_gives_the_same_records():
    """The demo's organisations and people, with a formula, quotes, commas and
    line ends in their cells, exported and imported into an empty
    installation, export again to the same records; a second import of the
    same files skips every row."""
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        odd = s.post_json("/api/v1/organisations", {
            "name": "=SUM(A1:A3)", "kind": "ngo",
            "description": 'Says "hello", twice,\r\nover two lines', "website": ""})
        assert odd.status == 201, odd.text
        person = s.post_json("/api/v1/people", {
            "name": '+Plus, "Quoted" Person', "email": "plus.person@example.org",
            "organisation": odd.json()["id"], "gender": "female",
            "marginalised_group": "-youth, @rural"})
        assert person.status == 201, person.text
        organisations = export(s.data_dir, "organisations", os.path.join(tmp, "o.csv"))
        people = export(s.data_dir, "people", os.path.join(tmp, "p.csv"))
        # The file is UTF-8 with a byte order mark, rows end in CRLF, and the
        # formula reaches the spreadsheet as text.
        assert organisations.startswith(BOM + b"id,name,kind,description,website\r\n")
        assert b",'=SUM(A1:A3),ngo," in organisations
        assert b'"Says ""hello"", twice,\r\nover two lines"' in organisations
        assert b'"\'+Plus, ""Quoted"" Person"' in people
        assert b"\"'-youth, @rural\"" in people
        total = s.get("/api/v1/people?limit=1").json()["total"]
        assert len(rows(people)) == total

        copy = os.path.join(tmp, "copy")
        try:
            done = alliance_csv(copy, "import", "organisations", os.path.join(tmp, "o.csv"))
            assert done.returncode == 0, done.stderr
            assert "Created %d organisations" % len(rows(organisations)) in done.stdout
            done = alliance_csv(copy, "import", "people", os.path.join(tmp, "p.csv"))
            assert done.returncode == 0, done.stderr
            again_o = export(copy, "organisations", os.path.join(tmp, "o2.csv"))
            again_p = export(copy, "people", os.path.join(tmp, "p2.csv"))
            assert without_ids(rows(again_o)) == without_ids(rows(organisations))
            assert without_ids(rows(again_p)) == without_ids(rows(people))
            # The records got ids of their own.
            assert not set(r["id"] for r in rows(again_p)) & set(r["id"] for r in rows(people))
            # Imported again: every row is there already.
            done = alliance_csv(copy, "import", "people", os.path.join(tmp, "p.csv"))
            assert done.returncode == 0, done.stderr
            assert "Created 0 people; %d rows skipped" % total in done.stdout, done.stdout
            assert export(copy, "people", os.path.join(tmp, "p3.csv")) == again_p
        finally:
            drop_db(copy)


def test_memberships_round_trip_and_select_by_alliance():
    """Memberships deleted after an export come back when it is imported; the
    others are skipped; a person may be named by email; --alliance keeps one
    alliance's memberships."""
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "m.csv")
        before = rows(export(s.data_dir, "memberships", path))
        assert len(before) == s.get("/api/v1/memberships?limit=1").json()["total"]
        assert any(r["organisation"] for r in before) and any(r["person"] for r in before)
        assert any(" " in r["capabilities"] for r in before)
        gone = [r for r in before if r["person"]][:2] + [r for r in before if r["organisation"]][:1]
        for r in gone:
            assert s.delete("/api/v1/memberships/" + r["id"]).status == 204
        done = alliance_csv(s.data_dir, "import", "memberships", path)
        assert done.returncode == 0, done.stderr
        assert "Created 3 memberships; %d rows skipped" % (len(before) - 3) in done.stdout, \
            done.stdout
        after = rows(export(s.data_dir, "memberships", path))
        assert without_ids(after) == without_ids(before)

        # A person by email, into a platform they are not on.
        platform = s.get("/api/v1/platforms?limit=1").json()["items"][0]["id"]
        s.post_json("/api/v1/people", {"name": "New Member", "email": "new.member@example.org"})
        sheet = "platform,person,role,capabilities\r\n%s,New.Member@example.org,observer," \
                "research policy\r\n" % platform
        done = alliance_csv(s.data_dir, "import", "memberships", "-", stdin=sheet)
        assert done.returncode == 0, done.stderr
        mine = [r for r in rows(export(s.data_dir, "memberships", path))
                if r["member_name"] == "New Member"]
        assert len(mine) == 1 and mine[0]["capabilities"] == "policy research"

        burkina = rows(export(s.data_dir, "memberships", path, "--alliance", "burkina-eau"))
        ids = {p["id"] for p in s.get("/api/v1/platforms?alliance=burkina-eau&limit=200")
               .json()["items"]}
        assert burkina and all(r["platform"] in ids for r in burkina)
        assert len(burkina) < len(after)
        done = alliance_csv(s.data_dir, "export", "people", "--alliance", "burkina-eau", path)
        assert done.returncode == 2


def test_a_bad_file_reports_every_line_and_imports_nothing():
    """Every problem of the file is listed with its line (and column), not only
    the first, and nothing is imported: not even the good rows."""
    with Server(demo=True) as s, tempfile.TemporaryDirectory() as tmp:
        count = s.get("/api/v1/people?limit=1").json()["total"]
        path = os.path.join(tmp, "bad.csv")
        with open(path, "wb") as f:
            f.write(BOM + b"name,email,organisation\r\n"                    # 1
                    b"Good One,good.one@example.org,\r\n"                 # 2
                    b"Bad Email,not-an-email,\r\n"                         # 3
                    b"Lost,lost@example.org,No Such Organisation\r\n"      # 4
                    b"Too,few\r\n"                                         # 5
                    b"\"Bad \xff Text\",bad.text@example.org,\r\n"         # 6
                    b",noname@example.org,\r\n"                            # 7
                    b"\"Multi\nLine\",multi@example.org,\r\n"              # 8-9
                    b"Open,\"never closed,\r\n"                            # 10
                    b"Good Two,good.two@example.org,\r\n")
        done = alliance_csv(s.data_dir, "import", "people", path)
        assert done.returncode == 1, done.stdout
        err = done.stderr
        for expected in ("line 3, email:", "line 4, organisation:", "No Such Organisation",
                         "line 5:", "2 cells where the first row has 3", "line 6, name:",
                         "UTF-8", "line 7, name:", "line 10:", "never closed"):
            assert expected in err, (expected, err)
        assert "line 2" not in err and "line 8" not in err
        assert "Nothing was imported; 6 rows have problems" in err, err
        assert s.get("/api/v1/people?limit=1").json()["total"] == count
        assert s.get("/api/v1/people?q=Good+One").json()["total"] == 0

        # An unknown column stops the import at the header.
        done = alliance_csv(s.data_dir, "import", "people", "-",
                            stdin="name,email,shoe_size\r\nA,a@example.org,42\r\n")
        assert done.returncode == 1 and "line 1" in done.stderr and "shoe_size" in done.stderr
        # So does a missing column, for each kind.
        done = alliance_csv(s.data_dir, "import", "organisations", "-", stdin="name\r\nX\r\n")
        assert done.returncode == 1 and "“kind” is missing" in done.stderr, done.stderr
        done = alliance_csv(s.data_dir, "import", "organisations", "-", stdin="")
        assert done.returncode == 1 and "empty" in done.stderr
        assert s.get("/api/v1/people?limit=1").json()["total"] == count
        # The command line itself.
        assert alliance_csv(s.data_dir, "import", "things", path).returncode == 2
        assert alliance_csv(s.data_dir, "import", "people").returncode == 2
        assert alliance_csv(s.data_dir, "import", "people", "/no/such/file").returncode == 1
        for args in (["--help"], ["export", "--help"], ["import", "--help"]):
            done = subprocess.run([BINARY, "csv", *args], capture_output=True, text=True)
            assert done.returncode == 0 and "Usage: alliance csv" in done.stdout


def test_dry_run_checks_everything_and_changes_nothing():
    with Server(demo=True) as s:
        count = s.get("/api/v1/organisations?limit=1").json()["total"]
        existing = s.get("/api/v1/organisations?limit=1").json()["items"][0]["name"]
        sheet = ("name,kind,website\r\nDry One,ngo,https://dry.example.org\r\n"
                 "Dry Two,donor,\r\n\"%s\",ngo,\r\n" % existing.replace('"', '""'))
        done = alliance_csv(s.data_dir, "import", "organisations", "--dry-run", "-", stdin=sheet)
        assert done.returncode == 0, done.stderr
        assert "Would create 2 organisations; 1 row skipped" in done.stdout, done.stdout
        assert "line 4: skipped" in done.stdout
        assert s.get("/api/v1/organisations?limit=1").json()["total"] == count
        bad = sheet + "Dry Three,spaceship,\r\n"
        done = alliance_csv(s.data_dir, "import", "organisations", "--dry-run", "-", stdin=bad)
        assert done.returncode == 1
        assert "line 5, kind:" in done.stderr
        assert "Would create 2 organisations; 1 row skipped (already there); 1 row has " \
               "problems" in done.stderr, done.stderr
        assert s.get("/api/v1/organisations?limit=1").json()["total"] == count
        done = alliance_csv(s.data_dir, "import", "organisations", "-", stdin=sheet)
        assert done.returncode == 0 and "Created 2 organisations" in done.stdout
        assert s.get("/api/v1/organisations?limit=1").json()["total"] == count + 2
        # Made as the operator, on the audit trail like any other change.
        assert "Dry One" in s.get("/admin/audit").text


def reader(s, email=None):
    """A client of s with no token: signed out, or signed in as email."""
    c = Server(admin=False, data_dir=s.data_dir)
    c.port = s.port
    if email:
        assert c.sign_in(email).status == 303
    return c


def hidden_people(s):
    """Names and emails of the people whose every membership lies in the
    members-only Burkina alliance."""
    return s.sql(
        "SELECT pe.name, pe.email FROM person pe WHERE EXISTS (SELECT 1 FROM membership m "
        "JOIN platform p ON p.key = m.platform_key JOIN alliance a ON a.key = p.alliance_key "
        "WHERE m.person_key = pe.key AND a.slug = 'burkina-eau') AND NOT EXISTS (SELECT 1 "
        "FROM membership m JOIN platform p ON p.key = m.platform_key JOIN alliance a ON "
        "a.key = p.alliance_key WHERE m.person_key = pe.key AND a.slug <> 'burkina-eau')")


def test_the_web_download_holds_only_what_the_reader_may_see():
    with Server(demo=True) as s:
        burkina_member = "issaka.ouedraogo@example.gov.bf"
        done = s.run_cli("user", "add", "--email", burkina_member, "--name", "Issaka Ouédraogo",
                         "--password-stdin", stdin=harness.DEMO_PASSWORD + "\n")
        assert done.returncode == 0, done.stderr
        hidden = hidden_people(s)
        assert len(hidden) > 3 and all(email for _, email in hidden)

        anonymous = reader(s)
        page = anonymous.get("/people?q=a")
        assert '<a href="/people.csv?q=a" download>' in page.text
        got = anonymous.get("/people.csv")
        assert got.status == 200
        assert got.header("Content-Type") == "text/csv; charset=utf-8"
        assert got.header("Content-Disposition") == 'attachment; filename="people.csv"'
        assert got.body.startswith(BOM)
        people = rows(got.body)
        assert len(people) == anonymous.get("/api/v1/people?limit=1").json()["total"]
        assert people and not any(r["email"] for r in people)  # no email for a stranger
        for name, email in hidden:
            assert name not in got.text and email not in got.text

        # A member of the Ghana alliance reads the emails of Ghana's people,
        # still nothing of Burkina's.
        ghana = reader(s, harness.DEMO_MEMBER)
        got = ghana.get("/people.csv")
        assert harness.DEMO_CONVENOR in got.text
        for name, email in hidden:
            assert name not in got.text and email not in got.text

        # A member of the Burkina alliance reads its people and their emails.
        got = reader(s, burkina_member).get("/people.csv").text
        for name, email in hidden:
            assert name in got and email in got

        # The page's filters go along; the order and the page do not matter.
        kinds = rows(anonymous.get("/organisations.csv?kind=ngo&sort=name&page=2").body)
        assert kinds and all(r["kind"] == "ngo" for r in kinds)
        assert len(kinds) == anonymous.get("/api/v1/organisations?kind=ngo&limit=1") \
            .json()["total"]
        assert 'href="/organisations.csv?kind=ngo" download' in \
            anonymous.get("/organisations?kind=ngo&sort=name").text
        named = rows(anonymous.get("/people.csv?q=grace").body)
        assert named and all("grace" in r["name"].lower() for r in named)
        org = s.get("/api/v1/organisations?limit=1").json()["items"][0]
        of_org = rows(anonymous.get("/people.csv?organisation=" + org["id"]).body)
        assert all(r["organisation"] == org["name"] for r in of_org)
        assert anonymous.get("/people.csv?organisation=nope").status == 404

        # A platform's members: the link on its page, and 404 where it is hidden.
        hidden_platform = s.get("/api/v1/platforms?alliance=burkina-eau&limit=1") \
            .json()["items"][0]["id"]
        public_platform = s.get("/api/v1/platforms?alliance=ghana-wash&limit=1") \
            .json()["items"][0]["id"]
        assert ('href="/platforms/%s/members.csv"' % public_platform) in \
            anonymous.get("/platforms/" + public_platform).text
        members = anonymous.get("/platforms/%s/members.csv" % public_platform)
        assert members.status == 200
        assert members.header("Content-Disposition") == 'attachment; filename="members.csv"'
        assert all(r["platform"] == public_platform for r in rows(members.body))
        assert anonymous.get("/platforms/%s/members.csv" % hidden_platform).status == 404
        assert reader(s, burkina_member).get(
            "/platforms/%s/members.csv" % hidden_platform).status == 200


if __name__ == "__main__":
    run([test_export_then_import_into_an_empty_installation_gives_the_same_records,
         test_memberships_round_trip_and_select_by_alliance,
         test_a_bad_file_reports_every_line_and_imports_nothing,
         test_dry_run_checks_everything_and_changes_nothing,
         test_the_web_download_holds_only_what_the_reader_may_see])
