"""Loaded by every Python process tempest/run starts (it is first on their PYTHONPATH).

Debian's Tempest sleeps 10 s before every subnet DELETE, waiting for DHCP ports to go; neither the
embedded Neutron nor the lab's has a DHCP agent, and the sleep makes tempest.api.network take ~12
minutes instead of about one. This puts back upstream Tempest's delete_subnet, without the sleep.
"""
try:
    from tempest.lib.services.network import subnets_client
except ImportError:  # not a Tempest process (stestr's own, subunit tools): nothing to change
    subnets_client = None

if subnets_client is not None:
    def _delete_subnet(self, subnet_id):
        return self.delete_resource('/subnets/%s' % subnet_id)

    subnets_client.SubnetsClient.delete_subnet = _delete_subnet
