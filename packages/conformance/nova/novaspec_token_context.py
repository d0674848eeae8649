"""Paste filters for the conformance suite's local Nova: who the caller is, without Keystone.

The token the suite sends is `user:project` (`admin:admin`), the convention of Nova's old noauth2.

- TokenIntoContext (Zed, placed right after noauth2): noauth2 builds Nova's request context from the
  token but does not keep the token itself in the context. Nova then calls Glance (and Neutron,
  Keystone) with no token, and a boot from an image fails with a 500. This filter copies the token
  into the context, as keystonemiddleware would have done with a real token. It changes nothing else.

- TokenContext (Nova 34, in place of keystonemiddleware): Nova 34 has no noauth2 (the `[api]
  auth_strategy` option and NoAuthMiddleware were removed), and its v2.1 pipeline factory always
  takes the `keystone` pipeline. This filter does what noauth2 did, for the new policy defaults:
  the roles keystone would have put in a token (admin implies member implies reader), the project
  scope, and the token kept in the context for Nova's calls to Glance and the stand-ins.
"""
import webob.dec
import webob.exc

from nova.api import wsgi
from nova import context


class TokenIntoContext(wsgi.Middleware):
    @webob.dec.wsgify
    def __call__(self, req):
        context = req.environ.get('nova.context')
        token = req.headers.get('X-Auth-Token')
        if context is not None and token and not context.auth_token:
            context.auth_token = token
        return self.application


class TokenContext(wsgi.Middleware):
    @webob.dec.wsgify
    def __call__(self, req):
        token = req.headers.get('X-Auth-Token')
        if not token:
            # What keystonemiddleware answers without a token (the spec declares 401 for it).
            raise webob.exc.HTTPUnauthorized()
        user_id, _sep, project_id = token.partition(':')
        project_id = project_id or user_id
        roles = ['admin', 'member', 'reader'] if user_id == 'admin' else ['member', 'reader']
        req.environ['nova.context'] = context.RequestContext(
            user_id, project_id, roles=roles, is_admin=user_id == 'admin',
            auth_token=token, remote_address=req.remote_addr or '127.0.0.1',
            request_id=req.environ.get('openstack.request_id'))
        return self.application
