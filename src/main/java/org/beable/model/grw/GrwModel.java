package org.beable.model.grw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.format.Numbers;
import org.beable.model.Beables;
import org.beable.model.BornRule;
import org.beable.model.ModelArguments;
import org.beable.model.ModelParameter;
import org.beable.model.ModelSpec;
import org.beable.model.OntologicalModel;
import org.beable.quantum.CMatrix;

/**
 * GRW dynamical collapse in Norsen's two presentations docs/models/grw.md. λ has two named
 * parts: the quantum state ({@code state}) and one random element per detector ({@code coins};
 * a single side's is {@code coin_NAME}). Detectors fire in the experiment's measuring order.
 *
 * <p>Responses for every λ: non-linear — the larger projection wins, the coin breaks a tie
 * (toy) or a uniform r picks the outcome from the cumulative weights (born), and the state
 * collapses; linear + cooking — the outcome is read off the coin (H → first outcome, T →
 * second; r → outcome ⌊r·k⌋), also for coins the cooking gives probability zero.
 */
public final class GrwModel implements OntologicalModel {
    public static final String NAME = "grw";
    static final String STATE = "state";
    static final String COINS = "coins";
    static final String COIN_PREFIX = "coin_";

    public static final ModelSpec SPEC = new ModelSpec() {
        @Override public String name() { return NAME; }
        @Override public String summary() { return "GRW collapse, non-linear or linear + cooking (Norsen); λ = state and coins"; }
        @Override public List<ModelParameter> parameters() {
            return List.of(
                    new ModelParameter("formulation", ModelParameter.Kind.TEXT, "nonlinear",
                            "nonlinear (the state decides, coins break ties) or linear_cooking (coins decide, norms re-weight)"),
                    new ModelParameter("rule", ModelParameter.Kind.TEXT, "toy",
                            "toy (fair coins, the paper's) or born (uniform numbers: the Born rule for any state)"));
        }
        @Override public OntologicalModel create(ModelArguments a) {
            return new GrwModel(Formulation.parse(a.text("formulation")), CoinRule.parse(a.text("rule")));
        }
    };

    private final Formulation formulation;
    private final CoinRule rule;

    GrwModel(Formulation formulation, CoinRule rule) {
        this.formulation = formulation;
        this.rule = rule;
    }

    @Override public String name() { return NAME; }
    @Override public List<String> beables() { return List.of(STATE, COINS); }

    /** The state, all coins, and each measured detector's own coin: `coin_A`. */
    @Override
    public List<String> beableNames(Experiment e) {
        List<String> names = new ArrayList<>(beables());
        for (int k = 0; k < e.slotCount(); k++) names.add(COIN_PREFIX + e.slotDetector(k).name());
        return names;
    }

    // ------------------------------------------------------------------ p(λ | s)

    @Override
    public Beables sampleHidden(Experiment e, int combination, UniformRandomProvider rng) {
        double[] coins = new double[e.slotCount()];
        if (formulation == Formulation.NONLINEAR) {
            for (int slot = 0; slot < coins.length; slot++) coins[slot] = rule == CoinRule.TOY ? rng.nextInt(2) : rng.nextDouble();
        } else {
            // Cooking: the coins of detectors that fire are distributed as the Born joint outcome.
            OutcomeSpace space = e.outcomes(combination);
            int joint = org.beable.model.TrialSampler.draw(cooked(e, combination), rng);
            int[] outcomes = space.decode(joint);
            for (int slot = 0; slot < coins.length; slot++) {
                double u = rule == CoinRule.TOY ? rng.nextInt(2) : rng.nextDouble();
                coins[slot] = space.fires(slot) ? coinFor(outcomes[slot], space.radix(slot), u) : u;
            }
        }
        return hidden(e.preparedState(), coins);
    }

    /** The coin value that reads off as outcome k: the outcome index (toy), or a uniform point inside its slice (born). */
    private double coinFor(int k, int radix, double u) {
        return rule == CoinRule.TOY ? k : (k + u) / radix;
    }

    private static Beables hidden(CMatrix state, double[] coins) {
        java.util.Map<String, Object> parts = new java.util.LinkedHashMap<>();
        parts.put(STATE, state);
        parts.put(COINS, coins);
        return new Beables(parts);
    }

    /** Raw uniform outcomes re-weighted by the squared norm of the unnormalised final state: the Born joint distribution. */
    private static double[] cooked(Experiment e, int combination) {
        return BornRule.distribution(e, combination, e.preparedState());
    }

    @Override
    public Optional<List<WeightedHidden>> hiddenSupport(Experiment e, int combination) {
        if (rule == CoinRule.BORN && formulation == Formulation.NONLINEAR) return Optional.empty();   // continuous r
        OutcomeSpace space = e.outcomes(combination);
        int slots = e.slotCount();
        List<WeightedHidden> support = new ArrayList<>();
        int[] radix = new int[slots];
        for (int slot = 0; slot < slots; slot++) radix[slot] = coinValues(space, slot);
        double[] cooked = formulation == Formulation.LINEAR_COOKING ? cooked(e, combination) : null;
        int[] digits = new int[slots];
        do {
            double[] coins = new double[slots];
            double p = 1;
            int[] outcomes = new int[slots];
            for (int slot = 0; slot < slots; slot++) {
                coins[slot] = rule == CoinRule.TOY ? digits[slot] : (digits[slot] + 0.5) / radix[slot];
                if (formulation == Formulation.NONLINEAR || !space.fires(slot)) p /= radix[slot];
                outcomes[slot] = digits[slot];
            }
            if (cooked != null) p *= cooked[space.encode(outcomes)];
            if (p > 0) support.add(new WeightedHidden(hidden(e.preparedState(), coins), p));
        } while (next(digits, radix));
        return Optional.of(support);
    }

    /** How many distinct coin values matter for a slot: two for a toy coin; the outcome cells for a born coin that is read off. */
    private int coinValues(OutcomeSpace space, int slot) {
        if (rule == CoinRule.TOY) return 2;
        return space.fires(slot) ? space.radix(slot) : 1;
    }

    private static boolean next(int[] digits, int[] radix) {
        for (int k = digits.length - 1; k >= 0; k--) {
            if (++digits[k] < radix[k]) return true;
            digits[k] = 0;
        }
        return false;
    }

    // ------------------------------------------------------------------ P(o | s, λ)

    @Override
    public double[] response(Experiment e, int combination, Beables hidden) {
        return responseGiven(e, combination, hidden, Set.of(STATE, COINS));
    }

    @Override
    public Optional<double[]> predict(Experiment e, int combination) {
        // The coins averaged out: both formulations give the Born statistics (born rule), or the toy's.
        return Optional.of(responseGiven(e, combination, hidden(e.preparedState(), new double[e.slotCount()]), Set.of(STATE)));
    }

    @Override
    public double[] responseGiven(Experiment e, int combination, Beables hidden, Set<String> given) {
        boolean[] known = knownCoins(e, given);
        CMatrix state = given.contains(STATE) ? (CMatrix) hidden.get(STATE) : e.preparedState();
        double[] coins = (double[]) hidden.get(COINS);
        double[] p = new double[e.outcomes(combination).size()];
        if (formulation == Formulation.NONLINEAR) {
            boolean prepared = state.equals(e.preparedState()) && e.preparedKet().isPresent();
            new NonlinearWalk(e, combination, rule, coins, known, p).from(prepared ? e.preparedKet().get() : state);
        } else {
            linear(e, combination, state, coins, known, p);
        }
        return p;
    }

    /** Which slots' coins are given: all for `coins`, one for `coin_NAME`. */
    private boolean[] knownCoins(Experiment e, Set<String> given) {
        boolean[] known = new boolean[e.slotCount()];
        for (String name : given) {
            if (name.equals(STATE)) continue;
            if (name.equals(COINS)) {
                Arrays.fill(known, true);
                continue;
            }
            int slot = name.startsWith(COIN_PREFIX) ? e.slotOf(name.substring(COIN_PREFIX.length())) : -1;
            if (slot < 0) {
                throw new IllegalArgumentException("grw has no beable '" + name + "'; it has: " + String.join(", ", beableNames(e)));
            }
            known[slot] = true;
        }
        return known;
    }

    /**
     * Linear + cooking: a known coin is its side's outcome; unknown coins follow the cooked
     * distribution conditioned on the known ones (raw uniform if the known ones have probability 0).
     */
    private void linear(Experiment e, int combination, CMatrix state, double[] coins, boolean[] known, double[] p) {
        OutcomeSpace space = e.outcomes(combination);
        double[] cooked = BornRule.distribution(e, combination, state);
        double total = 0;
        for (int joint = 0; joint < p.length; joint++) {
            if (agrees(space, joint, coins, known)) {
                p[joint] = cooked[joint];
                total += cooked[joint];
            }
        }
        if (total > 0) {
            for (int joint = 0; joint < p.length; joint++) p[joint] /= total;
            return;
        }
        int count = 0;
        for (int joint = 0; joint < p.length; joint++) if (agrees(space, joint, coins, known)) count++;
        for (int joint = 0; joint < p.length; joint++) p[joint] = agrees(space, joint, coins, known) ? 1.0 / count : 0;
    }

    private boolean agrees(OutcomeSpace space, int joint, double[] coins, boolean[] known) {
        int[] outcomes = space.decode(joint);
        for (int slot = 0; slot < outcomes.length; slot++) {
            if (known[slot] && space.fires(slot) && outcomes[slot] != readOff(coins[slot], space.radix(slot))) return false;
        }
        return true;
    }

    /** The outcome a coin sets in the linear formulation. */
    private int readOff(double coin, int radix) {
        if (rule == CoinRule.TOY) {
            if (radix != 2) throw new IllegalArgumentException("grw: the toy rule's coins decide between two outcomes; use rule = born");
            return (int) coin;
        }
        return Math.min(radix - 1, (int) Math.floor(coin * radix));
    }

    /** Coins by name: `coin_DL = "H"` (or "T", or 0 / 1, or a number in [0, 1) for the Born rule); the state is the prepared one. */
    @Override
    public Beables hiddenFrom(Experiment e, java.util.Map<String, Object> values) {
        double[] coins = new double[e.slotCount()];
        for (java.util.Map.Entry<String, Object> entry : values.entrySet()) {
            if (entry.getKey().equals(STATE)) continue;
            boolean[] known = knownCoins(e, Set.of(entry.getKey()));
            Object v = entry.getValue();
            double coin = "H".equals(v) ? 0 : "T".equals(v) ? 1 : v instanceof Double d ? d : Double.NaN;
            if (Double.isNaN(coin) || coin < 0 || (rule == CoinRule.TOY && coin != 0 && coin != 1) || (rule == CoinRule.BORN && coin >= 1)) {
                throw new IllegalArgumentException("grw: " + entry.getKey() + " must be " + (rule == CoinRule.TOY ? "\"H\" or \"T\"" : "a number in [0, 1)"));
            }
            for (int slot = 0; slot < known.length; slot++) if (known[slot]) coins[slot] = coin;
        }
        return hidden(e.preparedState(), coins);
    }

    /** λ_B is the state (if given) and the values of the known coins. */
    @Override
    public Object hiddenKey(Experiment e, Beables hidden, Set<String> given) {
        List<Object> key = new ArrayList<>();
        if (given.contains(STATE)) key.add(hidden.get(STATE));
        boolean[] known = knownCoins(e, given);
        double[] coins = (double[]) hidden.get(COINS);
        for (int slot = 0; slot < coins.length; slot++) key.add(known[slot] ? coins[slot] : null);
        return key;
    }

    @Override
    public String describeHidden(Experiment e, Beables hidden, Set<String> given) {
        List<String> parts = new ArrayList<>();
        if (given.contains(STATE)) parts.add("state = " + (hidden.get(STATE).equals(e.preparedState()) ? "the prepared state" : "ρ"));
        boolean[] known = knownCoins(e, given);
        double[] coins = (double[]) hidden.get(COINS);
        for (int slot = 0; slot < coins.length; slot++) {
            if (known[slot]) parts.add("coin_" + e.slotDetector(slot).name() + " = " + coinText(coins[slot]));
        }
        return String.join(", ", parts);
    }

    private String coinText(double coin) {
        return rule == CoinRule.TOY ? (coin == 0 ? "H" : "T") : Numbers.format(coin);
    }

    @Override
    public String toString() {
        return NAME + "(formulation = " + formulation.name().toLowerCase() + ", rule = " + rule.name().toLowerCase() + ")";
    }
}
