package dev.ksefplatform.tools;

import dev.ksefplatform.tools.topics.TopicsCommand;
import java.util.Arrays;

/** {@code java -jar ksef-tools-exec.jar <command> ...}: the operator commands, one per first argument. */
public final class Tools {

    private Tools() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length > 0 && args[0].equals("topics")) {
            return TopicsCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out);
        }
        System.err.println("usage: java -jar ksef-tools-exec.jar topics (create|check) --bootstrap HOST:PORT [options]");
        return TopicsCommand.USAGE;
    }
}
