"""Small deterministic test audio made in code: plucked strings and drums, no download."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

from .fileio import write_atomic

SAMPLE_RATE = 44100


def pluck(freq: float, seconds: float, rng: np.random.Generator, sr: int = SAMPLE_RATE) -> np.ndarray:
    """A Karplus-Strong plucked string."""
    period = max(2, int(round(sr / freq)))
    n = int(seconds * sr)
    line = rng.uniform(-1.0, 1.0, period)
    out = np.empty(n)
    for i in range(n):
        j = i % period
        out[i] = line[j]
        line[j] = 0.996 * 0.5 * (line[j] + line[(j + 1) % period])
    return out


def kick(seconds: float, sr: int = SAMPLE_RATE) -> np.ndarray:
    """A sine drum whose pitch falls from 150 Hz to 45 Hz."""
    t = np.arange(int(seconds * sr)) / sr
    freq = 45.0 + 105.0 * np.exp(-t * 30.0)
    phase = 2 * np.pi * np.cumsum(freq) / sr
    return np.sin(phase) * np.exp(-t * 8.0)


def snare(seconds: float, rng: np.random.Generator, sr: int = SAMPLE_RATE) -> np.ndarray:
    """Decaying noise over a short 190 Hz tone."""
    t = np.arange(int(seconds * sr)) / sr
    noise = rng.uniform(-1.0, 1.0, t.size) * np.exp(-t * 25.0)
    tone = 0.5 * np.sin(2 * np.pi * 190.0 * t) * np.exp(-t * 40.0)
    return noise + tone


def hat(seconds: float, rng: np.random.Generator, sr: int = SAMPLE_RATE) -> np.ndarray:
    """A short burst of high-passed noise."""
    t = np.arange(int(seconds * sr)) / sr
    noise = np.diff(rng.uniform(-1.0, 1.0, t.size + 1))
    return 0.5 * noise * np.exp(-t * 80.0)


def phrase(seconds: float, seed: int, sr: int = SAMPLE_RATE) -> np.ndarray:
    """A mix of plucks (pentatonic, random onsets) and a drum pattern at 120 bpm."""
    rng = np.random.default_rng(seed)
    n = int(seconds * sr)
    out = np.zeros(n)
    scale = 110.0 * 2 ** (np.array([0, 3, 5, 7, 10, 12, 15, 17, 19, 22, 24]) / 12)

    def add(sound: np.ndarray, start: int, gain: float) -> None:
        end = min(n, start + sound.size)
        out[start:end] += gain * sound[: end - start]

    step = sr // 4  # sixteenth notes at 60 bpm
    for k, start in enumerate(range(0, n, step)):
        if k % 8 == 0:
            add(kick(0.5, sr), start, 0.8)
        elif k % 8 == 4:
            add(snare(0.3, rng, sr), start, 0.4)
        if k % 2 == 1:
            add(hat(0.08, rng, sr), start, 0.3)
    t = 0
    while t < n:
        add(pluck(rng.choice(scale), 0.8, rng, sr), t, rng.uniform(0.3, 0.6))
        t += int(rng.uniform(0.12, 0.5) * sr)
    return 0.9 * out / max(1e-9, np.abs(out).max())


def write_wav(path: Path, audio: np.ndarray, sr: int = SAMPLE_RATE) -> None:
    """Write mono 16-bit PCM atomically."""
    pcm = (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2")

    def write(tmp: Path) -> None:
        with wave.open(str(tmp), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(sr)
            w.writeframes(pcm.tobytes())

    write_atomic(path, write)


def synthesize_dataset(folder: Path, seconds: float = 40.0, files: int = 4, seed: int = 0) -> list[Path]:
    """Write `files` wav files of plucks and drums totalling `seconds`; same seed, same bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(files):
        path = folder / f"synth_{i:02d}.wav"
        write_wav(path, phrase(seconds / files, seed=seed * 1000 + i))
        paths.append(path)
    return paths
