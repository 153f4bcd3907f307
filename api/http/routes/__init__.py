"""One routes module per resource: questions (/ask, /chat, /search), documents, operations
(/healthz, /readyz, /metrics) and the web page."""
