/**
 * Ontological models written in a script — the domain engine behind
 * <pre>
 * model bell64 {
 *   hidden lam ~ uniform(0, 2*pi)
 *   outcome A = sign(cos(a - lam))
 *   outcome B = -sign(cos(b - lam))
 * }
 * </pre>
 * An interpreter builds a {@link org.beable.model.scripted.ScriptedModel} with
 * {@link org.beable.model.scripted.ScriptedModel#builder}: one
 * {@code hidden(name, HiddenDistribution)} per {@code hidden} line and one
 * {@code outcome(detector, OutcomeRule)} per {@code outcome} line, in script order. The
 * model knows nothing of syntax: every expression arrives as a
 * {@link org.beable.model.scripted.SlotExpression}, which compiles itself to a
 * {@link org.beable.model.scripted.SlotFunction} {@code double apply(double[] context)} when
 * the model meets an experiment.
 *
 * <h2>The context array</h2>
 * One trial's state is one {@code double[]}, laid out when the model is bound to an
 * experiment ({@link org.beable.model.scripted.Layout}) and the same for every combination
 * and trial:
 * <ol>
 * <li>slots {@code [0, S)}: the experiment's settings, in the experiment's order — the
 *     current combination's numeric values, {@code NaN} where a setting is {@code none}
 *     (a setting whose values are names, not numbers, cannot be read);</li>
 * <li>then each hidden variable's components, in declaration order: one slot for
 *     {@code uniform}, {@code normal}, {@code discrete} and {@code pdf}, two for
 *     {@code disk} (x, y), three for {@code sphere} (x, y, z);</li>
 * <li>then one slot per outcome rule whose detector the experiment measures, in rule order:
 *     the numeric value of the outcome (the detector's {@code outcomeValues}, e.g. +1, −1,
 *     0 for a no-click); {@code NaN} when that detector does not measure (its setting is
 *     none) in the combination.</li>
 * </ol>
 * Per trial the model writes the hidden variables, then fires the rules in order, writing
 * each outcome before the next rule runs. A compiled function reads slots and nothing else:
 * it must not write to the context, keep state, or allocate (it runs once per trial on many
 * threads, each with its own array).
 *
 * <h2>Binding: compiled once per experiment</h2>
 * {@code SlotExpression.bind(Scope)} is called once per (model, experiment), when the model
 * is first used with the experiment; the binding is cached. The
 * {@link org.beable.model.scripted.Scope} turns names into slots —
 * {@code setting("a")}, {@code hidden("lam")} (the first of {@code components("lam")}
 * consecutive slots), {@code outcome("A")}, or {@code find(name)} / {@code slot(name)} for a
 * bare name — and refuses, with {@link java.lang.IllegalArgumentException} and a plain
 * sentence, what the expression may not read: a setting the experiment does not have, the
 * outcome of a detector whose rule comes later (or its own), a hidden variable declared after
 * a distribution that reads it.
 *
 * <p>Why per experiment and not once per model with names looked up per trial: the slot
 * numbers become constants of the compiled closure ({@code c -> Math.cos(c[0] - c[2])}),
 * which the JIT folds; resolving names per model would need an indirection per read on the
 * hot path, or an id space shared by every experiment a model may meet (settings are named by
 * the experiment, not the model). Binding costs one walk of each expression's tree per
 * experiment, which is nothing beside the trials. Errors that depend on the experiment (an
 * unknown setting) can only be found then anyway; an interpreter that wants them at a
 * particular line calls {@link org.beable.model.scripted.ScriptedModel#layout} there.
 *
 * <p>The scope also records which slots it handed out. The model uses that only to decide
 * what it may compute once per setting combination (a distribution that reads no hidden
 * variable) rather than per trial; Bell's conditions are decided by evaluating the model, never
 * from what an expression reads.
 *
 * <h2>Hidden variables</h2>
 * {@link org.beable.model.scripted.HiddenDistribution}: {@code uniform(lo, hi)},
 * {@code normal(mu, sigma)}, {@code discrete(values, weights)}, {@code sphere},
 * {@code disk}, {@code pdf(f, lo, hi)}. Parameters and weights are expressions: they may read
 * the combination's settings (a distribution `given` the settings) and the hidden variables
 * declared before. A pdf's density reads the point where it is evaluated as the variable's own
 * slot and may read settings only; it is normalised per combination and must be non-negative
 * with a finite, positive integral.
 *
 * <h2>Outcome rules</h2>
 * {@link org.beable.model.scripted.OutcomeRule}: {@code value(expr)} — the value must be one
 * of the detector's outcome values (within 1e-9) — or {@code discrete(outcomes,
 * probabilities)} — each probability in [0, 1] and their sum 1, within 1e-12. A rule reads
 * its own setting, remote settings, every hidden variable and the outcomes of detectors whose
 * rules come earlier. A detector whose setting is none in a combination does not measure:
 * its rule is not evaluated there. Rules for detectors the experiment does not measure are
 * ignored; a measured detector without a rule is an error.
 *
 * <h2>Exact where it can be, sampled where it must</h2>
 * {@code predict} enumerates discrete hidden variables and integrates continuous ones of at
 * most two dimensions in all ({@code uniform}, {@code normal}, {@code pdf} one each,
 * {@code disk} and {@code sphere} two) to an absolute accuracy of 1e-9, with an adaptive
 * Gauss–Kronrod rule that locates the jumps of piecewise-constant responses by bisection
 * ({@code Quadrature}); normal variables are integrated in probability space, so their tails
 * need no cut-off, and a pdf in a variable that tames integrable end singularities. A rule
 * that fails only on a set of measure zero — {@code sign(b·λ)} is 0 on a great circle a
 * quadrature node may hit exactly — is cut out of the integral like a jump (sampling never
 * meets such points); a failure on a set of positive measure is reported. Beyond two
 * dimensions, or when the accuracy cannot be reached, {@code predict} is empty or refuses and
 * says why (use {@code run}); {@link org.beable.model.OntologicalModel#noPredictionReason}
 * carries the sentence to {@link org.beable.model.Prediction.NoClosedForm}.
 *
 * <p>{@code run} always samples through the compiled rules (even where {@code predict} is
 * exact, so the two check each other), one reused context array per thread and chunk, no
 * allocation per trial.
 *
 * <h2>Bell's conditions</h2>
 * The beables are the hidden variables by name ({@code Double}, or {@code double[]} for a
 * vector). All-discrete models give their support, so the conditions are decided by exact
 * enumeration; continuous ones are sampled and re-evaluated under every setting. A response
 * given part of λ averages the rest exactly (at most one continuous dimension), weighting by
 * the given part's density so that it is conditional on it (Bayes) even when the given part's
 * distribution reads the rest; the density of a part under a combination is what decides
 * statistical independence.
 */
package org.beable.model.scripted;
