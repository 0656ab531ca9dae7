package org.diminet.server.web.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/**
 * The error bodies' schemas, as {@link org.diminet.server.web.problem.ProblemDetailsAdvice},
 * {@link org.diminet.server.http.RawErrorBody} and the Neutron advice write them.
 */
final class ErrorSchemas {
    private ErrorSchemas() {
    }

    /** RFC 9457 problem details with DIMINET's members. */
    static Schema<?> problem() {
        return object("An error of the DIMINET APIs: RFC 9457 problem details with a stable `problem` name, the"
                + " `region` concerned and, for bad input, the `field`.")
                .addProperty("type", string("A URI naming the kind of problem: `urn:diminet:problem:<problem>`, or"
                        + " `about:blank` for an error the web framework raised (then `problem` is `http-<status>`)",
                        "urn:diminet:problem:cidr-overlap"))
                .addProperty("title", string("The status's reason phrase", "Conflict"))
                .addProperty("status", integer(409).description("The HTTP status, repeated"))
                .addProperty("detail", string("What went wrong, in words a user can act on: it names the sites, networks"
                        + " and CIDRs concerned, never a Java class or the server software",
                        "CIDR 10.1.0.0/24 of network 3b8360e6-e29a-4063-a8bc-7bbd0785d08b at RegionOne overlaps CIDR"
                                + " 10.1.0.128/25 of network a41e9b52-3f4c-4e47-8b35-5f0c6a2d9e11 at RegionTwo"))
                .addProperty("instance", string("The request's path; absent when the request was refused before it"
                        + " reached the API (authentication, content type)", "/api/intersite-vertical"))
                .addProperty("problem", string("A short, stable name of the problem for programs to test, e.g."
                        + " `invalid-request`, `malformed-body`, `service-not-found`, `network-not-found`,"
                        + " `cidr-overlap`, `network-in-use`, `service-busy`, `ports-attached`, `pool-exhausted`,"
                        + " `peer-unreachable`, `peer-timeout`, `unauthenticated`, `rate-limited`", "cidr-overlap"))
                .addProperty("region", string("The site concerned: the one that answered, or the peer that failed or"
                        + " refused; absent only when the web server refused the request itself", "RegionOne"))
                .addProperty("field", string("Bad input only: the offending field, as a path into the body (e.g."
                        + " `resources[1].region`) or the parameter's name", "resources[1].region"))
                .required(List.of("type", "title", "status", "detail", "problem"));
    }

    /** Neutron's error body. */
    static Schema<?> neutronError() {
        Schema<?> inner = object("The error, as Neutron reports it")
                .addProperty("type", string("Neutron's name of the error, e.g. `NetworkNotFound`, `InvalidInput`,"
                        + " `PolicyNotAuthorized`, `IpAddressGenerationFailure`, `HTTPUnauthorized`", "NetworkNotFound"))
                .addProperty("message", string("What went wrong",
                        "Network 3b8360e6-e29a-4063-a8bc-7bbd0785d08b could not be found."))
                .addProperty("detail", string("More detail; usually empty", ""))
                .required(List.of("type", "message", "detail"));
        return object("An error of the Neutron API, in Neutron's shape")
                .addProperty("NeutronError", inner)
                .required(List.of("NeutronError"));
    }

    static Schema<Object> object(String description) {
        return typed("object").description(description);
    }

    static Schema<Object> string(String description, String example) {
        Schema<Object> schema = typed("string");
        schema.setExample(example);
        return schema.description(description);
    }

    static Schema<Object> string(String example) {
        Schema<Object> schema = typed("string");
        schema.setExample(example);
        return schema;
    }

    static Schema<Object> integer(int example) {
        Schema<Object> schema = typed("integer").format("int32");
        schema.setExample(example);
        return schema;
    }

    /** A schema of one type, for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(Set.of(type));
        return schema;
    }
}
