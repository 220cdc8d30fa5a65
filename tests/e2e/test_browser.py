#!/usr/bin/env python3
"""Browser test: starts the real server with the demo loaded, then runs
tests/e2e/browser.mjs, which drives Debian's Chromium through playwright-core
(sign in as the demo convenor, edit a platform, read the audit trail, sign
out, keyboard access to the sign-in page; no console errors or failed
requests). See browser.mjs for the steps.

Needs /usr/bin/chromium and node_modules/playwright-core: when either is
missing the test fails (it does not skip) and says to run
`tools/install-deps test`, which CI does.
"""
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import Server, run  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SCRIPT = os.path.join(harness.ROOT, "tests", "e2e", "browser.mjs")
TIMEOUT = 120


def prerequisites():
    """The missing tools, each with what it is for; empty when all are there."""
    missing = []
    if not os.path.exists(CHROMIUM):
        missing.append("%s (Debian's chromium package)" % CHROMIUM)
    if not os.path.isfile(os.path.join(harness.ROOT, "node_modules", "playwright-core", "package.json")):
        missing.append("node_modules/playwright-core (npm, pinned by package-lock.json)")
    if not shutil.which("node"):
        missing.append("node (Debian's nodejs package)")
    return missing


def test_browser():
    missing = prerequisites()
    assert not missing, ("the browser test needs %s: run tools/install-deps test"
                         % ", ".join(missing))
    with Server(demo=True) as server:
        base = "http://127.0.0.1:%d" % server.port
        start = time.time()
        try:
            done = subprocess.run(["node", SCRIPT, base], cwd=harness.ROOT,
                                  capture_output=True, text=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            err = e.stderr.decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
            sys.stdout.write(out + err)
            raise AssertionError("browser.mjs did not finish in %d s" % TIMEOUT)
        sys.stdout.write(done.stdout)
        sys.stdout.write(done.stderr)
        sys.stdout.flush()
        print("browser.mjs took %.1fs" % (time.time() - start))
        assert done.returncode == 0, "browser.mjs exited %d: %s" % (
            done.returncode, done.stderr.strip() or done.stdout.strip()[-2000:])


if __name__ == "__main__":
    run([test_browser])
