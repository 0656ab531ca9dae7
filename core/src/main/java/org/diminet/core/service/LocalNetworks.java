package org.diminet.core.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.diminet.core.domain.Caller;
import org.diminet.core.domain.Cidr;
import org.diminet.core.domain.GlobalId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Resource;
import org.diminet.core.domain.error.ConflictException;
import org.diminet.core.domain.error.NotFoundException;
import org.diminet.core.vim.NetworkSummary;
import org.diminet.core.vim.VimPort;
import org.diminet.core.vim.VimSubnet;

/** Reads about this site's own networks, with errors that name the site and the network. */
public final class LocalNetworks {
    private LocalNetworks() {
    }

    /**
     * The subnets of a network a service of {@code project} names; it must exist, belong to that project
     * or be shared, and have at least one subnet. Another project's network is reported as not found, as
     * Neutron does, so that its existence is not given away.
     */
    public static List<VimSubnet> subnetsOf(SiteContext site, NetworkId network, String project) {
        if (site.vim().findNetwork(network).filter(n -> n.usableBy(project)).isEmpty()) {
            throw new NotFoundException("network-not-found", "network " + network + " not found in " + site.local()
                    + " for project " + project);
        }
        return subnetsOfFound(site, network);
    }

    /** The network's subnets; it must exist and have at least one. */
    public static List<VimSubnet> subnetsOf(SiteContext site, NetworkId network) {
        if (site.vim().findNetwork(network).isEmpty()) {
            throw new NotFoundException("network-not-found", "network " + network + " not found in " + site.local());
        }
        return subnetsOfFound(site, network);
    }

    // The network was just found: asking the VIM again would cost a round trip to Neutron on every create.
    private static List<VimSubnet> subnetsOfFound(SiteContext site, NetworkId network) {
        List<VimSubnet> subnets = site.vim().subnetsOf(network);
        if (subnets.isEmpty()) {
            throw new ConflictException("network-without-subnet",
                    "network " + network + " in " + site.local() + " has no subnet");
        }
        return subnets;
    }

    /** The CIDRs of a network a service of {@code project} names (see {@link #subnetsOf(SiteContext, NetworkId, String)}). */
    public static List<Cidr> cidrsOf(SiteContext site, NetworkId network, String project) {
        return subnetsOf(site, network, project).stream().map(VimSubnet::cidr).toList();
    }

    /** Ports of users' machines on the network (the VIM's own DHCP and router ports do not count). */
    public static int userPortCount(SiteContext site, NetworkId network) {
        return (int) site.vim().portsOf(network).stream().filter(VimPort::isUserPort).count();
    }

    /** Every address any port holds on the network, VIM-owned ones included. */
    public static List<String> addressesInUse(SiteContext site, NetworkId network) {
        return site.vim().portsOf(network).stream().flatMap(p -> p.fixedIps().stream()).toList();
    }

    /** The local subnets that overlap {@code cidr}; empty means an L2 extension of it could land here. */
    public static List<VimSubnet> subnetsOverlapping(SiteContext site, Cidr cidr) {
        return site.vim().subnetsOverlapping(cidr);
    }

    /**
     * This site's networks the caller may name in a service: its project's and shared ones (an admin's:
     * all), with their subnets' CIDRs. A network without a subnet is left out, as no service can use it.
     * The VIM is read as the other checks read it (every subnet, then each network once), so no VIM needs
     * another call for this.
     */
    public static List<NetworkSummary> usableBy(SiteContext site, Caller caller) {
        Map<NetworkId, List<Cidr>> cidrs = new LinkedHashMap<>();
        for (VimSubnet subnet : site.vim().allSubnets()) {
            cidrs.computeIfAbsent(subnet.networkId(), id -> new ArrayList<>()).add(subnet.cidr());
        }
        List<NetworkSummary> usable = new ArrayList<>();
        cidrs.forEach((id, networkCidrs) -> site.vim().findNetwork(id)
                .filter(network -> caller.admin() || network.usableBy(caller.project()))
                .ifPresent(network -> usable.add(new NetworkSummary(id, network.name(), network.project(),
                        network.shared(), networkCidrs))));
        usable.sort(Comparator.comparing(NetworkSummary::name, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(n -> n.id().value()));
        return usable;
    }

    /** The refusal to take away a network that users' machines still sit on. */
    public static ConflictException portsAttached(Region region, int ports, Optional<NetworkId> network,
                                                  GlobalId service) {
        return new ConflictException("ports-attached", "site " + region + " still has " + ports + " port(s) on network "
                + network.map(Object::toString).orElse("?") + " of service " + service
                + "; delete those machines' ports first");
    }

    public static NetworkId networkOf(Resource resource) {
        return resource.network().orElseThrow(() ->
                new IllegalStateException("resource at " + resource.region() + " has no network yet"));
    }
}
