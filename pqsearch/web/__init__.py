"""The web interface and JSON API over the library: `pqsearch serve`, or `create_app`."""

from pqsearch.web.app import DEFAULT_HOST, DEFAULT_PORT, create_app, serve

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "create_app", "serve"]
