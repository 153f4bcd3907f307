"""Chat sessions, as the service keeps them: a turn read against the session's last
question, the sessions tied to a chat platform's keys (a Slack thread, a Zalo user), history,
and which process answers a platform's delivery (one answer per event, across processes)."""

from __future__ import annotations

import threading
from abc import abstractmethod

from rag.chat.followup import resolve
from rag.chat.sessions import SessionBackend
from rag.errors import UnknownSession
from rag.records import Answer, AskOptions, ChatAnswer, ChatHistory
from rag.service.config import session_store
from rag.settings import Settings


class Conversations:
    """The chat half of ``RagService`` (a mixin): the session store (RAG_DATABASE_URL's
    database when set, else the file RAG_SESSIONS_DB), opened once on first use; what it
    needs of the service is the settings, question checking and answering."""

    settings: Settings
    _sessions: SessionBackend | None
    _sessions_lock: threading.Lock

    @abstractmethod
    def check_question(self, text: str | None, what: str = "question") -> str:
        """``text`` stripped, or a QuestionError (``RagService.check_question``)."""

    @abstractmethod
    def ask(self, question: str, options: AskOptions | None = None, *,
            resolved_question: str | None = None) -> Answer:
        """The answer to ``question`` (``RagService.ask``)."""

    @property
    def sessions(self) -> SessionBackend:
        """The session store (``rag.service.config.session_store``: RAG_DATABASE_URL's
        database, else RAG_SESSIONS_DB; TTL and turn limits from the settings), opened once
        on first use; SessionStoreError when it cannot be."""
        if self._sessions is None:
            with self._sessions_lock:
                if self._sessions is None:
                    self._sessions = session_store(self.settings)
        return self._sessions

    def open_sessions(self) -> None:
        """Open the session store now (RAG_DATABASE_URL or RAG_SESSIONS_DB), so that a front
        end fails at start, not at the first follow-up; SessionStoreError when it cannot be
        opened."""
        _ = self.sessions

    def chat(self, message: str, session_id: str | None = None,
             options: AskOptions | None = None) -> ChatAnswer:
        """One chat turn: the message is read against the session's last question.  An
        unknown or expired ``session_id`` raises UnknownSession."""
        message = self.check_question(message, "message")
        try:
            session = self.sessions.get_or_create(session_id)
        except KeyError as exc:
            raise UnknownSession(session_id) from exc
        resolved = resolve(message, session.last_resolved)
        answer = self.ask(message, options, resolved_question=resolved)
        self.sessions.add_turn(session.id, message, resolved, answer.to_dict())
        return ChatAnswer(**{f: getattr(answer, f) for f in answer.__dataclass_fields__},
                          session_id=session.id)

    def chat_by_key(self, key: str, message: str, options: AskOptions | None = None) -> Answer:
        """A chat turn in the session tied to an external key (a Slack thread, a Zalo user)."""
        return self.chat(message, self.sessions.session_for_key(key), options)

    def history(self, session_id: str) -> ChatHistory:
        """A session's turns; UnknownSession when it is unknown or expired."""
        session = self.sessions.get(session_id)
        if session is None:
            raise UnknownSession(session_id)
        return session.history()

    def end_session(self, session_id: str) -> None:
        """Delete a session; UnknownSession when there is none."""
        if not self.sessions.delete(session_id):
            raise UnknownSession(session_id)

    def first_delivery(self, key: str) -> bool:
        """True when this process should answer the chat platform's delivery ``key`` (its
        event or message id): the first time it is delivered to any process sharing the
        session store (RAG_DATABASE_URL or RAG_SESSIONS_DB), or again when the process that
        took it died before :meth:`delivered` (after ``RAG_DELIVERY_CLAIM_SECONDS``); False
        for a redelivery."""
        s = self.settings
        return self.sessions.claim(key, s.delivery_ttl_seconds, s.delivery_claim_seconds)

    def delivered(self, key: str) -> None:
        """The reply to delivery ``key`` went out: never answer it again."""
        self.sessions.done(key)
