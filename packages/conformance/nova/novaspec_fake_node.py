"""Gives the fake driver's compute node a UUID that survives a restart (Nova 34, sid only).

nova.virt.fake names each node's UUID with oslo.utils' uuidsentinel, which makes a random one per
process; Nova since 2023.1 also insists, on every start after the first, on a `compute_id` file
holding the node's UUID (nova/compute/manager.py, _ensure_existing_node_identity), which the fake
driver never writes. So a restarted fake compute (the suite restarts one after an evacuation)
refuses to start. start.sh writes `compute_id` with a UUID derived from the host name, and this
module, imported before nova.cmd.compute, makes the sentinel return the same UUID.
"""
import os

from oslo_utils.fixture import uuidsentinel

_name, _sep, _uuid = os.environ['NOVASPEC_FAKE_NODE'].partition('=')
uuidsentinel._sentinels['node_' + _name] = _uuid
