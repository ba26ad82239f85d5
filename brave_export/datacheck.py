"""What a folder of audio gives training once acids-rave has cut it up, checked before training.

`rave preprocess` resamples every file to the training rate, keeps its first channel, and
stores only whole chunks of `2 * num_signal` samples (it reads int16 in blocks of
`num_signal * 4` bytes): a file shorter than one chunk contributes nothing, silently. `rave
train` then keeps 98% of the chunks for training (at least one) and the rest for validation,
drops incomplete batches, and fits the latent PCA on the validation chunks' latent frames.
This module does that arithmetic on the file headers, so a dataset that cannot train is a
one-line error before anything is written.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

AUDIO_EXTENSIONS = (".wav", ".aif", ".aiff", ".flac", ".mp3", ".ogg", ".opus", ".aac")

TRAIN_PERCENT = 98  # rave.dataset.split_dataset's share for training, as `rave train` calls it
SHOWN = 4  # file names listed in one message before "and N more"


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    sample_rate: int
    channels: int
    frames: int

    @property
    def seconds(self) -> float:
        return self.frames / self.sample_rate


def audio_files(folder: str | Path) -> list[Path]:
    """Audio files under `folder`, with an error when there are none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UserError(f"audio folder {folder} does not exist: pass a folder of .wav/.flac/.mp3 files")
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in AUDIO_EXTENSIONS)
    if not files:
        raise UserError(
            f"audio folder {folder} holds no audio files ({', '.join(AUDIO_EXTENSIONS)}): add some and retry"
        )
    return files


def chunk_samples(num_signal: int) -> int:
    """The length of one stored example of `rave preprocess --num_signal N` (2 N samples)."""
    return 2 * num_signal


def split_sizes(n_chunks: int) -> tuple[int, int]:
    """(training, validation) example counts of `rave.dataset.split_dataset(dataset, 98)`."""
    train = max(TRAIN_PERCENT * n_chunks // 100, 1)
    return train, n_chunks - train


def read_info(path: Path) -> AudioInfo | None:
    """Sample rate, channels and length from the file header (libsndfile, else ffprobe); None if unreadable."""
    try:
        import soundfile

        i = soundfile.info(str(path))
        if i.frames > 0 and i.samplerate > 0:
            return AudioInfo(path, int(i.samplerate), int(i.channels), int(i.frames))
    except Exception:  # not a format libsndfile knows (aac, opus, ...): ask ffprobe, as rave does
        pass
    return _ffprobe_info(path)


def _ffprobe_info(path: Path) -> AudioInfo | None:
    try:
        out = subprocess.run(
            ["ffprobe", "-v", "error", "-select_streams", "a:0", "-show_entries",
             "stream=sample_rate,channels:format=duration", "-of", "json", str(path)],
            capture_output=True, text=True, timeout=60,
        )
        data = json.loads(out.stdout or "{}")
        stream = data["streams"][0]
        sr = int(stream["sample_rate"])
        seconds = float(data["format"]["duration"])
        return AudioInfo(path, sr, int(stream["channels"]), int(seconds * sr))
    except (OSError, subprocess.SubprocessError, KeyError, IndexError, ValueError):
        return None


@dataclass
class DataReport:
    folder: Path
    sample_rate: int  # the rate rave resamples to
    chunk: int  # samples per stored example
    files: list[AudioInfo] = field(default_factory=list)
    unreadable: list[Path] = field(default_factory=list)

    def chunks_of(self, info: AudioInfo) -> int:
        resampled = int(info.frames * self.sample_rate / info.sample_rate)
        return resampled // self.chunk

    @property
    def n_chunks(self) -> int:
        return sum(self.chunks_of(i) for i in self.files)

    @property
    def chunk_seconds(self) -> float:
        return self.chunk / self.sample_rate

    @property
    def usable_seconds(self) -> float:
        return self.n_chunks * self.chunk_seconds

    @property
    def total_seconds(self) -> float:
        return sum(i.seconds for i in self.files)

    @property
    def too_short(self) -> list[AudioInfo]:
        return [i for i in self.files if self.chunks_of(i) == 0]

    @property
    def resampled(self) -> list[AudioInfo]:
        return [i for i in self.files if i.sample_rate != self.sample_rate]

    @property
    def multichannel(self) -> list[AudioInfo]:
        return [i for i in self.files if i.channels > 1]

    def summary(self) -> str:
        train, val = split_sizes(self.n_chunks)
        return (f"audio: {len(self.files) + len(self.unreadable)} files, {self.total_seconds:.1f} s; "
                f"{self.usable_seconds:.1f} s usable as {self.n_chunks} chunks of {self.chunk_seconds:.2f} s "
                f"({train} for training, {val} for validation)")

    def warnings(self) -> list[str]:
        """What will be lost or changed, one line each (the data can still train)."""
        out = []
        if self.too_short:
            out.append(f"{len(self.too_short)} files shorter than {self.chunk_seconds:.2f} s ({self.chunk} samples "
                       f"at {self.sample_rate} Hz) add nothing: {_names(p.path for p in self.too_short)}")
        if self.resampled:
            rates = sorted({i.sample_rate for i in self.resampled})
            out.append(f"{len(self.resampled)} files at {', '.join(map(str, rates))} Hz are resampled to "
                       f"{self.sample_rate} Hz: {_names(p.path for p in self.resampled)}")
        if self.multichannel:
            out.append(f"{len(self.multichannel)} files have several channels; only the first is used "
                       f"(mix them to mono first to keep both): {_names(p.path for p in self.multichannel)}")
        if self.unreadable:
            out.append(f"{len(self.unreadable)} files cannot be read as audio and are skipped: "
                       f"{_names(self.unreadable)}")
        return out


def _names(paths) -> str:
    names = [p.name for p in paths]
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def scan(folder: Path, files: list[Path], sample_rate: int, num_signal: int) -> DataReport:
    """Read the header of every file and do rave's chunking arithmetic."""
    report = DataReport(folder=folder, sample_rate=sample_rate, chunk=chunk_samples(num_signal))
    for path in files:
        info = read_info(path)
        if info is None:
            report.unreadable.append(path)
        else:
            report.files.append(info)
    return report


def least_chunks(batch: int, val_chunks: int) -> int:
    """The fewest chunks whose split gives `batch` training and `val_chunks` validation examples."""
    n = batch + val_chunks
    while True:
        train, val = split_sizes(n)
        if train >= batch and val >= val_chunks:
            return n
        n += 1


def check_trainable(report: DataReport, n_signal: int, batch: int, ratio: int, latent_size: int) -> None:
    """Raise a one-line UserError when the chunks cannot fill a batch and fit the latent PCA."""
    if not report.files:
        raise UserError(f"none of the {len(report.unreadable)} audio files in {report.folder} can be read "
                        f"(e.g. {report.unreadable[0].name}): convert them to .wav or .flac")
    if n_signal > report.chunk:
        raise UserError(f"--n-signal {n_signal} is longer than the stored chunks ({report.chunk} samples)")
    frames_per_chunk = max(n_signal // ratio, 1)
    val_needed = math.ceil(latent_size / frames_per_chunk)  # sklearn's PCA needs a frame per component
    needed = least_chunks(batch, val_needed)
    have = report.n_chunks
    if have >= needed:
        return
    longest = max(i.seconds for i in report.files)
    what = (f"training needs at least {needed} ({batch} for a batch, {val_needed} for validation: "
            f"{latent_size} latent frames at {frames_per_chunk} per chunk)")
    if have == 0:
        raise UserError(
            f"no usable audio in {report.folder}: rave keeps whole chunks of {report.chunk_seconds:.2f} s "
            f"({report.chunk} samples at {report.sample_rate} Hz) and all {len(report.files)} files are shorter "
            f"({_names(i.path for i in report.files)}; longest {longest:.2f} s); {what}: add longer recordings (about "
            f"{needed * report.chunk_seconds:.0f} s in all) or lower --n-signal")
    raise UserError(
        f"too little audio in {report.folder}: {report.usable_seconds:.1f} s usable gives {have} chunks of "
        f"{report.chunk_seconds:.2f} s; {what}: add about {(needed - have) * report.chunk_seconds:.0f} s of audio "
        f"or lower --batch")
