package org.diminet.core.service;

import java.util.Optional;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.domain.error.InvalidRequestException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.domain.error.PeerException;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.operation.Failure;

/** Turns errors into stored {@link Failure}s and back, so that a revoked operation tells the user why. */
public final class Failures {
    private Failures() {
    }

    public static Failure of(RuntimeException error, Region about) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return switch (error) {
            case PeerException p -> new Failure(p.kind() == PeerException.Kind.REFUSED ? "peer-refused" : p.problemType(),
                    p.problemType(), Optional.of(p.region()), p.peerStatus(), message);
            case ConflictException c -> new Failure("conflict", c.problemType(), Optional.of(about), 0, message);
            case InvalidRequestException i -> new Failure("invalid", i.problemType(), Optional.of(about), 0, message);
            case NotFoundException n -> new Failure("not-found", n.problemType(), Optional.of(about), 0, message);
            case VimException v -> new Failure("vim", v.problemType(), Optional.of(v.region()), 0, message);
            default -> new Failure("vim", "internal", Optional.of(about), 0, message);
        };
    }

    /** The error a user is shown for a revoked operation. */
    public static DiminetException toException(Failure failure, Region local) {
        Region region = failure.region().orElse(local);
        return switch (failure.category()) {
            case "conflict" -> new ConflictException(failure.problem(), failure.message());
            case "not-found" -> new NotFoundException(failure.problem(), failure.message());
            case "invalid" -> new InvalidRequestException("resources", failure.message());
            case "peer-refused" -> new PeerException(region, PeerException.Kind.REFUSED, failure.status(),
                    failure.problem(), failure.message());
            case "peer-unreachable" -> new PeerException(region, PeerException.Kind.UNREACHABLE, 0, null, failure.message());
            case "peer-timeout" -> new PeerException(region, PeerException.Kind.TIMEOUT, 0, null, failure.message());
            case "peer-bad-response" -> new PeerException(region, PeerException.Kind.BAD_RESPONSE, failure.status(), null,
                    failure.message());
            default -> new VimException(region, failure.message());
        };
    }

    /** Is this a refusal that will not change by asking again (bad input, a conflict)? */
    public static boolean isRefusal(RuntimeException error) {
        return switch (error) {
            case PeerException p -> p.kind() == PeerException.Kind.REFUSED && p.peerStatus() >= 400 && p.peerStatus() < 500;
            case ConflictException c -> true;
            case InvalidRequestException i -> true;
            case NotFoundException n -> true;
            default -> false;
        };
    }

    /** A site answered that it has no such service: its part is gone already. */
    public static boolean partIsGone(RuntimeException error) {
        return error instanceof PeerException p && p.kind() == PeerException.Kind.REFUSED && p.peerStatus() == 404
                && "service-not-found".equals(p.problemType());
    }
}
