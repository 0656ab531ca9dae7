package org.diminet.openstack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.diminet.openstack.config.IniFile.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IniFile} against Python's configparser: each {@code services-conf/<case>.conf} beside the answer
 * configparser gave for it ({@code <case>.expected.json}, written by {@code services-conf/regenerate.py}).
 * Every case must match, except the deliberate differences listed in {@link #DIFFERENCES}.
 */
class IniFileTest {
    private static final String CASES = "/services-conf";
    private static final String ACCEPTS = "accepts";

    /** What configparser does with a case and what IniFile does instead, on purpose. */
    private record Difference(String configparser, Problem diminet, String why) {
    }

    private static final Map<String, Difference> DIFFERENCES = Map.of(
            "other-section", new Difference(ACCEPTS, Problem.OTHER_SECTION,
                    "a setting in another section would be silently ignored"),
            "section-name-with-spaces", new Difference(ACCEPTS, Problem.OTHER_SECTION,
                    "'[ DEFAULT ]' is a section named ' DEFAULT ' for configparser too, so its keys would be ignored"),
            "duplicate-section", new Difference("DuplicateSectionError", Problem.OTHER_SECTION,
                    "both refuse the file; IniFile already at the first [keystone]"),
            "duplicate-default-section", new Difference(ACCEPTS, Problem.DEFAULT_TWICE,
                    "configparser merges the two; a second [DEFAULT] is more likely a pasted file than intended"),
            "no-section", new Difference(ACCEPTS, Problem.NO_DEFAULT,
                    "configparser reads an empty [DEFAULT]; a services.conf without one is the wrong file"));

    /** configparser's exception for each refusal both make. */
    private static final Map<String, Problem> ERRORS = Map.of(
            "MissingSectionHeaderError", Problem.MISSING_SECTION_HEADER,
            "ParsingError", Problem.PARSING,
            "DuplicateOptionError", Problem.DUPLICATE_OPTION);

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path folder = Path.of(IniFileTest.class.getResource(CASES).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".conf"))
                    .map(n -> n.substring(0, n.length() - ".conf".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsAsConfigparserDoes(String name) throws Exception {
        String text = read(name + ".conf");
        Map<String, Object> expected = JSON.readValue(read(name + ".expected.json"), new TypeReference<>() {
        });
        if (DIFFERENCES.containsKey(name)) {
            Difference difference = DIFFERENCES.get(name);
            assertThat(expected.containsKey("error") ? expected.get("error") : ACCEPTS)
                    .as("what configparser does with " + name).isEqualTo(difference.configparser());
            assertThatThrownBy(() -> IniFile.parse(text)).as(difference.why())
                    .isInstanceOfSatisfying(IniFile.Refused.class, e -> assertThat(e.problem()).isEqualTo(difference.diminet()));
        } else if (expected.containsKey("error")) {
            IniFile.Refused refused = catchThrowableOfType(IniFile.Refused.class, () -> IniFile.parse(text));
            assertThat(refused).as("configparser refuses " + name + " with " + expected.get("error")).isNotNull();
            assertThat(refused.problem()).isEqualTo(ERRORS.get((String) expected.get("error")));
            assertThat(refused.line()).as("line").isEqualTo(expected.get("line"));
        } else {
            Map<String, Object> actual = new LinkedHashMap<>();
            IniFile.parse(text).forEach(o -> actual.put(o.key().toLowerCase(Locale.ROOT), o.value()));
            assertThat(new ArrayList<>(actual.entrySet())).as("keys, values and their order")
                    .isEqualTo(new ArrayList<>(expected.entrySet()));
        }
    }

    @Test
    void theCasesAreThere_andEveryDifferenceIsOne() throws Exception {
        List<String> cases = cases().toList();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(15).containsAll(DIFFERENCES.keySet());
        for (String name : cases) {
            assertThat(IniFileTest.class.getResource(CASES + "/" + name + ".expected.json"))
                    .as("run regenerate.py for " + name).isNotNull();
        }
    }

    @Test
    void optionsKeepTheKeyAsWritten_andItsLine() {
        assertThat(IniFile.parse("[DEFAULT]\n# c\nAuth URL : http://x/v3\n  more\n"))
                .containsExactly(new IniFile.Option("Auth URL", "http://x/v3\nmore", 3));
    }

    @Test
    void refusals_nameTheLine_andTheKeyOrSection() {
        assertThat(refusal("[DEFAULT]\nhost = a\nHost = b\n")).extracting(IniFile.Refused::line, IniFile.Refused::key,
                IniFile.Refused::getMessage).containsExactly(3, "Host", "key 'Host' is given more than once (first on line 2)");
        assertThat(refusal("[DEFAULT]\nhost = a\n[neutron]\n").getMessage()).startsWith("unknown section [neutron]");
        assertThat(refusal("\uFEFF[DEFAULT]\n").getMessage()).contains("byte order mark");
        assertThat(refusal("host = a\n").getMessage()).isEqualTo("'host = a' comes before the [DEFAULT] header");
        assertThat(refusal("[DEFAULT]\nhost\n").getMessage()).isEqualTo("'host' is neither a comment, a [section] nor key = value");
        assertThat(refusal("# nothing\n")).extracting(IniFile.Refused::problem, IniFile.Refused::line)
                .containsExactly(Problem.NO_DEFAULT, 0);
        assertThat(IniFile.parse("[DEFAULT]\n")).isEmpty();
    }

    private static IniFile.Refused refusal(String text) {
        IniFile.Refused refused = catchThrowableOfType(IniFile.Refused.class, () -> IniFile.parse(text));
        assertThat(refused).as("refused: " + text).isNotNull();
        return refused;
    }

    private static String read(String file) throws IOException, URISyntaxException {
        return Files.readString(Path.of(IniFileTest.class.getResource(CASES + "/" + file).toURI()), StandardCharsets.UTF_8);
    }
}
