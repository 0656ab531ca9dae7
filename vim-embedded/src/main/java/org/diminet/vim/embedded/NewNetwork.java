package org.diminet.vim.embedded;

/**
 * What a network create asks for.
 *
 * @param project the project that will own the network
 * @param shared  whether every project may use it
 */
public record NewNetwork(String name, String project, boolean shared, boolean adminStateUp, String description) {
    public static NewNetwork of(String name, String project, boolean shared) {
        return new NewNetwork(name, project, shared, true, "");
    }
}
