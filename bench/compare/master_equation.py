#!/usr/bin/python3
"""The superdeterministic master equation solved with numpy + scipy, the problem of
SuperdeterministicBench.masterEquation: for N = 16, 32, 64 a complex Gaussian Hermitian H scaled
to spectral norm 1, a random pure state, kappa = 10, one random sign pattern, t from 0 to 5/kappa
with 200 output times, atol 1e-8, rtol 1e-6, the basis change V^dagger H V included.

The right-hand side is structured the same way as Beable's MasterEquation: H rho once per
evaluation, -i[H, rho] = -i(H rho - (H rho)^dagger), and the dissipator in O(N^2) from the signs
(kappa (diag(gain) - (gamma_I + gamma_J)/2 rho_IJ)); scipy's solve_ivp RK45 (Dormand-Prince 5(4))
integrates the complex N x N matrix. Prints the median milliseconds per solve.

    /usr/bin/python3 bench/compare/master_equation.py [repeats]
"""
import sys
import time

import numpy as np
from scipy.integrate import solve_ivp


def random_hermitian(n, rng):
    a = rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n))
    h = (a + a.conj().T) / 2
    return h / np.max(np.abs(np.linalg.eigvalsh(h)))


def random_pure(n, rng):
    psi = rng.normal(size=n) + 1j * rng.normal(size=n)
    psi /= np.linalg.norm(psi)
    return np.outer(psi, psi.conj())


def gamma_of(positive):
    """gamma_I = I (1 - theta_I) + sum_{J > I} theta_J, positions 1 ... N-1 carry signs."""
    n = len(positive)
    theta = positive.astype(float)
    theta[0] = 0
    above = np.concatenate([np.cumsum(theta[::-1])[::-1][1:], [0.0]])
    own = np.where((np.arange(n) > 0) & ~positive, np.arange(n), 0)
    return own + above


def gain_of(positive, pop):
    theta = positive.astype(float)
    theta[0] = 0
    below = np.concatenate([[0.0], np.cumsum(pop)[:-1]])
    negative = (1 - theta) * pop
    negative[0] = 0
    above = np.concatenate([np.cumsum(negative[::-1])[::-1][1:], [0.0]])
    return theta * below + above


def solve(n, seed):
    rng = np.random.default_rng(seed)
    kappa = 10.0
    end = 5 / kappa
    h = random_hermitian(n, rng)
    rho0 = random_pure(n, rng)
    positive = rng.random(n) < 0.5
    times = np.linspace(0, end, 200)

    start = time.perf_counter()
    v, _ = np.linalg.qr(rng.normal(size=(n, n)) + 1j * rng.normal(size=(n, n)))  # the detection basis
    hb = v.conj().T @ h @ v
    rho_b = v.conj().T @ rho0 @ v
    gamma = gamma_of(positive)
    rates = kappa * (gamma[:, None] + gamma[None, :]) / 2

    def rhs(_, y):
        rho = y.reshape(n, n)
        hr = hb @ rho
        d = -1j * (hr - hr.conj().T) - rates * rho
        d[np.diag_indices(n)] += kappa * gain_of(positive, rho.diagonal().real)
        return d.ravel()

    out = solve_ivp(rhs, (0, end), rho_b.ravel(), method="RK45", t_eval=times, atol=1e-8, rtol=1e-6)
    elapsed = time.perf_counter() - start
    trace = out.y[:, -1].reshape(n, n).trace().real
    if not out.success or abs(trace - 1) > 1e-6:
        raise SystemExit(f"N = {n}: solve failed ({out.message}, trace {trace})")
    return elapsed, out.nfev


def main():
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    print(f"numpy {np.__version__}, scipy RK45; median of {repeats} solves")
    for n in (16, 32, 64):
        runs = [solve(n, 2024 + n) for _ in range(repeats)]
        ms = sorted(1000 * t for t, _ in runs)
        print(f"N = {n:3d}: {ms[len(ms) // 2]:8.2f} ms per solve  ({runs[0][1]} evaluations)")


if __name__ == "__main__":
    main()
