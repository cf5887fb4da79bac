"""boto3 (Debian's python3-boto3) against `secretstage serve`.

Walks the label state machine the way an application would, checks the
errors with their exact exception names and messages, deletion and
restore, and runs the AWS rotation template's four steps calling Secrets
Manager exactly as SecretsManagerRotationTemplate/lambda_function.py does.
Every check is one JUnit test case.  Usage: boto3_test.py SECRETSTAGE_BINARY
"""

import datetime
import sys

from harness import (CLOCK_START, EXTERNAL_LAMBDA, Server, expect_eq,
                     expect_true, main_guard, stages_by_version)

UTC = datetime.timezone.utc
NOW = datetime.datetime.fromtimestamp(CLOCK_START, UTC)
T1 = "boto3-token-1-000000000000000000000000"
T2 = "boto3-token-2-000000000000000000000000"


def expect_error(client, code, message, fn, **kwargs):
    """fn(**kwargs) must raise ClientError `code` with exactly `message`."""
    from botocore.exceptions import ClientError
    try:
        fn(**kwargs)
    except ClientError as e:
        err = e.response["Error"]
        expect_eq(err["Code"], code, "exception name")
        expect_eq(err["Message"], message, "message")
        expect_eq(e.response["ResponseMetadata"]["HTTPStatusCode"], 400,
                  "HTTP status")
        expect_true(e.response["ResponseMetadata"].get("RequestId"),
                    "x-amzn-RequestId reaches the client")
        modeled = getattr(client.exceptions, code, None)
        if modeled is not None:
            expect_true(isinstance(e, modeled), "modeled exception class")
        return e
    raise AssertionError("expected %s, call succeeded" % code)


# ---- The rotation template (aws-samples/aws-secrets-manager-rotation-
# lambdas, SecretsManagerRotationTemplate/lambda_function.py), with the
# service client passed in and setSecret/testSecret doing what a real
# rotation would at those points instead of raising NotImplementedError.

def lambda_handler(event, service_client):
    arn = event["SecretId"]
    token = event["ClientRequestToken"]
    step = event["Step"]
    metadata = service_client.describe_secret(SecretId=arn)
    if not metadata["RotationEnabled"]:
        raise ValueError("Secret %s is not enabled for rotation" % arn)
    versions = metadata["VersionIdsToStages"]
    if token not in versions:
        raise ValueError("Secret version %s has no stage for rotation of "
                         "secret %s." % (token, arn))
    if "AWSCURRENT" in versions[token]:
        return "already current"
    elif "AWSPENDING" not in versions[token]:
        raise ValueError("Secret version %s not set as AWSPENDING for "
                         "rotation of secret %s." % (token, arn))
    if step == "createSecret":
        create_secret(service_client, arn, token)
    elif step == "setSecret":
        set_secret(service_client, arn, token)
    elif step == "testSecret":
        test_secret(service_client, arn, token)
    elif step == "finishSecret":
        finish_secret(service_client, arn, token)
    else:
        raise ValueError("Invalid step parameter")
    return step


def create_secret(service_client, arn, token):
    service_client.get_secret_value(SecretId=arn, VersionStage="AWSCURRENT")
    try:
        service_client.get_secret_value(SecretId=arn, VersionId=token,
                                        VersionStage="AWSPENDING")
    except service_client.exceptions.ResourceNotFoundException:
        exclude_characters = "/@\"'\\"
        passwd = service_client.get_random_password(
            ExcludeCharacters=exclude_characters)
        service_client.put_secret_value(
            SecretId=arn, ClientRequestToken=token,
            SecretString=passwd["RandomPassword"],
            VersionStages=["AWSPENDING"])


def set_secret(service_client, arn, token):
    # A real rotation sets the AWSPENDING password in the database here.
    service_client.get_secret_value(SecretId=arn, VersionId=token,
                                    VersionStage="AWSPENDING")


def test_secret(service_client, arn, token):
    # A real rotation logs in with the AWSPENDING password here.
    value = service_client.get_secret_value(
        SecretId=arn, VersionId=token, VersionStage="AWSPENDING")
    expect_eq(len(value["SecretString"]), 32, "random password length")
    for c in "/@\"'\\":
        expect_true(c not in value["SecretString"], "excluded character")


def finish_secret(service_client, arn, token):
    metadata = service_client.describe_secret(SecretId=arn)
    current_version = None
    for version in metadata["VersionIdsToStages"]:
        if "AWSCURRENT" in metadata["VersionIdsToStages"][version]:
            if version == token:
                return
            current_version = version
            break
    service_client.update_secret_version_stage(
        SecretId=arn, VersionStage="AWSCURRENT", MoveToVersionId=token,
        RemoveFromVersionId=current_version)


def run(checks, binary):
    import boto3  # Debian's python3-boto3: missing means FAIL, not skip.
    from botocore.config import Config

    server = checks.check("server prints 'listening on http://127.0.0.1:PORT'",
                          Server, binary)
    if server is None:
        return
    sm = boto3.client(
        "secretsmanager", endpoint_url=server.endpoint,
        region_name="us-east-1", aws_access_key_id="AKIDTEST",
        aws_secret_access_key="secret-test",
        config=Config(retries={"max_attempts": 1}))
    s = {}  # state shared by the checks below

    def version_count(include_deprecated=True):
        return len(sm.list_secret_version_ids(
            SecretId="app/db",
            IncludeDeprecated=include_deprecated)["Versions"])

    # ---- create, put, AWSCURRENT / AWSPREVIOUS --------------------------
    def create():
        out = sm.create_secret(Name="app/db", SecretString="v1")
        expect_true(out["ARN"].startswith(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-"),
            "ARN " + out["ARN"])
        expect_eq(len(out["ARN"]), len(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-")
            + 6, "ARN suffix length")
        expect_eq(len(out["VersionId"]), 36, "SDK-generated token is a UUID")
        s["arn"], s["v1"] = out["ARN"], out["VersionId"]
    checks.check("CreateSecret: ARN with suffix, VersionId = SDK token", create)

    def get_current():
        out = sm.get_secret_value(SecretId="app/db")
        expect_eq(out["SecretString"], "v1", "value")
        expect_eq(out["VersionStages"], ["AWSCURRENT"], "stages")
        expect_eq(out["CreatedDate"], NOW, "CreatedDate from the manual clock")
    checks.check("GetSecretValue: first version is AWSCURRENT", get_current)

    def get_by_arn_and_partial_arn():
        expect_eq(sm.get_secret_value(SecretId=s["arn"])["SecretString"],
                  "v1", "full ARN")
        expect_eq(sm.get_secret_value(SecretId=s["arn"][:-7])["SecretString"],
                  "v1", "partial ARN")
    checks.check("GetSecretValue by full and partial ARN",
                 get_by_arn_and_partial_arn)

    def put_v2():
        out = sm.put_secret_value(SecretId="app/db", SecretString="v2")
        expect_eq(out["VersionStages"], ["AWSCURRENT"], "stages")
        s["v2"] = out["VersionId"]
        expect_eq(stages_by_version(sm.describe_secret(SecretId="app/db")),
                  {s["v1"]: ["AWSPREVIOUS"], s["v2"]: ["AWSCURRENT"]},
                  "VersionIdsToStages")
    checks.check("PutSecretValue moves AWSCURRENT, AWSPREVIOUS follows",
                 put_v2)

    def put_v3():
        s["v3"] = sm.put_secret_value(SecretId="app/db",
                                      SecretString="v3")["VersionId"]
        expect_eq(stages_by_version(sm.describe_secret(SecretId="app/db")),
                  {s["v2"]: ["AWSPREVIOUS"], s["v3"]: ["AWSCURRENT"]},
                  "v1 lost AWSPREVIOUS")
    checks.check("second PutSecretValue deprecates the old AWSPREVIOUS",
                 put_v3)

    def list_versions():
        live = sm.list_secret_version_ids(SecretId="app/db")["Versions"]
        expect_eq(sorted(v["VersionId"] for v in live),
                  sorted([s["v2"], s["v3"]]), "labelled versions only")
        every = sm.list_secret_version_ids(SecretId="app/db",
                                           IncludeDeprecated=True)["Versions"]
        by_id = {v["VersionId"]: v for v in every}
        expect_eq(sorted(by_id), sorted([s["v1"], s["v2"], s["v3"]]),
                  "IncludeDeprecated lists all")
        expect_true("VersionStages" not in by_id[s["v1"]],
                    "deprecated version has no VersionStages key")
        expect_eq(by_id[s["v3"]]["KmsKeyIds"], ["DefaultEncryptionKey"],
                  "KmsKeyIds")
    checks.check("ListSecretVersionIds and IncludeDeprecated", list_versions)

    def read_previous_and_deprecated():
        expect_eq(sm.get_secret_value(SecretId="app/db",
                                      VersionStage="AWSPREVIOUS")
                  ["SecretString"], "v2", "AWSPREVIOUS")
        old = sm.get_secret_value(SecretId="app/db", VersionId=s["v1"])
        expect_eq(old["SecretString"], "v1", "deprecated still readable")
        expect_true("VersionStages" not in old, "no stages")
    checks.check("GetSecretValue of AWSPREVIOUS and of a deprecated version",
                 read_previous_and_deprecated)

    def put_pending():
        out = sm.put_secret_value(SecretId="app/db", SecretString="v4",
                                  VersionStages=["AWSPENDING"])
        s["v4"] = out["VersionId"]
        expect_eq(out["VersionStages"], ["AWSPENDING"], "stages")
        expect_eq(sm.get_secret_value(SecretId="app/db")["SecretString"],
                  "v3", "AWSCURRENT unchanged")
    checks.check("PutSecretValue with VersionStages=[AWSPENDING]", put_pending)

    def move_current():
        out = sm.update_secret_version_stage(
            SecretId="app/db", VersionStage="AWSCURRENT",
            MoveToVersionId=s["v4"], RemoveFromVersionId=s["v3"])
        expect_eq(sorted(k for k in out if k != "ResponseMetadata"),
                  ["ARN", "Name"], "response members")
        expect_eq(stages_by_version(sm.describe_secret(SecretId="app/db")),
                  {s["v3"]: ["AWSPREVIOUS"],
                   s["v4"]: ["AWSCURRENT", "AWSPENDING"]}, "labels")
    checks.check("UpdateSecretVersionStage moves AWSCURRENT; AWSPREVIOUS "
                 "follows; AWSPENDING stays", move_current)

    def rollback():
        sm.update_secret_version_stage(
            SecretId="app/db", VersionStage="AWSCURRENT",
            MoveToVersionId=s["v3"], RemoveFromVersionId=s["v4"])
        expect_eq(stages_by_version(sm.describe_secret(SecretId="app/db")),
                  {s["v3"]: ["AWSCURRENT"],
                   s["v4"]: ["AWSPENDING", "AWSPREVIOUS"]}, "labels")
    checks.check("rollback: AWSCURRENT back to the previous version", rollback)

    def attach_custom():
        sm.update_secret_version_stage(SecretId="app/db", VersionStage="BLUE",
                                       MoveToVersionId=s["v4"])
        expect_eq(stages_by_version(sm.describe_secret(
            SecretId="app/db"))[s["v4"]],
            ["AWSPENDING", "AWSPREVIOUS", "BLUE"], "v4 labels")
        expect_eq(sm.get_secret_value(SecretId="app/db", VersionStage="BLUE")
                  ["SecretString"], "v4", "read by custom label")
    checks.check("custom label attached with MoveToVersionId alone",
                 attach_custom)

    checks.check(
        "moving a custom label without RemoveFromVersionId is refused",
        expect_error, sm, "InvalidParameterException",
        "The parameter RemoveFromVersionId can't be empty. Staging label BLUE "
        "is currently attached to version %s, so you must explicitly "
        "reference that version in RemoveFromVersionId." % s.get("v4"),
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="BLUE", MoveToVersionId=s.get("v3"))

    checks.check(
        "moving a label with the wrong RemoveFromVersionId is refused",
        expect_error, sm, "InvalidParameterException",
        "When you move staging label BLUE, if you specify "
        "RemoveFromVersionId, it must be set to the version that currently "
        "has the staging label BLUE.",
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="BLUE", MoveToVersionId=s.get("v3"),
        RemoveFromVersionId=s.get("v2"))

    def move_custom():
        sm.update_secret_version_stage(
            SecretId="app/db", VersionStage="BLUE", MoveToVersionId=s["v3"],
            RemoveFromVersionId=s["v4"])
        st = stages_by_version(sm.describe_secret(SecretId="app/db"))
        expect_eq(st[s["v3"]], ["AWSCURRENT", "BLUE"], "v3")
        expect_eq(st[s["v4"]], ["AWSPENDING", "AWSPREVIOUS"], "v4")
    checks.check("custom label moved with RemoveFromVersionId", move_custom)

    def remove_custom():
        sm.update_secret_version_stage(SecretId="app/db", VersionStage="BLUE",
                                       RemoveFromVersionId=s["v3"])
        expect_eq(stages_by_version(sm.describe_secret(
            SecretId="app/db"))[s["v3"]], ["AWSCURRENT"], "v3")
    checks.check("custom label removed", remove_custom)

    def remove_pending_and_previous():
        sm.update_secret_version_stage(SecretId="app/db",
                                       VersionStage="AWSPENDING",
                                       RemoveFromVersionId=s["v4"])
        sm.update_secret_version_stage(SecretId="app/db",
                                       VersionStage="AWSPREVIOUS",
                                       RemoveFromVersionId=s["v4"])
        expect_eq(stages_by_version(sm.describe_secret(SecretId="app/db")),
                  {s["v3"]: ["AWSCURRENT"]}, "only AWSCURRENT left")
        expect_eq(version_count(False), 1, "one labelled version")
        expect_eq(version_count(True), 4, "four versions in all")
    checks.check("AWSPENDING and AWSPREVIOUS removed explicitly",
                 remove_pending_and_previous)

    checks.check(
        "AWSCURRENT cannot be removed, only moved",
        expect_error, sm, "InvalidParameterException",
        "You can only move staging label AWSCURRENT to a different secret "
        "version. It can\u2019t be completely removed.",
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="AWSCURRENT", RemoveFromVersionId=s.get("v3"))

    checks.check(
        "removing a label from a version that lacks it",
        expect_error, sm, "InvalidParameterException",
        "The staging label GREEN is not attached to version %s." % s.get("v3"),
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="GREEN", RemoveFromVersionId=s.get("v3"))

    checks.check(
        "UpdateSecretVersionStage with neither version id",
        expect_error, sm, "InvalidParameterException",
        "You must specify MoveToVersionId, RemoveFromVersionId, or both.",
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="GREEN")

    unknown = "00000000-0000-4000-8000-000000000000"
    checks.check(
        "UpdateSecretVersionStage to an unknown version",
        expect_error, sm, "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for VersionId: "
        + unknown,
        sm.update_secret_version_stage, SecretId="app/db",
        VersionStage="GREEN", MoveToVersionId=unknown)

    # ---- idempotent tokens ----------------------------------------------
    def create_with_token():
        first = sm.create_secret(Name="tok", SecretString="same",
                                 ClientRequestToken=T1)
        again = sm.create_secret(Name="tok", SecretString="same",
                                 ClientRequestToken=T1)
        for key in ("ARN", "Name", "VersionId"):
            expect_eq(again[key], first[key], key)
        s["tok_arn"] = first["ARN"]
    checks.check("CreateSecret repeated with the same token and value",
                 create_with_token)

    checks.check(
        "CreateSecret of an existing name with another token",
        expect_error, sm, "ResourceExistsException",
        "The operation failed because the secret tok already exists.",
        sm.create_secret, Name="tok", SecretString="other")

    def put_same_token():
        out = sm.put_secret_value(SecretId="tok", SecretString="same",
                                  ClientRequestToken=T1)
        expect_eq(out["VersionId"], T1, "VersionId")
        expect_eq(out["VersionStages"], ["AWSCURRENT"], "stages")
        expect_eq(len(sm.list_secret_version_ids(
            SecretId="tok", IncludeDeprecated=True)["Versions"]), 1,
            "no new version")
    checks.check("PutSecretValue with the same token and value changes "
                 "nothing", put_same_token)

    checks.check(
        "PutSecretValue with a used token and another value",
        expect_error, sm, "ResourceExistsException",
        "You can't use ClientRequestToken %s because that value is already "
        "in use for a version of secret %s." % (T1, s.get("tok_arn")),
        sm.put_secret_value, SecretId="tok", SecretString="different",
        ClientRequestToken=T1)

    def update_same_token():
        out = sm.update_secret(SecretId="tok", SecretString="same",
                               ClientRequestToken=T1)
        expect_eq(out["VersionId"], T1, "VersionId")
    checks.check("UpdateSecret with the same token and value",
                 update_same_token)

    def update_description_only():
        out = sm.update_secret(SecretId="tok", Description="described")
        expect_true("VersionId" not in out, "no new version")
        expect_eq(sm.describe_secret(SecretId="tok")["Description"],
                  "described", "Description")
    checks.check("UpdateSecret of Description only creates no version",
                 update_description_only)

    # ---- read errors, values ---------------------------------------------
    checks.check(
        "GetSecretValue with a VersionStage the VersionId lacks",
        expect_error, sm, "InvalidRequestException",
        "You provided a VersionStage that is not associated to the provided "
        "VersionId.",
        sm.get_secret_value, SecretId="app/db", VersionId=s.get("v3"),
        VersionStage="AWSPREVIOUS")

    checks.check(
        "GetSecretValue of a label nobody has",
        expect_error, sm, "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret value for staging "
        "label: AWSPREVIOUS",
        sm.get_secret_value, SecretId="tok", VersionStage="AWSPREVIOUS")

    checks.check(
        "GetSecretValue of a missing secret",
        expect_error, sm, "ResourceNotFoundException",
        "Secrets Manager can't find the specified secret.",
        sm.get_secret_value, SecretId="no/such/secret")

    checks.check(
        "an invalid name is a ValidationException",
        expect_error, sm, "ValidationException",
        "Invalid name. Must be a valid name containing alphanumeric "
        "characters, or any of the following: -/_+=.@!",
        sm.describe_secret, SecretId="Inv Name")

    checks.check(
        "PutSecretValue with both SecretString and SecretBinary",
        expect_error, sm, "InvalidParameterException",
        "You can't specify both a binary secret value and a string secret "
        "value in the same secret.",
        sm.put_secret_value, SecretId="app/db", SecretString="a",
        SecretBinary=b"b")

    checks.check(
        "PutSecretValue with neither SecretString nor SecretBinary",
        expect_error, sm, "InvalidRequestException",
        "You must provide either SecretString or SecretBinary.",
        sm.put_secret_value, SecretId="app/db")

    def binary_round_trip():
        data = bytes(range(256))
        sm.create_secret(Name="bin", SecretBinary=data)
        expect_eq(sm.get_secret_value(SecretId="bin")["SecretBinary"], data,
                  "bytes")
    checks.check("SecretBinary round-trips every byte value",
                 binary_round_trip)

    def largest_values():
        big = "\u00e9" * 32768  # 65,536 bytes of UTF-8
        sm.create_secret(Name="big-string", SecretString="s" * 65536)
        expect_eq(len(sm.get_secret_value(SecretId="big-string")
                      ["SecretString"]), 65536, "string length")
        sm.create_secret(Name="big-binary", SecretBinary=b"\xff" * 65536)
        expect_eq(sm.get_secret_value(SecretId="big-binary")["SecretBinary"],
                  b"\xff" * 65536, "binary")
        sm.create_secret(Name="big-utf8", SecretString=big)
        expect_eq(sm.get_secret_value(SecretId="big-utf8")["SecretString"],
                  big, "utf-8")
    checks.check("65,536-byte string and binary secrets fit the body limit",
                 largest_values)

    # ---- deletion and restore --------------------------------------------
    def delete_default():
        out = sm.delete_secret(SecretId="app/db")
        expect_eq(out["DeletionDate"], NOW + datetime.timedelta(days=30),
                  "DeletionDate = now + 30 days")
        d = sm.describe_secret(SecretId="app/db")
        expect_eq(d["DeletedDate"], NOW + datetime.timedelta(days=30),
                  "DeletedDate")
        expect_eq(stages_by_version(d), {s["v3"]: ["AWSCURRENT"]},
                  "labels unchanged")
    checks.check("DeleteSecret schedules deletion in 30 days",
                 delete_default)

    marked = ("You can't perform this operation on the secret because it was "
              "marked for deletion.")
    checks.check("GetSecretValue of a secret marked for deletion",
                 expect_error, sm, "InvalidRequestException", marked,
                 sm.get_secret_value, SecretId="app/db")
    checks.check("PutSecretValue on a secret marked for deletion",
                 expect_error, sm, "InvalidRequestException", marked,
                 sm.put_secret_value, SecretId="app/db", SecretString="x")
    checks.check("UpdateSecretVersionStage on a secret marked for deletion",
                 expect_error, sm, "InvalidRequestException", marked,
                 sm.update_secret_version_stage, SecretId="app/db",
                 VersionStage="X", MoveToVersionId=s.get("v3"))
    checks.check(
        "DeleteSecret twice",
        expect_error, sm, "InvalidRequestException",
        "You tried to perform the operation on a secret that's currently "
        "marked deleted.", sm.delete_secret, SecretId="app/db")
    checks.check(
        "CreateSecret of a name scheduled for deletion",
        expect_error, sm, "InvalidRequestException",
        "You can't create this secret because a secret with this name is "
        "already scheduled for deletion.",
        sm.create_secret, Name="app/db", SecretString="again")

    def restore():
        out = sm.restore_secret(SecretId="app/db")
        expect_eq(out["Name"], "app/db", "Name")
        expect_eq(sm.get_secret_value(SecretId="app/db")["SecretString"],
                  "v3", "value back")
        expect_true("DeletedDate" not in sm.describe_secret(
            SecretId="app/db"), "DeletedDate gone")
    checks.check("RestoreSecret makes the secret usable again", restore)

    checks.check(
        "DeleteSecret with a 6-day window",
        expect_error, sm, "InvalidParameterException",
        "The RecoveryWindowInDays value must be between 7 and 30 days "
        "(inclusive).", sm.delete_secret, SecretId="app/db",
        RecoveryWindowInDays=6)
    checks.check(
        "DeleteSecret with a window and ForceDeleteWithoutRecovery",
        expect_error, sm, "InvalidParameterException",
        "You can't use ForceDeleteWithoutRecovery in conjunction with "
        "RecoveryWindowInDays.", sm.delete_secret, SecretId="app/db",
        RecoveryWindowInDays=7, ForceDeleteWithoutRecovery=True)

    def window_passes():
        sm.delete_secret(SecretId="app/db", RecoveryWindowInDays=7)
        server.advance_clock(7 * 86400 - 1)
        expect_true("DeletedDate" in sm.describe_secret(SecretId="app/db"),
                    "still there a second before")
        server.advance_clock(1)
        expect_error(sm, "ResourceNotFoundException",
                     "Secrets Manager can't find the specified secret.",
                     sm.describe_secret, SecretId="app/db")
        again = sm.create_secret(Name="app/db", SecretString="new")
        expect_true(again["ARN"] != s["arn"], "new ARN suffix")
    checks.check("after the recovery window (AdvanceClock) the name is free",
                 window_passes)

    def force_delete():
        out = sm.delete_secret(SecretId="bin", ForceDeleteWithoutRecovery=True)
        expect_eq(out["Name"], "bin", "Name")
        expect_error(sm, "ResourceNotFoundException",
                     "Secrets Manager can't find the specified secret.",
                     sm.get_secret_value, SecretId="bin")
        missing = sm.delete_secret(SecretId="never-was",
                                   ForceDeleteWithoutRecovery=True)
        expect_eq(missing["Name"], "never-was", "force on a missing secret")
    checks.check("ForceDeleteWithoutRecovery deletes at once", force_delete)

    # ---- rotation --------------------------------------------------------
    def builtin_rotation():
        v1 = sm.create_secret(Name="rot/builtin",
                              SecretString="initial")["VersionId"]
        out = sm.rotate_secret(
            SecretId="rot/builtin",
            RotationLambdaARN="arn:aws:lambda:us-east-1:123456789012:"
                              "function:template",
            RotationRules={"AutomaticallyAfterDays": 30})
        token = out["VersionId"]
        d = sm.describe_secret(SecretId="rot/builtin")
        expect_eq(stages_by_version(d), {v1: ["AWSPREVIOUS"],
                                         token: ["AWSCURRENT", "AWSPENDING"]},
                  "labels after the template's finishSecret")
        expect_eq(d["RotationEnabled"], True, "RotationEnabled")
        expect_eq(d["LastRotatedDate"], NOW + datetime.timedelta(days=7),
                  "LastRotatedDate (the clock moved 7 days above)")
        expect_eq(len(sm.get_secret_value(SecretId="rot/builtin")
                      ["SecretString"]), 32, "new random password")
    checks.check("RotateSecret with the built-in template handler",
                 builtin_rotation)

    checks.check(
        "RotateSecret without any Lambda ARN",
        expect_error, sm, "InvalidRequestException",
        "No Lambda rotation function ARN is associated with this secret.",
        sm.rotate_secret, SecretId="tok",
        RotationRules={"AutomaticallyAfterDays": 1})

    def start_external_rotation():
        s["r_v1"] = sm.create_secret(Name="rot/template",
                                     SecretString="initial")["VersionId"]
        out = sm.rotate_secret(SecretId="rot/template",
                               RotationLambdaARN=EXTERNAL_LAMBDA,
                               RotationRules={"AutomaticallyAfterDays": 30})
        s["token"] = out["VersionId"]
        s["event"] = {"SecretId": out["ARN"],
                      "ClientRequestToken": out["VersionId"]}
        expect_eq(stages_by_version(sm.describe_secret(
            SecretId="rot/template")),
            {s["r_v1"]: ["AWSCURRENT"], s["token"]: ["AWSPENDING"]},
            "placeholder carries AWSPENDING")
        expect_error(sm, "ResourceNotFoundException",
                     "Secrets Manager can't find the specified secret value "
                     "for VersionId: %s" % s["token"],
                     sm.get_secret_value, SecretId="rot/template",
                     VersionId=s["token"], VersionStage="AWSPENDING")
    checks.check("RotateSecret creates a value-less AWSPENDING placeholder",
                 start_external_rotation)

    def step(name):
        event = dict(s["event"], Step=name)
        expect_eq(lambda_handler(event, sm), name, "step ran")

    def create_step():
        step("createSecret")
        st = stages_by_version(sm.describe_secret(SecretId="rot/template"))
        expect_eq(st[s["token"]], ["AWSPENDING"], "pending")
        expect_eq(st[s["r_v1"]], ["AWSCURRENT"], "current unchanged")
    checks.check("template step createSecret fills the placeholder",
                 create_step)
    checks.check("template step setSecret", step, "setSecret")
    checks.check("template step testSecret", step, "testSecret")

    def finish_step():
        step("finishSecret")
        expect_eq(stages_by_version(sm.describe_secret(
            SecretId="rot/template")),
            {s["r_v1"]: ["AWSPREVIOUS"],
             s["token"]: ["AWSCURRENT", "AWSPENDING"]},
            "template leaves AWSPENDING on the new current")
        expect_eq(len(sm.get_secret_value(SecretId="rot/template")
                      ["SecretString"]), 32, "new current value")
    checks.check("template step finishSecret moves AWSCURRENT", finish_step)

    def steps_are_idempotent():
        for name in ("createSecret", "setSecret", "testSecret",
                     "finishSecret"):
            expect_eq(lambda_handler(dict(s["event"], Step=name), sm),
                      "already current", name)
    checks.check("a retried step after finishSecret returns at once",
                 steps_are_idempotent)

    def second_rotation_blocked():
        second = sm.rotate_secret(SecretId="rot/template")["VersionId"]
        expect_error(sm, "InvalidRequestException",
                     "A previous rotation isn't complete. That rotation will "
                     "be reattempted.",
                     sm.rotate_secret, SecretId="rot/template")
        sm.cancel_rotate_secret(SecretId="rot/template")
        expect_eq(sm.describe_secret(SecretId="rot/template")
                  .get("RotationEnabled"), False, "rotation off")
        expect_true(second in stages_by_version(
            sm.describe_secret(SecretId="rot/template")),
            "cancel leaves the placeholder")
    checks.check("an unfinished rotation blocks the next; cancel turns "
                 "rotation off", second_rotation_blocked)

    # ---- shutdown ---------------------------------------------------------
    def graceful_stop():
        code, seconds = server.stop()
        expect_eq(code, 0, "exit code after SIGTERM")
        expect_true(seconds < 5, "stopped in %.1f s" % seconds)
    checks.check("SIGTERM stops the server cleanly", graceful_stop)


if __name__ == "__main__":
    main_guard("boto3", lambda checks: run(checks, sys.argv[1]))
