#!/usr/bin/env python3
"""Compares two `label value` result files (Beable's, then QuTiP's) from the Lindblad comparison.

Prints the largest absolute difference per problem group (the label up to its first '/') and
overall, where the dephased singlet also has a closed form S(t) = sqrt(2) (1 + exp(-4 gamma t)),
each side's distance from it, and the time ratio QuTiP / Beable. Exits 1 if the files do not
hold the same labels. Standard library only.
"""
import math
import sys

SINGLET_GAMMA = 0.5
TIMES = ("time_first_s", "time_s", "time_default_tolerances_s")


def read(path):
    values = {}
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            label, value = line.split()
            values[label] = float(value)
    return values


def closed_form(label):
    """S(t) for singlet/t=T/S, else None."""
    if not label.startswith("singlet/"):
        return None
    t = float(label.split("/")[1][len("t="):])
    return math.sqrt(2) * (1 + math.exp(-4 * SINGLET_GAMMA * t))


def main(beable_path, qutip_path):
    beable, qutip = read(beable_path), read(qutip_path)
    labels = [k for k in beable if k not in TIMES]
    missing = sorted(set(labels) ^ {k for k in qutip if k not in TIMES})
    if missing:
        print("the two sides computed different things: " + ", ".join(missing[:5]))
        return 1
    groups = {}
    for label in labels:
        group = label.split("/")[0]
        worst = groups.get(group, (0.0, ""))
        diff = abs(beable[label] - qutip[label])
        if diff >= worst[0]:
            groups[group] = (diff, label)
    print("%-10s %6s  %-12s %s" % ("problem", "values", "max |diff|", "at"))
    for group, (diff, label) in groups.items():
        count = sum(1 for k in labels if k.split("/")[0] == group)
        print("%-10s %6d  %-12.2e %s" % (group, count, diff, label))
    overall = max(d for d, _ in groups.values())
    print("%-10s %6d  %-12.2e" % ("all", len(labels), overall))
    exact = [(k, closed_form(k)) for k in labels if closed_form(k) is not None]
    if exact:
        print("singlet S(t) against sqrt(2)(1 + e^(-4 gamma t)): Beable %.2e, QuTiP %.2e" % (
            max(abs(beable[k] - s) for k, s in exact), max(abs(qutip[k] - s) for k, s in exact)))
    print("time (best of four passes after the first): QuTiP %.3f s, Beable %.3f s, ratio QuTiP/Beable %.1f" % (
        qutip["time_s"], beable["time_s"], qutip["time_s"] / beable["time_s"]))
    print("time (first pass, Beable's JVM cold): QuTiP %.3f s, Beable %.3f s, ratio %.1f" % (
        qutip["time_first_s"], beable["time_first_s"], qutip["time_first_s"] / beable["time_first_s"]))
    if "time_default_tolerances_s" in qutip:
        print("QuTiP at its default tolerances (atol 1e-8, rtol 1e-6): %.3f s, ratio %.1f" % (
            qutip["time_default_tolerances_s"], qutip["time_default_tolerances_s"] / beable["time_s"]))
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: difference.py BEABLE_RESULTS QUTIP_RESULTS")
    sys.exit(main(sys.argv[1], sys.argv[2]))
