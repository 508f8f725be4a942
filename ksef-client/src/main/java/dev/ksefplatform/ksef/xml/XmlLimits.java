package dev.ksefplatform.ksef.xml;

/**
 * Bounds on a document's shape that keep the cost of reading a hostile one small: a pass stops at the first element
 * or text that breaks one. The defaults sit far above real invoices: the official samples nest 5 deep and carry at
 * most 2 attributes of 6 characters, FA(3)'s longest value is 3,500 characters (TTekstowy), and a 1,000,000-byte
 * invoice of 3,000 rows holds 26,454 elements.
 *
 * @param maxDepth            elements nested inside each other, the root counting 1
 * @param maxElements         elements in the whole document
 * @param maxAttributes       attributes of one element (namespace declarations not counted)
 * @param maxAttributeLength  characters of one attribute value
 * @param maxTextLength       characters of one text node (the text between two tags)
 * @param maxViolations       schema violations collected before reading stops
 */
public record XmlLimits(int maxDepth, int maxElements, int maxAttributes, int maxAttributeLength, int maxTextLength,
                        int maxViolations) {

    public static final XmlLimits DEFAULT = new XmlLimits(32, 100_000, 16, 1_024, 16_384, 100);

    long max(XmlLimit limit) {
        return switch (limit) {
            case DEPTH -> maxDepth;
            case ELEMENTS -> maxElements;
            case ATTRIBUTES -> maxAttributes;
            case ATTRIBUTE_LENGTH -> maxAttributeLength;
            case TEXT_LENGTH -> maxTextLength;
        };
    }
}
