package org.diminet.vim.embedded;

import java.util.Optional;

/** What a network update asks for; an empty value is left as it is. */
public record NetworkChange(Optional<String> name, Optional<Boolean> shared, Optional<Boolean> adminStateUp,
                            Optional<String> description) {
    public static NetworkChange none() {
        return new NetworkChange(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
