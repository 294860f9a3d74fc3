class StoreError(Exception):
    """The database can't be used as asked. The message says why in plain words."""
