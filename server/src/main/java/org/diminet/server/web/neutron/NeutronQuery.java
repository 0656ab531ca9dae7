package org.diminet.server.web.neutron;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import org.diminet.vim.embedded.EmbeddedVimException;
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
 * {@code fixed_ips=subnet_id=…}.
 *
 * <p>Sorting and pagination are Neutron's: {@code sort_key}/{@code sort_dir} pairs (the id is always the
 * last key), {@code limit}, {@code marker} and {@code page_reverse}, and then {@code <collection>_links}
 * with {@code next} and {@code previous} hrefs built exactly as Neutron builds them (a previous link also
 * on the first page, a next link whenever the page is full). Without any of them a list is in creation
 * order.
 */
final class NeutronQuery {
    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String FIELDS = "fields";
    /** Parameters that are not filters. */
    private static final Set<String> NOT_FILTERS = Set.of("limit", "marker", "page_reverse", "sort_key", "sort_dir");

    private NeutronQuery() {
    }

    /** One view as a map, reduced to the requested {@code fields}. */
    static Map<String, Object> show(Object view, MultiValueMap<String, String> query) {
        return fields(toMap(view), requestedFields(query));
    }

    /**
     * A whole list answer, {@code {"<collection>": [...], "<collection>_links": [...]}}, filtered, sorted and
     * paginated as Neutron does.
     *
     * @param resource   e.g. {@code network}: what may be sorted by and which 404 an unknown marker gets
     * @param requestUrl the URL asked for, without its query: the base of the links
     */
    static Map<String, Object> page(String resource, List<?> views, MultiValueMap<String, String> query,
                                    String requestUrl) {
        String collection = resource + "s";
        List<Map<String, Object>> all = views.stream().map(NeutronQuery::toMap).toList();
        List<Map<String, Object>> items = all.stream().filter(item -> matches(item, query)).toList();
        Sorting sorting = Sorting.of(resource, query);
        int limit = limit(query);
        if (!sorting.keys().isEmpty() || limit > 0) {
            items = items.stream().sorted(sorting.comparator()).toList();
        }
        List<Map<String, Object>> links = List.of();
        if (limit > 0) {
            boolean reverse = parseBoolean(query.getOrDefault("page_reverse", List.of("false")).getFirst());
            Optional<String> marker = Optional.ofNullable(query.getFirst("marker"));
            if (marker.isPresent()) {
                Map<String, Object> at = all.stream().filter(item -> marker.get().equals(item.get("id"))).findFirst()
                        .orElseThrow(() -> notFound(resource, marker.get()));
                Comparator<Map<String, Object>> order = sorting.comparator();
                items = items.stream().filter(item -> reverse ? order.compare(item, at) < 0 : order.compare(item, at) > 0)
                        .toList();
            }
            items = reverse ? items.subList(Math.max(0, items.size() - limit), items.size())
                    : items.subList(0, Math.min(limit, items.size()));
            links = links(items, limit, reverse, query, requestUrl);
        }
        List<String> fields = requestedFields(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(collection, items.stream().map(item -> fields(item, fields)).toList());
        if (!links.isEmpty()) {
            answer.put(collection + "_links", links);
        }
        return answer;
    }

    /** Neutron's get_pagination_links: previous unless a short reversed page, next unless a short forward one. */
    private static List<Map<String, Object>> links(List<Map<String, Object>> items, int limit, boolean reverse,
                                                   MultiValueMap<String, String> query, String requestUrl) {
        List<Map<String, Object>> links = new ArrayList<>();
        boolean shortPage = items.size() < limit;
        if (!(shortPage && !reverse)) {
            links.add(Map.of("rel", "next", "href", href(requestUrl, query,
                    items.isEmpty() ? null : String.valueOf(items.getLast().get("id")), false)));
        }
        if (!(shortPage && reverse)) {
            links.add(Map.of("rel", "previous", "href", href(requestUrl, query,
                    items.isEmpty() ? null : String.valueOf(items.getFirst().get("id")), true)));
        }
        return links;
    }

    /** The request's parameters in their order, without marker (and page_reverse), then the new ones. */
    private static String href(String requestUrl, MultiValueMap<String, String> query, String marker, boolean previous) {
        List<String> parameters = new ArrayList<>();
        query.forEach((name, values) -> {
            if (!name.equals("marker") && !name.equals("page_reverse")) {
                values.forEach(value -> parameters.add(encode(name) + "=" + encode(value)));
            }
        });
        if (marker != null) {
            parameters.add("marker=" + encode(marker));
        }
        if (previous) {
            parameters.add("page_reverse=True");
        }
        return requestUrl + "?" + String.join("&", parameters);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** 0 for no limit; Neutron's 400 for anything but a whole number of at least 0. */
    private static int limit(MultiValueMap<String, String> query) {
        String text = query.getFirst("limit");
        if (text == null) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new EmbeddedVimException(400, "BadRequest",
                "Bad limit request: Limit must be an integer 0 or greater and not '" + text + "'.");
    }

    private static EmbeddedVimException notFound(String resource, String id) {
        String kind = Character.toUpperCase(resource.charAt(0)) + resource.substring(1);
        return new EmbeddedVimException(404, kind + "NotFound", kind + " " + id + " could not be found.");
    }

    /** The sort keys and directions asked for; the id is always compared last, ascending. */
    private record Sorting(List<String> keys, List<Boolean> ascending) {
        static Sorting of(String resource, MultiValueMap<String, String> query) {
            List<String> keys = query.getOrDefault("sort_key", List.of());
            List<String> dirs = query.getOrDefault("sort_dir", List.of());
            if (keys.size() != dirs.size()) {
                throw NeutronRequests.badRequest("The number of sort_keys and sort_dirs must be same");
            }
            NeutronAttributes.requireSortKeys(resource, keys);
            List<String> invalid = dirs.stream().filter(d -> !d.equals("asc") && !d.equals("desc")).toList();
            if (!invalid.isEmpty()) {
                throw NeutronRequests.badRequest(NeutronAttributes.pythonList(invalid)
                        + " is invalid value for sort_dirs, valid value is 'asc' and 'desc'");
            }
            return new Sorting(keys, dirs.stream().map("asc"::equals).toList());
        }

        Comparator<Map<String, Object>> comparator() {
            Comparator<Map<String, Object>> order = (a, b) -> 0;
            for (int i = 0; i < keys.size(); i++) {
                String key = sortAttribute(keys.get(i));
                Comparator<Map<String, Object>> byKey = (a, b) -> compareValues(a.get(key), b.get(key));
                order = order.thenComparing(ascending.get(i) ? byKey : byKey.reversed());
            }
            return order.thenComparing((a, b) -> compareValues(a.get("id"), b.get("id")));
        }

        private static String sortAttribute(String key) {
            return key.equals("tenant_id") ? "project_id" : key;
        }

        /** As a database orders them: null first, false before true, text by its characters. */
        private static int compareValues(Object a, Object b) {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a instanceof Boolean x && b instanceof Boolean y) {
                return Boolean.compare(x, y);
            }
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
        }
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
            if (attribute.equals(FIELDS) || NOT_FILTERS.contains(attribute)) {
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
