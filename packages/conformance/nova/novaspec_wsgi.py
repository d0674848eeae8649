"""The WSGI entry point gunicorn serves for Nova 34, Placement and Glance inside the sid chroot.

NOVASPEC_WSGI_APP names the application (`nova.wsgi.osapi_compute:application`). The applications
parse sys.argv with oslo.config when they are imported, and would choke on gunicorn's own
arguments, so they see only a program name (NOVASPEC_WSGI_PROG); their configuration files come
from their environment variables (OS_NOVA_CONFIG_DIR and OS_NOVA_CONFIG_FILES, ...).
"""
import importlib
import os
import sys

_module, _sep, _attr = os.environ['NOVASPEC_WSGI_APP'].partition(':')
sys.argv = [os.environ.get('NOVASPEC_WSGI_PROG', _module)]
application = getattr(importlib.import_module(_module), _attr or 'application')
