package org.diminet.openstack.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an INI file of one {@code [DEFAULT]} section, such as {@code services.conf}, line by line as Python's
 * {@code configparser.ConfigParser(interpolation=None)} reads it, which the prototype used:
 * <ul>
 * <li>lines end with {@code \n}, {@code \r\n} or {@code \r}; a line that is empty, or whose first non-space
 * character is {@code #} or {@code ;}, is skipped (a {@code #} or {@code ;} later in a line is part of it);</li>
 * <li>a section header is {@code [name]}, text after its last {@code ]} being ignored;</li>
 * <li>{@code key = value} or {@code key: value}, split at the first {@code =} or {@code :}; key and value are
 * trimmed of spaces (Python's idea of a space, which includes no-break spaces) and taken as written: no
 * quotes removed, no escapes, no {@code %} interpolation;</li>
 * <li>a line indented deeper than the key line continues that key's value, joined with {@code "\n"}; empty
 * lines inside a value are kept, trailing ones dropped, comment lines skipped;</li>
 * <li>keys are compared ignoring case; a key given twice is refused ({@code DuplicateOptionError}), so is a
 * line before the first header ({@code MissingSectionHeaderError}) and, once the file is read, a line that is
 * none of the above or has no key ({@code ParsingError}, the first one).</li>
 * </ul>
 * Deliberately unlike configparser, it refuses any section but {@code [DEFAULT]} (configparser accepts them),
 * a second {@code [DEFAULT]} (configparser merges them) and a file without {@code [DEFAULT]} (configparser reads
 * it as empty), so that nothing in the file is silently ignored. Like configparser, it refuses a leading byte
 * order mark (as a line before the header). {@code IniFileTest} holds it to configparser's own answers, and to
 * these differences.
 */
final class IniFile {
    static final String DEFAULT = "DEFAULT";

    /** A key of {@code [DEFAULT]} as written (trimmed), its value, and the line where the key is. */
    record Option(String key, String value, int line) {
    }

    /** Why a file is refused; the first three are configparser's refusals too. */
    enum Problem { MISSING_SECTION_HEADER, PARSING, DUPLICATE_OPTION, OTHER_SECTION, DEFAULT_TWICE, NO_DEFAULT }

    /**
     * A refused file: what is wrong, on which line (0 for the whole file), naming the key when there is one.
     * The message names neither the file nor the line.
     */
    static final class Refused extends RuntimeException {
        private final Problem problem;
        private final int line;
        private final String key;

        Refused(Problem problem, int line, String key, String message) {
            super(message);
            this.problem = problem;
            this.line = line;
            this.key = key;
        }

        Problem problem() {
            return problem;
        }

        int line() {
            return line;
        }

        String key() {
            return key;
        }
    }

    private IniFile() {
    }

    /** The options of {@code [DEFAULT]}, in file order. */
    static List<Option> parse(String text) {
        Map<String, Pending> options = new LinkedHashMap<>(); // by lower-case key
        boolean inDefault = false;
        List<String> continued = null; // the value that deeper-indented lines continue
        int indent = 0; // of the last line that was not a continuation
        Refused parsingError = null; // reported at the end of the file, as configparser does
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1);
            String content = strip(line);
            if (content.startsWith("#") || content.startsWith(";")) {
                continue;
            }
            if (content.isEmpty()) {
                if (continued != null) {
                    continued.add("");
                }
                continue;
            }
            int lineIndent = line.length() - stripLeading(line).length();
            if (continued != null && lineIndent > indent) {
                continued.add(content);
                continue;
            }
            indent = lineIndent;
            int close = content.lastIndexOf(']');
            if (content.startsWith("[") && close > 1) {
                String name = content.substring(1, close);
                if (!name.equals(DEFAULT)) {
                    throw new Refused(Problem.OTHER_SECTION, number, null,
                            "unknown section [" + name + "]; every setting belongs in [" + DEFAULT + "]");
                }
                if (inDefault) {
                    throw new Refused(Problem.DEFAULT_TWICE, number, null, "section [" + DEFAULT + "] appears twice");
                }
                inDefault = true;
                continued = null;
            } else if (!inDefault) {
                throw new Refused(Problem.MISSING_SECTION_HEADER, number, null, content.startsWith("\uFEFF")
                        ? "the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one"
                        : "'" + content + "' comes before the [" + DEFAULT + "] header");
            } else {
                int delimiter = firstDelimiter(content);
                String key = delimiter < 0 ? "" : strip(content.substring(0, delimiter));
                if (key.isEmpty() && parsingError == null) {
                    parsingError = new Refused(Problem.PARSING, number, null, "'" + content + "' is " + (delimiter < 0
                            ? "neither a comment, a [section] nor key = value" : "a value without a key"));
                }
                if (delimiter < 0) {
                    continue; // like configparser, deeper lines still continue the previous value
                }
                String lower = key.toLowerCase(Locale.ROOT);
                Pending first = options.get(lower);
                if (first != null) {
                    throw new Refused(Problem.DUPLICATE_OPTION, number, key,
                            "key '" + key + "' is given more than once (first on line " + first.line() + ")");
                }
                List<String> value = new ArrayList<>(List.of(strip(content.substring(delimiter + 1))));
                options.put(lower, new Pending(key, number, value));
                continued = key.isEmpty() ? null : value; // configparser's empty key continues nothing
            }
        }
        if (parsingError != null) {
            throw parsingError;
        }
        if (!inDefault) {
            throw new Refused(Problem.NO_DEFAULT, 0, null, "the file has no [" + DEFAULT + "] section");
        }
        return options.values().stream()
                .map(o -> new Option(o.key(), stripTrailing(String.join("\n", o.lines())), o.line())).toList();
    }

    private record Pending(String key, int line, List<String> lines) {
    }

    private static int firstDelimiter(String content) {
        int equals = content.indexOf('=');
        int colon = content.indexOf(':');
        return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    }

    /** Python's {@code str.isspace()}: Java's whitespace plus the no-break spaces and NEL. */
    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }

    private static String strip(String s) {
        return stripTrailing(stripLeading(s));
    }

    private static String stripLeading(String s) {
        int start = 0;
        while (start < s.length() && isSpace(s.charAt(start))) {
            start++;
        }
        return s.substring(start);
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}
