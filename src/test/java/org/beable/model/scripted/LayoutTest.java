package org.beable.model.scripted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.beable.experiment.Experiment;
import org.junit.jupiter.api.Test;

/** The slot layout contract of the package documentation, as an interpreter's binding sees it. */
class LayoutTest {

    @Test
    void settingsThenHiddenComponentsThenOutcomesInRuleOrder() {
        List<String> seen = new ArrayList<>();
        SlotExpression recordA = scope -> {
            seen.add("a=" + scope.setting("a") + " b=" + scope.setting("b") + " lam1=" + scope.hidden("lam1") + "+" + scope.components("lam1")
                    + " p=" + scope.hidden("p") + "+" + scope.components("p") + " x=" + scope.hidden("x") + "+" + scope.components("x"));
            return c -> 1;
        };
        SlotExpression recordB = scope -> {
            seen.add("A=" + scope.outcome("A") + " find(A)=" + scope.find("A").getAsInt() + " find(b)=" + scope.find("b").getAsInt()
                    + " find(x)=" + scope.find("x").getAsInt());
            return c -> 1;
        };
        ScriptedModel model = ScriptedModel.builder("m")
                .hidden("lam1", HiddenDistribution.sphere())
                .hidden("p", HiddenDistribution.disk())
                .hidden("x", HiddenDistribution.normal(0, 1))
                .outcome("A", recordA)
                .outcome("B", recordB)
                .build();
        Experiment e = Fixtures.chsh(1);
        Layout layout = model.layout(e);
        assertEquals(List.of("a=0 b=1 lam1=2+3 p=5+2 x=7+1", "A=8 find(A)=8 find(b)=1 find(x)=7"), seen);
        assertEquals(10, layout.size());
        assertEquals(2, layout.settings());
        assertEquals(9, layout.outcomeSlot(1));
        model.layout(e);
        assertEquals(2, seen.size(), "bound once per experiment");
        model.layout(Fixtures.chsh(1));
        assertEquals(4, seen.size(), "and again for another experiment");
    }

    @Test
    void aNoneSettingReadsAsNaNAndADetectorThatDoesNotMeasureLeavesItsOutcomeNaN() {
        Experiment e = Fixtures.bell(Fixtures.spin("A", 0, "a"), Fixtures.spin("B", 1, "b"), Fixtures.angles(0),
                List.of(org.beable.experiment.SettingValue.NONE), 1000);
        double[] seen = new double[2];
        ScriptedModel model = ScriptedModel.builder("m")
                .outcome("B", SlotExpression.constant(1))
                .outcome("A", scope -> {
                    int b = scope.setting("b");
                    int outcomeB = scope.outcome("B");
                    return c -> {
                        seen[0] = c[b];
                        seen[1] = c[outcomeB];
                        return 1;
                    };
                })
                .build();
        assertEquals(1, model.predict(e, 0).orElseThrow()[0], 0);
        assertTrue(Double.isNaN(seen[0]) && Double.isNaN(seen[1]));
    }

    @Test
    void aScopeRefusesToHandOutWhatTheExpressionMayNotRead() {
        ScriptedModel model = ScriptedModel.builder("m")
                .hidden("lam", HiddenDistribution.uniform(0, 1))
                .outcome("A", scope -> {
                    assertEquals("the outcome rule for A", scope.reader());
                    assertThrows(IllegalArgumentException.class, () -> scope.outcome("B"));
                    assertThrows(IllegalArgumentException.class, () -> scope.find("B"));
                    assertThrows(IllegalArgumentException.class, () -> scope.hidden("mu"));
                    assertTrue(scope.find("mu").isEmpty());
                    return c -> 1;
                })
                .outcome("B", SlotExpression.constant(1))
                .build();
        model.layout(Fixtures.chsh(1));
    }
}
