"""No import circles in the project's own modules, except the one kind Wagtail's
routable pages need: a page model's route importing its view module lazily (inside
the route), when that module imports the page model back. Those are listed here one
by one, so a new circle is a decision, not an accident.

The graph is read from the source (every `import`, at module level or inside a
function), so a circle hidden behind an import inside a function counts too."""

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (page model module, its routable views' module): each import is inside a route.
ROUTABLE_VIEWS = {
    ("selfreferral.models", "selfreferral.views"),  # the form and its thank-you page
    ("selfreferral.models", "selfreferral.paper"),  # the paper form's PDF
    ("progress.models", "progress.feeds"),  # the progress updates' feed
}


def project_modules():
    """{dotted name: path} for every module of the project's packages (pyproject.toml)."""
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    folders = setuptools.get("package-dir", {})
    modules = {}
    for package in setuptools["packages"]:
        folder = ROOT / folders.get(package, package)
        for path in folder.rglob("*.py"):
            parts = path.relative_to(folder).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join([package, *parts]).removesuffix(".__init__")
            modules[name] = path
    return modules


def imports(modules):
    """{module: {imported project module: (line, inside a function)}}."""
    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(), filename=str(path))
        in_function = {
            id(node)
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            for node in ast.walk(function)
        }
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([node.module] if node.module else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    edges.setdefault(target, (node.lineno, id(node) in in_function))
        graph[name] = edges
    return graph


def circles(graph):
    """The strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(module):
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in graph[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                found.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return found


def test_the_only_import_circles_are_routable_pages_and_their_views():
    graph = imports(project_modules())
    for page_models, views in ROUTABLE_VIEWS:
        line, lazy = graph[page_models][views]  # a KeyError: the pair is gone, drop it above
        assert lazy, f"{page_models} line {line} must import {views} inside the route"
        del graph[page_models][views]
    left = circles(graph)
    described = [
        f"{a} -> {b} (line {graph[a][b][0]})"
        for group in left
        for a in group
        for b in group
        if b in graph[a]
    ]
    assert not left, "Import circles: " + "; ".join(described)


def test_the_check_finds_a_circle():
    graph = {"a.models": {"a.tasks": (1, True)}, "a.tasks": {"a.models": (2, False)}, "b": {}}
    assert circles(graph) == [["a.models", "a.tasks"]]
