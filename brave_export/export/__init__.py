"""Exporting checkpoints: streaming TorchScript for nn~ (`nn`), weights for the BRAVE plugin."""

from .nn import allowed_buffers, build_streaming, export_nn
from .sidecar import ExportFacts, read_sidecar

__all__ = ["ExportFacts", "allowed_buffers", "build_streaming", "export_nn", "read_sidecar"]
