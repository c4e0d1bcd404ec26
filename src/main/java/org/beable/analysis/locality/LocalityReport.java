package org.beable.analysis.locality;

import java.util.List;
import java.util.Set;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/** The verdict table for one experiment, one model and one choice of hidden variables. */
public record LocalityReport(String experiment, String model, Set<String> given, List<Verdict> verdicts) implements Tabular {

    public Verdict verdict(Condition condition) {
        return verdicts.stream().filter(v -> v.condition() == condition).findFirst().orElseThrow();
    }

    public boolean holds(String condition) {
        return verdict(Condition.valueOf(condition.toUpperCase())).holds();
    }

    /** "PI holds, OI violated, …" */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Verdict v : verdicts) {
            if (out.length() > 0) out.append(", ");
            out.append(v.condition().name()).append(' ').append(v.word());
        }
        return out.toString();
    }

    @Override
    public Table toTable() {
        Table table = new Table(List.of("condition", "verdict", "largest violation", "witness", "decided by"))
                .title("Bell's conditions for " + experiment + " under " + model + ", hidden variables: " + String.join(", ", given));
        for (Verdict v : verdicts) {
            String size = v.holds() ? "—" : Numbers.withError(v.size(), v.uncertainty());
            table.row(v.condition().name() + " " + v.condition().title, v.word(), size, v.witness(), v.method());
        }
        return table;
    }

    @Override
    public String toString() {
        return model + " given " + String.join(", ", given) + ": " + summary();
    }
}
