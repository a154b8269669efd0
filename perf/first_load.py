#!/usr/bin/env python3
"""What a phone downloads on its first visit to a page, in brotli bytes.

  first_load.py report DIST [--floor FLOOR_DIST]    the table (and the ratio to the floor)
  first_load.py check DIST BUDGET_TOML               exit 1, with the figures, over budget

A page's first load is what it needs to render: its HTML (prerendered: DIST/index.html for /,
DIST/<page>/index.html; else the app shell DIST/200.html, or DIST/index.html without one), the
.js, .wasm and .css files it names, the JS modules those import (the chunk loader), and the
route's wasm chunks (src/lazy.rs: a chunk is named after its routes' first path segment,
`split_check-<hash>.wasm` for /check/...) with the shared chunks the loader fetches with it.
Chunks fetched after the page has rendered (lazy::prefetch_offline_chunks) are not counted.
Sizes are brotli -q 11 -w 24, the same settings host-config uses for the .br files hosts send.
"""
import os
import re
import subprocess
import sys
import tomllib

PAGES = ["/", "/check", "/estimate", "/login", "/contact", "/account"]
_cache = {}


def brotli_size(path):
    if path not in _cache:
        data = open(path, "rb").read()
        out = subprocess.run(["brotli", "-c", "-q", "11", "-w", "24"], input=data,
                             capture_output=True, check=True)
        _cache[path] = (len(data), len(out.stdout))
    return _cache[path]


def page_html(dist, page):
    prerendered = "index.html" if page == "/" else os.path.join(page.strip("/"), "index.html")
    candidates = [os.path.join(dist, name) for name in (prerendered, "200.html", "index.html")]
    return next(path for path in candidates if os.path.isfile(path))


def split_modules(dist, loader):
    """{module: [wasm files]} from the chunk loader scripts/wasm-split writes: each split
    module's own file first, then the shared chunks it waits for."""
    text = open(os.path.join(dist, loader), encoding="utf-8").read()
    shared = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(fetchWasm\("([^"]+)"\)', text))
    modules = {}
    for module, own, deps in re.findall(
            r'export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(fetchWasm\("([^"]+)"\), '
            r'\[([^\]]*)\]\)\)', text):
        modules[module] = [own] + [shared[dep.strip()] for dep in deps.split(",") if dep.strip()]
    return modules


def first_load(dist, page):
    """[(file, raw, brotli)] for the page's HTML, the code and styles it names, the modules
    they import, and the route's wasm chunks."""
    html_path = page_html(dist, page)
    html = open(html_path, encoding="utf-8", errors="replace").read()
    names = []

    def add(name):
        if name not in names and os.path.isfile(os.path.join(dist, name)):
            names.append(name)

    for name in re.findall(r"""["'(\s]/([^"'()\s?#]+\.(?:js|wasm|css))\b""", html):
        add(name)
    for name in [name for name in names if name.endswith(".js")]:
        text = open(os.path.join(dist, name), encoding="utf-8", errors="replace").read()
        for imported in re.findall(r"""from\s*["']\./([^"']+\.js)["']""", text):
            add(imported)
            if os.path.basename(imported).startswith("__wasm_split"):
                module = page.strip("/").split("/")[0]
                for chunk in split_modules(dist, imported).get(module, []):
                    add(chunk)
    files = [html_path] + [os.path.join(dist, name) for name in names]
    return [(os.path.relpath(path, dist),) + brotli_size(path) for path in files]


def total(rows):
    return sum(row[2] for row in rows)


def report(dist, floor):
    floor_rows = first_load(floor, "/") if floor else None
    if floor_rows:
        print("floor (Leptos CSR + router hello world, same versions and build settings):")
        for name, raw, br in floor_rows:
            print(f"  {name:<44} {raw:>10} {br:>10}")
        print(f"  {'first load':<44} {'':>10} {total(floor_rows):>10}\n")
    print("files of the app's first loads:")
    seen = []
    for page in PAGES:
        for row in first_load(dist, page):
            if row not in seen:
                seen.append(row)
    for name, raw, br in seen:
        print(f"  {name:<44} {raw:>10} {br:>10}")
    print(f"\n{'page':<10} {'html':<24} {'html br':>9} {'first load br':>14} {'vs floor':>9}")
    for page in PAGES:
        rows = first_load(dist, page)
        ratio = f"{total(rows) / total(floor_rows):.2f}x" if floor_rows else "-"
        print(f"{page:<10} {rows[0][0]:<24} {rows[0][2]:>9} {total(rows):>14} {ratio:>9}")


def check(dist, budget_path):
    budget = tomllib.load(open(budget_path, "rb"))
    failures, lines = [], []
    for page, limit in budget.get("first_load", {}).items():
        size = total(first_load(dist, page))
        lines.append(f"first load of {page}: {size:,} B brotli (budget {limit:,} B)")
        if size > limit:
            failures.append(lines[-1])
    limit = budget.get("wasm", {}).get("each")
    for name in sorted(os.listdir(dist)):
        if limit and name.endswith(".wasm"):
            size = brotli_size(os.path.join(dist, name))[1]
            lines.append(f"{name}: {size:,} B brotli (budget {limit:,} B)")
            if size > limit:
                failures.append(lines[-1])
    print("\n".join(lines))
    if failures:
        print(f"\nover the byte budget ({budget_path}):\n  " + "\n  ".join(failures),
              file=sys.stderr)
        sys.exit(1)
    print(f"byte budget: every line within {budget_path}")


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "report":
        floor = args[args.index("--floor") + 1] if "--floor" in args else None
        report(args[1], floor)
    elif len(args) == 3 and args[0] == "check":
        check(args[1], args[2])
    else:
        sys.exit(__doc__)
