package org.diminet.openstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.diminet.core.domain.Region;
import org.diminet.openstack.keystone.KeystoneCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServicesConfTest {
    private static final String MINIMAL = """
            [DEFAULT]
            host = 0.0.0.0
            region_name = RegionOne
            username = admin
            password = secret
            project = demo
            auth_url = http://192.168.57.6/identity/v3
            """;

    @Test
    void thePrototypesFile_isRead_withDefaultsForTheRest() {
        OpenStackSettings s = ServicesConf.parse(MINIMAL, "services.conf");

        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.region()).isEqualTo(Region.of("RegionOne"));
        assertThat(s.username()).isEqualTo("admin");
        assertThat(s.password()).isEqualTo("secret");
        assertThat(s.project()).isEqualTo("demo");
        assertThat(s.authUrl()).isEqualTo(URI.create("http://192.168.57.6/identity/v3"));
        assertThat(s.userDomain()).isEqualTo(KeystoneCredentials.Domain.byId("default"));
        assertThat(s.projectDomain()).isEqualTo(KeystoneCredentials.Domain.byId("default"));
        assertThat(s.endpointInterface()).isEqualTo("public");
        assertThat(s.diminetPort()).isEqualTo(7575);
        assertThat(s.credentials().authUrl()).isEqualTo(URI.create("http://192.168.57.6/identity/v3"));
        assertThat(s.sessionOptions().diminetPort()).isEqualTo(7575);
    }

    @Test
    void theReadmesForm_withCommentsAndAuthUrlWithASpace_isRead() {
        OpenStackSettings s = ServicesConf.parse("""
                [DEFAULT]
                # IP address of the Host where also the local Neutron server is located
                host = 10.0.0.1
                # Region Name of the local region deployment in order to autehnticate to the local Keystone service
                region_name = RegionTwo
                ; User info to authenticate against Keystone
                username = admin
                password = se:cr=et;#x
                project = admin
                # Keystone authentication URL
                auth url = http://10.0.0.1:5000/v3
                """, "services.conf");

        assertThat(s.authUrl()).isEqualTo(URI.create("http://10.0.0.1:5000/v3"));
        assertThat(s.password()).as("value taken as written").isEqualTo("se:cr=et;#x");
        assertThat(s.region()).isEqualTo(Region.of("RegionTwo"));
    }

    @Test
    void optionalKeys_areRead() {
        OpenStackSettings s = ServicesConf.parse(MINIMAL + """
                user_domain_name = Users
                project_domain_id = 3f2a
                interface = Internal
                diminet_port = 8575
                """, "x.conf");

        assertThat(s.userDomain()).isEqualTo(KeystoneCredentials.Domain.byName("Users"));
        assertThat(s.projectDomain()).isEqualTo(KeystoneCredentials.Domain.byId("3f2a"));
        assertThat(s.endpointInterface()).isEqualTo("internal");
        assertThat(s.diminetPort()).isEqualTo(8575);
        assertThat(s.sessionOptions().endpointInterface()).isEqualTo("internal");
    }

    @Test
    void keysAreCaseInsensitive_andColonsWork() {
        OpenStackSettings s = ServicesConf.parse(MINIMAL.replace("username = admin", "UserName: someone"), "x.conf");

        assertThat(s.username()).isEqualTo("someone");
    }

    @Test
    void anUnknownKey_isNamed() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "regoin = RegionTwo\n", "/etc/diminet/services.conf"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("regoin"))
                .hasMessageStartingWith("/etc/diminet/services.conf: unknown key 'regoin' in [DEFAULT]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "region_name", "username", "password", "project", "auth_url"})
    void aMissingKey_isNamed(String key) {
        String text = MINIMAL.lines().filter(l -> !l.startsWith(key + " ")).reduce("", (a, b) -> a + b + "\n");

        assertThatThrownBy(() -> ServicesConf.parse(text, "services.conf"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageContaining("required key '" + key + "' is missing");
    }

    @Test
    void badValues_nameTheirKey() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("RegionOne", "Region One"), "c"))
                .hasMessageContaining("key 'region_name'");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("http://192.168.57.6/identity/v3", "192.168.57.6/identity"), "c"))
                .hasMessageContaining("key 'auth_url'").hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "diminet_port = 75750\n", "c"))
                .hasMessageContaining("key 'diminet_port'");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "interface = private\n", "c"))
                .hasMessageContaining("key 'interface'");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "user_domain_id = default\nuser_domain_name = Default\n", "c"))
                .hasMessageContaining("either 'user_domain_id' or 'user_domain_name'");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("password = secret", "password ="), "c"))
                .hasMessageContaining("key 'password' has no value");
    }

    @Test
    void aKeyGivenTwice_isRefused_evenWithTheOtherSpelling() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "auth url = http://other/v3\n", "c"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("auth url"))
                .hasMessageContaining("more than once");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "host = 1.2.3.4\n", "c"))
                .hasMessageContaining("'host' is given more than once");
    }

    @Test
    void otherSections_andMissingSections_areRefused() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "[neutron]\nregion_name = X\n", "c"))
                .hasMessageContaining("unknown section [neutron]");
        assertThatThrownBy(() -> ServicesConf.parse("host = 1.2.3.4\n", "c"))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> ServicesConf.parse("", "c"))
                .hasMessageContaining("has no [DEFAULT] section");
    }

    @Test
    void theDocumentedExample_isRead() {
        OpenStackSettings s = ServicesConf.parse("""
                [DEFAULT]
                # required: host, region_name, username, password, project, auth_url ("auth url" is accepted too)
                host = 10.0.0.1
                region_name = RegionOne
                username = admin
                password = secret
                project = admin
                auth_url = http://10.0.0.1/identity/v3
                # optional: user_domain_id or user_domain_name, project_domain_id or project_domain_name (default: id
                # "default"), interface (public, the default, internal or admin), diminet_port (peers' DIMINET port when
                # the catalog has no intersite endpoint; default 7575)
                user_domain_id = default
                project_domain_id = default
                interface = public
                diminet_port = 7575
                """, "services.conf");

        assertThat(s.host()).isEqualTo("10.0.0.1");
        assertThat(s.userDomain()).isEqualTo(KeystoneCredentials.Domain.byId("default"));
    }

    @Test
    void valuesAreTakenAsWritten_withoutInterpolation() {
        OpenStackSettings s = ServicesConf.parse(MINIMAL.replace("password = secret", "password = \"50%% %(host)s\\n'"), "c");

        assertThat(s.password()).isEqualTo("\"50%% %(host)s\\n'");
    }

    @Test
    void anInlineComment_isPartOfTheValue_andAnInvalidValueSaysSo() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("host = 0.0.0.0", "host = 10.0.0.1   # where DIMINET listens"), "c"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("host"))
                .hasMessageContaining("'10.0.0.1   # where DIMINET listens' is not a host name or address")
                .hasMessageContaining("put comments on their own line");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("RegionOne", "RegionOne ; local"), "c"))
                .hasMessageContaining("key 'region_name'").hasMessageContaining("put comments on their own line");
    }

    @Test
    void aValueContinuedOnIndentedLines_isRefused_namingItsKey() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("password = secret\n", "password = secret\n  project = x\n"), "c"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("password"))
                .hasMessageStartingWith("c, line 5: key 'password' continues on the indented lines below it");
    }

    @Test
    void syntaxErrors_nameTheFileAndLine() {
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL.replace("project = demo", "project demo"), "/etc/services.conf"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isNull())
                .hasMessage("/etc/services.conf, line 6: 'project demo' is neither a comment, a [section] nor key = value");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "[DEFAULT]\n", "c"))
                .hasMessage("c, line 8: section [DEFAULT] appears twice");
        assertThatThrownBy(() -> ServicesConf.parse(MINIMAL + "HOST = 1.2.3.4\n", "c"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("HOST"))
                .hasMessage("c, line 8: key 'HOST' is given more than once (first on line 2)");
        assertThatThrownBy(() -> ServicesConf.parse("\uFEFF" + MINIMAL, "c"))
                .hasMessageStartingWith("c, line 1: the file starts with a byte order mark");
    }

    @Test
    void aFile_isRead_andAMissingFileIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("services.conf");
        Files.writeString(file, MINIMAL);

        assertThat(ServicesConf.read(file).project()).isEqualTo("demo");
        assertThatThrownBy(() -> ServicesConf.read(dir.resolve("nope.conf")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.conf");
    }

    @Test
    void toString_hidesThePassword() {
        assertThat(ServicesConf.parse(MINIMAL, "c").toString()).doesNotContain("secret").contains("password=***");
    }
}
