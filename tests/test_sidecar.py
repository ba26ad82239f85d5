"""The export's sidecar: one record written and read back, in the file format it has always had."""

import json

import pytest

from brave_export.export.sidecar import ExportFacts, read_sidecar, write_sidecar

pytestmark = pytest.mark.fast


def facts(tmp_path, **over) -> ExportFacts:
    given = dict(path=tmp_path / "m_b256.ts", sidecar=tmp_path / "m_b256.json", sample_rate=48000, ratio=128,
                 buffer=256, model_delay=37, latent_size=8, max_batch=2, causal=True,
                 object_text="nn~ m_b256.ts forward 256", weights="fp16", platforms="x86-64",
                 torch_version="2.5.1", checkpoint="/runs/m/last.ckpt", config="/runs/m/config.gin",
                 fp16_error_db=-71.234)
    return ExportFacts(**{**given, **over})


def test_written_record_reads_back_whole_under_the_historical_keys(tmp_path):
    f = facts(tmp_path, fp16_error_db=-71.23)
    write_sidecar(f)
    data = json.loads(f.sidecar.read_text())
    # the renamed fields keep their file keys; derived figures are written for readers outside
    assert (data["compression_ratio"], data["latency_samples"], data["nn_object"]) == (128, 37, f.object_text)
    assert data["brave_object"] == "brave~ m_b256.ts forward 256"
    assert data["buffering_latency_samples_at_block_64"] == 192  # 256 - gcd(256, 64)
    assert data["latency_ms"] == round(1000 * 37 / 48000, 3) and data["model"] == "m_b256.ts"
    assert read_sidecar(f.path) == f


def test_older_or_partial_sidecars_read_with_missing_facts_as_none(tmp_path):
    model = tmp_path / "old.ts"
    model.with_suffix(".json").write_text(json.dumps({"buffer": 512, "nn_object": "nn~ old.ts forward 512"}))
    f = read_sidecar(model)
    assert (f.buffer, f.object_text, f.ratio, f.model_delay, f.weights) == (512, "nn~ old.ts forward 512", None,
                                                                             None, None)


@pytest.mark.parametrize("text", [None, "not json", "[1, 2]"])
def test_absent_or_unreadable_sidecar_is_none(tmp_path, text):
    model = tmp_path / "x.ts"
    if text is not None:
        model.with_suffix(".json").write_text(text)
    assert read_sidecar(model) is None


def test_cli_json_keeps_its_keys(tmp_path):
    d = facts(tmp_path).as_dict()
    assert d["latency_samples"] == 37 and d["ratio"] == 128 and d["object_text"].startswith("nn~ ")
    assert d["path"] == str(tmp_path / "m_b256.ts") and "model_delay" not in d
