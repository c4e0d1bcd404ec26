package org.beable.experiment;

/**
 * One value a setting can take: a number (an angle, an index), a name, or `none` (the
 * detector does not measure). The label is what tables print; number is NaN when not numeric.
 */
public record SettingValue(String label, double number, boolean none) {
    public static final SettingValue NONE = new SettingValue("none", Double.NaN, true);

    public static SettingValue of(double number, String label) {
        return new SettingValue(label, number, false);
    }

    public static SettingValue named(String label) {
        return new SettingValue(label, Double.NaN, false);
    }

    /** Numeric values compare with a tolerance so that pi/4 written two ways is the same setting. */
    public boolean matches(SettingValue other) {
        if (none || other.none) return none == other.none;
        if (!Double.isNaN(number) && !Double.isNaN(other.number)) return Math.abs(number - other.number) <= 1e-12;
        return label.equals(other.label);
    }

    @Override
    public String toString() {
        return label;
    }
}
