#!/usr/bin/env python3
"""Beable's quantum-information builtins against QuTiP on fixed random states.

    /usr/bin/python3 bench/compare/quantum_information.py

Draws a few random states with a fixed numpy seed (two-qubit density matrices of full rank and
of rank 2, a two-qubit ket, a qubit ⊗ qutrit density matrix), computes entropy, purity,
fidelity, trace distance, partial transpose, negativity, log-negativity, concurrence and
mutual information with QuTiP, and writes Beable scripts holding the same states as matrix
literals, each line printing `label  beable_value - qutip_value`. Printing the difference,
rather than Beable's value, keeps its full precision (Beable prints 10 significant digits).
Then runs the scripts and prints, per label, QuTiP's value and the difference, and the largest
difference overall.

Conventions are QuTiP's on both sides: natural logarithms unless base 2 is asked for, the
fidelity Tr √(√ρ σ √ρ) NOT squared, negativity (‖ρ^T‖₁ − 1)/2. The first factor is the most
significant in both (QuTiP's tensor order is Beable's system order).

Needs QuTiP (Debian: apt-get install python3-qutip, for /usr/bin/python3) and a compiled Beable
(mvn -q -o compile); the classpath comes from `mvn dependency:build-classpath` the first time.
Extra Maven options (e.g. -o) go in MVN_ARGS. Exits 1 if a difference exceeds 1e-7 (see LIMIT).
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import qutip as qt

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = 20261207
# Full-rank states agree to ~1e-15. Where a matrix whose square root is taken is rank-deficient
# (fidelity with a low-rank state, concurrence of a low-rank state), the zero eigenvalues come out
# as ±1e-17 and their square roots as ~3e-9, on either side: differences up to ~1e-8 are rounding.
LIMIT = 1e-7


# ---------------------------------------------------------------- states

def random_density(rng, d, rank):
    g = rng.normal(size=(d, rank)) + 1j * rng.normal(size=(d, rank))
    rho = g @ g.conj().T
    return rho / np.trace(rho).real


def random_ket(rng, d):
    v = rng.normal(size=d) + 1j * rng.normal(size=d)
    return v / np.linalg.norm(v)


def literal(matrix):
    """A Beable matrix literal with every digit of each entry."""
    rows = []
    for row in np.atleast_2d(matrix):
        rows.append(", ".join("(%r + (%r)*i)" % (float(z.real), float(z.imag)) for z in row))
    return "[" + "; ".join(rows) + "]"


# ---------------------------------------------------------------- the comparisons

def two_qubit_lines(rng):
    dims = [2, 2]
    states = {
        "rho1": random_density(rng, 4, 4),
        "rho2": random_density(rng, 4, 4),
        "rank2": random_density(rng, 4, 2),
    }
    psi = random_ket(rng, 4)
    q = {name: qt.Qobj(m, dims=[dims, dims]) for name, m in states.items()}
    q["psi"] = qt.Qobj(psi.reshape(4, 1), dims=[dims, [1, 1]])
    script = ["system a : qubit", "system b : qubit"]
    script += ["let %s = %s" % (name, literal(m)) for name, m in states.items()]
    script.append("let psi = %s" % literal(psi.reshape(4, 1)))
    checks = []
    for name in ["rho1", "rho2", "rank2", "psi"]:
        rho = q[name] if q[name].isoper else qt.ket2dm(q[name])
        checks += [
            ("entropy(%s)" % name, qt.entropy_vn(rho)),
            ("entropy(%s, base = 2)" % name, qt.entropy_vn(rho, base=2)),
            ("entropy(reduce(%s, a))" % name, qt.entropy_vn(rho.ptrace(0))),
            ("purity(%s)" % name, (rho * rho).tr().real),
            ("negativity(%s, a)" % name, qt.negativity(rho, 0, method="eigenvalues")),
            ("negativity(%s, b)" % name, qt.negativity(rho, 1, method="eigenvalues")),
            ("log_negativity(%s, b)" % name, qt.negativity(rho, 1, method="eigenvalues", logarithmic=True)),
            ("concurrence(%s)" % name, qt.concurrence(rho)),
            ("mutual_information(%s, a, b)" % name, qt.entropy_mutual(rho, 0, 1)),
            ("mutual_information(%s, a, b, base = 2)" % name, qt.entropy_mutual(rho, 0, 1, base=2)),
        ]
        pt = qt.partial_transpose(rho, [0, 1]).full()
        script.append("let pt_%s = %s" % (name, literal(pt)))
        checks.append(("norm(ptranspose(%s, b) - pt_%s)" % (name, name), 0.0))
    # Closed forms for a ket, exact to rounding, to tell whose error a ~1e-9 difference above is:
    # both sides take square roots of rounding-level eigenvalues of rank-deficient matrices.
    yy = np.kron(np.array([[0, -1j], [1j, 0]]), np.array([[0, -1j], [1j, 0]]))
    checks.append(("concurrence(psi)", abs(psi @ yy @ psi), "concurrence(psi) vs |<ψ|Y⊗Y|ψ*>|"))
    checks.append(("fidelity(psi, rho1)", np.sqrt((psi.conj() @ states["rho1"] @ psi).real), "fidelity(psi, rho1) vs √<ψ|ρ|ψ>"))
    for x, y in [("rho1", "rho2"), ("rho1", "rank2"), ("psi", "rho1"), ("rho2", "psi"), ("psi", "psi")]:
        checks.append(("fidelity(%s, %s)" % (x, y), qt.fidelity(q[x], q[y])))
        checks.append(("trace_distance(%s, %s)" % (x, y), qt.tracedist(q[x], q[y])))
    return script, checks


def qubit_qutrit_lines(rng):
    dims = [2, 3]
    rho = qt.Qobj(random_density(rng, 6, 6), dims=[dims, dims])
    rank3 = qt.Qobj(random_density(rng, 6, 3), dims=[dims, dims])
    script = ["system a : qubit", "system t : qudit(3)",
              "let rho = %s" % literal(rho.full()), "let rank3 = %s" % literal(rank3.full())]
    checks = []
    for name, r in [("rho", rho), ("rank3", rank3)]:
        checks += [
            ("entropy(%s)" % name, qt.entropy_vn(r)),
            ("negativity(%s, a)" % name, qt.negativity(r, 0, method="eigenvalues")),
            ("negativity(%s, t)" % name, qt.negativity(r, 1, method="eigenvalues")),
            ("log_negativity(%s, a)" % name, qt.negativity(r, 0, method="eigenvalues", logarithmic=True)),
            ("mutual_information(%s, a, t)" % name, qt.entropy_mutual(r, 0, 1)),
        ]
    checks.append(("fidelity(rho, rank3)", qt.fidelity(rho, rank3)))
    checks.append(("trace_distance(rho, rank3)", qt.tracedist(rho, rank3)))
    return script, checks


# ---------------------------------------------------------------- running Beable

def classpath():
    cp_file = os.path.join(ROOT, "target", "bench-classpath.txt")
    if not os.path.exists(cp_file) or os.path.getmtime(os.path.join(ROOT, "pom.xml")) > os.path.getmtime(cp_file):
        mvn = ["mvn", "-q", "-B"] + os.environ.get("MVN_ARGS", "").split()
        subprocess.run(mvn + ["dependency:build-classpath", "-Dmdep.includeScope=test",
                              "-Dmdep.outputFile=" + cp_file], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    with open(cp_file) as f:
        return os.path.join(ROOT, "target", "classes") + os.pathsep + f.read().strip()


def run_beable(script, checks):
    lines = list(script)
    for k, check in enumerate(checks):
        lines.append('print "%d", %s - (%r)' % (k, check[0], float(check[1])))
    with tempfile.NamedTemporaryFile("w", suffix=".beable", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    try:
        out = subprocess.run(["java", "-cp", classpath(), "org.beable.cli.Main", path],
                             capture_output=True, text=True)
    finally:
        os.unlink(path)
    if out.returncode != 0:
        sys.exit("Beable failed:\n" + out.stdout + out.stderr)
    differences = {}
    for line in out.stdout.split("\n"):
        if line.strip():
            k, diff = line.split()
            differences[int(k)] = float(diff)
    return differences


def main():
    rng = np.random.default_rng(SEED)
    worst = 0.0
    for title, (script, checks) in [("two qubits", two_qubit_lines(rng)), ("qubit ⊗ qutrit", qubit_qutrit_lines(rng))]:
        differences = run_beable(script, checks)
        print("== %s (numpy seed %d)" % (title, SEED))
        print("%-44s %22s %12s" % ("Beable expression", "QuTiP (or closed form)", "Beable − it"))
        for k, check in enumerate(checks):
            diff = differences[k]
            worst = max(worst, abs(diff))
            print("%-44s %22.16g %12.2e" % (check[-1], check[1], diff))
        print()
    print("largest |difference|: %.2e" % worst)
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
