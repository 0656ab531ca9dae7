package org.diminet.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The error body of a request refused before Spring MVC handles it (by a filter, or by Tomcat itself),
 * in the shape of the API the path belongs to: Neutron's {@code NeutronError} under {@code /neutron/},
 * problem details elsewhere, as {@link ProblemDetailsAdvice} and the Neutron advice write them.
 */
public final class RawErrorBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RawErrorBody() {
    }

    public static boolean isNeutron(String uri) {
        return uri != null && uri.startsWith("/neutron/");
    }

    public static String contentType(String uri) {
        return isNeutron(uri) ? "application/json" : "application/problem+json";
    }

    /**
     * @param problem     the short problem name, e.g. {@code unsupported-media-type}
     * @param neutronType Neutron's error type, e.g. {@code HTTPUnsupportedMediaType}
     * @param region      this site's region, or null where it is not known (Tomcat's own errors)
     */
    public static String of(String uri, int status, String title, String problem, String neutronType, String detail,
                            String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (isNeutron(uri)) {
            body.put("NeutronError", Map.of("type", neutronType, "message", detail, "detail", ""));
        } else {
            body.put("type", "urn:diminet:problem:" + problem);
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            body.put("problem", problem);
            if (region != null) {
                body.put("region", region);
            }
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
