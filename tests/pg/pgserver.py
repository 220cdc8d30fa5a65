#!/usr/bin/env python3
"""A private PostgreSQL 15 server for the tests, in a directory of its own.

  pgserver.py start DIR [DB…]  initdb (once) and start the server, and create
                           (empty) the databases named; it listens only on a
                           Unix socket in DIR (no TCP port to clash with)
  pgserver.py stop DIR     stop it (and leave DIR for the next start)
  pgserver.py url DIR NAME the address of database NAME on it

Run as root (as CI does), the server runs as the unprivileged `postgres` user,
which owns DIR. The superuser of the cluster is `alliance`, trusted on the
socket. Durability settings are relaxed (fsync off): these servers hold test
data only; what the tests check is the alliance server's behaviour.
"""
import os
import pwd
import shutil
import subprocess
import sys

BIN = "/usr/lib/postgresql/15/bin"


def as_owner(cmd):
    """Runs cmd as the owner of the server (postgres when we are root)."""
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--"] + cmd
    return subprocess.run(cmd, capture_output=True, text=True)


def url(directory, name):
    return "postgresql:///%s?host=%s&user=alliance" % (name, directory)


def start(directory):
    if not os.path.exists(os.path.join(BIN, "initdb")):
        sys.exit("pgserver: PostgreSQL 15 is not installed: run tools/install-deps test")
    os.makedirs(directory, exist_ok=True)
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(directory, pw.pw_uid, pw.pw_gid)
    os.chmod(directory, 0o755)
    data = os.path.join(directory, "data")
    if not os.path.exists(os.path.join(data, "PG_VERSION")):
        done = as_owner([os.path.join(BIN, "initdb"), "-D", data, "-U", "alliance",
                         "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"])
        if done.returncode != 0:
            sys.exit("pgserver: initdb failed: " + done.stdout + done.stderr)
    stop(directory, quiet=True)
    options = ("-c listen_addresses='' -k %s -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=200" % directory)
    done = as_owner([os.path.join(BIN, "pg_ctl"), "-D", data, "-l",
                     os.path.join(directory, "log"), "-o", options, "-w", "start"])
    if done.returncode != 0:
        log = ""
        try:
            log = open(os.path.join(directory, "log")).read()[-2000:]
        except OSError:
            pass
        sys.exit("pgserver: the server did not start: " + done.stdout + done.stderr + log)


def stop(directory, quiet=False):
    data = os.path.join(directory, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        done = as_owner([os.path.join(BIN, "pg_ctl"), "-D", data, "-m", "fast", "-w", "stop"])
        if done.returncode != 0 and not quiet:
            sys.exit("pgserver: stop failed: " + done.stdout + done.stderr)


def createdb(directory, name):
    """Creates (or empties) database NAME."""
    psql = shutil.which("psql") or os.path.join(BIN, "psql")
    for sql in ("DROP DATABASE IF EXISTS %s WITH (FORCE)" % name, "CREATE DATABASE %s" % name):
        done = subprocess.run([psql, "-q", "-v", "ON_ERROR_STOP=1", url(directory, "postgres"),
                               "-c", sql], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError("pgserver: %s: %s" % (sql, done.stderr))
    return url(directory, name)


def dropdb(directory, name):
    psql = shutil.which("psql") or os.path.join(BIN, "psql")
    subprocess.run([psql, "-q", url(directory, "postgres"), "-c",
                    "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name], capture_output=True)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("start", "stop", "url", "createdb"):
        sys.exit(__doc__)
    command, directory = sys.argv[1], sys.argv[2]
    if command == "start":
        start(directory)
        for name in sys.argv[3:]:
            createdb(directory, name)
    elif command == "stop":
        stop(directory)
    elif command == "createdb":
        print(createdb(directory, sys.argv[3]))
    else:
        print(url(directory, sys.argv[3]))
