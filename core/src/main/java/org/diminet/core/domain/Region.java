package org.diminet.core.domain;

import java.util.regex.Pattern;
import org.diminet.core.domain.error.InvalidRequestException;

/** A site, named as its OpenStack region (e.g. {@code RegionOne}). */
public record Region(String name) implements Comparable<Region> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Region {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("region",
                    "region '" + name + "' is not a valid region name (letters, digits, '.', '_', '-'; at most 64)");
        }
    }

    public static Region of(String name) {
        return new Region(name);
    }

    @Override
    public int compareTo(Region other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
