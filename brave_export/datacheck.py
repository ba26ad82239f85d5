"""What a folder of audio gives training once acids-rave has cut it up, checked before training.

`rave preprocess` resamples every file to the training rate, keeps its first channel, and
stores only whole chunks of `2 * num_signal` samples (it reads int16 in blocks of
`num_signal * 4` bytes): a file shorter than one chunk contributes nothing, silently. `rave
train` then keeps 98% of the chunks for training (at least one) and the rest for validation,
drops incomplete batches, and fits the latent PCA on the validation chunks' latent frames.
This module does that arithmetic on the file headers, and reads each file's first channel
until it is past the silence threshold, so a dataset that cannot train is a one-line error
before anything is written. Training then sees exactly the files this check uses (`used`):
trainer.py links them into a staging folder for `rave preprocess`.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import UserError

AUDIO_EXTENSIONS = (".wav", ".aif", ".aiff", ".flac", ".mp3", ".ogg", ".opus", ".aac")

TRAIN_PERCENT = 98  # rave.dataset.split_dataset's share for training, as `rave train` calls it
SHOWN = 4  # file names listed in one message before "and N more"
# A first channel whose peak stays below this is silence to training: rave stores int16, and
# -60 dBFS is a peak of 32 steps; such a file teaches the model nothing but to be quiet.
SILENCE_DBFS = -60.0
SILENCE_PEAK = 10 ** (SILENCE_DBFS / 20)
READ_BLOCK = 1 << 16  # frames read at a time while looking for sound


def plural(n: int, word: str) -> str:
    """"1 file", "2 files"."""
    return f"{n} {word}{'' if n == 1 else 's'}"


@dataclass(frozen=True)
class AudioInfo:
    path: Path
    sample_rate: int
    channels: int
    frames: int
    first_peak: float = 1.0  # peak magnitude of the first channel (1.0: full scale), the one rave keeps
    other_peak: float = 0.0  # peak of the other channels, read only when the first is silent

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
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
        )
        data = json.loads(out.stdout or "{}")
        stream = data["streams"][0]
        sr = int(stream["sample_rate"])
        seconds = float(data["format"]["duration"])
        return AudioInfo(path, sr, int(stream["channels"]), int(seconds * sr))
    except (OSError, subprocess.SubprocessError, KeyError, IndexError, ValueError):
        return None


def with_peaks(info: AudioInfo) -> AudioInfo | None:
    """`info` with the first channel's peak, read until it passes the silence threshold (so a file
    with sound costs one block); when it never does, the other channels' peak too. None when
    the samples cannot be decoded."""
    blocks = _sample_blocks(info.path, info.channels)
    first = other = 0.0
    try:
        for block in blocks:
            if block.size == 0:
                continue
            first = max(first, float(abs(block[:, 0]).max()))
            if info.channels > 1:
                other = max(other, float(abs(block[:, 1:]).max()))
            if first >= SILENCE_PEAK:
                return replace(info, first_peak=first, other_peak=0.0)
    except Exception:  # a header that reads but samples that do not: the file is unreadable
        return None
    finally:
        blocks.close()
    return replace(info, first_peak=first, other_peak=other)


def _sample_blocks(path: Path, channels: int):
    """Blocks of float samples (frames, channels), by libsndfile, else by ffmpeg as rave decodes."""
    try:
        import soundfile

        soundfile.info(str(path))
    except Exception:
        return _ffmpeg_blocks(path, channels)
    return soundfile.blocks(str(path), blocksize=READ_BLOCK, always_2d=True, dtype="float32")


def _ffmpeg_blocks(path: Path, channels: int):
    import numpy as np

    proc = subprocess.Popen(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        while True:
            data = proc.stdout.read(READ_BLOCK * channels * 2)
            if not data:
                break
            pcm = np.frombuffer(data[: len(data) // (2 * channels) * 2 * channels], dtype="<i2")
            yield pcm.reshape(-1, channels).astype("float32") / 32768.0
    finally:
        proc.kill()
        proc.wait()


@dataclass
class DataReport:
    folder: Path
    sample_rate: int  # the rate rave resamples to
    chunk: int  # samples per stored example
    files: list[AudioInfo] = field(default_factory=list)  # readable, with sound in the first channel
    unreadable: list[Path] = field(default_factory=list)
    silent: list[AudioInfo] = field(default_factory=list)  # first channel below SILENCE_DBFS: skipped

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

    @property
    def used(self) -> list[Path]:
        """The files training reads: readable, not silent, at least one whole chunk long."""
        return [i.path for i in self.files if self.chunks_of(i) > 0]

    @property
    def silent_first_channel(self) -> list[AudioInfo]:
        """Silent files whose other channels do have sound (rave keeps only the first)."""
        return [i for i in self.silent if i.other_peak >= SILENCE_PEAK]

    def summary(self) -> str:
        train, val = split_sizes(self.n_chunks)
        n = len(self.files) + len(self.unreadable) + len(self.silent)
        return (f"audio: {plural(n, 'file')}, {self.total_seconds:.1f} s; "
                f"{self.usable_seconds:.1f} s usable as {self.n_chunks} chunks of {self.chunk_seconds:.2f} s "
                f"({train} for training, {val} for validation)")

    def warnings(self) -> list[str]:
        """What will be lost or changed, one line each (the data can still train)."""
        out = []
        if self.too_short:
            out.append(f"{plural(len(self.too_short), 'file')} shorter than {self.chunk_seconds:.2f} s ({self.chunk} "
                       f"samples at {self.sample_rate} Hz) {_verb(self.too_short, 'adds', 'add')} nothing: "
                       f"{_names(p.path for p in self.too_short)}")
        if self.resampled:
            rates = sorted({i.sample_rate for i in self.resampled})
            out.append(f"{plural(len(self.resampled), 'file')} at {', '.join(map(str, rates))} Hz "
                       f"{_are(self.resampled)} resampled to {self.sample_rate} Hz: "
                       f"{_names(p.path for p in self.resampled)}")
        if self.multichannel:
            out.append(f"{plural(len(self.multichannel), 'file')} {_have(self.multichannel)} several channels; only "
                       f"the first is used (mix to mono first to keep them all): "
                       f"{_names(p.path for p in self.multichannel)}")
        first_only = self.silent_first_channel
        silent = [i for i in self.silent if i not in first_only]
        if silent:
            out.append(f"{plural(len(silent), 'file')} {_are(silent)} silent or nearly (peak below "
                       f"{SILENCE_DBFS:.0f} dBFS) and {_are(silent)} skipped: {_names(i.path for i in silent)}")
        if first_only:
            out.append(f"{plural(len(first_only), 'file')} {_have(first_only)} a silent first channel (the only one "
                       f"training uses) and {_are(first_only)} skipped: mix to mono or move the sound to the first "
                       f"channel: {_names(i.path for i in first_only)}")
        if self.unreadable:
            out.append(f"{plural(len(self.unreadable), 'file')} cannot be read as audio and "
                       f"{_are(self.unreadable)} skipped: {_names(self.unreadable)}")
        return out


def _verb(items, one: str, many: str) -> str:
    return one if len(items) == 1 else many


def _are(items) -> str:
    return _verb(items, "is", "are")


def _have(items) -> str:
    return _verb(items, "has", "have")


def _names(paths) -> str:
    names = [p.name for p in paths]
    more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
    return ", ".join(names[:SHOWN]) + more


def scan(folder: Path, files: list[Path], sample_rate: int, num_signal: int) -> DataReport:
    """Read the header of every file, look for sound in its first channel, and do rave's
    chunking arithmetic."""
    report = DataReport(folder=folder, sample_rate=sample_rate, chunk=chunk_samples(num_signal))
    for path in files:
        info = read_info(path)
        info = None if info is None else with_peaks(info)
        if info is None:
            report.unreadable.append(path)
        elif info.first_peak < SILENCE_PEAK:
            report.silent.append(info)
        else:
            report.files.append(info)
    return report


def least_chunks(batch: int, val_chunks: int, processes: int = 1) -> int:
    """The fewest chunks whose split gives every process `batch` training and `val_chunks`
    validation examples (Lightning's DDP sampler deals each process ceil(n / processes))."""
    n = batch + val_chunks
    while True:
        train, val = split_sizes(n)
        if math.ceil(train / processes) >= batch and math.ceil(val / processes) >= val_chunks:
            return n
        n += 1


def check_trainable(report: DataReport, n_signal: int, batch: int, ratio: int, latent_size: int,
                    processes: int = 1) -> None:
    """Raise a one-line UserError when the chunks cannot fill a batch and fit the latent PCA
    (in every process, under DDP: each fits it on its own share of the validation chunks)."""
    if not report.files:
        if report.silent:
            first = report.silent_first_channel
            what = (f"{len(first)} of them only in the first channel, the one training uses: mix to mono or move "
                    "the sound there" if first else "record or add audio with sound in it")
            raise UserError(f"nothing to train on in {report.folder}: {plural(len(report.silent), 'audio file')} "
                            f"{_are(report.silent)} silent or nearly (first-channel peak below {SILENCE_DBFS:.0f} "
                            f"dBFS, e.g. {report.silent[0].path.name})"
                            + (f" and {len(report.unreadable)} cannot be read" if report.unreadable else "")
                            + f"; {what}")
        raise UserError(f"none of the {plural(len(report.unreadable), 'audio file')} in {report.folder} can be read "
                        f"(e.g. {report.unreadable[0].name}): convert them to .wav or .flac")
    if n_signal > report.chunk:
        raise UserError(f"--n-signal {n_signal} is longer than the stored chunks ({report.chunk} samples)")
    frames_per_chunk = max(n_signal // ratio, 1)
    val_needed = math.ceil(latent_size / frames_per_chunk)  # sklearn's PCA needs a frame per component
    needed = least_chunks(batch, val_needed, processes)
    have = report.n_chunks
    if have >= needed:
        return
    longest = max(i.seconds for i in report.files)
    each = f" in each of {processes} processes" if processes > 1 else ""
    what = (f"training needs at least {needed} ({batch} for a batch, {val_needed} for validation: "
            f"{latent_size} latent frames at {frames_per_chunk} per chunk{each})")
    if have == 0:
        raise UserError(
            f"no usable audio in {report.folder}: rave keeps whole chunks of {report.chunk_seconds:.2f} s "
            f"({report.chunk} samples at {report.sample_rate} Hz) and all {plural(len(report.files), 'file')} "
            f"{_are(report.files)} shorter ({_names(i.path for i in report.files)}; longest "
            f"{longest:.2f} s); {what}: add recordings of at least {seconds_for(needed, report)} s in all "
            f"(each file over {seconds_for(1, report)} s) or lower --n-signal")
    raise UserError(
        f"too little audio in {report.folder}: {report.usable_seconds:.1f} s usable gives "
        f"{plural(have, 'chunk')} of {report.chunk_seconds:.2f} s; {what}: add {seconds_for(needed - have, report)} s "
        f"of audio (e.g. one more file that long at {report.sample_rate} Hz) or lower --batch")


def seconds_for(chunks: int, report: DataReport) -> str:
    """Seconds of audio at the training rate that hold `chunks` whole chunks, rounded up to the
    tenth printed: a new file this long gives them (each file keeps only its whole chunks)."""
    return f"{math.ceil(chunks * report.chunk / report.sample_rate * 10) / 10:.1f}"
