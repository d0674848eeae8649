#!/usr/bin/python3
"""Dump Nova's own API schemas as JSON: per route, per server action, per microversion range.

Runs where python3-nova is importable (the Debian sid chroot with Nova 34). It starts no service
and opens no connection: the controllers are built the way nova.api.openstack.compute.routes
builds them, with oslo.messaging's in-memory ``fake:/`` transport, and only the attributes the
decorators in nova/api/validation/__init__.py and nova/api/openstack/wsgi.py leave on the
controller methods are read (``request_body_schemas``, ``request_query_schemas``,
``response_body_schemas``, ``wsgi_codes``, ``min_version``/``max_version``, ``removed``).

Usage: python3 dump_schemas.py [OUT.json]   (stdout without an argument)

The output is deterministic for one Nova release (sorted keys, schemas stored once by name), so
the checked-in fixture can be compared byte for byte with a fresh dump.
"""

import ast
import importlib
import inspect
import json
import os
import pkgutil
import sys


def _configure():
    # oslo.config would otherwise read /etc/nova/nova.conf and the command line of this script.
    import oslo_messaging as messaging

    import nova.conf
    from nova import rpc

    conf = nova.conf.CONF
    conf([], project='nova', default_config_files=[])
    # oslo.messaging registers its options (transport_url among them) when a transport is made.
    messaging.get_rpc_transport(conf, url='fake:/')
    conf.set_override('transport_url', 'fake:/')
    # Controllers create RPC clients in __init__; the fake driver keeps them in memory.
    rpc.init(conf)
    return conf


def _nova_relative(path):
    """nova/... from an absolute file name, so the dump does not depend on where Nova is installed."""
    import nova
    root = os.path.dirname(os.path.dirname(os.path.abspath(nova.__file__)))
    return os.path.relpath(os.path.abspath(path), root)


def _named_schemas():
    """id(dict) -> {module file, variable name, line} for every module-level dict of the schema
    modules and of parameter_types, so a schema in the dump can be traced to its source line."""
    import nova.api.openstack.compute.schemas as schemas_pkg
    modules = ['nova.api.validation.parameter_types']
    modules += [m.name for m in pkgutil.iter_modules(schemas_pkg.__path__, schemas_pkg.__name__ + '.')]
    names = {}
    for module_name in modules:
        module = importlib.import_module(module_name)
        filename = module.__file__
        with open(filename, encoding='utf-8') as f:
            tree = ast.parse(f.read())
        lines = {}
        for node in tree.body:
            targets = node.targets if isinstance(node, ast.Assign) else (
                [node.target] if isinstance(node, ast.AnnAssign) else [])
            for target in targets:
                if isinstance(target, ast.Name):
                    lines.setdefault(target.id, node.lineno)
        for var, value in vars(module).items():
            # The first name wins when two names are bound to the same dict (an alias).
            if isinstance(value, dict) and var in lines and id(value) not in names:
                names[id(value)] = {
                    'file': _nova_relative(filename),
                    'name': var,
                    'line': lines[var],
                }
    return names


def _jsonable(value):
    """Schemas are plain dicts, but a few helpers use tuples or sets; JSON has lists."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_jsonable(v) for v in value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return repr(value)


class SchemaStore:
    """Each distinct schema object once, under its variable name when it has one."""

    def __init__(self, names):
        self.names = names
        self.schemas = {}
        self.keys = {}
        self.anonymous = 0

    def key(self, schema):
        if id(schema) in self.keys:
            return self.keys[id(schema)]
        named = self.names.get(id(schema))
        if named:
            module = os.path.splitext(os.path.basename(named['file']))[0]
            key = f"{module}.{named['name']}"
            source = {'file': named['file'], 'line': named['line']}
        else:
            self.anonymous += 1
            key = f'anonymous.{self.anonymous}'
            source = None
        self.keys[id(schema)] = key
        self.schemas[key] = {'source': source, 'schema': _jsonable(schema)}
        return key


def _version(v):
    """'2.N' or None (APIVersionRequest objects, or the decorators' strings)."""
    if v is None:
        return None
    if isinstance(v, str):
        return v or None
    if v.is_null():
        return None
    return f'{v.ver_major}.{v.ver_minor}'


def _ranges(func, attr, store):
    holder = getattr(func, attr, None)
    if holder is None:
        return []
    return [
        {'schema': store.key(schema), 'min': _version(lo), 'max': _version(hi)}
        for schema, lo, hi in holder._schemas
    ]


def _method_facts(func, store):
    target = inspect.unwrap(func)
    code = getattr(target, '__code__', None)
    facts = {
        'controller': type(func.__self__).__name__ if hasattr(func, '__self__') else None,
        'function': target.__name__,
        'source': {
            'file': _nova_relative(code.co_filename),
            'line': code.co_firstlineno,
        } if code else None,
        'min_version': getattr(func, 'min_version', None),
        'max_version': getattr(func, 'max_version', None),
        'removed': bool(getattr(func, 'removed', False)),
        'codes': [
            {'code': c, 'min': lo, 'max': hi}
            for c, lo, hi in getattr(getattr(func, 'wsgi_codes', None), '_codes', [])
        ],
        'request_body': _ranges(func, 'request_body_schemas', store),
        'request_query': _ranges(func, 'request_query_schemas', store),
        'response_body': _ranges(func, 'response_body_schemas', store),
    }
    return facts


def dump():
    _configure()
    from nova.api.openstack import api_version_request
    from nova.api.openstack.compute import routes
    from nova import version

    store = SchemaStore(_named_schemas())
    resources = {}
    out_routes = []
    out_actions = []
    for path, methods in routes.ROUTE_LIST:
        if isinstance(methods, str):
            continue  # a redirection ('' -> '/'), not an operation
        for http_method, (factory, name) in sorted(methods.items()):
            # routes.py builds one Resource per route method; one per factory is the same set of
            # controllers, built once.
            resource = resources.get(id(factory))
            if resource is None:
                resource = resources[id(factory)] = factory()
            func = getattr(resource.controller, name, None)
            if func is None and name == 'action' and resource.wsgi_actions:
                # The action endpoint: Resource dispatches on the body's single key.
                for key in sorted(resource.wsgi_actions):
                    entry = {'method': http_method, 'path': path, 'action': key}
                    entry.update(_method_facts(resource.wsgi_actions[key], store))
                    out_actions.append(entry)
                continue
            entry = {'method': http_method, 'path': path}
            if func is None:
                entry['error'] = f'{type(resource.controller).__name__} has no {name}'
            else:
                entry.update(_method_facts(func, store))
            out_routes.append(entry)

    return {
        'nova': version.version_string(),
        'max_microversion': api_version_request._MAX_API_VERSION,
        'min_microversion': api_version_request._MIN_API_VERSION,
        'routes': out_routes,
        'actions': out_actions,
        'schemas': dict(sorted(store.schemas.items())),
    }


def main():
    # Some of Nova's schemas list the members of a set (the sort keys of the server list), whose
    # order follows string hashing; a fixed seed makes two dumps of one release byte-identical.
    if os.environ.get('PYTHONHASHSEED') != '0':
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, 'PYTHONHASHSEED': '0'})
    data = dump()
    text = json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + '\n'
    if len(sys.argv) > 1:
        with open(sys.argv[1], 'w', encoding='utf-8') as f:
            f.write(text)
        print(f"nova {data['nova']}: {len(data['routes'])} route methods, "
              f"{len(data['actions'])} actions, {len(data['schemas'])} schemas -> {sys.argv[1]}",
              file=sys.stderr)
    else:
        sys.stdout.write(text)


if __name__ == '__main__':
    main()
