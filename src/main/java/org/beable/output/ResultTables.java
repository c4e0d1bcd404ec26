package org.beable.output;

import org.beable.format.Table;
import org.beable.format.Numbers;
import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Detector;
import org.beable.experiment.Experiment;
import org.beable.experiment.OutcomeSpace;
import org.beable.experiment.SettingSpace;
import org.beable.experiment.SettingValue;
import org.beable.model.OutcomeStatistics;

/**
 * A prediction or a run as a table in long form: one row per setting combination and joint
 * outcome, with the settings, each detector's outcome ("—" where its setting is none), the
 * probability, and for sampled results the standard error and the count.
 */
public final class ResultTables {
    private ResultTables() {}

    public static Table of(OutcomeStatistics result) {
        Experiment experiment = result.experiment();
        SettingSpace settings = experiment.settings();
        List<String> header = new ArrayList<>(settings.names());
        for (int slot = 0; slot < experiment.slotCount(); slot++) header.add(experiment.slotDetector(slot).name());
        header.add("P");
        if (result.isSampled()) {
            header.add("SE");
            header.add("count");
        }
        Table table = new Table(header).title(experiment.name() + " under " + result.modelName()
                + (result.isSampled() ? " (sampled)" : " (exact)"));
        for (int c = 0; c < experiment.combinations(); c++) {
            OutcomeSpace space = experiment.outcomes(c);
            double[] p = result.probabilities(c);
            long[] counts = result.counts(c);
            long n = result.trials(c);
            for (int joint = 0; joint < space.size(); joint++) {
                List<String> row = new ArrayList<>();
                for (SettingValue v : settings.valuesOf(c)) row.add(v.label());
                int[] outcome = space.decode(joint);
                for (int slot = 0; slot < outcome.length; slot++) {
                    Detector d = experiment.slotDetector(slot);
                    row.add(outcome[slot] == OutcomeSpace.NO_OUTCOME ? "—" : d.outcomeLabels().get(outcome[slot]));
                }
                row.add(Numbers.format(p[joint]));
                if (result.isSampled()) {
                    row.add(Numbers.format(n > 0 ? Math.sqrt(p[joint] * (1 - p[joint]) / n) : 0));
                    row.add(Long.toString(counts[joint]));
                }
                table.row(row);
            }
        }
        return table;
    }
}
