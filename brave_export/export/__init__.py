"""Exporting checkpoints: streaming TorchScript for nn~ (`nn`), weights for the BRAVE plugin."""

from .nn import ExportResult, allowed_buffers, build_streaming, export_nn

__all__ = ["ExportResult", "allowed_buffers", "build_streaming", "export_nn"]
