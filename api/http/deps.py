"""What routes get through ``Depends``: the service and the settings the app was built with."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute

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


def known_query(request: Request) -> None:
    """A route's guard against query parameters it does not take: ``GET /figures?doc=x``
    (the name is ``doc_id``) would otherwise list every document's figures as if filtered.
    422, in FastAPI's validation-error shape (``type`` "extra_forbidden", ``loc`` ["query",
    name]), naming the unknown parameter and the route's known ones; the names come from the
    route's own parameters, so the list cannot drift from them."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = sorted(_query_names(route.dependant))
    unknown = [name for name in dict.fromkeys(request.query_params) if name not in known]
    if unknown:
        raise RequestValidationError([{
            "type": "extra_forbidden", "loc": ("query", name),
            "msg": f"unknown query parameter `{name}`; known: {', '.join(known)} / "
                   f"tham số không hợp lệ",
            "input": request.query_params.get(name)} for name in unknown])


def _query_names(dependant: Dependant) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


KnownQuery = Depends(known_query)
