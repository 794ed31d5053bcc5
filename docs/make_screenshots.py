"""Take the README's screenshots of the workbench from the bundled sample corpus.

    .venv/bin/lagebild ingest samples/articles.jsonl --db /tmp/samples.duckdb
    .venv/bin/python docs/make_screenshots.py /tmp/samples.duckdb

Starts the workbench on a free local port, opens each main view in Debian's headless
Chromium and writes ``docs/workbench-<view>.png``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from lagebild.server import create_app
from lagebild.server.background import BackgroundServer

DOCS = Path(__file__).resolve().parent
VIEWS = {"events": "events", "article": "article/sample-010", "timeline": "timeline?period=week",
         "network": "network", "dyad": "dyad?a=RUS&b=TUR&period=week", "map": "map"}
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(db: str) -> None:
    app = create_app(db, write_token="screenshot")
    with BackgroundServer(app) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        for name, route in VIEWS.items():
            page.goto(f"{url}/#/{route}")
            page.wait_for_selector("#view[data-state=ready]")
            page.wait_for_timeout(150)
            page.screenshot(path=str(DOCS / f"workbench-{name}.png"))
            print(DOCS / f"workbench-{name}.png")
        browser.close()
    app.state.store.close()


if __name__ == "__main__":
    main(sys.argv[1])
