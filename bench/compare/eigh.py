#!/usr/bin/env python3
"""numpy's eigh (LAPACK zheevd) on the matrices of EigenComparison.java, in the same `label value`
format (best wall-clock and best process CPU time of five runs after a warm-up); with --compare
BEABLE NUMPY prints the side-by-side table and the wall-clock and CPU time ratios."""
import sys
import time

REPEATS = 5


def matrix(n):
    import numpy as np
    j = np.arange(n, dtype=np.int64).reshape(-1, 1)
    k = np.arange(n, dtype=np.int64).reshape(1, -1)

    def u(a, b, salt):  # EigenComparison.uniform: Knuth's multiplicative hash, in [-0.5, 0.5)
        mixed = (a * 1_000_003 + b * 7_919 + salt * 12_345) * 2_654_435_761  # < 2^63 for n < 8000
        return (mixed & 0xFFFFFFFF) / 4294967296.0 - 0.5

    re = 0.5 * (u(j, k, 1) + u(k, j, 1))
    im = 0.5 * (u(j, k, 2) - u(k, j, 2))
    return re + 1j * im


def run(sizes):
    import numpy as np
    for n in sizes:
        h = matrix(n)
        np.linalg.eigh(h)  # warm-up, as on the Java side
        best = best_cpu = float("inf")
        for _ in range(REPEATS):
            cpu_start = time.process_time()
            start = time.perf_counter()
            w, v = np.linalg.eigh(h)
            best = min(best, time.perf_counter() - start)
            best_cpu = min(best_cpu, time.process_time() - cpu_start)
        residual = np.abs(h @ v - v * w).max() / np.linalg.norm(h)
        unitarity = np.abs(v.conj().T @ v - np.eye(n)).max()
        label = f"eigh/n={n}/"
        print(f"{label}time_s {best:.6f}")
        print(f"{label}cpu_s {best_cpu:.6f}")
        print(f"{label}residual {residual:.3e}")
        print(f"{label}unitarity {unitarity:.3e}")
        for i in (0, n // 2, n - 1):
            print(f"{label}value_{i} {w[i]:.17g}")


def read(path):
    with open(path) as f:
        return dict(line.split() for line in f if line.strip() and not line.startswith("#"))


def compare(beable_path, numpy_path):
    ours, theirs = read(beable_path), read(numpy_path)
    sizes = sorted({int(label.split("/")[1][2:]) for label in ours})
    print(f"{'n':>6} {'Beable s':>10} {'numpy s':>10} {'wall ratio':>11} {'CPU ratio':>10} "
          f"{'residual':>10} {'unitarity':>10} {'max |dλ|':>10}")
    for n in sizes:
        p = f"eigh/n={n}/"
        t_ours, t_theirs = float(ours[p + "time_s"]), float(theirs[p + "time_s"])
        cpu_ratio = float(ours[p + "cpu_s"]) / float(theirs[p + "cpu_s"])
        dvalue = max(abs(float(ours[key]) - float(theirs[key])) for key in ours if key.startswith(p + "value_"))
        print(f"{n:>6} {t_ours:>10.3f} {t_theirs:>10.3f} {t_ours / t_theirs:>11.2f} {cpu_ratio:>10.2f} "
              f"{float(ours[p + 'residual']):>10.1e} {float(ours[p + 'unitarity']):>10.1e} {dvalue:>10.1e}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        run([int(a) for a in sys.argv[1:]] or [256, 512, 1024])
