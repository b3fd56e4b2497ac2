"""The part of boto3 and botocore the SAM translator touches, without either and offline.

aws-sam-translator imports boto3 in five modules and botocore in three, at module level, and
importing the two (with s3transfer and urllib3) takes about 0.09 s, a quarter of the
translator's import. What a translation does with them: it reads the region of a session
(golive passes its own, so even that is never asked of boto3), names ``BaseClient`` in
signatures and ``ClientError`` in ``except`` clauses, and creates a client only for an
application from the Serverless Application Repository or an AppConfig feature toggle.
golive replaces SAR locations before translating and never configures AppConfig, so no
client is ever needed; a request for one means a path nobody has seen here, and it fails
with ``OfflineError`` instead of reaching AWS (a scan makes no network calls).

``import_offline`` runs an import with these stand-ins in place of boto3 and botocore, and
only when neither is loaded already. Afterwards ``import boto3`` anywhere in the process gets
the real library. If the stand-ins lack a name a new translator version imports, the import
is retried with the real libraries, so a translator upgrade costs time, never correctness.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any

#: The region the translator writes into placeholder ARNs (partition ``aws``).
REGION = "us-east-1"
#: The modules the translator imports, standing in for the real ones during its import.
STAND_IN_NAMES = ("boto3", "botocore", "botocore.client", "botocore.config", "botocore.exceptions")


class OfflineError(RuntimeError):
    """The translator asked for an AWS client, which a scan never creates."""


def client(service_name: str, *args: Any, **kwargs: Any) -> Any:
    """Refuses, naming the service: golive never calls AWS while scanning."""
    raise OfflineError(
        f"the SAM translator asked for an AWS {service_name} client; golive scans without "
        "calling AWS, so this part of the template cannot be translated offline"
    )


class Session:
    """A session that knows its region and refuses to create clients."""

    region_name = REGION

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        del args, kwargs

    def client(self, service_name: str, *args: Any, **kwargs: Any) -> Any:
        return client(service_name)


class Config:
    """botocore's client configuration; only ever built on the way to a client."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        del args, kwargs


class BaseClient:
    """Named in the translator's signatures; never instantiated offline."""


class ClientError(Exception):
    """Caught around client calls, which never happen offline."""


class EndpointConnectionError(Exception):
    """Caught around client calls, which never happen offline."""


def import_offline(name: str) -> ModuleType:
    """Import module ``name`` with the stand-ins in place of boto3 and botocore."""
    if name in sys.modules or any(stand_in in sys.modules for stand_in in STAND_IN_NAMES):
        return importlib.import_module(name)  # imported already, or the real ones are here
    before = set(sys.modules)
    sys.modules.update(_stand_ins())
    try:
        return importlib.import_module(name)
    except (ImportError, AttributeError):
        # A name the stand-ins lack: forget what this attempt imported, use the real thing.
        for loaded in set(sys.modules) - before:
            del sys.modules[loaded]
        return importlib.import_module(name)
    finally:
        for stand_in in STAND_IN_NAMES:
            if getattr(sys.modules.get(stand_in), "__golive_stand_in__", False):
                del sys.modules[stand_in]


def _stand_ins() -> dict[str, ModuleType]:
    session = _module("boto3.session", Session=Session)
    return {
        "boto3": _module(
            "boto3", Session=Session, client=client, DEFAULT_SESSION=None, session=session
        ),
        "botocore": _module("botocore"),
        "botocore.client": _module("botocore.client", BaseClient=BaseClient),
        "botocore.config": _module("botocore.config", Config=Config),
        "botocore.exceptions": _module(
            "botocore.exceptions",
            ClientError=ClientError,
            EndpointConnectionError=EndpointConnectionError,
        ),
    }


def _module(name: str, **names: Any) -> ModuleType:
    module = ModuleType(name, "golive's offline stand-in; see golive.loaders.offline_aws")
    module.__dict__.update(names, __golive_stand_in__=True)
    return module
