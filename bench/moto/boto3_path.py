#!/usr/bin/env python3
"""moto through boto3: UpdateSecretVersionStage sent by a boto3 client to
moto's mock_aws (request signing, serialisation, moto's response parsing and
routing, the backend, the response), on the fixture of bench/fixtures.h,
walking the same random sequence as the C++ benchmarks. The C++ counterpart
is BM_ReplayDispatch/label:L/secrets:S/versions:V (protocol::Dispatch).

The fixture is built through moto's backend directly (not timed, and much
faster than 100,000 boto3 calls); only the label moves go through boto3.

Prints JSON like pure_logic.py, with names moto_boto3/label:L/secrets:S/versions:V.

  python3 bench/moto/boto3_path.py [--min-time SECONDS]
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pure_logic  # noqa: E402
import sequence  # noqa: E402


def measure_shape(secrets, versions, min_time):
    import boto3
    from moto import mock_aws
    from moto.secretsmanager.models import secretsmanager_backends

    with mock_aws():
        client = boto3.client(
            "secretsmanager", region_name=sequence.REGION,
            aws_access_key_id="testing", aws_secret_access_key="testing",
            aws_session_token="testing")
        backend = secretsmanager_backends[sequence.ACCOUNT][sequence.REGION]
        t0 = time.time()
        pure_logic.populate(backend, secrets, versions)
        setup_s = time.time() - t0
        names = [sequence.name(i) for i in range(secrets)]
        seq = sequence.index_sequence(secrets)

        def call(secret_id, stage, remove_from, move_to):
            client.update_secret_version_stage(
                SecretId=secret_id, VersionStage=stage,
                RemoveFromVersionId=remove_from, MoveToVersionId=move_to)

        results = []
        for label in sequence.LABELS:
            moves = sequence.move_args(sequence.label_name(label), versions)
            calls = [(names[e >> 1],) + moves[e & 1] for e in seq]
            # Warm-up (client, mock and botocore caches): one whole pair, so
            # the walk below still starts with the label at home.
            call(*calls[0])
            call(*calls[1])
            cpu_ns, wall_ns, iters = pure_logic.time_calls(
                call, calls[2:] + calls[:2], min_time)
            results.append({
                "name": "moto_boto3/label:%s/secrets:%d/versions:%d"
                        % (label, secrets, versions),
                "label": label, "secrets": secrets, "versions": versions,
                "cpu_ns_per_op": cpu_ns, "wall_ns_per_op": wall_ns,
                "iterations": iters,
                "setup_seconds": setup_s,
            })
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-time", type=float, default=0.5)
    args = parser.parse_args()
    import boto3
    import moto
    results = []
    for s, v in sequence.SHAPES:
        results += measure_shape(s, v, args.min_time)
    json.dump({"moto_version": moto.__version__,
               "boto3_version": boto3.__version__,
               "python": sys.version.split()[0],
               "results": results}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
