#!/usr/bin/env python3
"""Prints, as JSON, the state checks of nova/compute/api.py's API methods, read from the source.

For every method of class API with @check_instance_lock, @check_instance_state(...) or
@reject_instance_state(...): whether it is lock-checked, and the decorators' arguments with
vm_states.* and task_states.* names replaced by their values (None stays null). The arguments a
decorator leaves out are given their defaults from its signature, read from the same file.

Only the standard library's ast: the source is read, never imported, so any Python 3 will do.

Usage: api_decorators.py NOVA_PACKAGE_DIR   (the folder that holds compute/api.py)
"""
import ast
import json
import sys
from pathlib import Path


def fail(message):
    print(f"nova/api_decorators.py: {message}", file=sys.stderr)
    sys.exit(1)


def constants(body, known):
    """The NAME = value assignments of a module or class body, evaluated with what is `known`."""
    values = {}
    for node in body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = evaluate(node.value, {**known, "": values})
            except ValueError:
                pass  # not a plain constant (none of the names the decorators use)
    return values


def class_constants(path, name):
    """The constants of one class of a module (the enums of nova/objects/fields.py)."""
    for node in ast.parse(path.read_text(), str(path)).body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return constants(node.body, {})
    fail(f"{path}: no class {name}")


def module_constants(path, known):
    return constants(ast.parse(path.read_text(), str(path)).body, known)


def dotted(node):
    """`a.b.c` for a chain of attribute names, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def evaluate(node, modules):
    """A literal, a name of a states module (bare inside it, `module.NAME` outside), a list/tuple/set (or set(...) of one), or `a + b`."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [evaluate(item, modules) for item in node.elts]
    if isinstance(node, ast.Name) and node.id in modules.get("", {}):
        return modules[""][node.id]
    if isinstance(node, ast.Attribute) and dotted(node.value) in modules:
        module = modules[dotted(node.value)]
        if node.attr not in module:
            raise ValueError(f"{dotted(node)} is not a constant of that module")
        return module[node.attr]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("set", "list", "tuple") and len(node.args) == 1 and not node.keywords:
        return list(evaluate(node.args[0], modules))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return evaluate(node.left, modules) + evaluate(node.right, modules)
    raise ValueError(f"cannot evaluate {ast.dump(node)}")


def decorator_defaults(tree, name):
    """The keyword defaults of a module-level decorator factory, as its signature has them."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            args = node.args.args
            defaults = node.args.defaults
            return {arg.arg: evaluate(value, {}) for arg, value in zip(args[len(args) - len(defaults):], defaults)}
    fail(f"compute/api.py has no function {name}: the decorator this script reads has moved")


def main():
    if len(sys.argv) != 2:
        fail("usage: api_decorators.py NOVA_PACKAGE_DIR")
    root = Path(sys.argv[1])
    api = root / "compute" / "api.py"
    if not api.is_file():
        fail(f"{api}: no such file (give the folder of the nova package)")
    # vm_states and task_states name the enums of nova/objects/fields.py.
    fields = root / "objects" / "fields.py"
    enums = {f"fields.{name}": class_constants(fields, name) for name in ("InstanceState", "InstanceTaskState")}
    modules = {
        "vm_states": module_constants(root / "compute" / "vm_states.py", enums),
        "task_states": module_constants(root / "compute" / "task_states.py", enums),
    }
    tree = ast.parse(api.read_text(), str(api))
    signatures = {name: decorator_defaults(tree, name) for name in ("check_instance_state", "reject_instance_state")}
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "API"]
    if not classes:
        fail(f"{api}: no class API")
    methods = {}
    for node in classes[0].body:
        if not isinstance(node, ast.FunctionDef):
            continue
        found = {"lock": False}
        for decorator in node.decorator_list:
            if isinstance(decorator, ast.Name) and decorator.id == "check_instance_lock":
                found["lock"] = True
            elif isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Name) and decorator.func.id in signatures:
                name = decorator.func.id
                arguments = dict(signatures[name])
                for keyword in decorator.keywords:
                    try:
                        arguments[keyword.arg] = evaluate(keyword.value, modules)
                    except ValueError as error:
                        fail(f"{api}:{decorator.lineno}: {node.name}: {error}")
                found[name] = arguments
        if len(found) > 1 or found["lock"]:
            methods[node.name] = found
    version = next((p.name[len("nova-"):-len(".egg-info")] for p in root.parent.glob("nova-*.egg-info")), None)
    json.dump({"nova": version, "source": str(api), "methods": methods}, sys.stdout, indent=1, sort_keys=True)
    print()


main()
