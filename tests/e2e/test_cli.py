#!/usr/bin/env python3
"""End-to-end tests of the command line (DESIGN.md §5 Interfaces: "--help on
every command"; exit codes: 0 done, 1 could not do its work, 2 the command
line is wrong)."""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import run  # noqa: E402

COMMANDS = ["serve", "init", "demo", "version"]


def alliance(*args, env=None, cwd=None, timeout=60):
    full_env = dict(os.environ)
    full_env.pop("ALLIANCE_DATA", None)
    full_env.update(env or {})
    return subprocess.run([harness.BINARY, *args], capture_output=True, text=True, timeout=timeout,
                          env=full_env, cwd=cwd or tempfile.gettempdir())


def project_version():
    with open(os.path.join(harness.ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\(alliance VERSION ([0-9.]+)", f.read()).group(1)


class TempDir:
    def __enter__(self):
        self.path = tempfile.mkdtemp(prefix="alliance-cli-")
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)


def test_help_exits_0_with_usage():
    """§5: `alliance --help` prints the usage and every command, exit 0."""
    for flag in ("--help", "-h", "help"):
        done = alliance(flag)
        assert done.returncode == 0, (flag, done.returncode, done.stderr)
        assert done.stdout.startswith("Usage: alliance"), (flag, done.stdout[:200])
        for cmd in COMMANDS:
            assert re.search(r"^\s+%s\s+\S" % cmd, done.stdout, re.M), \
                "%s does not list %s" % (flag, cmd)


def test_every_command_has_help():
    """§5: `alliance COMMAND --help` (and -h) prints that command's usage,
    exit 0, and does nothing else (no data directory is created)."""
    with TempDir() as tmp:
        for cmd in COMMANDS:
            for flag in ("--help", "-h"):
                done = alliance(cmd, flag, cwd=tmp)
                assert done.returncode == 0, (cmd, flag, done.returncode, done.stderr)
                assert done.stdout.startswith("Usage: alliance %s" % cmd), \
                    (cmd, flag, done.stdout[:200])
                assert done.stderr == "", (cmd, flag, done.stderr)
            # --help wins wherever it is, even after other options.
            done = alliance(cmd, "--data", os.path.join(tmp, "d"), "--help", cwd=tmp)
            assert done.returncode == 0 and done.stdout.startswith("Usage: alliance " + cmd), \
                (cmd, done.returncode, done.stdout[:200], done.stderr)
        assert os.listdir(tmp) == [], "--help created %s" % os.listdir(tmp)


def test_no_command_and_unknown_command_exit_2():
    """A wrong command line exits 2 with the usage on stderr."""
    done = alliance()
    assert done.returncode == 2, done.returncode
    assert "Usage: alliance" in done.stderr and done.stdout == ""
    for bad in ("frobnicate", "SERVE", "--frob", "-x", ""):
        done = alliance(bad)
        assert done.returncode == 2, (bad, done.returncode)
        assert "Usage: alliance" in done.stderr, (bad, done.stderr[:300])
    done = alliance("frobnicate")
    assert "frobnicate" in done.stderr, done.stderr[:300]


def test_unknown_option_exits_2():
    """An unknown option exits 2 and names it, for every command — and does
    no work (no data directory appears)."""
    with TempDir() as tmp:
        data = os.path.join(tmp, "data")
        for cmd in COMMANDS:
            for bad in ("--frobnicate", "-z", "extra-argument"):
                args = [cmd, bad, "--data", data]
                done = alliance(*args, cwd=tmp, timeout=20)
                assert done.returncode == 2, "alliance %s answered %d: %s%s" % (
                    " ".join(args), done.returncode, done.stdout[:200], done.stderr[:200])
                assert bad in done.stderr, (args, done.stderr[:300])
        assert not os.path.exists(data), "a command with a bad option created the data directory"


def test_bad_option_values_exit_2():
    """Options that need a value, given none or a bad one, exit 2."""
    with TempDir() as tmp:
        for args in (["init", "--data"], ["demo", "--data"], ["serve", "--data"],
                     ["serve", "--listen"], ["serve", "--threads", "0"],
                     ["serve", "--threads", "many"], ["serve", "--body-limit", "-1"],
                     ["serve", "--timeout", "0"]):
            done = alliance(*args, cwd=tmp, timeout=20)
            assert done.returncode == 2, "alliance %s answered %d: %s" % (
                " ".join(args), done.returncode, done.stderr[:300])
            assert done.stderr.strip(), args


def test_init_twice_is_fine():
    """`alliance init` creates the data directory and database; a second run
    is fine and keeps the data."""
    with TempDir() as tmp:
        data = os.path.join(tmp, "data")
        first = alliance("init", "--data", data)
        assert first.returncode == 0, first.stderr
        assert os.path.exists(os.path.join(data, "alliance.db"))
        assert data in first.stdout
        demo = alliance("demo", "--data", data)
        assert demo.returncode == 0, demo.stderr
        second = alliance("init", "--data=" + data)
        assert second.returncode == 0, second.stderr
        again = alliance("demo", "--data", data)
        assert again.returncode == 0 and "already" in again.stdout, again.stdout
        # ALLIANCE_DATA is the default for --data.
        env_dir = os.path.join(tmp, "from-env")
        done = alliance("init", env={"ALLIANCE_DATA": env_dir})
        assert done.returncode == 0 and os.path.exists(os.path.join(env_dir, "alliance.db")), \
            done.stderr


def test_demo_twice_says_already_there():
    """`alliance demo` loads the demo; a second run says it is already there
    and exits 0 without loading it twice."""
    with TempDir() as tmp:
        data = os.path.join(tmp, "data")
        first = alliance("demo", "--data", data)
        assert first.returncode == 0, first.stderr
        assert re.search(r"2 alliances, 22 platforms, 67 organisations, 156 people, "
                         r"252 memberships, 44 lessons, 18 journal entries", first.stdout), \
            first.stdout
        second = alliance("demo", "--data", data)
        assert second.returncode == 0, second.stderr
        assert "already" in second.stdout, second.stdout
        with harness.Server(data_dir=data, admin_email=harness.DEMO_ADMIN) as s:
            assert s.get("/api/v1/people?limit=1").json()["total"] == 157
            assert s.get("/api/v1/alliances?limit=1").json()["total"] == 2


def test_version_prints_the_version():
    """`alliance version` (and --version) prints the program's version."""
    version = project_version()
    for args in (["version"], ["--version"]):
        done = alliance(*args)
        assert done.returncode == 0, (args, done.stderr)
        assert re.match(r"alliance %s\b" % re.escape(version), done.stdout), \
            (args, done.stdout, version)


def test_data_that_cannot_be_created_fails_with_1():
    """A --data path that cannot be created: exit 1 and a message naming it."""
    with TempDir() as tmp:
        blocker = os.path.join(tmp, "a-file")
        with open(blocker, "w") as f:
            f.write("not a directory\n")
        for path in (os.path.join(blocker, "data"), "/proc/alliance-cannot-be-here"):
            for cmd in (["init"], ["demo"], ["serve", "--listen", "127.0.0.1:0"]):
                done = alliance(*cmd, "--data", path, timeout=20)
                assert done.returncode == 1, "alliance %s --data %s answered %d: %s" % (
                    " ".join(cmd), path, done.returncode, done.stderr[:300])
                assert path in done.stderr, (cmd, path, done.stderr[:300])
                assert "Traceback" not in done.stderr and "Sanitizer" not in done.stderr
        # A data directory that is a file is refused too.
        done = alliance("init", "--data", blocker)
        assert done.returncode == 1, (done.returncode, done.stderr)
        assert done.stderr.strip()


def test_serve_refuses_a_port_in_use():
    """`alliance serve` on an address already taken exits 1 with a message."""
    import socket
    with TempDir() as tmp:
        taken = socket.socket()
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        try:
            done = alliance("serve", "--data", os.path.join(tmp, "d"), "--listen",
                            "127.0.0.1:%d" % port, "--threads", "1", timeout=20)
        finally:
            taken.close()
        assert done.returncode == 1, (done.returncode, done.stderr[:300])
        assert str(port) in done.stderr, done.stderr[:300]


def main():
    run([test_help_exits_0_with_usage, test_every_command_has_help,
         test_no_command_and_unknown_command_exit_2, test_unknown_option_exits_2,
         test_bad_option_values_exit_2, test_init_twice_is_fine,
         test_demo_twice_says_already_there, test_version_prints_the_version,
         test_data_that_cannot_be_created_fails_with_1, test_serve_refuses_a_port_in_use])


if __name__ == "__main__":
    main()
