"""Runs the AWS CLI block of docs/endpoint.md against a fresh server and
compares its output with the output the doc shows.

The block is run as written except for the port: the doc says 8080, the
test uses the free port the server picked.  One JUnit test case per check.
Usage: docs_cli_test.py SECRETSTAGE_BINARY DOCS_ENDPOINT_MD
"""

import os
import re
import subprocess
import sys
import tempfile

from harness import Server, expect_eq, expect_true, main_guard


def block(text, name):
    m = re.search(r"<!-- %s-begin -->\s*```\w*\n(.*?)```\s*<!-- %s-end -->"
                  % (name, name), text, re.S)
    if not m:
        raise AssertionError("no <!-- %s-begin --> block in the doc" % name)
    return m.group(1)


def run(checks, binary, doc_path):
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    script = checks.check("doc has the CLI block", block, doc, "cli")
    expected = checks.check("doc has the output block", block, doc, "output")
    if script is None or expected is None:
        return
    server = checks.check("server starts", Server, binary)
    if server is None:
        return

    def run_block():
        expect_true(os.access("/usr/bin/aws", os.X_OK),
                    "/usr/bin/aws (Debian's awscli) is installed")
        home = tempfile.mkdtemp(prefix="secretstage-docs-")
        p = subprocess.run(
            ["/bin/bash", "-eo", "pipefail", "-c",
             script.replace("127.0.0.1:8080", "127.0.0.1:%d" % server.port)],
            env={"PATH": "/usr/bin:/bin", "HOME": home,
                 "AWS_CONFIG_FILE": os.path.join(home, "none"),
                 "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "none"),
                 "AWS_EC2_METADATA_DISABLED": "true"},
            capture_output=True, text=True, timeout=120)
        expect_eq(p.returncode, 0, "exit code (stderr: %s)" % p.stderr)
        return p.stdout
    out = checks.check("the CLI block runs as written", run_block)
    if out is not None:
        checks.check("its output is the doc's output", expect_eq,
                     out.strip("\n"), expected.strip("\n"), "output")
    checks.check("server stops on SIGTERM",
                 lambda: expect_eq(server.stop()[0], 0, "exit code"))


if __name__ == "__main__":
    main_guard("docs_cli",
               lambda checks: run(checks, sys.argv[1], sys.argv[2]))
