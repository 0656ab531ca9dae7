package org.diminet.vim.embedded;

import java.time.Instant;
import java.util.List;

/** A network as the embedded VIM shows it; {@code subnetIds} are in creation order. */
public record NetworkView(String id, String name, List<String> subnetIds, boolean adminStateUp, String status,
                          Instant createdAt, Instant updatedAt) {
    public NetworkView {
        subnetIds = List.copyOf(subnetIds);
    }
}
