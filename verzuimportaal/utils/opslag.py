"""Storage for documents that are only served through access-checked views (DOMAIN §9)."""

from django.core.files.storage import Storage
from privates.storages import private_media_storage


def prive_opslag() -> Storage:
    """The private storage, as a callable so migrations never bake in a site-specific path."""
    return private_media_storage  # type: ignore[return-value]
