package org.linli.forum.archive;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads an archive file, one JSON object per line, into messages in the order they are to be
 * imported: a newsgroup's messages by article number (the order its server received them), so
 * that a thread opens with its first message and replies find what they answer. A line that is
 * not a usable record is reported with its number and reason, never fatal.
 */
public final class ArchiveReader {

    /** What a file held: the messages to import, in order, and the lines that were not usable. */
    public record Contents(List<ArchiveMessage> messages, List<ArchiveProblem> problems, int records) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+@[^<>\\s]+>");
    private static final Pattern ADDRESS_IN_ANGLES = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^>]+)>");
    private static final Pattern NAME_IN_PARENS = Pattern.compile("^\\s*(\\S+@\\S+)\\s*\\((.*)\\)\\s*$");

    private ArchiveReader() {
    }

    public static Contents read(Path file, ArchiveFormat format, String board, ZoneId zone) throws IOException {
        try (InputStream in = open(file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return read(lines, format, board, zone);
        }
    }

    static Contents read(BufferedReader lines, ArchiveFormat format, String board, ZoneId zone) throws IOException {
        List<Numbered> messages = new ArrayList<>();
        List<ArchiveProblem> problems = new ArrayList<>();
        Map<String, Integer> firstLineOf = new HashMap<>();
        int lineNumber = 0;
        int records = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            records++;
            try {
                Numbered message = switch (format) {
                    case NEWSGROUPS -> newsMessage(lineNumber, object(line));
                    case MESSAGE_BOARD -> boardMessage(lineNumber, object(line), board, zone);
                };
                Integer first = firstLineOf.putIfAbsent(message.message.externalId(), lineNumber);
                if (first != null) {
                    problems.add(ArchiveProblem.skipped(lineNumber, message.message.externalId(),
                            "import.reason.duplicateInFile", String.valueOf(first)));
                } else {
                    messages.add(message);
                }
            } catch (Unusable e) {
                problems.add(ArchiveProblem.failed(lineNumber, e.externalId, e.reason, e.detail));
            }
        }
        messages.sort(Comparator.comparing((Numbered n) -> n.message.board())
                .thenComparingLong(n -> n.order)
                .thenComparingInt(n -> n.message.lineNumber()));
        return new Contents(messages.stream().map(n -> n.message).toList(), problems, records);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** A message with the number that orders it within its board. */
    private record Numbered(ArchiveMessage message, long order) {
    }

    private static JsonObject object(String line) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(line))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new Unusable(null, "import.reason.notJson", e.getMessage());
        } catch (JsonException e) {
            throw new Unusable(null, "import.reason.notJson", e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new Unusable(null, "import.reason.notObject", value.getValueType().name());
        }
        return value.asJsonObject();
    }

    private static Numbered newsMessage(int line, JsonObject json) {
        String id = text(json, "id", null, true);
        String group = text(json, "newsgroup", id, true);
        String subject = text(json, "subject", id, false);
        String from = text(json, "from", id, true);
        String body = text(json, "body", id, true);
        Map<String, String> headers = headers(json);
        String messageId = Optional.ofNullable(text(json, "message_id", id, false))
                .orElse(headers.get("message-id"));
        Set<String> references = new LinkedHashSet<>();
        String referencesHeader = Optional.ofNullable(text(json, "references", id, false))
                .orElse(headers.get("references"));
        if (referencesHeader != null) {
            Matcher m = MESSAGE_ID.matcher(referencesHeader);
            while (m.find()) {
                references.add(m.group());
            }
        }
        for (String quoted : strings(json, "quoted_message_ids", id)) {
            references.add(quoted.startsWith("<") ? quoted : "<" + quoted + ">");
        }
        if (messageId != null) {
            Matcher m = MESSAGE_ID.matcher(messageId);
            messageId = m.find() ? m.group() : null;
        }
        Instant date = ArchiveDates.news(Optional.ofNullable(text(json, "date", id, false))
                .orElse(headers.get("date"))).orElse(null);
        String[] author = author(from);
        long order = number(text(json, "article_number", id, false))
                .orElse(number(id.substring(id.lastIndexOf('/') + 1)).orElse(Long.MAX_VALUE));
        return new Numbered(new ArchiveMessage(line, id, group, subject == null ? "" : subject,
                author[0], author[1], body, date, messageId, List.copyOf(references), null, null), order);
    }

    private static Numbered boardMessage(int line, JsonObject json, String board, ZoneId zone) {
        String id = text(json, "id", null, true);
        String user = text(json, "user", id, true);
        String title = text(json, "title", id, true);
        String body = text(json, "body", id, true);
        Instant time = ArchiveDates.board(text(json, "time", id, false), zone).orElse(null);
        String reply = text(json, "reply", id, false);
        Instant replyTime = ArchiveDates.board(text(json, "reply_time", id, false), zone).orElse(null);
        if (reply != null && reply.isBlank()) {
            reply = null;
        }
        long order = time == null ? Long.MAX_VALUE : time.getEpochSecond();
        return new Numbered(new ArchiveMessage(line, id, board, title, user, user, body, time,
                null, List.of(), reply, replyTime), order);
    }

    /** "addr (Real Name)", "Real Name <addr>" or a bare address: the key is the address, lower case. */
    static String[] author(String from) {
        Matcher angles = ADDRESS_IN_ANGLES.matcher(from);
        if (angles.find()) {
            String address = angles.group(2).trim();
            String name = angles.group(1).trim();
            return new String[] {address.toLowerCase(Locale.ROOT), name.isEmpty() ? localPart(address) : name};
        }
        Matcher parens = NAME_IN_PARENS.matcher(from);
        if (parens.find()) {
            String name = parens.group(2).trim();
            return new String[] {parens.group(1).toLowerCase(Locale.ROOT),
                    name.isEmpty() ? localPart(parens.group(1)) : name};
        }
        String bare = from.trim();
        return new String[] {bare.toLowerCase(Locale.ROOT), localPart(bare)};
    }

    private static String localPart(String address) {
        int at = address.indexOf('@');
        return at > 0 ? address.substring(0, at) : address;
    }

    private static Map<String, String> headers(JsonObject json) {
        Map<String, String> headers = new HashMap<>();
        JsonValue value = json.get("headers");
        if (value instanceof JsonArray array) {
            for (JsonValue pair : array) {
                if (pair instanceof JsonArray nv && nv.size() == 2
                        && nv.get(0) instanceof JsonString name && nv.get(1) instanceof JsonString text) {
                    headers.putIfAbsent(name.getString().toLowerCase(Locale.ROOT), text.getString());
                }
            }
        }
        return headers;
    }

    private static String text(JsonObject json, String field, String id, boolean required) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw new Unusable(id, "import.reason.missingField", field);
            }
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> value.toString();
            default -> throw new Unusable(id, "import.reason.notText", field);
        };
    }

    private static List<String> strings(JsonObject json, String field, String id) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new Unusable(id, "import.reason.notText", field);
        }
        List<String> texts = new ArrayList<>();
        for (JsonValue item : array) {
            if (item instanceof JsonString s) {
                texts.add(s.getString());
            }
        }
        return texts;
    }

    private static Optional<Long> number(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A line that cannot be a record. */
    private static final class Unusable extends RuntimeException {
        final String externalId;
        final String reason;
        final String detail;

        Unusable(String externalId, String reason, String detail) {
            super(reason, null, false, false);
            this.externalId = externalId;
            this.reason = reason;
            this.detail = detail;
        }
    }
}
