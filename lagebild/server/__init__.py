"""The analyst workbench: HTTP API and web UI over a lagebild store.

    lagebild serve --db store.duckdb [--host 127.0.0.1] [--port 8000] [--write-token T]

``create_app`` (``lagebild.server.app``) builds the FastAPI application; the routes are
thin and call ``lagebild.queries``, ``lagebild.export`` and ``lagebild.store``.  The UI
(``static/``) is plain HTML, CSS, JS and SVG served by the same server: nothing is
loaded from elsewhere.
"""

from lagebild.server.app import create_app

__all__ = ["create_app"]
