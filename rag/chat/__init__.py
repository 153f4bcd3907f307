"""Conversations: follow-up questions resolved against the last one, and the session store."""
