#!/usr/bin/env python3
"""Renders docs/benchmarks.md and docs/benchmarks.png from one `./dev bench`
run: the Google Benchmark JSON of //bench:secretstage_bench and, optionally,
the JSON of bench/moto/pure_logic.py and bench/moto/boto3_path.py.

  python3 bench/report.py --cpp CPP.json [--moto-pure PURE.json]
      [--moto-boto3 BOTO3.json] [--out-md docs/benchmarks.md]
      [--out-png docs/benchmarks.png] [--command "./dev bench"]

Every number is the median over the repetitions of a benchmark. The cost of
one operation is Google Benchmark's cpu_time (moto: process CPU time), which
other processes sharing the machine do not inflate; wall time is shown
beside it. Thread scaling is judged on wall time (real_time).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Issue 5 targets.
MAX_RATIO_TO_FLOOR = 2.0
MAX_VERSION_GROWTH = 1.3
MAX_BYTES_PER_SECRET = 600
MIN_READ_SCALING = 1.5
MIN_VS_MOTO_PURE = 20
MIN_VS_MOTO_BOTO3 = 1000
MILLION = 1000000


# --------------------------------------------------------------- loading --
def load_cpp(path):
    """{run_name: {"cpu": ns, "real": ns, "counters": {...}, "threads": T,
    "reps": n}} with the median over repetitions."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    runs = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type", "iteration") != "iteration":
            continue
        if b.get("error_occurred"):
            runs.setdefault(b.get("run_name", b["name"]), []).append(
                {"error": b.get("error_message", "error")})
            continue
        scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
        counters = {k: v for k, v in b.items()
                    if k in ("allocs_per_op", "bytes_per_secret")}
        runs.setdefault(b.get("run_name", b["name"]), []).append({
            "cpu": b["cpu_time"] * scale,
            "real": b["real_time"] * scale,
            "iterations": b["iterations"],
            "threads": b.get("threads", 1),
            "counters": counters,
        })
    out = {}
    for name, reps in runs.items():
        errors = [r["error"] for r in reps if "error" in r]
        reps = [r for r in reps if "error" not in r]
        if not reps:
            out[name] = {"error": errors[0]}
            continue
        keys = set()
        for r in reps:
            keys |= set(r["counters"])
        out[name] = {
            "cpu": statistics.median(r["cpu"] for r in reps),
            "real": statistics.median(r["real"] for r in reps),
            "iterations": int(statistics.median(r["iterations"] for r in reps)),
            "threads": reps[0]["threads"],
            "reps": len(reps),
            "counters": {k: statistics.median(r["counters"][k] for r in reps
                                              if k in r["counters"])
                         for k in keys},
        }
    return data.get("context", {}), out


def load_moto(path):
    if not path or not os.path.exists(path):
        return None, {}
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data, {r["name"]: r for r in data.get("results", [])}


# ------------------------------------------------------------ formatting --
def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e4:
        return "%.1f µs" % (ns / 1e3)
    if ns >= 100:
        return "%.0f ns" % ns
    return "%.1f ns" % ns


def fmt_num(x, digits=2):
    if x is None:
        return "–"
    if abs(x) >= 100:
        return "%.0f" % x
    return ("%." + str(digits) + "f") % x


def fmt_allocs(x):
    if x is None:
        return "–"
    if x < 0:
        return "n/a"
    if abs(x - round(x)) < 0.005:
        return "%d" % round(x)
    return "%.2f" % x


def fmt_ratio(x):
    if x is None:
        return "–"
    if x >= 100:
        return "%.0f×" % x
    return "%.2f×" % x


def verdict(ok):
    if isinstance(ok, str):
        return ok
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**NOT met**"


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(lines)


# --------------------------------------------------------------- machine --
def machine_description(context):
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = "%.1f GiB RAM" % (int(line.split()[1]) / 1024 / 1024)
                    break
    except OSError:
        pass
    caches = ", ".join(
        "L%d%s %d KiB" % (c["level"], {"Data": "d", "Instruction": "i"}.get(
            c["type"], ""), c["size"] // 1024)
        for c in context.get("caches", []))
    parts = ["%s, %d cores (nproc %d)" % (cpu, context.get("num_cpus", 0),
                                          os.cpu_count() or 0)]
    if context.get("mhz_per_cpu"):
        parts.append("%d MHz" % context["mhz_per_cpu"])
    if mem:
        parts.append(mem)
    if caches:
        parts.append("caches: " + caches)
    parts.append("Linux %s" % platform.release())
    thp = ""
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled",
                  encoding="utf-8") as f:
            thp = re.search(r"\[(\w+)\]", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    if thp:
        parts.append("transparent huge pages: %s" % thp)
    return "; ".join(parts)


def commit_description():
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"],
                              capture_output=True, text=True, check=True
                              ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "uncommitted (no git history)"
    dirty = subprocess.run(
        ["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
        capture_output=True, text=True).stdout.strip()
    untracked = subprocess.run(
        ["git", "-C", ROOT, "status", "--porcelain", "--", "bench", "core",
         "protocol", "model"],
        capture_output=True, text=True).stdout.strip()
    if dirty or untracked:
        return "`%s` plus uncommitted changes" % head
    return "`%s`" % head


# ------------------------------------------------------------------ plot --
def render_plot(png, cpp, moto_pure, moto_boto3):
    """ns/op against secrets (2 versions) and against versions (1 secret),
    log-log, ours beside moto's. Needs gnuplot (Debian gnuplot-nox)."""
    gnuplot = shutil.which("gnuplot")
    if gnuplot is None:
        print("report: gnuplot not found, no plot (apt-get install "
              "gnuplot-nox)", file=sys.stderr)
        return False

    def cpu(name):
        r = cpp.get(name)
        return r["cpu"] if r and "cpu" in r else None

    def series(points):
        return "\n".join("%g %g" % (x, y) for x, y in points if y) + "\ne\n"

    by_secrets = {
        "secretstage custom-label move": [
            (s, cpu("BM_MoveCustomLabel/secrets:%d/versions:2" % s))
            for s in (1, 1000, MILLION)],
        "secretstage AWSCURRENT move": [
            (s, cpu("BM_MoveAwsCurrent/secrets:%d/versions:2" % s))
            for s in (1, 1000, MILLION)],
        "floor (flat\\_hash\\_map lookup + update)": [
            (s, cpu("BM_Floor/secrets:%d" % s)) for s in (1, 1000, MILLION)],
        "secretstage via protocol::Dispatch (custom)": [
            (s, cpu("BM_ReplayDispatch/label:custom/secrets:%d/versions:2" % s))
            for s in (1, 1000)],
        "moto pure logic (custom)": [
            (s, moto_pure.get("moto_pure/label:custom/secrets:%d/versions:2"
                              % s, {}).get("cpu_ns_per_op")) for s in (1, 1000)],
        "moto pure logic (AWSCURRENT)": [
            (s, moto_pure.get("moto_pure/label:awscurrent/secrets:%d/versions:2"
                              % s, {}).get("cpu_ns_per_op")) for s in (1, 1000)],
        "moto via boto3 (custom)": [
            (s, moto_boto3.get("moto_boto3/label:custom/secrets:%d/versions:2"
                               % s, {}).get("cpu_ns_per_op")) for s in (1, 1000)],
    }
    by_versions = {
        "secretstage custom-label move": [
            (v, cpu("BM_MoveCustomLabel/secrets:1/versions:%d" % v))
            for v in (2, 20, 100)],
        "secretstage AWSCURRENT move": [
            (v, cpu("BM_MoveAwsCurrent/secrets:1/versions:%d" % v))
            for v in (2, 20, 100)],
        "floor (flat\\_hash\\_map lookup + update)": [
            (v, cpu("BM_Floor/secrets:1")) for v in (2, 20, 100)],
        "secretstage via protocol::Dispatch (custom)": [
            (v, cpu("BM_ReplayDispatch/label:custom/secrets:1/versions:%d" % v))
            for v in (2, 100)],
        "moto pure logic (custom)": [
            (v, moto_pure.get("moto_pure/label:custom/secrets:1/versions:%d"
                              % v, {}).get("cpu_ns_per_op")) for v in (2, 100)],
        "moto pure logic (AWSCURRENT)": [
            (v, moto_pure.get("moto_pure/label:awscurrent/secrets:1/versions:%d"
                              % v, {}).get("cpu_ns_per_op")) for v in (2, 100)],
        "moto via boto3 (custom)": [
            (v, moto_boto3.get("moto_boto3/label:custom/secrets:1/versions:%d"
                               % v, {}).get("cpu_ns_per_op")) for v in (2, 100)],
    }
    styles = {
        "secretstage custom-label move": "lw 2.5 lc rgb '#1f77b4' pt 7 ps 1.2",
        "secretstage AWSCURRENT move": "lw 2.5 lc rgb '#2ca02c' pt 5 ps 1.2",
        "floor (flat\\_hash\\_map lookup + update)": "lw 1.5 dt 2 lc rgb '#555555' pt 1",
        "secretstage via protocol::Dispatch (custom)": "lw 2 lc rgb '#17becf' pt 9",
        "moto pure logic (custom)": "lw 2.5 lc rgb '#d62728' pt 7 ps 1.2",
        "moto pure logic (AWSCURRENT)": "lw 2.5 lc rgb '#ff7f0e' pt 5 ps 1.2",
        "moto via boto3 (custom)": "lw 2 lc rgb '#9467bd' pt 9",
    }

    def plot_cmd(data, xlabel, title, xtics):
        parts, blocks = [], []
        for label, points in data.items():
            if not any(y for _, y in points):
                continue
            parts.append("'-' using 1:2 with linespoints %s title '%s'"
                         % (styles[label], label))
            blocks.append(series(points))
        return ("set title '%s'\nset xlabel '%s'\nset xtics (%s)\n"
                "plot %s\n%s" % (title, xlabel, xtics, ", ".join(parts),
                                 "".join(blocks)))

    script = "\n".join([
        "set terminal pngcairo size 1400,760 font 'DejaVu Sans,11' "
        "background rgb 'white'",
        "set output '%s'" % png,
        "set multiplot layout 1,2",
        "set logscale xy",
        "set format y '10^{%L}'",
        "set ylabel 'ns per UpdateSecretVersionStage (CPU, log scale)'",
        "set yrange [1:1e7]",
        "set grid xtics ytics mytics lc rgb '#dddddd'",
        "set key below maxrows 4 font ',9'",
        "set offsets graph 0.05, graph 0.05, 0, 0",
        plot_cmd(by_secrets, "secrets (2 versions each)",
                 "Label move vs number of secrets",
                 "'1' 1, '1000' 1000, '10^6' 1000000"),
        plot_cmd(by_versions, "versions of the secret (1 secret)",
                 "Label move vs number of versions",
                 "'2' 2, '20' 20, '100' 100"),
        "unset multiplot",
    ])
    result = subprocess.run([gnuplot], input=script, text=True,
                            capture_output=True)
    if result.returncode != 0:
        print("report: gnuplot failed:\n" + result.stderr, file=sys.stderr)
        return False
    return True


# ---------------------------------------------------------------- report --
def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpp", required=True)
    parser.add_argument("--moto-pure")
    parser.add_argument("--moto-boto3")
    parser.add_argument("--out-md", default=os.path.join(ROOT, "docs",
                                                         "benchmarks.md"))
    parser.add_argument("--out-png", default=os.path.join(ROOT, "docs",
                                                          "benchmarks.png"))
    parser.add_argument("--command", default="./dev bench")
    parser.add_argument("--load-before", default="")
    parser.add_argument("--load-after", default="")
    args = parser.parse_args()

    context, cpp = load_cpp(args.cpp)
    moto_pure_data, moto_pure = load_moto(args.moto_pure)
    moto_boto3_data, moto_boto3 = load_moto(args.moto_boto3)

    def get(name):
        r = cpp.get(name)
        return r if r and "cpu" in r else None

    def cpu(name):
        r = get(name)
        return r["cpu"] if r else None

    def counter(name, key):
        r = get(name)
        return r["counters"].get(key) if r else None

    md = []
    out = md.append
    out("# secretstage benchmarks\n")
    out("Generated by `%s` (bench/report.py) on %s. Do not edit by hand: "
        "rerun it.\n" % (args.command,
                         datetime.datetime.now(datetime.timezone.utc)
                         .strftime("%Y-%m-%d %H:%M UTC")))
    out("- **Commit:** %s" % commit_description())
    out("- **Machine:** %s" % machine_description(context))
    load = context.get("load_avg")
    out("- **Load average** (1/5/15 min) when the C++ suite started: %s%s%s"
        % (" / ".join("%.2f" % x for x in load) if load else "?",
           "; before the run: %s" % args.load_before if args.load_before else "",
           "; after: %s" % args.load_after if args.load_after else ""))
    if load and load[0] > (context.get("num_cpus") or 1):
        out("  - **The machine was busy** (load above its %d cores): "
            "wall times and the threads:2 scaling are pessimistic; CPU "
            "times are much less affected." % context.get("num_cpus", 0))
    out("- **Build:** `bazel build --config=opt` (-O2, NDEBUG), gcc %s; "
        "Google Benchmark %s (Debian's libbenchmark, reported as a "
        "`%s` build: that only affects its own bookkeeping outside the "
        "timed loops)." % (_gcc_version(), "1.7.1",
                            context.get("library_build_type", "?")))
    reps = sorted({r.get("reps", 0) for r in cpp.values() if "reps" in r})
    out("- **Method:** each number is the median of %s repetitions. ns/op is "
        "CPU time per operation (moto: process CPU time), which other "
        "processes cannot inflate; wall time is shown beside it. "
        "`allocs_per_op` counts operator new calls in the timed loop "
        "(bench/alloc_counter.cc). `bytes_per_secret` is the growth of VmRSS "
        "(/proc/self/status) while 1,000,000 secrets are created, divided by "
        "1,000,000; each secret has 2 versions with 16-byte SecretString "
        "values (these are included: 2 × a 32-byte heap block), 14-byte names "
        "and 36-byte version ids; nothing is subtracted. Every store uses a "
        "ManualClock. Secrets are picked by a pre-generated random walk that "
        "bench/moto/*.py reproduce exactly (fixtures.h)."
        % ("/".join(str(r) for r in reps) or "?"))
    out("")
    out("![ns/op against secrets and versions, secretstage beside moto]"
        "(benchmarks.png)\n")

    # ------------------------------------------------------- targets ---
    targets = []  # (target, measured, ok)
    move_names = []
    for fam in ("BM_MoveCustomLabel", "BM_MoveAwsCurrent"):
        move_names += [n for n in cpp if n.startswith(fam + "/")]
    allocs = {n: counter(n, "allocs_per_op") for n in move_names}
    measured = [a for a in allocs.values() if a is not None]
    ok = (all(a == 0 for a in measured) if measured else None)
    targets.append((
        "UpdateSecretVersionStage(request, response*) allocates nothing in "
        "steady state, both moves",
        "allocs_per_op max %s over %d benchmarks" % (
            fmt_allocs(max(measured)) if measured else "–", len(measured)),
        ok))
    for s in (1, 1000, MILLION):
        m = cpu("BM_MoveCustomLabel/secrets:%d/versions:2" % s)
        f = cpu("BM_Floor/secrets:%d" % s)
        ratio = m / f if m and f else None
        targets.append((
            "Custom label move ≤ %.0f× BM_Floor at secrets:%d"
            % (MAX_RATIO_TO_FLOOR, s),
            "%s vs floor %s = %s" % (fmt_ns(m), fmt_ns(f), fmt_ratio(ratio)),
            ratio <= MAX_RATIO_TO_FLOOR if ratio else None))
    for fam in ("BM_MoveCustomLabel", "BM_MoveAwsCurrent"):
        v2 = cpu("%s/secrets:1/versions:2" % fam)
        v100 = cpu("%s/secrets:1/versions:100" % fam)
        ratio = v100 / v2 if v2 and v100 else None
        targets.append((
            "Flat in versions (%s): versions:100 ≤ %.1f× versions:2"
            % (fam, MAX_VERSION_GROWTH),
            "%s vs %s = %s" % (fmt_ns(v100), fmt_ns(v2), fmt_ratio(ratio)),
            ratio <= MAX_VERSION_GROWTH if ratio else None))
    bps = counter("BM_MoveCustomLabel/secrets:%d/versions:2" % MILLION,
                  "bytes_per_secret")
    targets.append((
        "Memory ≤ %d bytes per secret at 1M secrets × 2 versions"
        % MAX_BYTES_PER_SECRET,
        "%s bytes" % fmt_num(bps, 0) if bps else "–",
        bps <= MAX_BYTES_PER_SECRET if bps else None))
    busy = bool(load and load[0] > 0.5 * (context.get("num_cpus") or 1))
    for s in (1, 1000, MILLION):
        t1 = get("BM_GetSecretValueByStage/secrets:%d/threads:1" % s)
        t2 = get("BM_GetSecretValueByStage/secrets:%d/threads:2" % s)
        wall = t1["real"] / t2["real"] if t1 and t2 else None
        cpu_proj = 2 * t1["cpu"] / t2["cpu"] if t1 and t2 else None
        if wall is None:
            ok = None
        elif wall >= MIN_READ_SCALING:
            ok = True
        elif busy and cpu_proj >= MIN_READ_SCALING:
            ok = "projected met (machine busy, wall not conclusive)"
        else:
            ok = False
        targets.append((
            "Reads scale at secrets:%d: threads:2 ≥ %.1f× threads:1 "
            "throughput" % (s, MIN_READ_SCALING),
            "wall %s; projected on 2 idle cores from CPU time per read %s"
            % (fmt_ratio(wall), fmt_ratio(cpu_proj)) if wall else "–",
            ok))
    if moto_pure:
        ratios = []
        for r in moto_pure.values():
            fam = ("BM_MoveCustomLabel" if r["label"] == "custom"
                   else "BM_MoveAwsCurrent")
            ours = cpu("%s/secrets:%d/versions:%d" % (fam, r["secrets"],
                                                      r["versions"]))
            if ours:
                ratios.append((r["cpu_ns_per_op"] / ours, r["name"]))
        worst = min(ratios) if ratios else None
        targets.append((
            "≥ %d× moto's pure logic everywhere" % MIN_VS_MOTO_PURE,
            "worst %s (%s)" % (fmt_ratio(worst[0]), worst[1].split("/", 1)[1])
            if worst else "–",
            worst[0] >= MIN_VS_MOTO_PURE if worst else None))
    if moto_boto3:
        ratios = []
        for r in moto_boto3.values():
            ours = cpu("BM_ReplayDispatch/label:%s/secrets:%d/versions:%d"
                       % (r["label"], r["secrets"], r["versions"]))
            if ours:
                ratios.append((r["cpu_ns_per_op"] / ours, r["name"]))
        worst = min(ratios) if ratios else None
        targets.append((
            "≥ %d× moto via boto3 (us via protocol::Dispatch) everywhere"
            % MIN_VS_MOTO_BOTO3,
            "worst %s (%s)" % (fmt_ratio(worst[0]), worst[1].split("/", 1)[1])
            if worst else "–",
            worst[0] >= MIN_VS_MOTO_BOTO3 if worst else None))

    out("## Targets (issue 5)\n")
    out(table(["Target", "Measured", "Verdict"],
              [(t, m, verdict(ok)) for t, m, ok in targets]))
    out("")
    if any(ok is False for _, _, ok in targets):
        out("Targets marked NOT met: what limits them, and what each "
            "optimisation bought, is in [design.md](design.md) "
            "(\"Remaining gaps\").\n")

    # --------------------------------------------------- label moves ---
    def row(name, floor=None, extra=()):
        r = cpp.get(name)
        if r is None:
            return None
        if "error" in r:
            return [name, "error: " + r["error"]] + ["–"] * (4 + len(extra))
        f = cpu(floor) if floor else None
        return ([ "`%s`" % name, fmt_ns(r["cpu"]), fmt_ns(r["real"]),
                 fmt_allocs(r["counters"].get("allocs_per_op")),
                 fmt_num(r["counters"].get("bytes_per_secret"), 0)
                 if "bytes_per_secret" in r["counters"] else "–"]
                + ([fmt_ratio(r["cpu"] / f) if f else "–"] if floor is not None
                   else []) + list(extra))

    header = ["Benchmark", "ns/op (CPU)", "wall", "allocs/op",
              "bytes/secret"]
    out("## Label moves: UpdateSecretVersionStage(request, response*)\n")
    out("A label moved between the newest and the oldest version of a secret "
        "picked at random; AWSCURRENT moves drag AWSPREVIOUS along. "
        "Ratio = ns/op ÷ `BM_Floor` at the same number of secrets.\n")
    rows = []
    for fam in ("BM_MoveCustomLabel", "BM_MoveAwsCurrent"):
        for s, v in ((1, 2), (1000, 2), (MILLION, 2), (1, 20), (1, 100),
                     (1000, 100)):
            r = row("%s/secrets:%d/versions:%d" % (fam, s, v),
                    floor="BM_Floor/secrets:%d" % s)
            if r:
                rows.append(r)
    out(table(header + ["× floor"], rows))
    out("")
    out("### The floor\n")
    out("A bare `absl::flat_hash_map<std::string, T>` lookup by "
        "`absl::string_view` among S keys picked by the same walk, plus an "
        "in-place update of T (bench/floor_bench.cc).\n")
    out(table(header, [r for r in (row("BM_Floor/secrets:%d" % s)
                                   for s in (1, 1000, MILLION)) if r]))
    out("")

    # --------------------------------------------------------- events ---
    out("## Change events: a listener's cost (issue 3)\n")
    out("The custom label move with a listener subscribed for the timed loop "
        "(`Observed`: two events per move), after a listener came and went "
        "(`Unsubscribed`), and never subscribed (`BM_MoveCustomLabel`). "
        "With nobody listening, events cost one relaxed atomic load: "
        "`Unsubscribed` ÷ never subscribed should be 1.00×.\n")
    rows = []
    for s_ in (1, 1000):
        base = "BM_MoveCustomLabel/secrets:%d/versions:2" % s_
        for name in (base,
                     "BM_MoveCustomLabelUnsubscribed/secrets:%d/versions:2" % s_,
                     "BM_MoveCustomLabelObserved/secrets:%d/versions:2" % s_):
            r = get(name)
            if r:
                b = cpu(base)
                rows.append(row(name, extra=(
                    fmt_ratio(r["cpu"] / b) if b else "–",)))
    out(table(header + ["vs never subscribed"], rows))
    out("")

    # ---------------------------------------------------------- other ---
    out("## Other operations\n")
    rows = []
    for name in ("BM_PutSecretValue/secrets:1", "BM_PutSecretValue/secrets:1000",
                 "BM_PutSecretValueBelowQuota/secrets:1",
                 "BM_PutSecretValueBelowQuota/secrets:1000",
                 "BM_DescribeSecret/secrets:1", "BM_DescribeSecret/secrets:1000",
                 "BM_DescribeSecret/secrets:%d" % MILLION,
                 "BM_ResolveSecretId/form:name", "BM_ResolveSecretId/form:arn",
                 "BM_ResolveSecretId/form:partial_arn"):
        r = row(name)
        if r:
            rows.append(r)
    out(table(header, rows))
    out("")
    out("- `BM_PutSecretValue`: every secret is at the 100-version quota and "
        "the clock moves 25 h per put, so each put also purges the oldest "
        "deprecated version (the steady state of a long simulation). "
        "`BM_PutSecretValueBelowQuota`: the same without purges (the store is "
        "rebuilt, timer paused, before any secret reaches the quota).")
    out("- `BM_ResolveSecretId`: a successful no-op UpdateSecretVersionStage "
        "(label PIN \"moved\" to the version holding it) among 1000 secrets, "
        "the id given as name, full ARN or partial ARN.\n")

    out("### Reads and thread scaling\n")
    out("GetSecretValue(VersionStage=AWSCURRENT) on a random secret. With "
        "threads:2, ns/op (CPU) is the CPU cost of one read and throughput is "
        "reads per second of wall time across both threads. *Projected* = "
        "T × CPU ns/op at threads:1 ÷ CPU ns/op at threads:T: the scaling "
        "two idle cores would give (readers never sleep on the shared lock, "
        "so contention shows up as CPU time); it is the number to trust "
        "when the machine was busy.\n")
    rows = []
    for s in (1, 1000, MILLION):
        base = get("BM_GetSecretValueByStage/secrets:%d/threads:1" % s)
        for t in (1, 2):
            name = "BM_GetSecretValueByStage/secrets:%d/threads:%d" % (s, t)
            r = get(name)
            if not r:
                continue
            thr = 1e3 / r["real"]
            scale = base["real"] / r["real"] if base else None
            proj = t * base["cpu"] / r["cpu"] if base else None
            rows.append(row(name, extra=("%.2f" % thr, fmt_ratio(scale),
                                         fmt_ratio(proj))))
    out(table(header + ["Mops/s (wall)", "vs threads:1 (wall)",
                        "projected"], rows))
    out("")

    # ---------------------------------------------------------- wire ---
    out("## Through the wire layer: protocol::Dispatch\n")
    out("One UpdateSecretVersionStage from a JSON body (parse, build the "
        "request, call the store, write the response body) through "
        "`Dispatch(store, op, body, DispatchResult*)`, the form that reuses "
        "the caller's result as a server connection would; HTTP excluded. "
        "A simple body takes the wire fast path (docs/design.md \"Wire fast "
        "path\"); the by-value `Dispatch` costs about 20 ns and one "
        "allocation more.\n")
    rows = []
    for name in ["BM_ReplayDispatch"] + [
            "BM_ReplayDispatch/label:%s/secrets:%d/versions:%d" % (l, s, v)
            for l in ("custom", "awscurrent") for s in (1, 1000)
            for v in (2, 100)]:
        fam = None
        m = re.match(r"BM_ReplayDispatch/label:(\w+)/(secrets:\d+/versions:\d+)",
                     name)
        if m:
            fam = ("BM_MoveCustomLabel/" if m.group(1) == "custom"
                   else "BM_MoveAwsCurrent/") + m.group(2)
        elif name == "BM_ReplayDispatch":
            fam = "BM_MoveCustomLabel/secrets:1/versions:2"
        direct = cpu(fam) if fam else None
        r = get(name)
        if r:
            rows.append(row(name, extra=(
                fmt_ns(direct), fmt_ns(r["cpu"] - direct) if direct else "–")))
    out(table(header + ["direct call", "wire layer adds"], rows))
    out("")

    # ---------------------------------------------------------- moto ---
    if moto_pure or moto_boto3:
        out("## Against moto\n")
        versions = []
        if moto_pure_data:
            versions.append("moto %s" % moto_pure_data.get("moto_version"))
            versions.append("Python %s" % moto_pure_data.get("python"))
        if moto_boto3_data:
            versions.append("boto3 %s" % moto_boto3_data.get("boto3_version"))
        out("%s. Same secrets, versions, labels and random walk on both "
            "sides. *Pure logic*: `SecretsManagerBackend."
            "update_secret_version_stage` called directly "
            "(bench/moto/pure_logic.py) against our direct call. *boto3*: a "
            "boto3 client against `mock_aws` (bench/moto/boto3_path.py) "
            "against our `protocol::Dispatch`. moto resolves a SecretId by "
            "scanning every secret, hence its growth with secrets.\n"
            % ", ".join(versions))
        rows = []
        for label in ("custom", "awscurrent"):
            for s in (1, 1000):
                for v in (2, 100):
                    key = "label:%s/secrets:%d/versions:%d" % (label, s, v)
                    fam = ("BM_MoveCustomLabel" if label == "custom"
                           else "BM_MoveAwsCurrent")
                    ours = cpu("%s/secrets:%d/versions:%d" % (fam, s, v))
                    ours_wire = cpu("BM_ReplayDispatch/" + key)
                    mp = moto_pure.get("moto_pure/" + key, {}).get("cpu_ns_per_op")
                    mb = moto_boto3.get("moto_boto3/" + key, {}).get("cpu_ns_per_op")
                    rp = mp / ours if mp and ours else None
                    rb = mb / ours_wire if mb and ours_wire else None
                    rows.append([
                        "%s, %d secret%s, %d versions" % (
                            "custom label" if label == "custom" else "AWSCURRENT",
                            s, "" if s == 1 else "s", v),
                        fmt_ns(mp), fmt_ns(ours),
                        "%s %s" % (fmt_ratio(rp), "✓" if rp and rp >= MIN_VS_MOTO_PURE
                                   else "✗" if rp else ""),
                        fmt_ns(mb), fmt_ns(ours_wire),
                        "%s %s" % (fmt_ratio(rb), "✓" if rb and rb >= MIN_VS_MOTO_BOTO3
                                   else "✗" if rb else "")])
        out(table(["Move", "moto pure", "secretstage direct",
                   "speed-up (goal ≥ %d×)" % MIN_VS_MOTO_PURE,
                   "moto via boto3", "secretstage via Dispatch",
                   "speed-up (goal ≥ %d×)" % MIN_VS_MOTO_BOTO3], rows))
        out("")

    out("## Reproducing\n")
    out("```\n./dev bench              # everything, writes this file and "
        "benchmarks.png\n./dev bench --no-moto    # C++ only\n"
        "bazel run --config=opt //bench:secretstage_bench -- "
        "--benchmark_filter=BM_Move\n"
        "python3 bench/moto/pure_logic.py; python3 bench/moto/boto3_path.py\n"
        "```\n")

    with open(args.out_md, "w", encoding="utf-8") as f:
        f.write("\n".join(md))
    plotted = render_plot(args.out_png, cpp, moto_pure, moto_boto3)
    print("report: wrote %s%s" % (args.out_md,
                                  " and " + args.out_png if plotted else ""))
    for t, m, ok in targets:
        status = ok if isinstance(ok, str) else {
            True: "met", False: "NOT MET", None: "n/a"}[ok]
        print("  %-9s %s: %s" % (status, t, m))


def _gcc_version():
    try:
        out = subprocess.run(["gcc", "-dumpfullversion"], capture_output=True,
                             text=True).stdout.strip()
        return out or "?"
    except OSError:
        return "?"


if __name__ == "__main__":
    main()
