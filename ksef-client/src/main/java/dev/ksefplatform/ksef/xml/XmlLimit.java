package dev.ksefplatform.ksef.xml;

/** One bound on the shape of a document, checked while it is read, before the schema sees the part that breaks it. */
public enum XmlLimit {
    DEPTH("depth", "elements nested deeper than"),
    ELEMENTS("elements", "more elements than"),
    ATTRIBUTES("attributes", "an element with more attributes than"),
    ATTRIBUTE_LENGTH("attribute-length", "an attribute value longer (characters) than"),
    TEXT_LENGTH("text-length", "a text node longer (characters) than");

    private final String slug;
    private final String description;

    XmlLimit(String slug, String description) {
        this.slug = slug;
        this.description = description;
    }

    /** Stable name for APIs, e.g. {@code depth}. */
    public String slug() {
        return slug;
    }

    String describe(long max) {
        return "the document has " + description + " " + max + " (limit '" + slug + "')";
    }
}
