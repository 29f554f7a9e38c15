package org.gansweep.core.config;

import java.util.List;
import org.gansweep.core.plugin.FieldError;

/**
 * What every architecture takes besides its own parameters ({@code model.init}, {@code model.noise}).
 *
 * @param init how every weight starts (biases start at zero, except with {@code default})
 * @param noise the distribution of G's input: {@code normal} N(0, 1) or {@code uniform} U[-1, 1]
 */
public record ModelOptions(WeightInit init, Noise noise) {
    public ModelOptions {
        init = init == null ? WeightInit.DEFAULT : init;
        noise = noise == null ? Noise.normal : noise;
    }

    public static final ModelOptions DEFAULTS = new ModelOptions(null, null);

    public enum Noise {
        normal,
        uniform
    }

    /**
     * @param type {@code default} (each architecture's own), {@code orthogonal} (times {@code gain}),
     *     {@code normal} (N(0, std)) or {@code xavier}
     */
    public record WeightInit(String type, Double gain, Double std) {
        public static final WeightInit DEFAULT = new WeightInit("default", null, null);
        static final List<String> TYPES = List.of("default", "orthogonal", "normal", "xavier");

        public WeightInit {
            type = type == null ? "default" : type;
            gain = type.equals("orthogonal") && gain == null ? Double.valueOf(1.0) : gain;
            std = type.equals("normal") && std == null ? Double.valueOf(0.02) : std;
        }

        void check() {
            FieldError.require(TYPES.contains(type), "type", "must be one of " + String.join(", ", TYPES) + ", got `" + type + "`");
            FieldError.require(gain == null || type.equals("orthogonal"), "gain", "belongs to `type: orthogonal` only");
            FieldError.require(std == null || type.equals("normal"), "std", "belongs to `type: normal` only");
            FieldError.require(gain == null || (Double.isFinite(gain) && gain > 0), "gain", "must be a positive number, got " + gain);
            FieldError.require(std == null || (Double.isFinite(std) && std > 0), "std", "must be a positive number, got " + std);
        }

        public boolean keepsArchitectureDefault() {
            return type.equals("default");
        }
    }
}
