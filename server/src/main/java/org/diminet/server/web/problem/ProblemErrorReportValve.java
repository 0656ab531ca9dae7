package org.diminet.server.web.problem;

import org.diminet.server.http.RawErrorBody;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request it refused before DIMINET saw it (an encoded slash, backslash or NUL in
 * the path, a method it does not allow): a problem-details body (Neutron's error shape under
 * {@code /neutron/}) instead of Tomcat's HTML page or an empty body. It names no server software.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            default -> status >= 500 ? "Internal Server Error" : "Request Refused";
        };
        String detail = "the request was refused before it reached the API (" + reason.toLowerCase()
                + "): check the path and the method";
        String uri = request.getRequestURI(); // as sent: a path Tomcat refused may not decode
        try {
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentType(RawErrorBody.contentType(uri));
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            writer.write(RawErrorBody.of(uri, status, reason, "http-" + status, "HTTP" + reason.replace(" ", ""),
                    detail, null));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client went away; nothing more to say.
        }
    }
}
