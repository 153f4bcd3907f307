"""The HTTP front end: the FastAPI app, its routes, schemas, security and metrics, and the
web page."""

from api.http.app import app_from_env, create_app

__all__ = ["app_from_env", "create_app"]
