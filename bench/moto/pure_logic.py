#!/usr/bin/env python3
"""moto's pure logic: SecretsManagerBackend.update_secret_version_stage called
directly (no boto3, no HTTP, no mock), on the fixture of bench/fixtures.h,
walking the same random sequence as the C++ benchmarks.

Prints JSON: {"moto_version", "results": [{"name", "cpu_ns_per_op",
"wall_ns_per_op", "iterations", ...}]} with names
moto_pure/label:L/secrets:S/versions:V.

  python3 bench/moto/pure_logic.py [--min-time SECONDS]
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sequence  # noqa: E402


def new_backend():
    from moto.secretsmanager.models import SecretsManagerBackend
    return SecretsManagerBackend(region_name=sequence.REGION,
                                 account_id=sequence.ACCOUNT)


def populate(backend, secrets, versions):
    def create(name, token, value):
        backend.create_secret(
            name=name, secret_string=value, secret_binary=None,
            description=None, tags=None, kms_key_id=None,
            client_request_token=token, replica_regions=[],
            force_overwrite=False)

    def put(name, token, value, stages):
        backend.put_secret_value(
            secret_id=name, secret_string=value, secret_binary=None,
            client_request_token=token, version_stages=list(stages))

    sequence.populate(create, put, secrets, versions)


def time_calls(fn, calls, min_time):
    """Runs fn(*calls[k]) for k = 0, 1, ... (cyclically) until at least
    min_time seconds of CPU time have passed. Returns (CPU ns per call, wall
    ns per call, calls made). CPU time is what the C++ side compares with
    (Google Benchmark's cpu_time): it is not inflated when other processes
    share the machine."""
    done = 0
    cpu = wall = 0
    batch = 1
    n = len(calls)
    pos = 0
    while cpu < min_time * 1e9:
        chunk = [calls[(pos + k) % n] for k in range(batch)]
        w0 = time.perf_counter_ns()
        c0 = time.process_time_ns()
        for args in chunk:
            fn(*args)
        cpu += time.process_time_ns() - c0
        wall += time.perf_counter_ns() - w0
        pos = (pos + batch) % n
        done += batch
        batch = min(batch * 2, 4096)
    return cpu / done, wall / done, done


def measure_shape(secrets, versions, min_time):
    """Both labels on one populated backend: the labels move independently,
    and each walk starts at the beginning of the sequence with its label at
    home, as on the C++ side."""
    backend = new_backend()
    t0 = time.time()
    populate(backend, secrets, versions)
    setup_s = time.time() - t0
    names = [sequence.name(i) for i in range(secrets)]
    seq = sequence.index_sequence(secrets)
    results = []
    for label in sequence.LABELS:
        moves = sequence.move_args(sequence.label_name(label), versions)
        calls = [(names[e >> 1],) + moves[e & 1] for e in seq]
        cpu_ns, wall_ns, iters = time_calls(
            backend.update_secret_version_stage, calls, min_time)
        results.append({
            "name": "moto_pure/label:%s/secrets:%d/versions:%d"
                    % (label, secrets, versions),
            "label": label, "secrets": secrets, "versions": versions,
            "cpu_ns_per_op": cpu_ns, "wall_ns_per_op": wall_ns,
            "iterations": iters, "setup_seconds": setup_s,
        })
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-time", type=float, default=0.5)
    args = parser.parse_args()
    import moto
    results = []
    for s, v in sequence.SHAPES:
        results += measure_shape(s, v, args.min_time)
    json.dump({"moto_version": moto.__version__,
               "python": sys.version.split()[0],
               "results": results}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
