package org.linli.forum.search;

import java.util.HashMap;
import java.util.Map;

/**
 * Test support: the top-level string and number members of one JSON object, with escapes
 * decoded; nested arrays and objects are skipped. Enough for the shared corpora's JSON lines.
 */
final class JsonStrings {

    private JsonStrings() {
    }

    static Map<String, String> parse(String json) {
        Map<String, String> members = new HashMap<>();
        int[] at = {json.indexOf('{') + 1};
        while (true) {
            skipSpaceAndCommas(json, at);
            if (at[0] >= json.length() || json.charAt(at[0]) == '}') {
                return members;
            }
            String key = string(json, at);
            skipSpaceAndCommas(json, at);
            at[0]++;  // the colon
            skipSpaceAndCommas(json, at);
            char first = json.charAt(at[0]);
            if (first == '"') {
                members.put(key, string(json, at));
            } else if (first == '[' || first == '{') {
                skipNested(json, at);
            } else {
                int start = at[0];
                while (at[0] < json.length() && ",}".indexOf(json.charAt(at[0])) < 0) {
                    at[0]++;
                }
                members.put(key, json.substring(start, at[0]).strip());
            }
        }
    }

    private static void skipSpaceAndCommas(String json, int[] at) {
        while (at[0] < json.length() && (Character.isWhitespace(json.charAt(at[0])) || json.charAt(at[0]) == ',')) {
            at[0]++;
        }
    }

    private static String string(String json, int[] at) {
        StringBuilder out = new StringBuilder();
        int i = at[0] + 1;
        while (json.charAt(i) != '"') {
            char c = json.charAt(i++);
            if (c == '\\') {
                char escaped = json.charAt(i++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(escaped);
                }
            } else {
                out.append(c);
            }
        }
        at[0] = i + 1;
        return out.toString();
    }

    private static void skipNested(String json, int[] at) {
        int depth = 0;
        do {
            char c = json.charAt(at[0]);
            if (c == '"') {
                string(json, at);
                continue;
            }
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            at[0]++;
        } while (depth > 0);
    }
}
