package dev.ksefplatform.ksef.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Large {@code maxOccurs} bounds, enforced by counting instead of by the schema automaton.
 *
 * <p>Xerces builds a DFA that unrolls every bounded repetition: FA(3)'s {@code FaWiersz
 * maxOccurs="10000"} alone takes minutes to compile on first use. So the schema text is loaded
 * with every bound above {@link #THRESHOLD} relaxed to {@code unbounded}, and this class checks
 * those bounds in one streaming pass. Validation is exactly as strict as the official schema.
 */
final class OccurrenceBounds {

    static final int THRESHOLD = 100;

    private static final Pattern ELEMENT = Pattern.compile("<(?:xsd?:)?element\\b[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern MAX = Pattern.compile("\\bmaxOccurs=\"(\\d+)\"");

    private final Map<String, Integer> bounds = new HashMap<>();

    /** Returns the schema text with large bounds relaxed, remembering each bound by element name. */
    String relax(String xsd) {
        Matcher element = ELEMENT.matcher(xsd);
        StringBuilder out = new StringBuilder(xsd.length());
        while (element.find()) {
            String tag = element.group();
            Matcher max = MAX.matcher(tag);
            Matcher name = NAME.matcher(tag);
            if (max.find() && name.find() && Integer.parseInt(max.group(1)) > THRESHOLD) {
                bounds.merge(name.group(1), Integer.parseInt(max.group(1)), Math::min);
                tag = max.replaceFirst("maxOccurs=\"unbounded\"");
            }
            element.appendReplacement(out, Matcher.quoteReplacement(tag));
        }
        element.appendTail(out);
        return out.toString();
    }

    /** Counts sibling runs of each bounded element; a run longer than its bound is a violation. */
    List<XmlViolation> check(byte[] xml, XMLInputFactory factory) {
        Deque<Map<String, Integer>> siblings = new ArrayDeque<>();
        siblings.push(new HashMap<>());
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    Integer bound = bounds.get(name);
                    if (bound != null && siblings.peek().merge(name, 1, Integer::sum) > bound) {
                        return List.of(new XmlViolation(reader.getLocation().getLineNumber(),
                                reader.getLocation().getColumnNumber(),
                                "element '" + name + "' occurs more than maxOccurs=" + bound + " times"));
                    }
                    siblings.push(new HashMap<>());
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    siblings.pop();
                }
            }
        } catch (XMLStreamException e) {
            return List.of(new XmlViolation(0, 0, e.getMessage()));
        }
        return List.of();
    }

    boolean isEmpty() {
        return bounds.isEmpty();
    }
}
