package org.diminet.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link LinuxNetwork} and {@link ProcessRunner} do, without root: a fake runner and harmless programs. */
class ScriptedCommandsTest {

    /** Answers reads with canned JSON and records the batches. */
    private static final class FakeRunner implements CommandRunner {
        final List<Command> commands = new ArrayList<>();
        String links = "[]";

        @Override
        public String run(Command command) {
            commands.add(command);
            List<String> argv = command.argv();
            if (argv.contains("-j") && argv.contains("addr")) {
                return links;
            }
            return "";
        }

        List<String> batches() {
            return commands.stream().filter(c -> c.stdin() != null).map(Command::stdin).toList();
        }
    }

    @Test
    void anExistingBridgeIsNotCreatedAgain() {
        FakeRunner runner = new FakeRunner();
        LinuxNetwork net = new LinuxNetwork(runner, Naming.defaults());
        String bridge = net.naming().bridge("net-1");

        net.ensureBridge("dmn-site", "net-1");
        assertThat(runner.batches()).containsExactly(
                "link add " + bridge + " type bridge\nlink set " + bridge + " alias net-1\nlink set " + bridge + " up\n");

        runner.commands.clear();
        runner.links = "[{\"ifname\":\"" + bridge + "\",\"linkinfo\":{\"info_kind\":\"bridge\"},\"flags\":[\"UP\"]}]";
        net.ensureBridge("dmn-site", "net-1");
        assertThat(runner.batches()).containsExactly("link set " + bridge + " alias net-1\nlink set " + bridge + " up\n");
        assertThat(runner.commands).allSatisfy(c -> assertThat(c.argv()).containsSequence("-n", "dmn-site"));
    }

    @Test
    void namespacesWithoutThePrefixAreRefused() {
        LinuxNetwork net = new LinuxNetwork(new FakeRunner(), Naming.defaults());
        assertThatThrownBy(() -> net.namespaces().ensure("other")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of ours");
        assertThatThrownBy(() -> net.namespaces().delete("other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net.deleteLink("dmn-site", "eth0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> net.ensureBridge("dmn-site", "net 1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void processRunnerPassesStdinAndReportsFailures() {
        ProcessRunner runner = new ProcessRunner();
        assertThat(runner.run(Command.of("cat").withStdin("hello\n"))).isEqualTo("hello\n");
        assertThat(runner.run(Command.of("printf", "%s", "a b; echo not-a-shell"))).isEqualTo("a b; echo not-a-shell");

        assertThatThrownBy(() -> runner.run(Command.of("ls", "/no/such/path")))
                .isInstanceOfSatisfying(CommandFailedException.class, e -> {
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(e.getMessage()).contains("ls /no/such/path").contains("No such file");
                });
        assertThatThrownBy(() -> runner.run(Command.of("sleep", "5").withTimeout(Duration.ofMillis(300))))
                .isInstanceOfSatisfying(CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(CommandFailedException.TIMED_OUT));
        assertThatThrownBy(() -> runner.run(Command.of("/no/such/program")))
                .isInstanceOfSatisfying(CommandFailedException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(CommandFailedException.NOT_STARTED));
    }
}
