package org.gansweep.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The paper's class-conditional G and D (its Figure 4 nets for 3740 Chinese characters). Both take the
 * one-hot label (N, classes) through a linear mapping layer to a short dense code: G joins the code to the
 * noise; D joins it to its first convolution's feature maps (tiled over the map) and to its fully connected
 * features, so every layer after the first sees the class.
 */
final class ConditionalNets {
    private ConditionalNets() {}

    /** The label mapping: one-hot (N, classes) to (N, units), a linear layer without bias (a learnt table). */
    static Block labelMapping(int units) {
        return ConvNets.dcganInit(Linear.builder().setUnits(units).optBias(false).build());
    }

    /** (N, L) tiled to (N, L, h, w) and joined to the maps {@code x} (N, C, h, w) along the channels. */
    static NDArray joinMaps(NDArray x, NDArray code) {
        Shape s = x.getShape();
        long n = s.get(0);
        long l = code.getShape().get(1);
        NDArray tiled = code.reshape(n, l, 1, 1).broadcast(new Shape(n, l, s.get(2), s.get(3)));
        return x.concat(tiled, 1);
    }

    /** G(z, y) = body([z, mapping(y)]). */
    static final class Generator extends AbstractBlock {
        private final Block mapping;
        private final Block body;

        Generator(Block mapping, Block body) {
            this.mapping = addChildBlock("label_mapping", mapping);
            this.body = addChildBlock("body", body);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray code = mapping.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
            return body.forward(ps, new NDList(inputs.get(0).concat(code, 1)), training);
        }

        private Shape joined(Shape[] in) {
            long code = mapping.getOutputShapes(new Shape[] {in[1]})[0].get(1);
            return new Shape(in[0].get(0), in[0].get(1) + code);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return body.getOutputShapes(new Shape[] {joined(in)});
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            mapping.initialize(manager, dataType, in[1]);
            body.initialize(manager, dataType, joined(in));
        }
    }

    /**
     * D(x, y): code = mapping(y); h = first(x) joined with the tiled code; h = rest(h) (flattened), joined
     * with the code; h = hidden(h), joined with the code; out(h) is the decision value.
     */
    static final class Discriminator extends AbstractBlock {
        private final Block mapping;
        private final Block first;
        private final Block rest;
        private final Block hidden;
        private final Block out;

        Discriminator(Block mapping, Block first, Block rest, Block hidden, Block out) {
            this.mapping = addChildBlock("label_mapping", mapping);
            this.first = addChildBlock("first", first);
            this.rest = addChildBlock("rest", rest);
            this.hidden = addChildBlock("hidden", hidden);
            this.out = addChildBlock("out", out);
        }

        @Override
        protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray code = mapping.forward(ps, new NDList(inputs.get(1)), training).singletonOrThrow();
            NDArray h = first.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
            h = rest.forward(ps, new NDList(joinMaps(h, code)), training).singletonOrThrow();
            h = hidden.forward(ps, new NDList(h.concat(code, 1)), training).singletonOrThrow();
            return out.forward(ps, new NDList(h.concat(code, 1)), training);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] in) {
            return new Shape[] {new Shape(in[0].get(0), 1)};
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... in) {
            mapping.initialize(manager, dataType, in[1]);
            long code = mapping.getOutputShapes(new Shape[] {in[1]})[0].get(1);
            first.initialize(manager, dataType, in[0]);
            Shape maps = first.getOutputShapes(new Shape[] {in[0]})[0];
            Shape joined = new Shape(maps.get(0), maps.get(1) + code, maps.get(2), maps.get(3));
            rest.initialize(manager, dataType, joined);
            Shape flat = rest.getOutputShapes(new Shape[] {joined})[0];
            Shape withCode = new Shape(flat.get(0), flat.get(1) + code);
            hidden.initialize(manager, dataType, withCode);
            Shape h = hidden.getOutputShapes(new Shape[] {withCode})[0];
            out.initialize(manager, dataType, new Shape(h.get(0), h.get(1) + code));
        }
    }
}
