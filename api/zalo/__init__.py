"""Zalo adapters: the Official Account (OA) webhook and the Zalo Bot Platform webhook.

Both verify the request, acknowledge it at once (Zalo redelivers an event it does not see
answered with 200 within about 2 s), then answer in the background: ``chat_by_key`` in a worker
thread, the reply cut into messages of at most 2,000 characters and sent through a thin httpx
client.  A Zalo user (OA) or chat (bot) keeps one chat session, so follow-ups work.

Zalo OA access tokens live about a day and every refresh token is single-use: a refresh is
serialised (a thread lock plus a file lock) and its result written atomically to
``ZALO_TOKEN_FILE``, which wins over the env tokens on the next start.  Secrets (tokens, keys,
the bot token inside the sendMessage URL) never reach the logs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.zalo.bot import ZaloBotClient, add_bot_webhook
from api.zalo.common import SORRY, TEXT_LIMIT, TOO_LONG, format_reply, split_text
from api.zalo.oa import ZaloOAClient, add_oa_webhook, verify_oa_event
from api.zalo.tokens import ZaloTokens, ZaloTokenStore
from rag.errors import QuestionTooLong
from rag.service import RagService
from rag.settings import Settings

log = logging.getLogger(__name__)


def zalo_router(settings: Settings, get_service: Callable[[], RagService]) -> APIRouter:
    """``POST /zalo/webhook`` when ZALO_APP_ID and ZALO_OA_SECRET_KEY are set, and
    ``POST /zalo-bot/webhook`` when ZALO_BOT_TOKEN and ZALO_BOT_SECRET_TOKEN are set; a
    webhook that is not configured is not registered (404)."""
    router = APIRouter()

    def answer(key: str, text: str) -> str:
        try:
            return format_reply(get_service().chat_by_key(key, text))
        except QuestionTooLong as exc:
            return TOO_LONG.format(limit=exc.limit)
        except Exception:
            log.exception("zalo: the service failed to answer a message")
            return SORRY

    def done(key: str) -> None:
        """The reply to this delivery went out: never answer it again."""
        get_service().delivered(key)

    async def first(key: str) -> bool:
        """Whether this delivery is new, in every process sharing the session store."""
        return await run_in_threadpool(get_service().first_delivery, key)

    if settings.zalo_app_id and settings.zalo_oa_secret_key:
        add_oa_webhook(router, settings, settings.zalo_app_id, settings.zalo_oa_secret_key,
                        answer, first, done)
    if settings.zalo_bot_token and settings.zalo_bot_secret_token:
        add_bot_webhook(router, settings, settings.zalo_bot_token,
                         settings.zalo_bot_secret_token, answer, first, done)
    return router


__all__ = ["TEXT_LIMIT", "ZaloBotClient", "ZaloOAClient", "ZaloTokenStore", "ZaloTokens",
           "format_reply", "split_text", "verify_oa_event", "zalo_router"]
