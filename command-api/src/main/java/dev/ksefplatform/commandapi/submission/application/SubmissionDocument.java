package dev.ksefplatform.commandapi.submission.application;

/** A document of a submission byte for byte and its {@code Repr-Digest} ({@code sha-256=:<Base64>:}, RFC 9530). */
public record SubmissionDocument(byte[] xml, String reprDigest) {

    /** Which document: the invoice XML as sent, or its UPO. */
    public enum Kind {
        XML("xml", "invoice-xml-not-available", "the invoice XML is kept once KSeF has accepted the invoice"),
        UPO("upo", "upo-not-available-yet",
                "the UPO is fetched from KSeF once the invoice is accepted, usually within seconds; ask again later");

        private final String path;
        private final String problemType;
        private final String notYet;

        Kind(String path, String problemType, String notYet) {
            this.path = path;
            this.problemType = problemType;
            this.notYet = notYet;
        }

        public String path() {
            return path;
        }

        public String problemType() {
            return problemType;
        }

        public String notYet() {
            return notYet;
        }
    }
}
