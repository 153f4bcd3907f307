"""The HTTP front end: the FastAPI app, its routes, schemas, security and metrics, and the
web page."""
