"""A page's helper functions take what they use as parameters (#17): a maintainer reading one finds
its inputs in its signature, never in a page-level variable set somewhere else in the script.

Allowed: constants in capitals, and a step callback written inside a block right after the list it
steps through (it may read what the page set above it, never below)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PAGES = sorted((ROOT / "kalimantan_equity" / "pages").glob("*.py"))


def _page_variables(tree: ast.Module) -> dict[str, int]:
    """Every variable the page's script assigns outside functions, with the first line it is set on."""
    first: dict[str, int] = {}
    pending: list[ast.AST] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.ClassDef | ast.Lambda):
            continue  # a function's own variables are not the page's
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            first[node.id] = min(first.get(node.id, node.lineno), node.lineno)
        pending.extend(ast.iter_child_nodes(node))
    return first


def _reads_of_page_variables(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    page = _page_variables(tree)
    top_level = {id(node) for node in tree.body if isinstance(node, ast.FunctionDef)}
    wrong = []
    for function in (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)):
        arguments = function.args
        own = {a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs}
        own |= {a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None}
        own |= {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        for node in ast.walk(function):
            if not (isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)) or node.id in own or node.id not in page:
                continue
            if node.id.isupper() or node.id.lstrip("_").isupper():
                continue  # a constant
            if id(function) not in top_level and page[node.id] < function.lineno:
                continue  # a callback beside the list it steps through, set above it
            wrong.append(f"{path.name}:{node.lineno} {function.name}() reads the page's `{node.id}`")
    return wrong


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_page_helpers_take_their_inputs_as_parameters(path: Path) -> None:
    assert _reads_of_page_variables(path) == []


def test_the_check_finds_a_helper_that_reads_a_page_variable(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text(
        "lang = 'id'\n"
        "def show():\n    return lang\n"
        "if lang:\n    def step():\n        return later\n    later = 1\n"
        "def fine(lang):\n    return lang, LIMIT\n"
        "LIMIT = 3\n",
        encoding="utf-8",
    )
    assert _reads_of_page_variables(page) == ["page.py:3 show() reads the page's `lang`", "page.py:6 step() reads the page's `later`"]
