"""The trials: each burst through the simulated host and the model, onsets found in input and output.

The output onset is looked for from the input onset plus the host's buffering (brave~'s output
at sample n depends on the input up to n - L only; the peak detector, like the Pd patch, from
the input onset itself, so that its noise floor is output the burst has not reached) within a
window tied to the model's nominal delay (`response_window`: buffering + 2 x nominal delay +
WINDOW_SLACK samples; half a second when the model states none; `search_s` overrides it), and
counts only when the output rises above its own noise floor by `floor_margin_db`
(onsets.above_floor). A trial whose output onset is not found there is counted as missed; it
never stops the run. A test whose trials mostly miss is reported as missed and left out of the
overall figures (results.MISSED_BELOW).
"""

from __future__ import annotations

import math
import sys
from dataclasses import asdict

import numpy as np

from ..errors import UserError
from ..hosts import is_power_of_two
from .host import BraveHost
from .model import _caller, _Model, _open
from .onsets import DetectorSettings, above_floor, find_onset, flux_onset, output_search_start
from .results import LatencyResult, Trial, _overall, _summary
from .signals import PD_PATCH_TEST, TESTS, burst

WARMUP_CALLS = 3  # as brave~: calls on silence at load, then reset()
PRE_ROLL_S = 0.25  # silence before the earliest onset: the output settles, the slow follower too
WINDOW_SLACK = 1024  # samples the response window reaches beyond buffering + 2 x the nominal delay
UNKNOWN_DELAY_WINDOW_S = 0.5  # the window when the model states no delay


def response_window(buffering: int, model_delay: int | None, sr: int) -> int:
    """Samples after the input onset in which an output onset counts: buffering + 2 x the model's
    nominal delay + WINDOW_SLACK (a trained model responds before its nominal delay; a barely
    trained one may answer much later with output that is not the burst's)."""
    if model_delay is None:
        return buffering + int(UNKNOWN_DELAY_WINDOW_S * sr)
    return buffering + 2 * max(0, model_delay) + WINDOW_SLACK


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="latency", unit="trial", file=sys.stderr, disable=not enabled, leave=False,
                dynamic_ncols=True)


def evaluate(model_path, buffer: int | None = None, block: int = 64, trials: int = 8, seed: int = 0,
             method: str = "forward", settings: DetectorSettings | None = None, search_s: float | None = None,
             tests=TESTS, latent_noise: bool | None = None, progress: bool = False,
             worker: bool = False, pre_roll_s: float = PRE_ROLL_S, whole_burst: bool = True) -> LatencyResult:
    """Latency and jitter of `model_path` run by brave~ with `buffer` (default: the model's ratio)
    at Pd block `block` (in its worker mode when `worker`); `trials` trials for each test burst.

    `search_s`: seconds after buffering + model delay to look for the output onset (default: the
    response window). `whole_burst=False` stops each trial at the end of the response window
    (the envelope detector is causal, so its onsets do not change; the card's measurement)."""
    import torch

    settings = settings or DetectorSettings()
    settings.check()
    if not is_power_of_two(block):
        raise UserError(f"block {block} is not a power of two (Pd block sizes are)")
    if trials < 1:
        raise UserError(f"trials must be >= 1, got {trials}")
    if search_s is not None and search_s <= 0:
        raise UserError("search_s must be > 0")
    model = _open(model_path, method)
    b = model.ratio if buffer is None else int(buffer)
    if b < 1 or b % model.ratio:
        raise UserError(f"buffer {b} does not fit {model.path.name}: it must be a positive multiple of the "
                        f"model's ratio {model.ratio}")
    if latent_noise is not None:
        from ..modelfacts import _has

        if _has(model.module, "set_latent_noise"):
            model.module.set_latent_noise(bool(latent_noise))
    torch.manual_seed(seed)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # one intra-op thread, as brave~ runs the model
    try:
        return _evaluate(model, b, block, trials, seed, method, settings, search_s, tests, progress, worker,
                         pre_roll_s, whole_burst)
    finally:
        torch.set_num_threads(threads)


def _evaluate(model: _Model, b: int, block: int, trials: int, seed: int, method: str,
              settings: DetectorSettings, search_s: float | None, tests, progress: bool, worker: bool,
              pre_roll_s: float, whole_burst: bool) -> LatencyResult:
    import torch

    sr = model.sample_rate
    call = _caller(model, b)
    host = BraveHost(call, model.in_ch, model.out_ch, b, block, worker=worker)
    # brave~ at load: a few calls on silence (checks the shape, lets the JIT optimize), then reset()
    for _ in range(WARMUP_CALLS):
        call(np.zeros((model.in_ch, b), dtype=np.float32))

    rng = np.random.default_rng(seed)
    span = max(1024, 4 * math.lcm(b, block))       # onset positions: every phase of buffer and block
    pre = int(pre_roll_s * sr)
    window = (response_window(host.latency, model.model_delay, sr) if search_s is None
              else host.latency + (model.model_delay or 0) + int(search_s * sr))
    records: list[Trial] = []
    calls = 0
    with _progress(len(tests) * trials, progress) as bar:
        for test in tests:
            for i in range(trials):
                if model.has_reset:
                    with torch.inference_mode():  # as brave~ does: the state tensors are inference tensors
                        model.module.reset()
                host.restart()
                onset = pre + int(rng.integers(0, span))
                x = burst(test, sr, rng)
                total = onset + (max(window, len(x)) if whole_burst else window) + settings.flux_frame
                sig = np.zeros(total, dtype=np.float32)
                x = x[:total - onset]
                sig[onset:onset + len(x)] = x
                y = host.run(np.repeat(sig[None], model.in_ch, axis=0))[0]
                calls += host.calls
                if not np.all(np.isfinite(y)):
                    y = np.nan_to_num(y, nan=0.0, posinf=0.0, neginf=0.0)
                t_in = find_onset(sig, sr, settings)
                t_out = _output_onset(y, sr, settings, t_in, host.latency, window)
                f_in = flux_onset(sig, sr, settings)
                f_out = (flux_onset(y, sr, settings, start=max(0, f_in + host.latency - settings.flux_hop),
                                    stop=f_in + window)
                         if f_in is not None else None)
                records.append(Trial(
                    test=test.name, index=i, onset=onset, input_onset=t_in, output_onset=t_out,
                    latency=(t_out - t_in) if t_out is not None else None,
                    flux_input_onset=f_in, flux_output_onset=f_out,
                    flux_latency=(f_out - f_in) if f_out is not None else None,
                    output_peak=float(np.abs(y).max()) if len(y) else 0.0))
                bar.update(1)
    summaries = [_summary(t.name, t, [r for r in records if r.test == t.name], sr, settings.flux_hop)
                 for t in tests]
    overall = _overall(summaries, records, sr, settings.flux_hop)
    return LatencyResult(
        model=str(model.path), method=method, sample_rate=sr, sample_rate_known=model.sample_rate_known,
        ratio=model.ratio, buffer=b, block=block, host="brave~ -thread" if worker else "brave~",
        buffering_latency=host.latency,
        model_delay=model.model_delay,
        expected_latency=host.latency + model.model_delay if model.model_delay is not None else None,
        trials_per_test=trials, seed=seed, settings=asdict(settings), tests=summaries,
        overall=overall, trials=records, model_calls=calls, window=window)


def _output_onset(y: np.ndarray, sr: int, settings: DetectorSettings, t_in: int | None, buffering: int,
                  window: int) -> int | None:
    """The output onset within the response window, when the output rises above its noise floor."""
    if t_in is None:
        return None
    stop = t_in + window
    t_out = find_onset(y, sr, settings, start=output_search_start(t_in, buffering, settings), stop=stop)
    if t_out is None or not above_floor(y, sr, settings, t_out, stop, reach=t_in + buffering):
        return None
    return t_out


def evaluate_as_pd_patch(model_path, buffer: int | None = None, block: int = 64, trials: int = 10,
                         seed: int = 0) -> LatencyResult:
    """`evaluate` with the Pd latency patch's burst (PD_PATCH_TEST) and onset detector ("peak"):
    what patches/pd/latency-brave.pd measures, through the simulated brave~ host."""
    return evaluate(model_path, buffer=buffer, block=block, trials=trials, seed=seed, tests=(PD_PATCH_TEST,),
                    settings=DetectorSettings(detector="peak"))
