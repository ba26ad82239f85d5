"""The one atomic-write helper: a file is either its old self or completely new, never half-written."""

import wave

import numpy as np
import pytest

from brave_export import audio, fileio
from brave_export.errors import UserError

pytestmark = pytest.mark.fast


def test_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path):
    path = tmp_path / "out.txt"
    path.write_text("old\n")

    def fail(tmp):
        tmp.write_text("half")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        fileio.write_atomic(path, fail)
    assert path.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_text_and_several_texts(tmp_path):
    assert fileio.write_text_atomic(tmp_path / "a.txt", "a\n").read_text() == "a\n"
    paths = fileio.write_texts_atomic({tmp_path / "b.txt": "b", tmp_path / "c.txt": "c"})
    assert [p.read_text() for p in paths] == ["b", "c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "c.txt"]


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(UserError, match="does not exist"):
        fileio.write_text_atomic(tmp_path / "nope" / "a.txt", "a")


def test_wav_writers_go_through_it(tmp_path):
    x = np.linspace(-1, 1, 1000)
    audio.write_wav(tmp_path / "a.wav", x, sr=8000)
    with wave.open(str(tmp_path / "a.wav")) as w:
        assert (w.getframerate(), w.getnframes(), w.getsampwidth()) == (8000, 1000, 2)
    with pytest.raises(UserError):
        audio.write_wav(tmp_path / "nope" / "a.wav", x)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wav"]
