package org.gansweep.reports;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;
import org.gansweep.core.store.AtomicFiles;
import org.w3c.dom.Document;

/** Writes a drawing as PNG (2x pixel density, for sharp text) and as SVG through Apache Batik. */
public final class FigureExporter {
    private FigureExporter() {}

    public static void png(Drawing d, Path file) throws IOException {
        int scale = 2;
        BufferedImage img = new BufferedImage(d.width() * scale, d.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(scale, scale);
            d.painter().accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        AtomicFiles.write(file, out.toByteArray());
    }

    public static void svg(Drawing d, Path file) throws IOException {
        Document doc = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGraphics2D g = new SVGGraphics2D(doc);
        g.setSVGCanvasSize(new Dimension(d.width(), d.height()));
        d.painter().accept(g);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            g.stream(w, true);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }
}
