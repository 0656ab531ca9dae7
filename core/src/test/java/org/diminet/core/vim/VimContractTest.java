package org.diminet.core.vim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.error.DiminetException;
import org.diminet.core.domain.error.VimException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link Vim} implementation must do, checked by outcome only. The embedded simulator
 * extends it now, a Neutron adapter later.
 *
 * <p>Every test uses its own names and CIDRs and removes what it created, so the class also passes
 * against a real Neutron shared with other tests (which needs {@code allow_overlapping_ips}, Neutron's
 * default).
 */
public abstract class VimContractTest {

    /** Spreads CIDRs over 10.64.0.0/10 and fd00:64::/32 so parallel or repeated runs rarely meet. */
    private static final AtomicInteger NEXT = new AtomicInteger(new Random().nextInt(1 << 14));

    private final List<NetworkId> created = new ArrayList<>();

    /** A project of users, not the VIM's own: what DIMINET makes for a user's service must be theirs. */
    private static final String USER_PROJECT = UUID.randomUUID().toString().replace("-", "");

    /** The implementation under test; the same instance for the whole test. */
    protected abstract Vim vim();

    /** Creates a port on {@code network} as a user's VM would, through the implementation's own means. */
    protected abstract VimPort createUserPort(NetworkId network);

    /** Deletes a port made by {@link #createUserPort}, so a network can be cleaned up after the test. */
    protected abstract void deleteUserPort(VimPort port);

    /**
     * The networks with this exact name. {@link Vim} cannot list networks, yet a failed creation must
     * be shown to leave none behind.
     */
    protected abstract List<NetworkId> networksNamed(String name);

    @AfterEach
    void removeWhatTheTestCreated() {
        for (NetworkId network : created) {
            vim().portsOf(network).stream().filter(VimPort::isUserPort).forEach(this::deleteUserPort);
            vim().deleteNetwork(network);
        }
    }

    @Test
    void createNetworkWithSubnet_givesTheRequestedSubnet() {
        String name = uniqueName("create");
        String prefix = nextV4Prefix();
        Cidr cidr = Cidr.of(prefix + "0/24");
        List<IpRange> pools = List.of(new IpRange(prefix + "10", prefix + "20"), new IpRange(prefix + "30", prefix + "40"));

        VimNetwork network = create(name, new SubnetSpec(cidr, prefix + "1", pools));

        assertThat(network.name()).isEqualTo(name);
        assertThat(network.subnetIds()).hasSize(1);
        VimSubnet subnet = vim().subnetsOf(network.id()).getFirst();
        assertThat(vim().subnetsOf(network.id())).hasSize(1);
        assertThat(subnet.id()).isEqualTo(network.subnetIds().getFirst());
        assertThat(subnet.networkId()).isEqualTo(network.id());
        assertThat(subnet.cidr()).isEqualTo(cidr);
        assertThat(subnet.gatewayIp()).isEqualTo(prefix + "1");
        assertThat(subnet.allocationPools()).containsExactlyInAnyOrderElementsOf(pools);
        assertThat(vim().findNetwork(network.id())).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(network.id());
            assertThat(found.name()).isEqualTo(name);
            assertThat(found.subnetIds()).containsExactly(subnet.id());
            assertThat(found.project()).as("owner").isEqualTo(USER_PROJECT);
            assertThat(found.shared()).isFalse();
            assertThat(found.usableBy(USER_PROJECT)).isTrue();
            assertThat(found.usableBy("someone-else")).isFalse();
        });
        assertThat(vim().allSubnets()).contains(subnet);
    }

    @Test
    void createNetworkWithSubnet_withoutPools_letsTheVimChooseUsableAddresses() {
        String prefix = nextV4Prefix();
        Cidr cidr = Cidr.of(prefix + "0/24");

        VimNetwork network = create(uniqueName("default-pools"), new SubnetSpec(cidr, prefix + "1", List.of()));

        List<IpRange> pools = vim().subnetsOf(network.id()).getFirst().allocationPools();
        assertThat(pools).isNotEmpty().allSatisfy(pool -> {
            assertThat(cidr.contains(pool.start())).isTrue();
            assertThat(cidr.contains(pool.end())).isTrue();
            assertThat(pool.contains(prefix + "0")).as("network address").isFalse();
            assertThat(pool.contains(prefix + "1")).as("gateway").isFalse();
            assertThat(pool.contains(prefix + "255")).as("broadcast address").isFalse();
        });
    }

    @Test
    void unknownNetwork_isEmptyEverywhere_andDeletingItIsFine() {
        NetworkId unknown = NetworkId.of(UUID.randomUUID().toString());

        assertThat(vim().findNetwork(unknown)).isEmpty();
        assertThat(vim().subnetsOf(unknown)).isEmpty();
        assertThat(vim().portsOf(unknown)).isEmpty();
        assertThatCode(() -> vim().deleteNetwork(unknown)).doesNotThrowAnyException();
    }

    @Test
    void updateAllocationPools_replacesThePools() {
        String prefix = nextV4Prefix();
        VimNetwork network = create(uniqueName("update-pools"),
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of(new IpRange(prefix + "10", prefix + "20"))));
        String subnetId = network.subnetIds().getFirst();
        List<IpRange> newPools = List.of(new IpRange(prefix + "100", prefix + "110"), new IpRange(prefix + "120", prefix + "130"));

        VimSubnet updated = vim().updateAllocationPools(subnetId, newPools);

        assertThat(updated.id()).isEqualTo(subnetId);
        assertThat(updated.allocationPools()).containsExactlyInAnyOrderElementsOf(newPools);
        assertThat(vim().subnetsOf(network.id()).getFirst().allocationPools()).containsExactlyInAnyOrderElementsOf(newPools);
    }

    @Test
    void updateAllocationPools_keepsAddressesAlreadyGiven() {
        String prefix = nextV4Prefix();
        VimNetwork network = create(uniqueName("keep-ports"),
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of(new IpRange(prefix + "10", prefix + "20"))));
        VimPort port = createUserPort(network.id());

        vim().updateAllocationPools(network.subnetIds().getFirst(), List.of(new IpRange(prefix + "200", prefix + "210")));

        assertThat(vim().portsOf(network.id())).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo(port.id());
            assertThat(p.fixedIps()).isEqualTo(port.fixedIps());
        });
    }

    @Test
    void updateAllocationPools_ofUnknownSubnet_isAVimFailure() {
        String prefix = nextV4Prefix();

        assertThatThrownBy(() -> vim().updateAllocationPools(UUID.randomUUID().toString(),
                List.of(new IpRange(prefix + "10", prefix + "20"))))
                .isInstanceOf(VimException.class);
    }

    @Test
    void updateAllocationPools_outsideTheCidr_isRefused_andKeepsTheOldPools() {
        String prefix = nextV4Prefix();
        List<IpRange> pools = List.of(new IpRange(prefix + "10", prefix + "20"));
        VimNetwork network = create(uniqueName("bad-update"), new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", pools));
        String outside = nextV4Prefix();

        assertThatThrownBy(() -> vim().updateAllocationPools(network.subnetIds().getFirst(),
                List.of(new IpRange(outside + "10", outside + "20"))))
                .isInstanceOf(DiminetException.class);
        assertThat(vim().subnetsOf(network.id()).getFirst().allocationPools()).containsExactlyInAnyOrderElementsOf(pools);
    }

    @Test
    void deleteNetwork_removesTheNetworkAndItsSubnets_andDeletingAgainIsFine() {
        String prefix = nextV4Prefix();
        VimNetwork network = create(uniqueName("delete"), new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of()));
        String subnetId = network.subnetIds().getFirst();

        vim().deleteNetwork(network.id());

        assertThat(vim().findNetwork(network.id())).isEmpty();
        assertThat(vim().subnetsOf(network.id())).isEmpty();
        assertThat(vim().allSubnets()).noneMatch(s -> s.id().equals(subnetId));
        assertThatCode(() -> vim().deleteNetwork(network.id())).doesNotThrowAnyException();
    }

    @Test
    void portsOf_listsAUserPortWithAnAddressFromThePools() {
        String prefix = nextV4Prefix();
        List<IpRange> pools = List.of(new IpRange(prefix + "50", prefix + "60"));
        VimNetwork network = create(uniqueName("port"), new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", pools));

        VimPort port = createUserPort(network.id());

        List<VimPort> userPorts = vim().portsOf(network.id()).stream().filter(VimPort::isUserPort).toList();
        assertThat(userPorts).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(port.id());
            assertThat(p.networkId()).isEqualTo(network.id());
            assertThat(p.isUserPort()).isTrue();
            assertThat(p.fixedIps()).singleElement().satisfies(ip -> assertThat(pools.getFirst().contains(ip)).isTrue());
        });
    }

    @Test
    void twoUserPorts_getDifferentAddresses() {
        String prefix = nextV4Prefix();
        VimNetwork network = create(uniqueName("two-ports"),
                new SubnetSpec(Cidr.of(prefix + "0/24"), prefix + "1", List.of(new IpRange(prefix + "10", prefix + "20"))));

        VimPort first = createUserPort(network.id());
        VimPort second = createUserPort(network.id());

        assertThat(first.fixedIps()).hasSize(1);
        assertThat(second.fixedIps()).hasSize(1);
        assertThat(first.fixedIps().getFirst()).isNotEqualTo(second.fixedIps().getFirst());
        assertThat(vim().portsOf(network.id()).stream().filter(VimPort::isUserPort).map(VimPort::id))
                .containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void ipv6_subnetWithASmallPool_works() {
        String prefix = nextV6Prefix();
        Cidr cidr = Cidr.of(prefix + ":/64");
        IpRange pool = new IpRange(prefix + ":10", prefix + ":20");
        String gateway = new IPAddressString(prefix + ":1").getAddress().toCanonicalString();

        VimNetwork network = create(uniqueName("ipv6"), new SubnetSpec(cidr, gateway, List.of(pool)));

        VimSubnet subnet = vim().subnetsOf(network.id()).getFirst();
        assertThat(subnet.cidr()).isEqualTo(cidr);
        assertThat(subnet.cidr().ipVersion()).isEqualTo(6);
        assertThat(subnet.gatewayIp()).isEqualTo(gateway);
        assertThat(subnet.allocationPools()).containsExactly(pool);
        VimPort port = createUserPort(network.id());
        assertThat(port.fixedIps()).singleElement().satisfies(ip -> assertThat(pool.contains(ip)).isTrue());
    }

    @Test
    void allSubnets_includesTheSubnetsOfEveryNetwork() {
        String a = nextV4Prefix();
        String b = nextV4Prefix();
        VimNetwork first = create(uniqueName("all-a"), new SubnetSpec(Cidr.of(a + "0/24"), a + "1", List.of()));
        VimNetwork second = create(uniqueName("all-b"), new SubnetSpec(Cidr.of(b + "0/24"), b + "1", List.of()));

        assertThat(vim().allSubnets().stream().map(VimSubnet::id))
                .contains(first.subnetIds().getFirst(), second.subnetIds().getFirst());
    }

    /** Subnet specs a VIM must refuse: pools outside the CIDR, overlapping pools, a pool holding the gateway. */
    static Stream<String> refusedSpecs() {
        return Stream.of("pool outside the CIDR", "overlapping pools", "gateway inside a pool");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedSpecs")
    void createNetworkWithSubnet_refused_leavesNothingBehind(String problem) {
        String prefix = nextV4Prefix();
        String elsewhere = nextV4Prefix();
        List<IpRange> pools = switch (problem) {
            case "pool outside the CIDR" -> List.of(new IpRange(elsewhere + "10", elsewhere + "20"));
            case "overlapping pools" -> List.of(new IpRange(prefix + "10", prefix + "20"), new IpRange(prefix + "15", prefix + "25"));
            case "gateway inside a pool" -> List.of(new IpRange(prefix + "1", prefix + "20"));
            default -> throw new IllegalArgumentException(problem);
        };
        Cidr cidr = Cidr.of(prefix + "0/24");
        String name = uniqueName("refused");
        List<String> subnetsBefore = vim().allSubnets().stream().map(VimSubnet::id).toList();

        assertThatThrownBy(() -> create(name, new SubnetSpec(cidr, prefix + "1", pools)))
                .isInstanceOf(DiminetException.class);

        assertThat(networksNamed(name)).isEmpty();
        assertThat(vim().allSubnets()).noneMatch(s -> !subnetsBefore.contains(s.id())
                && (s.cidr().equals(cidr) || s.cidr().contains(elsewhere + "10")));
    }

    /** Creates through the VIM and remembers the network for clean-up, also when it had to be found by name. */
    private VimNetwork create(String name, SubnetSpec spec) {
        try {
            VimNetwork network = vim().createNetworkWithSubnet(name, USER_PROJECT, spec);
            created.add(network.id());
            return network;
        } catch (RuntimeException e) {
            // A broken implementation may leave the network behind; clean it up all the same.
            created.addAll(networksNamed(name));
            throw e;
        }
    }

    private static String uniqueName(String what) {
        return "contract-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh IPv4 /24 as its first three octets and a dot, e.g. {@code "10.77.3."}. */
    private static String nextV4Prefix() {
        int n = NEXT.getAndIncrement() & 0x3fff;
        return "10." + (64 + (n >> 8)) + "." + (n & 0xff) + ".";
    }

    /** A fresh IPv6 /64 as its first four groups and a colon, e.g. {@code "fd00:64:0:2a:"}. */
    private static String nextV6Prefix() {
        int n = NEXT.getAndIncrement() & 0xffff;
        return "fd00:64:0:" + Integer.toHexString(n) + ":";
    }
}
