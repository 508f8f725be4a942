package dev.ksefplatform.ksef.xml;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Large {@code maxOccurs} bounds, enforced by counting instead of by the schema automaton.
 *
 * <p>Xerces builds a DFA that unrolls every bounded repetition: FA(3)'s {@code FaWiersz
 * maxOccurs="10000"} alone takes minutes to compile on first use. So the schema text is loaded
 * with every bound above {@link #THRESHOLD} relaxed to {@code unbounded}, and a {@link Counter}
 * checks those bounds in the same pass as the validation. Validation is exactly as strict as the
 * official schema.
 */
final class OccurrenceBounds {

    static final int THRESHOLD = 100;
    static final OccurrenceBounds NONE = new OccurrenceBounds();

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

    /** A counter for one document at a time; the bounds must all be known (schema compiled) by now. */
    Counter counter() {
        return new Counter(Map.copyOf(bounds));
    }

    /** Counts sibling runs of each bounded element: per depth, how many of each bounded name the parent holds. */
    static final class Counter {

        private final Map<String, Integer> indexes = new HashMap<>();
        private final int[] maxima;
        private int[][] counts = new int[0][];

        private Counter(Map<String, Integer> bounds) {
            maxima = new int[bounds.size()];
            bounds.forEach((name, max) -> {
                maxima[indexes.size()] = max;
                indexes.put(name, indexes.size());
            });
        }

        void reset(int maxDepth) {
            if (counts.length < maxDepth + 2) {
                counts = new int[maxDepth + 2][maxima.length];
            }
            Arrays.fill(counts[1], 0);
        }

        /** Null, or the violation when this element is one too many of its kind under its parent. */
        String start(int depth, String name) {
            Arrays.fill(counts[depth + 1], 0); // this element's children start counting afresh
            Integer index = indexes.get(name);
            if (index == null || ++counts[depth][index] != maxima[index] + 1) {
                return null;
            }
            return "element '" + name + "' occurs more than maxOccurs=" + maxima[index] + " times";
        }
    }
}
