package org.diminet.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * DIMINET answered with an error. The message is the RFC 9457 problem's {@code detail}, followed by
 * what else the problem names (status, problem name, region, field), so a user sees why and where.
 */
public final class ApiError extends CliFailure {
    private final int status;

    private ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** From an error answer: a problem detail, or whatever else the body holds. */
    static ApiError of(int status, JsonNode body, String rawBody) {
        if (body == null || !body.isObject()) {
            String text = rawBody == null || rawBody.isBlank() ? "no details" : rawBody.strip();
            String shortened = text.length() > 500 ? text.substring(0, 500) + "…" : text;
            return new ApiError(status, shortened + " (HTTP " + status + ")");
        }
        String detail = firstText(body, "detail", "title", "message");
        List<String> context = new ArrayList<>();
        context.add("HTTP " + status);
        for (String member : List.of("problem", "region", "field")) {
            String value = firstText(body, member);
            if (value != null) {
                context.add(member + " " + value);
            }
        }
        return new ApiError(status, (detail == null ? body.toString() : detail) + " (" + String.join(", ", context) + ")");
    }

    public int status() {
        return status;
    }

    private static String firstText(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    @Override
    public int exitCode() {
        return ExitCodes.API_ERROR;
    }
}
