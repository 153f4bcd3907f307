"""From a question to passages: query analysis, retrieval, fusion."""
