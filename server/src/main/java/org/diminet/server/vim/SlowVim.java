package org.diminet.server.vim;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimPort;
import org.diminet.core.vim.VimSubnet;

/**
 * A benchmark and test knob, not a feature: a {@link Vim} that waits {@code latency} before each call
 * and then delegates, so that the embedded VIM (which answers in microseconds) can stand for a real VIM
 * whose every call costs a round trip and some work. The wait is a sleep, not busy work: calls made in
 * parallel wait in parallel, as calls to a real VIM's API would. Set with
 * {@code diminet.embedded-vim.latency}; the benchmark derives its floor from it.
 */
public final class SlowVim implements Vim {
    private final Vim delegate;
    private final long latencyNanos;

    public SlowVim(Vim delegate, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("a VIM latency must not be negative: " + latency);
        }
        this.delegate = delegate;
        this.latencyNanos = latency.toNanos();
    }

    @Override
    public Optional<VimNetwork> findNetwork(NetworkId id) {
        pause();
        return delegate.findNetwork(id);
    }

    @Override
    public List<VimNetwork> networksNamed(String name) {
        pause();
        return delegate.networksNamed(name);
    }

    @Override
    public List<VimSubnet> subnetsOf(NetworkId id) {
        pause();
        return delegate.subnetsOf(id);
    }

    @Override
    public List<VimSubnet> allSubnets() {
        pause();
        return delegate.allSubnets();
    }

    @Override
    public List<VimSubnet> subnetsOverlapping(org.diminet.core.domain.Cidr cidr) {
        pause();
        return delegate.subnetsOverlapping(cidr);
    }

    @Override
    public VimNetwork createNetworkWithSubnet(String name, String project, SubnetSpec subnet) {
        pause();
        return delegate.createNetworkWithSubnet(name, project, subnet);
    }

    @Override
    public VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools) {
        pause();
        return delegate.updateAllocationPools(subnetId, pools);
    }

    @Override
    public void deleteNetwork(NetworkId id) {
        pause();
        delegate.deleteNetwork(id);
    }

    @Override
    public List<VimPort> portsOf(NetworkId id) {
        pause();
        return delegate.portsOf(id);
    }

    /** Sleeps the whole latency even if woken early; keeps the thread's interrupt flag. */
    private void pause() {
        long deadline = System.nanoTime() + latencyNanos;
        for (long left = latencyNanos; left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }
}
