package org.diminet.server.web.neutron;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * Neutron's query parameters on GET: {@code attribute=value} filters (repeat a parameter for "any of")
 * and {@code fields=} to keep only some attributes.
 *
 * <p>Views are turned into ordered maps by a private, plain Jackson mapper, so the field names are the
 * ones the {@link NeutronViews} records declare, whatever the application's global Jackson settings.
 * A filter on a list attribute matches when one element matches; a list of objects ({@code fixed_ips})
 * is filtered as Neutron does, with {@code fixed_ips=ip_address=10.0.0.5} or
 * {@code fixed_ips=subnet_id=…}. Pagination and sorting parameters are accepted and ignored: every list
 * is complete and in creation order.
 */
final class NeutronQuery {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String FIELDS = "fields";
    private static final Set<String> IGNORED = Set.of("limit", "marker", "page_reverse", "sort_key", "sort_dir");

    private NeutronQuery() {
    }

    /** One view as a map, reduced to the requested {@code fields}. */
    static Map<String, Object> show(Object view, MultiValueMap<String, String> query) {
        return fields(toMap(view), requestedFields(query));
    }

    /** The views that pass every filter, each reduced to the requested {@code fields}. */
    static List<Map<String, Object>> list(List<?> views, MultiValueMap<String, String> query) {
        List<String> fields = requestedFields(query);
        return views.stream()
                .map(NeutronQuery::toMap)
                .filter(item -> matches(item, query))
                .map(item -> fields(item, fields))
                .toList();
    }

    static Map<String, Object> toMap(Object view) {
        return PLAIN.convertValue(view, MAP);
    }

    private static List<String> requestedFields(MultiValueMap<String, String> query) {
        return query.getOrDefault(FIELDS, List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(field -> !field.isEmpty())
                .distinct()
                .toList();
    }

    private static Map<String, Object> fields(Map<String, Object> item, List<String> fields) {
        if (fields.isEmpty()) {
            return item;
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        fields.stream().filter(item::containsKey).forEach(field -> kept.put(field, item.get(field)));
        return kept;
    }

    private static boolean matches(Map<String, Object> item, MultiValueMap<String, String> query) {
        for (Map.Entry<String, List<String>> filter : query.entrySet()) {
            String attribute = filter.getKey();
            if (attribute.equals(FIELDS) || IGNORED.contains(attribute)) {
                continue;
            }
            if (!item.containsKey(attribute)) {
                throw NeutronRequests.badRequest("[" + attribute + "] is invalid attribute for filtering");
            }
            Object actual = item.get(attribute);
            if (filter.getValue().stream().noneMatch(wanted -> matches(actual, wanted))) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Object actual, String wanted) {
        return switch (actual) {
            case null -> false;
            case Boolean b -> b == parseBoolean(wanted);
            case List<?> list -> list.stream().anyMatch(element -> matches(element, wanted));
            case Map<?, ?> map -> {
                int equals = wanted.indexOf('=');
                yield equals > 0 && wanted.substring(equals + 1).equals(String.valueOf(map.get(wanted.substring(0, equals))));
            }
            default -> String.valueOf(actual).equals(wanted);
        };
    }

    /** Neutron's convert_to_boolean: true, True, 1 and the like. */
    private static boolean parseBoolean(String text) {
        return Set.of("true", "1", "yes", "on").contains(text.trim().toLowerCase(Locale.ROOT));
    }
}
