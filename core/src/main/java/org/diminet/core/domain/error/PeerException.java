package org.diminet.core.domain.error;

import org.diminet.core.domain.Region;

/**
 * A peer DIMINET instance could not be reached, timed out, or refused what we asked. A refusal keeps
 * the peer's own status and problem type so the user sees, for example, the 409 the peer gave.
 */
public final class PeerException extends DiminetException {

    /** How the peer call failed. */
    public enum Kind { UNREACHABLE, TIMEOUT, REFUSED, BAD_RESPONSE }

    private final Region region;
    private final Kind kind;
    private final int peerStatus;
    private final String peerProblemType;

    public PeerException(Region region, Kind kind, int peerStatus, String peerProblemType, String message) {
        super(message);
        this.region = region;
        this.kind = kind;
        this.peerStatus = peerStatus;
        this.peerProblemType = peerProblemType;
    }

    /**
     * The request never left this site (no connection could be made), so the peer cannot have acted on
     * it: nothing needs undoing there.
     */
    public static PeerException notSent(Region region, String why) {
        PeerException e = unreachable(region, why);
        e.sent = false;
        return e;
    }

    /** Whether the request may have reached the peer (false only when no connection was made). */
    public boolean mayHaveArrived() {
        return sent;
    }

    private boolean sent = true;

    public static PeerException unreachable(Region region, String why) {
        return new PeerException(region, Kind.UNREACHABLE, 0, null, "site " + region + " is unreachable: " + why);
    }

    public static PeerException timeout(Region region) {
        return new PeerException(region, Kind.TIMEOUT, 0, null, "site " + region + " did not answer in time");
    }

    public Region region() {
        return region;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status the peer answered with, or 0 when it gave no answer. */
    public int peerStatus() {
        return peerStatus;
    }

    @Override
    public String problemType() {
        return switch (kind) {
            case REFUSED -> peerProblemType == null ? "peer-refused" : peerProblemType;
            case UNREACHABLE -> "peer-unreachable";
            case TIMEOUT -> "peer-timeout";
            case BAD_RESPONSE -> "peer-bad-response";
        };
    }
}
