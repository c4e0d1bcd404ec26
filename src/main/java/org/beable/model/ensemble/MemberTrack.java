package org.beable.model.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.beable.format.DataTable;
import org.beable.format.Numbers;
import org.beable.format.Table;
import org.beable.format.Tabular;

/**
 * Single members followed through a member-level run: their values and phases at each sample
 * time, and every copy event in which one of them copied another member — "the value this atom
 * shows was copied from elsewhere in the ensemble".
 *
 * @param tracked  the members followed
 * @param values   per followed member, its value at each sample time
 * @param phases   per followed member, its phase at each sample time
 * @param events   the copy events of the followed members, in time order
 * @param copies   copy events in the whole ensemble
 * @param origins  per followed member, where the value it shows at the end came from
 * @param history  the whole ensemble beside quantum mechanics over the same run
 * @param table    t, value_I, phase_I for each followed member I
 */
public record MemberTrack(long members, long seed, List<Long> tracked, List<Double> times, List<double[]> values,
                          List<double[]> phases, List<CopyEvent> events, long copies, List<String> origins,
                          EnsembleHistory history, DataTable table) implements Tabular {

    private static final int SHOWN = 40;

    public MemberTrack {
        tracked = List.copyOf(tracked);
        times = List.copyOf(times);
        values = List.copyOf(values);
        phases = List.copyOf(phases);
        events = List.copyOf(events);
        origins = List.copyOf(origins);
    }

    /** The copy events of one followed member. */
    public List<CopyEvent> eventsOf(long member) {
        return events.stream().filter(e -> e.member() == member).toList();
    }

    @Override
    public Table toTable() {
        StringBuilder title = new StringBuilder("members " + joined() + " of an ensemble of " + members + " (seed " + seed + "): "
                + events.size() + " copy events among them, " + copies + " in the whole ensemble");
        for (String origin : origins) title.append("\n  ").append(origin);
        Table out = new Table(List.of("t", "member", "copied", "value", "phase")).title(title.toString());
        for (int k = 0; k < Math.min(SHOWN, events.size()); k++) {
            CopyEvent e = events.get(k);
            out.row(Numbers.format(e.time()), Long.toString(e.member()), "member " + e.source(), e.from() + " → " + e.to(),
                    Numbers.format(e.phaseBefore()) + " → " + Numbers.format(e.phaseAfter()));
        }
        if (events.size() > SHOWN) out.row("…", "", (events.size() - SHOWN) + " more", "", "");
        return out;
    }

    private String joined() {
        List<String> names = new ArrayList<>();
        for (long m : tracked) names.add(Long.toString(m));
        return String.join(", ", names);
    }

    @Override
    public String toString() {
        return "members " + joined() + " followed: " + events.size() + " copy events";
    }
}
