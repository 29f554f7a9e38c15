package org.gansweep.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** The strict mappers gansweep reads configs with: no silent coercions, no unknown fields, no duplicate keys. */
public final class Yaml {
    private static final YAMLMapper YAML = strict(YAMLMapper.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .build();
    private static final JsonMapper JSON = strict(JsonMapper.builder())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Yaml() {}

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B strict(B b) {
        b.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // "0.5" written in quotes is a string, not a number: say so rather than guess.
        b.withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
        b.withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert));
        return b;
    }

    public static YAMLMapper yaml() {
        return YAML;
    }

    /**
     * The JSON mapper, with the same rules: for configs (the compact form {@link ConfigHash} hashes into trial ids)
     * and for every JSON file gansweep stores (summary.json, sweep.json, checkpoints' state, caches), whose records
     * say themselves where old files may lack a key or carry an unknown one ({@code TrialProvenance}). One mapper, so
     * a stored file is never read by looser rules than the config it came from.
     */
    public static JsonMapper json() {
        return JSON;
    }
}
