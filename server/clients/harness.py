"""Shared pieces of the real-client tests (boto3_test.py, aws_cli_test.py).

Starts `secretstage serve --port 0 --manual-clock`, reads the port from its
one line of output, and records every check as one JUnit <testcase> in
$XML_OUTPUT_FILE, so ./dev test counts each check.  Loopback only.
"""

import json
import os
import select
import signal
import subprocess
import sys
import time
import traceback
import urllib.request
from xml.sax.saxutils import quoteattr, escape

# The Lambda ARN the server runs with --external-rotation: RotateSecret only
# creates the AWSPENDING placeholder, and the test calls the four steps.
EXTERNAL_LAMBDA = (
    "arn:aws:lambda:us-east-1:123456789012:function:external-rotation")
# ManualClock::DefaultStart(), 2024-01-01T00:00:00Z.
CLOCK_START = 1704067200


class Server:
    """A `secretstage serve` child process on 127.0.0.1:<free port>."""

    def __init__(self, binary, *extra_args):
        self.proc = subprocess.Popen(
            [binary, "serve", "--port", "0", "--manual-clock",
             "--external-rotation", EXTERNAL_LAMBDA, *extra_args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([self.proc.stdout], [], [], 30)
        if not ready:
            self.proc.kill()
            raise RuntimeError("secretstage serve printed nothing in 30 s")
        self.line = self.proc.stdout.readline().decode().rstrip("\n")
        prefix = "listening on http://127.0.0.1:"
        if not self.line.startswith(prefix):
            self.proc.kill()
            raise RuntimeError("unexpected first line: %r" % self.line)
        self.port = int(self.line[len(prefix):])
        self.endpoint = "http://127.0.0.1:%d" % self.port

    def raw(self, target, body):
        """POSTs raw bytes; returns (status, headers, parsed JSON body)."""
        headers = {"Content-Type": "application/x-amz-json-1.1"}
        if target is not None:
            headers["X-Amz-Target"] = target
        req = urllib.request.Request(self.endpoint + "/", data=body,
                                     headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status, dict(resp.headers), json.loads(resp.read())
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), json.loads(e.read())

    def advance_clock(self, seconds):
        status, _, body = self.raw(
            "secretstage.AdvanceClock",
            json.dumps({"Seconds": seconds}).encode())
        if status != 200:
            raise AssertionError("AdvanceClock: %d %r" % (status, body))
        return body["Now"]

    def stop(self):
        """SIGTERM; returns (exit code, seconds it took)."""
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
        return code, time.monotonic() - start


class Checks:
    """Runs named checks; each becomes one JUnit <testcase>."""

    def __init__(self, suite):
        self.suite = suite
        self.cases = []  # (name, seconds, failure text or None)

    def check(self, name, fn, *args, **kwargs):
        """Runs fn(*args, **kwargs); an exception fails the check. Returns
        fn's value."""
        start = time.monotonic()
        try:
            value = fn(*args, **kwargs)
            self.cases.append((name, time.monotonic() - start, None))
            print("PASS %s" % name, flush=True)
            return value
        except BaseException:  # noqa: B902 - every failure is a result
            text = traceback.format_exc()
            self.cases.append((name, time.monotonic() - start, text))
            print("FAIL %s\n%s" % (name, text), flush=True)
            return None

    def fail(self, name, text):
        self.cases.append((name, 0.0, text))
        print("FAIL %s\n%s" % (name, text), flush=True)

    def finish(self):
        """Writes the JUnit XML; returns the process exit code."""
        failures = sum(1 for c in self.cases if c[2] is not None)
        out = ['<?xml version="1.0" encoding="UTF-8"?>',
               '<testsuites tests="%d" failures="%d">' % (len(self.cases),
                                                           failures),
               '<testsuite name=%s tests="%d" failures="%d">' % (
                   quoteattr(self.suite), len(self.cases), failures)]
        for name, seconds, failure in self.cases:
            out.append('<testcase classname=%s name=%s time="%.3f">' % (
                quoteattr(self.suite), quoteattr(name), seconds))
            if failure is not None:
                out.append('<failure message="check failed">%s</failure>' %
                           escape(failure))
            out.append('</testcase>')
        out.append('</testsuite></testsuites>')
        path = os.environ.get("XML_OUTPUT_FILE")
        if path:
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(out) + "\n")
        print("%d checks, %d failed" % (len(self.cases), failures))
        return 1 if failures or not self.cases else 0


def expect_eq(actual, expected, what=""):
    if actual != expected:
        raise AssertionError("%s: expected %r, got %r" % (what, expected,
                                                          actual))


def expect_true(value, what):
    if not value:
        raise AssertionError(what)


def stages_by_version(describe_response):
    return {v: sorted(s) for v, s in
            describe_response.get("VersionIdsToStages", {}).items()}


def main_guard(suite, body):
    """Runs body(checks); any escape becomes a failed check, never a skip."""
    checks = Checks(suite)
    try:
        body(checks)
    except BaseException:  # noqa: B902
        checks.fail("harness", traceback.format_exc())
    sys.exit(checks.finish())
