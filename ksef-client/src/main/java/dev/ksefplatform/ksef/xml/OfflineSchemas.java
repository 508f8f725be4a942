package dev.ksefplatform.ksef.xml;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Compiles the official schemas from the classpath: every import or include, by absolute
 * {@code http://crd.gov.pl/...} URL or by relative path, resolves to the copy beside it in this
 * jar, and nothing is ever fetched from the network.
 */
final class OfflineSchemas {

    private OfflineSchemas() {
    }

    static Schema compile(String root, String mainFile, OccurrenceBounds bounds) {
        SchemaFactory factory = Fa3Schema.newFactory();
        factory.setResourceResolver(new ClasspathResolver(root, bounds));
        URL main = OfflineSchemas.class.getResource(root + mainFile);
        if (main == null) {
            throw new IllegalStateException("missing schema " + root + mainFile);
        }
        try {
            return factory.newSchema(new StreamSource(new StringReader(read(main, bounds)), main.toExternalForm()));
        } catch (SAXException e) {
            throw new IllegalStateException("cannot compile " + mainFile, e);
        }
    }

    private static String read(URL url, OccurrenceBounds bounds) {
        try (InputStream in = url.openStream()) {
            return bounds.relax(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Maps any schema location to the file of the same name under {@code root} or its subfolders. */
    private record ClasspathResolver(String root, OccurrenceBounds bounds) implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            if (systemId == null) {
                return null;
            }
            String name = systemId.substring(systemId.lastIndexOf('/') + 1);
            for (String folder : new String[] {"", "bazowe/"}) {
                URL url = OfflineSchemas.class.getResource(root + folder + name);
                if (url != null) {
                    return new ClasspathInput(publicId, url.toExternalForm(), read(url, bounds));
                }
            }
            throw new IllegalStateException("schema " + systemId + " is not bundled; refusing to fetch it");
        }
    }

    private record ClasspathInput(String publicId, String systemId, String text) implements LSInput {
        @Override public InputStream getByteStream() { return null; }
        @Override public java.io.Reader getCharacterStream() { return new StringReader(text); }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return systemId; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
