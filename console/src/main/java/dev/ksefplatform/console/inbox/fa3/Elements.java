package dev.ksefplatform.console.inbox.fa3;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Direct children of an FA(3) element by local name (the namespace is the document's one), and their text. */
final class Elements {

    private Elements() {
    }

    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text at a path of children, whitespace runs collapsed; null when an element on the way is absent. */
    static String text(Element parent, String... path) {
        Element at = parent;
        for (String name : path) {
            at = child(at, name);
        }
        return at == null ? null : at.getTextContent().strip().replaceAll("\\s+", " ");
    }

    static BigDecimal decimal(Element parent, String... path) {
        String value = text(parent, path);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new UnreadableInvoice("'" + value + "' in " + String.join("/", path) + " is not a decimal", e);
        }
    }
}
