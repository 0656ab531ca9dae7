package org.diminet.server.web.neutron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.diminet.core.domain.Caller;
import org.diminet.server.auth.RequestIdentity;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Calls to the embedded Neutron's controllers as an authenticated caller (the filter's work done by hand:
 * the {@link Caller} set as the request attribute), for the tests of Neutron's project policy.
 */
final class NeutronCalls {
    static final ObjectMapper JSON = new ObjectMapper();

    private final MockMvc mvc;

    NeutronCalls(MockMvc mvc) {
        this.mvc = mvc;
    }

    record Answer(int status, String raw, JsonNode body) {
        static Answer of(MockHttpServletResponse response) throws Exception {
            String raw = response.getContentAsString();
            return new Answer(response.getStatus(), raw, raw.isBlank() ? null : JSON.readTree(raw));
        }
    }

    Answer send(Caller caller, String method, String path, ObjectNode body) {
        try {
            MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), "/neutron/v2.0" + path)
                    .requestAttr(RequestIdentity.CALLER, caller)
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsBytes(body));
            }
            return Answer.of(mvc.perform(request).andReturn().getResponse());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    /** The ids of a 200 list answer's {@code collection}. */
    static List<String> ids(Answer answer, String collection) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        answer.body().get(collection).forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    static ObjectNode wrap(String key, ObjectNode value) {
        return (ObjectNode) obj().set(key, value);
    }
}
