"""The AWS CLI (Debian's awscli, v2) against `secretstage serve`.

The same label state machine as boto3_test.py, through `aws secretsmanager`
commands with --endpoint-url, dummy credentials and a region: create, put,
moves with AWSPREVIOUS following, custom labels, IncludeDeprecated,
idempotent tokens, errors (exact CLI error lines), deletion and restore, and
the rotation template's four steps as CLI calls.  One JUnit test case per
check.  Usage: aws_cli_test.py SECRETSTAGE_BINARY
"""

import base64
import json
import os
import subprocess
import sys
import tempfile

from harness import (EXTERNAL_LAMBDA, Server, expect_eq, expect_true,
                     main_guard)

AWS = "/usr/bin/aws"  # Debian's awscli; another `aws` on PATH may differ.
TOKEN = "cli-token-0000000000000000000000000001"


class Cli:
    def __init__(self, endpoint, home):
        self.endpoint = endpoint
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "AWS_ACCESS_KEY_ID": "AKIDTEST",
            "AWS_SECRET_ACCESS_KEY": "secret-test",
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": os.path.join(home, "no-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "no-creds"),
            "AWS_PAGER": "",
            "AWS_EC2_METADATA_DISABLED": "true",
        }

    def run(self, *args):
        return subprocess.run(
            [AWS, "--endpoint-url", self.endpoint, "--output", "json",
             "secretsmanager", *args],
            env=self.env, capture_output=True, text=True, timeout=60)

    def ok(self, *args):
        """Runs a command that must succeed; returns its parsed output."""
        p = self.run(*args)
        if p.returncode != 0:
            raise AssertionError("aws %s: exit %d\n%s" % (
                " ".join(args), p.returncode, p.stderr))
        return json.loads(p.stdout) if p.stdout.strip() else {}

    def error(self, code, operation, message, *args):
        """Runs a command that must fail with exactly this CLI error line."""
        p = self.run(*args)
        expect_eq(p.returncode, 254, "exit code")
        expect_eq(p.stderr.strip(),
                  "An error occurred (%s) when calling the %s operation: %s"
                  % (code, operation, message), "stderr")


def stages(cli, secret):
    d = cli.ok("describe-secret", "--secret-id", secret)
    return {v: sorted(s) for v, s in d.get("VersionIdsToStages", {}).items()}


def run(checks, binary):
    if not os.access(AWS, os.X_OK):
        raise RuntimeError("%s missing: ./dev installs Debian's awscli" % AWS)
    server = checks.check("server prints 'listening on http://127.0.0.1:PORT'",
                          Server, binary)
    if server is None:
        return
    home = tempfile.mkdtemp(prefix="secretstage-cli-")
    cli = Cli(server.endpoint, home)
    s = {}

    def version():
        p = subprocess.run([AWS, "--version"], env=cli.env,
                           capture_output=True, text=True)
        expect_true(p.stdout.startswith("aws-cli/2."), "CLI v2: " + p.stdout)
    checks.check("aws --version is AWS CLI v2", version)

    def create():
        out = cli.ok("create-secret", "--name", "cli/db",
                     "--secret-string", "v1")
        expect_eq(out["Name"], "cli/db", "Name")
        expect_true(out["ARN"].startswith("arn:aws:secretsmanager:us-east-1:"
                                          "123456789012:secret:cli/db-"),
                    out["ARN"])
        s["arn"], s["v1"] = out["ARN"], out["VersionId"]
    checks.check("create-secret", create)

    def get():
        out = cli.ok("get-secret-value", "--secret-id", "cli/db")
        expect_eq(out["SecretString"], "v1", "value")
        expect_eq(out["VersionStages"], ["AWSCURRENT"], "stages")
    checks.check("get-secret-value", get)

    def put():
        out = cli.ok("put-secret-value", "--secret-id", "cli/db",
                     "--secret-string", "v2")
        s["v2"] = out["VersionId"]
        expect_eq(stages(cli, "cli/db"), {s["v1"]: ["AWSPREVIOUS"],
                                          s["v2"]: ["AWSCURRENT"]}, "labels")
    checks.check("put-secret-value moves AWSCURRENT, AWSPREVIOUS follows", put)

    def put_pending():
        out = cli.ok("put-secret-value", "--secret-id", "cli/db",
                     "--secret-string", "v3", "--version-stages", "AWSPENDING")
        s["v3"] = out["VersionId"]
        expect_eq(out["VersionStages"], ["AWSPENDING"], "stages")
    checks.check("put-secret-value --version-stages AWSPENDING", put_pending)

    def move():
        cli.ok("update-secret-version-stage", "--secret-id", "cli/db",
               "--version-stage", "AWSCURRENT",
               "--move-to-version-id", s["v3"],
               "--remove-from-version-id", s["v2"])
        expect_eq(stages(cli, "cli/db"),
                  {s["v2"]: ["AWSPREVIOUS"],
                   s["v3"]: ["AWSCURRENT", "AWSPENDING"]}, "labels")
    checks.check("update-secret-version-stage moves AWSCURRENT", move)

    def include_deprecated():
        live = cli.ok("list-secret-version-ids", "--secret-id", "cli/db")
        expect_eq(len(live["Versions"]), 2, "labelled versions")
        every = cli.ok("list-secret-version-ids", "--secret-id", "cli/db",
                       "--include-deprecated")
        by_id = {v["VersionId"]: v for v in every["Versions"]}
        expect_eq(len(by_id), 3, "all versions")
        expect_true("VersionStages" not in by_id[s["v1"]],
                    "deprecated version without VersionStages")
    checks.check("list-secret-version-ids --include-deprecated",
                 include_deprecated)

    def custom_label():
        cli.ok("update-secret-version-stage", "--secret-id", "cli/db",
               "--version-stage", "BLUE", "--move-to-version-id", s["v1"])
        expect_eq(stages(cli, "cli/db")[s["v1"]], ["BLUE"], "v1 labelled")
        out = cli.ok("get-secret-value", "--secret-id", "cli/db",
                     "--version-stage", "BLUE")
        expect_eq(out["SecretString"], "v1", "read by label")
    checks.check("custom label on a deprecated version", custom_label)

    checks.check(
        "error: move AWSCURRENT without --remove-from-version-id",
        lambda: cli.error(
            "InvalidParameterException", "UpdateSecretVersionStage",
            "The parameter RemoveFromVersionId can't be empty. Staging label "
            "AWSCURRENT is currently attached to version %s, so you must "
            "explicitly reference that version in RemoveFromVersionId."
            % s["v3"],
            "update-secret-version-stage", "--secret-id", "cli/db",
            "--version-stage", "AWSCURRENT", "--move-to-version-id", s["v1"]))

    checks.check(
        "error: remove AWSCURRENT",
        lambda: cli.error(
            "InvalidParameterException", "UpdateSecretVersionStage",
            "You can only move staging label AWSCURRENT to a different secret "
            "version. It can\u2019t be completely removed.",
            "update-secret-version-stage", "--secret-id", "cli/db",
            "--version-stage", "AWSCURRENT",
            "--remove-from-version-id", s["v3"]))

    def idempotent_token():
        a = cli.ok("put-secret-value", "--secret-id", "cli/db",
                   "--client-request-token", TOKEN, "--secret-string", "same")
        b = cli.ok("put-secret-value", "--secret-id", "cli/db",
                   "--client-request-token", TOKEN, "--secret-string", "same")
        expect_eq(a["VersionId"], TOKEN, "VersionId = token")
        expect_eq(b["VersionId"], TOKEN, "same VersionId")
        expect_eq(len(cli.ok("list-secret-version-ids", "--secret-id",
                             "cli/db", "--include-deprecated")["Versions"]),
                  4, "one new version only")
    checks.check("put-secret-value repeated with one token", idempotent_token)

    checks.check(
        "error: reused token with another value",
        lambda: cli.error(
            "ResourceExistsException", "PutSecretValue",
            "You can't use ClientRequestToken %s because that value is "
            "already in use for a version of secret %s." % (TOKEN, s["arn"]),
            "put-secret-value", "--secret-id", "cli/db",
            "--client-request-token", TOKEN, "--secret-string", "other"))

    checks.check(
        "error: get-secret-value of a label nobody has",
        lambda: cli.error(
            "ResourceNotFoundException", "GetSecretValue",
            "Secrets Manager can't find the specified secret value for "
            "staging label: NOPE",
            "get-secret-value", "--secret-id", "cli/db",
            "--version-stage", "NOPE"))

    checks.check(
        "error: missing secret",
        lambda: cli.error(
            "ResourceNotFoundException", "DescribeSecret",
            "Secrets Manager can't find the specified secret.",
            "describe-secret", "--secret-id", "no/such/secret"))

    def binary():
        path = os.path.join(home, "blob.bin")
        with open(path, "wb") as f:
            f.write(b"\x00\x01\x02\xff")
        cli.ok("create-secret", "--name", "cli/bin",
               "--secret-binary", "fileb://" + path)
        out = cli.ok("get-secret-value", "--secret-id", "cli/bin")
        expect_eq(base64.b64decode(out["SecretBinary"]), b"\x00\x01\x02\xff",
                  "bytes")
    checks.check("--secret-binary fileb:// round-trips", binary)

    def delete_restore():
        out = cli.ok("delete-secret", "--secret-id", "cli/db",
                     "--recovery-window-in-days", "7")
        expect_true("DeletionDate" in out, "DeletionDate")
        cli.error("InvalidRequestException", "GetSecretValue",
                  "You can't perform this operation on the secret because it "
                  "was marked for deletion.",
                  "get-secret-value", "--secret-id", "cli/db")
        cli.ok("restore-secret", "--secret-id", "cli/db")
        expect_eq(cli.ok("get-secret-value", "--secret-id", "cli/db")
                  ["SecretString"], "same", "restored value")
    checks.check("delete-secret, then restore-secret", delete_restore)

    def force_delete():
        cli.ok("delete-secret", "--secret-id", "cli/bin",
               "--force-delete-without-recovery")
        cli.error("ResourceNotFoundException", "DescribeSecret",
                  "Secrets Manager can't find the specified secret.",
                  "describe-secret", "--secret-id", "cli/bin")
    checks.check("delete-secret --force-delete-without-recovery", force_delete)

    # ---- the rotation template's calls, as CLI commands -------------------
    def rotate_start():
        s["r1"] = cli.ok("create-secret", "--name", "cli/rot",
                         "--secret-string", "initial")["VersionId"]
        out = cli.ok("rotate-secret", "--secret-id", "cli/rot",
                     "--rotation-lambda-arn", EXTERNAL_LAMBDA,
                     "--rotation-rules", "AutomaticallyAfterDays=30")
        s["token"] = out["VersionId"]
        d = cli.ok("describe-secret", "--secret-id", "cli/rot")
        expect_eq(d["RotationEnabled"], True, "RotationEnabled")
        expect_eq(d["VersionIdsToStages"][s["token"]], ["AWSPENDING"],
                  "placeholder")
    checks.check("rotate-secret: AWSPENDING placeholder", rotate_start)

    def create_secret_step():
        cli.ok("get-secret-value", "--secret-id", "cli/rot",
               "--version-stage", "AWSCURRENT")
        cli.error("ResourceNotFoundException", "GetSecretValue",
                  "Secrets Manager can't find the specified secret value for "
                  "VersionId: %s" % s["token"],
                  "get-secret-value", "--secret-id", "cli/rot",
                  "--version-id", s["token"], "--version-stage", "AWSPENDING")
        pw = cli.ok("get-random-password", "--exclude-characters",
                    "/@\"'\\")["RandomPassword"]
        s["pw"] = pw
        cli.ok("put-secret-value", "--secret-id", "cli/rot",
               "--client-request-token", s["token"], "--secret-string", pw,
               "--version-stages", "AWSPENDING")
    checks.check("template createSecret step", create_secret_step)

    def set_and_test_steps():
        for _ in ("setSecret", "testSecret"):
            out = cli.ok("get-secret-value", "--secret-id", "cli/rot",
                         "--version-id", s["token"],
                         "--version-stage", "AWSPENDING")
            expect_eq(out["SecretString"], s["pw"], "pending value")
    checks.check("template setSecret and testSecret steps read AWSPENDING",
                 set_and_test_steps)

    def finish_step():
        d = cli.ok("describe-secret", "--secret-id", "cli/rot")
        current = [v for v, st in d["VersionIdsToStages"].items()
                   if "AWSCURRENT" in st][0]
        cli.ok("update-secret-version-stage", "--secret-id", "cli/rot",
               "--version-stage", "AWSCURRENT",
               "--move-to-version-id", s["token"],
               "--remove-from-version-id", current)
        expect_eq(stages(cli, "cli/rot"),
                  {s["r1"]: ["AWSPREVIOUS"],
                   s["token"]: ["AWSCURRENT", "AWSPENDING"]}, "labels")
        expect_eq(cli.ok("get-secret-value", "--secret-id", "cli/rot")
                  ["SecretString"], s["pw"], "new current")
    checks.check("template finishSecret step moves AWSCURRENT", finish_step)

    def builtin_rotation():
        v1 = cli.ok("create-secret", "--name", "cli/auto",
                    "--secret-string", "x")["VersionId"]
        token = cli.ok("rotate-secret", "--secret-id", "cli/auto",
                       "--rotation-lambda-arn",
                       "arn:aws:lambda:us-east-1:123456789012:function:t",
                       "--rotation-rules",
                       "AutomaticallyAfterDays=30")["VersionId"]
        expect_eq(stages(cli, "cli/auto"),
                  {v1: ["AWSPREVIOUS"], token: ["AWSCURRENT", "AWSPENDING"]},
                  "labels")
    checks.check("rotate-secret with the built-in template handler",
                 builtin_rotation)

    def graceful_stop():
        code, seconds = server.stop()
        expect_eq(code, 0, "exit code after SIGTERM")
        expect_true(seconds < 5, "stopped in %.1f s" % seconds)
    checks.check("SIGTERM stops the server cleanly", graceful_stop)


if __name__ == "__main__":
    main_guard("aws_cli", lambda checks: run(checks, sys.argv[1]))
