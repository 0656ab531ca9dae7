package org.diminet.server.cli;

/**
 * The client's exit codes, which scripts may rely on. The {@code *_HELP} lines are what {@code --help}
 * prints under "Exit codes" (annotation values must be constants, hence one constant per line).
 */
public final class ExitCodes {
    public static final int OK = 0;
    /** DIMINET answered with an error (4xx or 5xx): the request was refused or failed there. */
    public static final int API_ERROR = 1;
    /** The command line or the settings are wrong (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** DIMINET or the identity service could not be reached, or refused the credentials or token (401). */
    public static final int UNREACHABLE_OR_UNAUTHENTICATED = 3;

    public static final String HEADING = "%nExit codes:%n";
    public static final String OK_HELP = "0:done";
    public static final String API_ERROR_HELP = "1:DIMINET refused or failed (HTTP 4xx/5xx); its problem detail is on stderr";
    public static final String USAGE_HELP = "2:wrong command line or missing settings (e.g. no endpoint, no credentials)";
    public static final String UNREACHABLE_HELP = "3:cannot reach DIMINET or the identity service, or authentication failed (401)";

    private ExitCodes() {
    }
}
