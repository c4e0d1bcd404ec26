#!/usr/bin/env python3
"""QuTiP's half of bench/compare/run-chain: the transverse-field Ising chain H = sum X_k + 0.7 sum Z_k Z_k+1
on n qubits, built with tensor() and evolved from |0...0> to t = 1 by sesolve (atol = 1e-12, rtol = 1e-10),
<Z_1> and <Z_1 Z_2> printed as `label value` lines with the best time of four (build + evolve);
with --compare BEABLE QUTIP prints the side-by-side table."""
import sys
import time

PASSES = 20


def chain(n):
    import qutip as qt
    ident, x, z = qt.qeye(2), qt.sigmax(), qt.sigmaz()

    def on(op, k):
        return qt.tensor([op if j == k else ident for j in range(n)])

    h = on(x, 0)
    for k in range(1, n):
        h = h + on(x, k) + 0.7 * on(z, k - 1) * on(z, k)
    psi = qt.tensor([qt.basis(2, 0)] * n)
    opts = qt.Options(atol=1e-12, rtol=1e-10)
    result = qt.sesolve(h, psi, [0.0, 1.0], e_ops=[on(z, 0), on(z, 0) * on(z, 1)], options=opts)
    return result.expect[0][-1], result.expect[1][-1]


def run(sizes):
    for n in sizes:
        best = float("inf")
        for _ in range(PASSES):
            start = time.perf_counter()
            z1, z1z2 = chain(n)
            best = min(best, time.perf_counter() - start)
        label = f"chain/n={n}/"
        print(f"{label}time_s {best:.6f}")
        print(f"{label}z1 {z1:.17g}")
        print(f"{label}z1z2 {z1z2:.17g}")


def read(path):
    with open(path) as f:
        return dict(line.split() for line in f if line.strip() and not line.startswith("#"))


def compare(beable_path, qutip_path):
    ours, theirs = read(beable_path), read(qutip_path)
    sizes = sorted({int(label.split("/")[1][2:]) for label in ours})
    print(f"{'qubits':>6} {'Beable s':>10} {'QuTiP s':>10} {'Beable/QuTiP':>13} {'<Z1> Beable':>20} {'max |diff|':>11}")
    for n in sizes:
        p = f"chain/n={n}/"
        t_ours, t_theirs = float(ours[p + "time_s"]), float(theirs[p + "time_s"])
        diff = max(abs(float(ours[p + k]) - float(theirs[p + k])) for k in ("z1", "z1z2"))
        print(f"{n:>6} {t_ours:>10.3f} {t_theirs:>10.3f} {t_ours / t_theirs:>13.2f} {float(ours[p + 'z1']):>20.12f} {diff:>11.1e}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        run([int(a) for a in sys.argv[1:]] or [10, 12, 14])
