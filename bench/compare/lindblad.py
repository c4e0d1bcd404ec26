#!/usr/bin/env python3
"""The Lindblad comparison problems solved with QuTiP.

    lindblad.py                 QuTiP's mesolve at atol = rtol = 1e-12 (timed), the comparison proper
    lindblad.py --method expm   QuTiP's liouvillian() exponentiated by scipy's expm_multiply, a
                                reference exact to rounding, to tell whose error a difference is

Prints one `label value` line per number, the labels and problems being exactly those of
src/test/java/org/beable/bench/LindbladComparison.java:

  singlet/t=T/S      CHSH S of the singlet, both qubits dephased (L = sqrt(0.5) Z on each),
                     spin(θ) = sin θ X + cos θ Z, angles a in {0, π/2}, b in {π/4, −π/4}
  chainN/t=T/Zk, Xk  ⟨Z_k⟩, ⟨X_k⟩ for an N-qubit chain, H = Σ J(XX + YY) + Δ ZZ + Σ 0.2k Z_k + 0.3 X_0,
                     jumps sqrt(0.1) Z_k and sqrt(0.05) σ−_k, from |+>|1>|0>|1>...
  time_first_s       seconds for the whole set, first pass
  time_s             seconds for the whole set, the best of four more passes (the machine may be shared)
  time_default_tolerances_s   (mesolve only) the same at QuTiP's default tolerances

Everything runs on one thread (QuTiP without OpenMP; run-lindblad also sets OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS to 1), as LindbladModel does.

Factor order is QuTiP's tensor order, the first factor most significant, as in Beable; |0> = basis(2, 0)
is spin up, and sigmam() = |1><0| lowers it.
"""
import argparse
import sys
import time

import numpy as np
import qutip as qt
from scipy.sparse.linalg import expm_multiply

SINGLET_GAMMA = 0.5
SINGLET_TIMES = [0, 0.05, 0.1, 0.2, 0.5, 1, 2]
CHAIN_SIZES = [3, 4, 5]
CHAIN_TIMES = [0.5, 1, 2, 3, 5]
COUPLING, ANISOTROPY, FIELD_STEP, DRIVE = 1.0, 0.5, 0.2, 0.3
DEPHASING, DAMPING = 0.1, 0.05

# One thread, as Beable solves one state on one thread: QuTiP's OpenMP products, on a machine
# shared with other work, made the same solve anywhere from 0.4 s to 16 s.
TIGHT = qt.Options(atol=1e-12, rtol=1e-12, nsteps=10**7, use_openmp=False)
DEFAULT = qt.Options(use_openmp=False)


# ---------------------------------------------------------------- two ways to get ρ(t)

def by_mesolve(options):
    def states(hamiltonian, rho0, jumps, times):
        return qt.mesolve(hamiltonian, rho0, times, jumps, [], options=options).states
    return states


def by_exponential(hamiltonian, rho0, jumps, times):
    """exp(𝓛t) vec ρ0 for each t, with QuTiP's column-stacked superoperator."""
    liouvillian = qt.liouvillian(hamiltonian, jumps).data.tocsc()
    start = rho0.full().reshape(-1, order="F")
    d = rho0.shape[0]
    out = []
    for t in times:
        v = start if t == 0 else expm_multiply(liouvillian * t, start)
        out.append(qt.Qobj(v.reshape(d, d, order="F"), dims=rho0.dims))
    return out


# ---------------------------------------------------------------- the problems

def on(n, k, op):
    return qt.tensor([op if q == k else qt.qeye(2) for q in range(n)])


def spin(theta):
    return np.sin(theta) * qt.sigmax() + np.cos(theta) * qt.sigmaz()


def label(t):
    return "%g" % t


def singlet_chsh(solve):
    up, down = qt.basis(2, 0), qt.basis(2, 1)
    singlet = qt.ket2dm((qt.tensor(up, down) - qt.tensor(down, up)).unit())
    g = np.sqrt(SINGLET_GAMMA)
    jumps = [g * on(2, 0, qt.sigmaz()), g * on(2, 1, qt.sigmaz())]
    hamiltonian = 0 * on(2, 0, qt.qeye(2))
    lines = []
    for t, rho in zip(SINGLET_TIMES, solve(hamiltonian, singlet, jumps, SINGLET_TIMES)):
        def e(a, b):
            return qt.expect(qt.tensor(spin(a), spin(b)), rho)
        s = abs(e(0, np.pi / 4) + e(0, -np.pi / 4) + e(np.pi / 2, np.pi / 4) - e(np.pi / 2, -np.pi / 4))
        lines.append(("singlet/t=%s/S" % label(t), s))
    return lines


def chain(n, solve):
    x, y, z = qt.sigmax(), qt.sigmay(), qt.sigmaz()
    h = 0 * on(n, 0, qt.qeye(2))
    for k in range(n - 1):
        h += COUPLING * (on(n, k, x) * on(n, k + 1, x) + on(n, k, y) * on(n, k + 1, y))
        h += ANISOTROPY * on(n, k, z) * on(n, k + 1, z)
    for k in range(n):
        h += FIELD_STEP * k * on(n, k, z)
    h += DRIVE * on(n, 0, x)
    jumps = []
    for k in range(n):
        jumps.append(np.sqrt(DEPHASING) * on(n, k, z))
        jumps.append(np.sqrt(DAMPING) * on(n, k, qt.sigmam()))
    factors = [(qt.basis(2, 0) + qt.basis(2, 1)).unit()]
    factors += [qt.basis(2, 1) if k % 2 == 1 else qt.basis(2, 0) for k in range(1, n)]
    rho0 = qt.ket2dm(qt.tensor(factors))
    states = solve(h, rho0, jumps, [0] + CHAIN_TIMES)[1:]
    lines = []
    for t, rho in zip(CHAIN_TIMES, states):
        for k in range(n):
            at = "chain%d/t=%s/" % (n, label(t))
            lines.append((at + "Z%d" % k, qt.expect(on(n, k, z), rho)))
            lines.append((at + "X%d" % k, qt.expect(on(n, k, x), rho)))
    return lines


def solve_all(solve):
    lines = singlet_chsh(solve)
    for n in CHAIN_SIZES:
        lines += chain(n, solve)
    return lines


PASSES = 4


def timed(solve):
    start = time.perf_counter()
    lines = solve_all(solve)
    return lines, time.perf_counter() - start


def best_time(solve):
    return min(timed(solve)[1] for _ in range(PASSES))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", choices=["mesolve", "expm"], default="mesolve")
    method = parser.parse_args().method
    solve = by_mesolve(TIGHT) if method == "mesolve" else by_exponential
    lines, first = timed(solve)
    best = best_time(solve)
    out = ["# qutip %s, %s" % (qt.__version__, "mesolve, atol = rtol = 1e-12" if method == "mesolve"
                                 else "liouvillian() and scipy expm_multiply")]
    out += ["%s %.17g" % (name, value) for name, value in lines]
    out += ["time_first_s %.17g" % first, "time_s %.17g" % best]
    if method == "mesolve":
        out.append("time_default_tolerances_s %.17g" % best_time(by_mesolve(DEFAULT)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
