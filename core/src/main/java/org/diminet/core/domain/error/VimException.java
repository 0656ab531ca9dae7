package org.diminet.core.domain.error;

import org.diminet.core.domain.Region;

/** The local VIM (Neutron or the embedded one) failed in a way that is not the caller's fault. */
public final class VimException extends DiminetException {
    private final Region region;

    public VimException(Region region, String message, Throwable cause) {
        super("VIM of " + region + ": " + message, cause);
        this.region = region;
    }

    public VimException(Region region, String message) {
        this(region, message, null);
    }

    public Region region() {
        return region;
    }

    @Override
    public String problemType() {
        return "vim-failure";
    }
}
