"""The package's layout: data flows one way (parse -> attribution -> speakers -> records ->
io/reports/cli) and no module imports another that imports it back."""
from __future__ import annotations

import ast
from pathlib import Path

import quotes

PACKAGE = Path(quotes.__file__).resolve().parent

# Lower layers never import higher ones.  Leaves (records, lexicon) are importable by all.
LAYERS = {
    "quotes.records": 0, "quotes.lexicon": 0,
    "quotes.parse": 1,
    "quotes.attribution": 2,
    "quotes.speakers": 3,
    "quotes.analyzer": 4,
    "quotes.io": 5, "quotes.reports": 5, "quotes.training": 5,
    "quotes.cli": 6, "quotes.__init__": 6, "quotes.__main__": 7,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts)


def _layer(module: str) -> int | None:
    for prefix in sorted(LAYERS, key=len, reverse=True):
        if module == prefix or module.startswith(prefix + "."):
            return LAYERS[prefix]
    return None


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported quotes module, imported at module level) for every import in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("quotes"):
                found.append((target, id(node) in top_level))
        elif isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names
                      if alias.name.startswith("quotes")]
    return found


def _graph() -> dict[str, set[str]]:
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        graph[_module_name(path)] = {target for target, _ in _imports(path)}
    return graph


def test_no_import_cycles():
    graph = _graph()
    modules = set(graph)

    def resolve(target: str) -> str | None:
        while target and target not in modules:
            target = target.rsplit(".", 1)[0] if "." in target else ""
        return target or None

    edges = {m: {t for t in map(resolve, targets) if t and t != m and not t.endswith("__init__")}
             for m, targets in graph.items()}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in edges.get(node, ()):
            if state.get(nxt) == 1:
                cycle.extend(trail + [node, nxt])
                return True
            if nxt not in state and visit(nxt, trail + [node]):
                return True
        state[node] = 2
        return False

    for module in sorted(edges):
        if module not in state and visit(module, []):
            break
    assert not cycle, " -> ".join(cycle)


def test_lower_layers_never_import_higher_ones():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        own = _layer(module)
        for target, _ in _imports(path):
            theirs = _layer(target)
            if own is not None and theirs is not None and theirs > own:
                wrong.append(f"{module} imports {target}")
    assert not wrong, wrong


def test_tools_are_not_in_the_package():
    assert not (PACKAGE / "bench.py").exists() and not (PACKAGE / "screenshot.py").exists()


def test_installed_package_is_the_one_under_test():
    """`make test` sets QUOTES_TEST_INSTALLED: then quotes must come from the wheel."""
    import os

    if not os.environ.get("QUOTES_TEST_INSTALLED"):
        return
    root = Path(__file__).resolve().parents[1]
    assert PACKAGE != root / "quotes", f"tests imported quotes from the source tree: {PACKAGE}"
    assert "site-packages" in PACKAGE.parts
    assert (PACKAGE / "models" / "en" / "resources.json").is_file()
    assert (PACKAGE / "data" / "cue_verbs.txt").is_file()
