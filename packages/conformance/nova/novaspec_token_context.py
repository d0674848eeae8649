"""A paste filter for the conformance suite's local Nova, placed right after noauth2.

noauth2 builds Nova's request context from the X-Auth-Token header ("user:project") but does not keep
the token itself in the context. Nova then calls Glance (and Neutron, Keystone) with no token, and a
boot from an image fails with a 500. This filter copies the header's token into the context, as
keystonemiddleware would have done with a real token. It changes nothing else.
"""
import webob.dec

from nova.api import wsgi


class TokenIntoContext(wsgi.Middleware):
    @webob.dec.wsgify
    def __call__(self, req):
        context = req.environ.get('nova.context')
        token = req.headers.get('X-Auth-Token')
        if context is not None and token and not context.auth_token:
            context.auth_token = token
        return self.application
