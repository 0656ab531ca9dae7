package org.diminet.server.auth.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The common name (CN) of a certificate's subject: on the East-West API, the region of the site it names. */
final class SubjectNames {
    private SubjectNames() {
    }

    /** Empty when the subject has no CN, or more than one: a region must not be a guess between two. */
    static Optional<String> commonName(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        try {
            List<Rdn> names = new LdapName(subject).getRdns().stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .toList();
            if (names.size() != 1 || !(names.get(0).getValue() instanceof String name) || name.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(name);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }
}
