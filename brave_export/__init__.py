"""brave-export: take BRAVE / RAVE models from training to low-latency live use in nn~."""

from .errors import UserError

__version__ = "0.1.0"
__all__ = ["UserError", "__version__"]
