package org.gansweep.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.gansweep.core.plugin.PluginCatalog;
import org.gansweep.core.plugin.Registries;
import org.junit.jupiter.api.Test;

/**
 * {@link TrialResolution} with {@link FakePlugins} and one more fake loss: the parameters a plug-in says it added later
 * stay out of the resolved config at the default its own {@code Params} record fills in, and only those; core
 * names no plug-in's field.
 */
class TrialResolutionTest {
    /** FakePlugins' loss as a plug-in that had its {@code reduction} from the start: it names nothing added later. */
    static final class ReductionFromTheStart extends FakePlugins.MeanGapLoss.Factory {
        @Override
        public Set<String> paramsAddedLater() {
            return Set.of();
        }
    }

    private static final GridLoader LOADER = new GridLoader(Guice.createInjector(new FakePlugins(), new AbstractModule() {
        @Override
        protected void configure() {
            Registries.losses(binder()).addBinding("plain").to(ReductionFromTheStart.class);
        }
    }).getInstance(PluginCatalog.class));

    private static Trial trial(String dataset, String loss) throws ConfigException {
        String grid = "name: t\nbase:\n  dataset: " + dataset + "\n  model: mlp\n  loss: " + loss + "\n";
        return LOADER.parse(grid, "g.yaml", List.of()).trials().get(0);
    }

    @Test
    void aParameterAddedLaterStaysOutAtItsRecordsDefaultAndInOtherwise() throws Exception {
        // FakePlugins' gaussian-ring says `weights` came later, as the shipped one does.
        Trial plain = trial("gaussian-ring", "gan");
        assertEquals("{\"type\":\"gaussian-ring\",\"modes\":8,\"radius\":2.0,\"std\":0.02}", plain.resolved().get("dataset").toString());
        // Given at the default, explicitly: the same config, the same id.
        Trial explicit = trial("{type: gaussian-ring, weights: null}", "gan");
        assertEquals(plain.resolved(), explicit.resolved());
        assertEquals(plain.id(), explicit.id());
        // Away from the default: written out, and a new id.
        Trial weighted = trial("{type: gaussian-ring, modes: 3, weights: [2, 1, 1]}", "gan");
        assertEquals("{\"type\":\"gaussian-ring\",\"modes\":3,\"radius\":2.0,\"std\":0.02,\"weights\":[2.0,1.0,1.0]}",
                weighted.resolved().get("dataset").toString());
        assertNotEquals(plain.hash(), weighted.hash());
        // The bound record still holds every value, defaults included: only config.yaml leaves them out.
        assertEquals(new FakePlugins.Points.Params(8, 2.0, 0.02, null), plain.config().dataset().params());
    }

    @Test
    void aParameterThePlugInHadFromTheStartIsWrittenAtItsDefaultToo() throws Exception {
        Trial plain = trial("gaussian-ring", "plain");
        assertEquals("{\"type\":\"plain\",\"a\":-1.0,\"b\":1.0,\"c\":0.0,\"reduction\":\"mean\"}", plain.resolved().get("loss").toString());
        // FakePlugins' loss says `reduction` came later (as the shipped losses do): at mean it is left out.
        Trial fake = trial("gaussian-ring", "gan");
        assertEquals("{\"type\":\"gan\",\"a\":-1.0,\"b\":1.0,\"c\":0.0}", fake.resolved().get("loss").toString());
        Trial sum = trial("gaussian-ring", "{type: gan, reduction: sum}");
        assertEquals("sum", sum.resolved().at("/loss/reduction").asText());
    }

    @Test
    void theResolvedTreeListsSectionsInConfigOrderWithEveryDefault() throws Exception {
        Trial t = trial("gaussian-ring", "lsgan");
        List<String> keys = List.copyOf(iterable(t.resolved().fieldNames()));
        assertEquals(List.of("seed", "dataset", "model", "loss", "optimizer", "training", "metrics"), keys);
        assertEquals("{\"type\":\"adam\",\"lr\":0.001,\"beta1\":0.5,\"beta2\":0.999}", t.resolved().get("optimizer").toString());
        assertEquals("{\"type\":\"mlp\",\"noiseDim\":4,\"generator\":null,\"discriminator\":null}", t.resolved().get("model").toString());
        assertTrue(t.resolved().at("/training/updates").isMissingNode(), "updates at its default (alternating) stays out");
        assertEquals(TrainingConfig.defaults(), t.config().training());
    }

    @Test
    void sectionErrorsAreAllReportedInSectionOrder() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> LOADER.parse("name: t\nbase:\n  dataset: {type: gaussian-ring, modes: many}\n  model: mlp\n  loss: plian\n  extra: 1\n",
                        "g.yaml", List.of()));
        assertEquals(List.of(
                "g.yaml:6:3: unknown section `extra`; sections are dataset, model, loss, optimizer, training, metrics",
                "g.yaml:3:41: `dataset.modes` must be an integer, got the string 'many'",
                "g.yaml:5:9: unknown loss `plian` (did you mean `plain`?); known: gan, lsgan, lsgan-binary, lsgan-pearson, plain"
                        + " (gansweep list shows each with its parameters)"), e.errors());
    }

    private static <T> List<T> iterable(Iterator<T> it) {
        List<T> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
