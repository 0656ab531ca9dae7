package org.diminet.server.inprocess;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.diminet.core.domain.IpRange;
import org.diminet.core.domain.NetworkId;
import org.diminet.core.domain.Region;
import org.diminet.core.domain.error.VimException;
import org.diminet.core.vim.SubnetSpec;
import org.diminet.core.vim.Vim;
import org.diminet.core.vim.VimNetwork;
import org.diminet.core.vim.VimPort;
import org.diminet.core.vim.VimSubnet;

/** A real VIM that can be told to fail its next call of one kind, as a VIM under trouble would. */
final class FaultyVim implements Vim {
    enum Call { CREATE_NETWORK, UPDATE_POOLS }

    private final Region region;
    private final Vim delegate;
    private final AtomicReference<Call> failNext = new AtomicReference<>();

    FaultyVim(Region region, Vim delegate) {
        this.region = region;
        this.delegate = delegate;
    }

    private final AtomicReference<Call> failAlways = new AtomicReference<>();

    void failNext(Call call) {
        failNext.set(call);
    }

    private final AtomicReference<Call> hangNext = new AtomicReference<>();
    private volatile java.time.Duration hang = java.time.Duration.ZERO;

    /** The next call of that kind hangs for {@code duration} (then fails, as a VIM that timed out). */
    void hangNext(Call call, java.time.Duration duration) {
        hang = duration;
        hangNext.set(call);
    }

    private final AtomicReference<Call> slowNext = new AtomicReference<>();
    private volatile java.time.Duration slowness = java.time.Duration.ZERO;

    /** The next call of that kind takes {@code duration} longer, then succeeds (a busy VIM). */
    void slowNext(Call call, java.time.Duration duration) {
        slowness = duration;
        slowNext.set(call);
    }

    /** Makes every call of that kind fail until called again with another kind or null. */
    void failAlways(Call call) {
        failAlways.set(call);
    }

    private void maybeFail(Call call) {
        if (slowNext.compareAndSet(call, null)) {
            try {
                Thread.sleep(slowness);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (hangNext.compareAndSet(call, null)) {
            try {
                Thread.sleep(hang);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new VimException(region, "injected hang of " + call + " ended");
        }
        if (failNext.compareAndSet(call, null) || failAlways.get() == call) {
            throw new VimException(region, "injected failure of " + call);
        }
    }

    private final AtomicReference<Runnable> beforeNextFind = new AtomicReference<>();

    /** Runs {@code action} (once) when the next network is looked up, before the lookup. */
    void beforeNextFindNetwork(Runnable action) {
        beforeNextFind.set(action);
    }

    @Override
    public Optional<VimNetwork> findNetwork(NetworkId id) {
        Runnable action = beforeNextFind.getAndSet(null);
        if (action != null) {
            action.run();
        }
        return delegate.findNetwork(id);
    }

    @Override
    public List<VimNetwork> networksNamed(String name) {
        return delegate.networksNamed(name);
    }

    @Override
    public List<VimSubnet> subnetsOf(NetworkId id) {
        return delegate.subnetsOf(id);
    }

    @Override
    public List<VimSubnet> allSubnets() {
        return delegate.allSubnets();
    }

    @Override
    public VimNetwork createNetworkWithSubnet(String name, String project, SubnetSpec subnet) {
        maybeFail(Call.CREATE_NETWORK);
        return delegate.createNetworkWithSubnet(name, project, subnet);
    }

    @Override
    public VimSubnet updateAllocationPools(String subnetId, List<IpRange> pools) {
        maybeFail(Call.UPDATE_POOLS);
        return delegate.updateAllocationPools(subnetId, pools);
    }

    @Override
    public void deleteNetwork(NetworkId id) {
        delegate.deleteNetwork(id);
    }

    @Override
    public List<VimPort> portsOf(NetworkId id) {
        return delegate.portsOf(id);
    }
}
