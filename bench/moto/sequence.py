"""The secret names, version ids, values and random walk of bench/fixtures.h.

Kept identical to the C++ side (same SplitMix64 generator, same seed, same
construction), so that moto and secretstage move the same labels of the same
secrets in the same order.
"""

MASK = (1 << 64) - 1

CUSTOM_LABEL = "BLUE"
ACCOUNT = "123456789012"
REGION = "us-east-1"


def name(i):
    return "secret.%07d" % i


def version_id(i):
    return "%08x-0000-4000-8000-%012x" % (i, i)


def value(i):
    return "value-%010d" % i


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)


def default_length(secrets):
    return min(max(16 * secrets, 16), 1 << 20)


def index_sequence(secrets, length=None, seed=42):
    """[(index << 1) | direction], as IndexSequence in bench/fixtures.cc."""
    if length is None:
        length = default_length(secrets)
    rng = SplitMix64(seed)
    half = length // 2
    entries = [rng.next() % secrets for _ in range(half)]
    entries = entries + entries
    for i in range(len(entries) - 1, 0, -1):
        j = rng.next() % (i + 1)
        entries[i], entries[j] = entries[j], entries[i]
    parity = [0] * secrets
    out = []
    for e in entries:
        out.append((e << 1) | parity[e])
        parity[e] ^= 1
    return out


def move_args(label, versions):
    """The two (VersionStage, RemoveFromVersionId, MoveToVersionId) of a move:
    [0] from VersionId(V-1) ("home") to VersionId(0), [1] back."""
    home, away = version_id(versions - 1), version_id(0)
    return [(label, home, away), (label, away, home)]


def populate(create, put, secrets, versions):
    """Builds the fixture of bench/fixtures.h through two callables:
    create(name, token, value) and put(name, token, value, stages)."""
    for i in range(secrets):
        n = name(i)
        create(n, version_id(0), value(0))
        for v in range(1, versions):
            stages = ["AWSCURRENT", CUSTOM_LABEL] if v == versions - 1 else ["AWSCURRENT"]
            put(n, version_id(v), value(v), stages)


# The grid of the comparison: both labels at each (secrets, versions).
LABELS = ("custom", "awscurrent")
SHAPES = [(s, v) for s in (1, 1000) for v in (2, 100)]


def label_name(label):
    return CUSTOM_LABEL if label == "custom" else "AWSCURRENT"
