import os
from pathlib import Path

import platformdirs

ENV_VAR = "COPRODUCE_DB"


def default_db_path() -> Path:
    """Where the database lives unless `--db` says otherwise: $COPRODUCE_DB, else the user's
    data folder."""
    if override := os.environ.get(ENV_VAR):
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("coproduce", appauthor=False)) / "coproduce.db"
