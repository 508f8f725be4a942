package dev.ksefplatform.deploy.files;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: identifiers left once strings, label sets, ranges and grouping go. */
public final class PromQl {

    private static final Set<String> WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "delta", "deriv", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "histogram_quantile", "max_over_time", "min_over_time", "avg_over_time", "abs", "topk", "bottomk", "offset",
            "bool", "clamp_min", "absent", "time", "vector", "label_replace");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQl() {
    }

    public static Set<String> metricNames(String expression) {
        String e = expression.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            boolean call = e.substring(m.end()).stripLeading().startsWith("(");
            if (!WORDS.contains(m.group()) && !call && !isNumberUnit(e, m.start())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static boolean isNumberUnit(String e, int start) {
        return start > 0 && Character.isDigit(e.charAt(start - 1));
    }
}
