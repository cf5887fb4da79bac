#!/usr/bin/env python3
"""Writes the seed corpus of //tests/fuzz (see store_fuzz.cc for the format).

  python3 tests/fuzz/make_corpus.py [OUT_DIR]     (default tests/fuzz/corpus)

Deterministic (fixed seeds), so rerunning it rewrites the same files:
  ops-NNN      mode 0: random 8-byte RandomOp seeds (random op sequences over
               the tiny alphabet of tests/reference/ops.h), 8 to 200 ops each;
  json-NAME    mode 1: raw JSON request bodies, one call per line: the call
               shapes of the recorded AWS tests (tests/recordings/), every
               operation Dispatch knows, and malformed bodies.
Inputs that libFuzzer finds later can be added to the directory as they are.
"""
import json
import os
import random
import sys

OPS = ["CreateSecret", "PutSecretValue", "UpdateSecret",
       "UpdateSecretVersionStage", "GetSecretValue", "DescribeSecret",
       "ListSecretVersionIds", "DeleteSecret", "RestoreSecret",
       "RotateSecret", "CancelRotateSecret", "ListSecrets",
       "BatchGetSecretValue", "TagResource", "UntagResource",
       "GetRandomPassword", "ValidateResourcePolicy"]


def tok(n):
    return "tok-%028d" % n


def line(op, body):
    """One call: a selector byte (68 + index, so index = byte % 17) and the
    body; bodies are single-line JSON (or deliberately not JSON)."""
    text = body if isinstance(body, str) else json.dumps(body, separators=(",", ":"))
    assert "\n" not in text
    return bytes([68 + OPS.index(op)]) + text.encode()


def json_inputs():
    arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:"
    S = "s0"
    scenarios = {
        # test_update_secret_version_stages_current_pending_cycle and friends.
        "version-stage-cycle": [
            ("PutSecretValue", {"SecretId": S, "SecretString": "S2", "VersionStages": ["AWSPENDING"], "ClientRequestToken": tok(3)}),
            ("UpdateSecretVersionStage", {"SecretId": S, "VersionStage": "AWSCURRENT", "RemoveFromVersionId": tok(1), "MoveToVersionId": tok(3)}),
            ("ListSecretVersionIds", {"SecretId": S}),
            ("GetSecretValue", {"SecretId": S}),
            ("PutSecretValue", {"SecretId": S, "SecretString": "S3", "VersionStages": ["AWSPENDING", "PUT2"], "ClientRequestToken": tok(4)}),
            ("UpdateSecretVersionStage", {"SecretId": S, "VersionStage": "AWSCURRENT", "MoveToVersionId": tok(4)}),
            ("UpdateSecretVersionStage", {"SecretId": S, "VersionStage": "PUT2", "RemoveFromVersionId": tok(4)}),
            ("ListSecretVersionIds", {"SecretId": S, "IncludeDeprecated": True, "MaxResults": 1}),
        ],
        "put-labels": [
            ("PutSecretValue", {"SecretId": S, "SecretString": "x", "VersionStages": ["one", "two", "three"], "ClientRequestToken": tok(5)}),
            ("PutSecretValue", {"SecretId": S, "SecretString": "y", "VersionStages": ["one", "two", "four"], "ClientRequestToken": tok(6)}),
            ("PutSecretValue", {"SecretId": S, "SecretString": "y", "VersionStages": [], "ClientRequestToken": tok(7)}),
            ("PutSecretValue", {"SecretId": S, "SecretBinary": "AAEC/w==", "ClientRequestToken": tok(8)}),
            ("PutSecretValue", {"SecretId": S, "SecretBinary": "not base64!", "ClientRequestToken": tok(9)}),
            ("PutSecretValue", {"SecretId": S, "SecretString": "x"}),
        ],
        "create-update": [
            ("CreateSecret", {"Name": "s2-a1B2c3", "SecretString": "v", "Description": "d", "ClientRequestToken": tok(10), "Tags": [{"Key": "k", "Value": "v"}]}),
            ("CreateSecret", {"Name": "s2-a1B2c3", "SecretString": "v", "ClientRequestToken": tok(10)}),
            ("CreateSecret", {"Name": "s2-a1B2c3", "SecretString": "w", "ClientRequestToken": tok(10)}),
            ("UpdateSecret", {"SecretId": "s2-a1B2c3", "Description": "MyDescription", "ClientRequestToken": tok(11)}),
            ("UpdateSecret", {"SecretId": arn + "s2-a1B2c3", "SecretString": "n", "ClientRequestToken": tok(12)}),
            ("UpdateSecret", {"SecretId": "s2-a1B2c3", "KmsKeyId": ""}),
            ("CreateSecret", {"Name": "Inv Name", "SecretString": "x"}),
            ("CreateSecret", {"Name": "", "SecretString": "x"}),
        ],
        "delete-restore": [
            ("DeleteSecret", {"SecretId": S, "RecoveryWindowInDays": 7}),
            ("CreateSecret", {"Name": S, "SecretString": "x", "ClientRequestToken": tok(13)}),
            ("TagResource", {"SecretId": S, "Tags": [{"Key": "new-tag", "Value": "v"}]}),
            ("UntagResource", {"SecretId": S, "TagKeys": ["new-tag"]}),
            ("DescribeSecret", {"SecretId": S}),
            ("RestoreSecret", {"SecretId": S}),
            ("DeleteSecret", {"SecretId": S, "ForceDeleteWithoutRecovery": True}),
            ("DeleteSecret", {"SecretId": S, "ForceDeleteWithoutRecovery": True, "RecoveryWindowInDays": 7}),
            ("DeleteSecret", {"SecretId": arn + "elsewhere-AbCd12", "ForceDeleteWithoutRecovery": True}),
        ],
        "rotation": [
            ("RotateSecret", {"SecretId": S, "RotationRules": {"AutomaticallyAfterDays": 1}, "ClientRequestToken": tok(14)}),
            ("RotateSecret", {"SecretId": S, "RotationLambdaARN": "arn:aws:lambda:us-east-1:123456789012:function:f", "RotationRules": {"AutomaticallyAfterDays": 1}, "ClientRequestToken": tok(15)}),
            ("RotateSecret", {"SecretId": S, "RotateImmediately": False, "ClientRequestToken": tok(16)}),
            ("RotateSecret", {"SecretId": S}),
            ("CancelRotateSecret", {"SecretId": S}),
            ("RotateSecret", {"SecretId": "s1", "RotationLambdaARN": "arn:aws:lambda:us-east-1:123456789012:function:f", "RotationRules": {"ScheduleExpression": "rate(4 hours)", "Duration": "2h"}, "ClientRequestToken": tok(17)}),
            ("PutSecretValue", {"SecretId": "s1", "SecretString": "p", "VersionStages": ["AWSPENDING"], "ClientRequestToken": tok(17)}),
        ],
        "listing": [
            ("ListSecrets", {}),
            ("ListSecrets", {"IncludePlannedDeletion": True, "MaxResults": 1, "SortOrder": "asc", "Filters": [{"Key": "name", "Values": ["s", "!x"]}]}),
            ("ListSecrets", {"NextToken": "garbage"}),
            ("BatchGetSecretValue", {"SecretIdList": ["s0", "s1", "missing", "Inv Name"]}),
            ("BatchGetSecretValue", {"Filters": [{"Key": "all", "Values": ["s"]}], "MaxResults": 1}),
            ("BatchGetSecretValue", {}),
            ("GetRandomPassword", {"PasswordLength": 20, "ExcludePunctuation": True}),
            ("GetRandomPassword", {"PasswordLength": 0}),
        ],
        "reads": [
            ("GetSecretValue", {"SecretId": S, "VersionId": tok(1), "VersionStage": "AWSPREVIOUS"}),
            ("GetSecretValue", {"SecretId": S, "VersionStage": "AWSPENDING"}),
            ("GetSecretValue", {"SecretId": "s1"}),
            ("GetSecretValue", {"SecretId": arn + "s0"}),
            ("GetSecretValue", {"SecretId": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:s0"}),
            ("ListSecretVersionIds", {"SecretId": S, "NextToken": tok(1), "MaxResults": 101}),
            ("DescribeSecret", {"SecretId": " Inv Name"}),
            ("ValidateResourcePolicy", {"SecretId": S, "ResourcePolicy": "{}"}),
        ],
        "malformed": [
            ("CreateSecret", "not json"),
            ("PutSecretValue", "[1,2]"),
            ("GetSecretValue", '{"SecretId": 5}'),
            ("UpdateSecretVersionStage", '{"SecretId":"s0"}'),
            ("DeleteSecret", '{"SecretId":"s0","RecoveryWindowInDays":"7"}'),
            ("ListSecretVersionIds", '{"SecretId":"s0","MaxResults":1e400}'),
            ("CreateSecret", ""),
            ("TagResource", '{"SecretId":"s0","Tags":[{"Key":""}]}'),
        ],
    }
    return {name: b"\x01" + b"\n".join(line(op, body) for op, body in calls)
            for name, calls in scenarios.items()}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "corpus")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(4)
    for i in range(40):
        n_ops = rng.choice([8, 30, 60, 120, 200])
        data = b"\x00" + bytes(rng.getrandbits(8) for _ in range(8 * n_ops))
        with open(os.path.join(out, "ops-%03d" % i), "wb") as f:
            f.write(data)
    for name, data in json_inputs().items():
        with open(os.path.join(out, "json-" + name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
