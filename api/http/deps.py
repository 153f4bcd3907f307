"""What routes get through ``Depends``: the service and the settings the app was built with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from rag.service import RagService
from rag.settings import Settings


async def get_service(request: Request) -> RagService:
    """The app's RagService (made in the app's lifespan), for routes through ``Depends``."""
    service: RagService = request.app.state.service
    return service


async def get_settings(request: Request) -> Settings:
    """The app's Settings, for routes through ``Depends``."""
    settings: Settings = request.app.state.settings
    return settings


ServiceDep = Annotated[RagService, Depends(get_service)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def ready_service(service: ServiceDep) -> RagService:
    """The service, once its index is loaded; else 503 (via the IndexStoreError handler)."""
    service.status()  # loads the index if an upload or `rag index` has created it since
    return service


ReadyDep = Annotated[RagService, Depends(ready_service)]
