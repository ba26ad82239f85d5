"""Loading gin configurations into acids-rave models, quietly and with clear errors."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from .errors import UserError


@contextlib.contextmanager
def quiet_root_logger():
    # gin logs an ERROR line for every search path it tries before the one that holds an
    # included file, nn_tilde a WARNING for each method it does not test: noise, not failures.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        root.setLevel(level)


def parse_config(path: str | Path) -> None:
    """Replace gin's global configuration with the one in `path`."""
    import gin
    import rave  # noqa: F401  (registers rave's configurables and search paths)

    gin.clear_config()
    try:
        with quiet_root_logger():
            gin.parse_config_file(str(path))
    except Exception as exc:  # gin raises many types for a bad file
        raise UserError(f"cannot parse gin config {path}: {str(exc).splitlines()[0]}") from exc


def build_model(path: str | Path):
    """A fresh `rave.RAVE` assembled from the gin config at `path` (eval mode)."""
    import rave

    parse_config(path)
    try:
        with quiet_root_logger():
            model = rave.RAVE()
    except Exception as exc:
        raise UserError(f"config {path} does not build a rave.RAVE model: {exc}") from exc
    return model.eval()


def bound(name: str, default=None):
    """The value gin bound to `name` in the current configuration, or `default`."""
    import gin

    try:
        value = gin.query_parameter(name)
        # A macro binding (`x = %MACRO`) comes back as a reference to gin.macro.
        while getattr(value, "scoped_selector", "").endswith("gin.macro"):
            value = gin.query_parameter("%" + value.scoped_selector.split("/")[0])
        return value
    except ValueError:
        return default
