"""HTTP API, web page and chat-platform adapters (thin shells over rag.service)."""
