package org.beable.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * The named settings of an experiment and their values. A setting combination is one value per
 * setting, numbered in mixed radix with the first setting most significant, so combination
 * numbers are stable and can seed reproducible random streams.
 */
public final class SettingSpace {
    private final List<String> names;
    private final List<List<SettingValue>> values;
    private final int combinations;

    public SettingSpace(List<String> names, List<List<SettingValue>> values) {
        if (names.size() != values.size()) throw new IllegalArgumentException("one value list per setting");
        this.names = List.copyOf(names);
        this.values = values.stream().map(List::copyOf).toList();
        long product = 1;
        for (List<SettingValue> v : this.values) {
            if (v.isEmpty()) throw new IllegalArgumentException("a setting needs at least one value");
            product *= v.size();
            if (product > Integer.MAX_VALUE) throw new IllegalArgumentException("too many setting combinations");
        }
        this.combinations = (int) product;
    }

    public static SettingSpace empty() {
        return new SettingSpace(List.of(), List.of());
    }

    public int size() { return names.size(); }
    public List<String> names() { return names; }
    public String name(int setting) { return names.get(setting); }
    public List<SettingValue> values(int setting) { return values.get(setting); }
    public int combinations() { return combinations; }

    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** The value index of each setting in a combination. */
    public int[] decode(int combination) {
        int[] digits = new int[names.size()];
        for (int s = names.size() - 1; s >= 0; s--) {
            int radix = values.get(s).size();
            digits[s] = combination % radix;
            combination /= radix;
        }
        return digits;
    }

    public int encode(int[] digits) {
        int combination = 0;
        for (int s = 0; s < names.size(); s++) combination = combination * values.get(s).size() + digits[s];
        return combination;
    }

    public SettingValue value(int combination, int setting) {
        return values.get(setting).get(decode(combination)[setting]);
    }

    public SettingValue[] valuesOf(int combination) {
        int[] digits = decode(combination);
        SettingValue[] chosen = new SettingValue[digits.length];
        for (int s = 0; s < digits.length; s++) chosen[s] = values.get(s).get(digits[s]);
        return chosen;
    }

    /** Index of a value of a setting, or -1. */
    public int valueIndex(int setting, SettingValue value) {
        List<SettingValue> list = values.get(setting);
        for (int v = 0; v < list.size(); v++) if (list.get(v).matches(value)) return v;
        return -1;
    }

    /** "a=0, b=pi/4" */
    public String describe(int combination) {
        List<String> parts = new ArrayList<>();
        SettingValue[] chosen = valuesOf(combination);
        for (int s = 0; s < chosen.length; s++) parts.add(names.get(s) + "=" + chosen[s].label());
        return String.join(", ", parts);
    }
}
