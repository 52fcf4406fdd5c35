"""The package's shape: folders are stages and data flows down. A module imports only from its own layer or
the layers below it, and no two modules import each other, directly or round a circle. Imports made inside
functions count the same as those at the top: a lazy import up a layer is still a climb."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import sitrep

PACKAGE = Path(sitrep.__file__).parent

# Lowest first. A layer may import from its own and any earlier one.
LAYERS: list[set[str]] = [
    {"model", "errors", "data", "schema"},  # the contract, the error base and packaged data files
    {"nlp"},
    {"countries", "geo"},
    {"events"},
    {"pipeline", "sources"},
    {"resolve"},
    {"store"},
    {"jobs", "export", "alerts"},
    {"api", "web"},
    {"evaluate"},
    {"cli", "__main__"},
]
RANK = {unit: rank for rank, layer in enumerate(LAYERS) for unit in layer}


def _unit(module: str) -> str:
    """The top-level part of a sitrep module: its folder, or the module itself ("sitrep.pipeline")."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "sitrep"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        if "migrations" in relative.parts:
            continue  # Alembic's scripts, run by Alembic
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports() -> dict[str, set[str]]:
    """Module → the sitrep modules it imports ("from sitrep.evaluate import places" imports the module
    ``sitrep.evaluate.places``, not the package)."""
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "sitrep" or node.module.startswith("sitrep."):
                    for alias in node.names:
                        submodule = f"{node.module}.{alias.name}"
                        graph[module].add(submodule if submodule in modules else node.module)
            elif isinstance(node, ast.Import):
                graph[module].update(a.name for a in node.names if a.name.startswith("sitrep."))
    return graph


def test_every_folder_has_a_layer() -> None:
    units = {_unit(m) for m in _modules()} - {"sitrep"}
    assert units <= set(RANK), f"give these a layer: {sorted(units - set(RANK))}"


def test_no_module_imports_from_a_higher_layer() -> None:
    climbs = [
        f"{module} imports {target}"
        for module, targets in _imports().items()
        for target in targets
        if _unit(module) in RANK and _unit(target) in RANK and RANK[_unit(target)] > RANK[_unit(module)]
    ]
    assert climbs == []


def test_no_import_cycles() -> None:
    graph = _imports()
    known = set(graph)
    edges = {m: {t for t in targets if t in known and t != m} for m, targets in graph.items()}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges.get(module, ())):
            if state.get(target) == 1:
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [module])
    assert cycles == []
