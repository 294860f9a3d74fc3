import uuid


def new_id() -> str:
    """A random id, unique across databases so that groups' files can later be combined."""
    return uuid.uuid4().hex


def short(id_: str) -> str:
    """The first eight characters of an id: enough to type on the command line."""
    return id_[:8]
