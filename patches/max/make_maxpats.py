#!/usr/bin/env python3
"""Writes the Max patches of this folder (`python patches/max/make_maxpats.py`).

The .maxpat files are generated so that every box's inlet and outlet counts come from one table
(OBJECTS below) and every patch cord is checked against them before anything is written. The
files are committed; tests/test_max_patches.py checks them and that this script reproduces them.

  brave.forward.maxpat   test sound or live input -> [nn~ MODEL forward BUFFER] -> dry/wet, gain, dac~
  brave.latent.maxpat    [nn~ MODEL encode] -> offset and scale for 8 latent dimensions -> [nn~ MODEL decode]
  brave.latency.maxpat   noise / sine bursts through [nn~ MODEL forward BUFFER]; onsets in input and
                         output found to the sample; per trial and summary (mean, jitter, min, max)
  brave.onset~.maxpat    the onset detector both sides of the latency patch use (an abstraction)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODEL = "brave.ts"   # the exported model; must be next to the patch or in Max's search path
BUFFER = 0           # nn~'s BUFFER argument: 0 = no worker thread, buffer = the model's ratio
LATENT_DIMS = 8      # latent dimensions the latent patch exposes (a BRAVE export keeps >= 8)
TRIALS = 32          # latency patch: trials per run
PERIOD_MS = 1500     # latency patch: one burst every PERIOD_MS
READ_MS = 1000       # latency patch: onsets are read READ_MS after each burst starts

S = "signal"

# first word of a newobj's text -> (number of inlets, outlet types), given the object's arguments
def _trigger(args):
    kinds = {"b": "bang", "f": "float", "i": "int", "l": "", "s": ""}
    return 1, [kinds.get(a, "") for a in args]


def _channels(args, default=2):
    return len(args) if args else default


def _expr_inlets(args):
    idx = [int(n) for n in re.findall(r"\$[fis](\d+)", " ".join(args))]
    return max(idx, default=1)


OBJECTS = {
    # control
    "loadbang": lambda a: (1, ["bang"]),
    "loadmess": lambda a: (1, [""]),
    "metro": lambda a: (2, ["bang"]),
    "delay": lambda a: (2, ["bang"]),
    "t": _trigger,
    "trigger": _trigger,
    "i": lambda a: (2, ["int"]),
    "f": lambda a: (2, ["float"]),
    "+": lambda a: (2, ["float" if a and "." in a[0] else "int"]),
    "sel": lambda a: (2 if len(a) == 1 else 1, ["bang"] * len(a) + [""]),
    "random": lambda a: (2, ["int"]),
    "mtof": lambda a: (1, [""]),
    "dbtoa": lambda a: (1, [""]),
    "expr": lambda a: (_expr_inlets(a), [""]),
    "vexpr": lambda a: (_expr_inlets(a), [""]),
    "split": lambda a: (3, ["float", "float"]),
    "zl": lambda a: (2, ["", ""]),
    "mean": lambda a: (1, ["float", "int"]),
    "minimum": lambda a: (2, ["float", "int"]),
    "maximum": lambda a: (2, ["float", "int"]),
    "pack": lambda a: (len(a), [""]),
    "print": lambda a: (1, []),
    # signal
    "nn~": None,  # counts from the method: see nn_box
    "adc~": lambda a: (1, [S] * _channels(a, 2)),
    "dac~": lambda a: (_channels(a, 2), []),
    "noise~": lambda a: (1, [S]),
    "cycle~": lambda a: (2, [S]),
    "line~": lambda a: (2, [S, "bang"]),
    "sig~": lambda a: (1, [S]),
    "*~": lambda a: (2, [S]),
    "+~": lambda a: (2, [S]),
    "-~": lambda a: (2, [S]),
    ">~": lambda a: (2, [S]),
    "<~": lambda a: (2, [S]),
    "abs~": lambda a: (1, [S]),
    "onepole~": lambda a: (2, [S]),
    "slide~": lambda a: (3, [S]),
    "atodb~": lambda a: (1, [S]),
    "selector~": lambda a: (int(a[0]) + 1, [S]),
    "count~": lambda a: (2, [S]),
    "sah~": lambda a: (2, [S]),
    "snapshot~": lambda a: (2, ["float"]),
    "send~": lambda a: (1, []),
    "receive~": lambda a: (1, [S]),
    "dspstate~": lambda a: (1, ["int", "float", "int", "int"]),
    # this folder's abstraction: audio, sample clock, arm (trial start sample), report (bang)
    "brave.onset~": lambda a: (4, [""]),
}

# user-interface boxes: maxclass -> (number of inlets, outlet types)
UI = {
    "toggle": (1, ["int"]),
    "button": (1, ["bang"]),
    "flonum": (1, ["", "bang"]),
    "number": (1, ["", "bang"]),
    "ezdac~": (2, []),
    "ezadc~": (1, [S, S]),
    "message": (2, [""]),
    "comment": (1, []),
    "inlet": (0, [""]),
    "outlet": (1, []),
}

# nn~ in Max: one signal inlet per input channel of the method, one signal outlet per output channel
NN_METHODS = {"forward": (1, 1), "encode": (1, LATENT_DIMS), "decode": (LATENT_DIMS, 1)}


class Patcher:
    def __init__(self, rect=(80.0, 80.0, 1100.0, 760.0)):
        self.rect = list(rect)
        self.boxes: list[dict] = []
        self.lines: list[dict] = []
        self._n = 0

    def _add(self, box: dict) -> str:
        self._n += 1
        box["id"] = f"obj-{self._n}"
        self.boxes.append({"box": box})
        return box["id"]

    @staticmethod
    def _rect(x, y, w, h):
        return [float(x), float(y), float(w), float(h)]

    def obj(self, text: str, x, y, w=None) -> str:
        name, *args = text.split()
        if name == "nn~":
            return self.nn_box(text, x, y, w)
        nin, outs = OBJECTS[name](args)
        box = {"maxclass": "newobj", "text": text, "numinlets": nin, "numoutlets": len(outs),
               "patching_rect": self._rect(x, y, w or max(40, 7 * len(text) + 14), 22)}
        if outs:
            box["outlettype"] = outs
        return self._add(box)

    def nn_box(self, text, x, y, w=None) -> str:
        _, _model, method, *_ = text.split() + ["forward"]
        nin, nout = NN_METHODS[method]
        box = {"maxclass": "newobj", "text": text, "numinlets": nin, "numoutlets": nout,
               "outlettype": [S] * nout, "patching_rect": self._rect(x, y, w or max(160, 24 * max(nin, nout)), 22)}
        return self._add(box)

    def ui(self, maxclass: str, x, y, w=None, h=None, **attrs) -> str:
        nin, outs = UI[maxclass]
        size = {"toggle": (24, 24), "button": (24, 24), "ezdac~": (45, 45), "ezadc~": (45, 45)}.get(
            maxclass, (50, 22))
        box = {"maxclass": maxclass, "numinlets": nin, "numoutlets": len(outs),
               "patching_rect": self._rect(x, y, w or size[0], h or size[1])}
        if outs:
            box["outlettype"] = outs
        if maxclass in ("toggle", "button", "flonum", "number"):
            box["parameter_enable"] = 0
        box.update(attrs)
        return self._add(box)

    def msg(self, text, x, y, w=None) -> str:
        return self.ui("message", x, y, w or max(40, 7 * len(text) + 14), text=text)

    def comment(self, text, x, y, w=300, lines=1) -> str:
        return self.ui("comment", x, y, w, 20 * lines, text=text, **({"linecount": lines} if lines > 1 else {}))

    def inlet(self, x, y, index, comment="") -> str:
        return self.ui("inlet", x, y, 30, 30, index=index, comment=comment)

    def outlet(self, x, y, index, comment="") -> str:
        return self.ui("outlet", x, y, 30, 30, index=index, comment=comment)

    def connect(self, src: str, outlet: int, dst: str, inlet: int, order: int | None = None) -> None:
        by_id = {b["box"]["id"]: b["box"] for b in self.boxes}
        s, d = by_id[src], by_id[dst]
        if not 0 <= outlet < s["numoutlets"]:
            raise ValueError(f"{s.get('text', s['maxclass'])} has no outlet {outlet}")
        if not 0 <= inlet < d["numinlets"]:
            raise ValueError(f"{d.get('text', d['maxclass'])} has no inlet {inlet}")
        line = {"source": [src, outlet], "destination": [dst, inlet]}
        if order is not None:
            line["order"] = order
        self.lines.append({"patchline": line})

    def patcher(self, description="") -> dict:
        return {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 5, "revision": 5, "architecture": "x64", "modernui": 1},
            "classnamespace": "box",
            "rect": self.rect,
            "bglocked": 0,
            "openinpresentation": 0,
            "default_fontsize": 12.0,
            "default_fontface": 0,
            "default_fontname": "Arial",
            "gridonopen": 1,
            "gridsize": [15.0, 15.0],
            "gridsnaponopen": 1,
            "objectsnaponopen": 1,
            "statusbarvisible": 2,
            "toolbarvisible": 1,
            "boxanimatetime": 200,
            "enablehscroll": 1,
            "enablevscroll": 1,
            "devicewidth": 0.0,
            "description": description,
            "digest": "",
            "tags": "",
            "style": "",
            "subpatcher_template": "",
            "assistshowspatchername": 0,
            "boxes": self.boxes,
            "lines": self.lines,
        }

    def document(self, description="") -> dict:
        return {"patcher": self.patcher(description)}


# ------------------------------------------------------------------------------------ patches

def _output_stage(p: Patcher, dry: str, wet: str, x, y) -> None:
    """dry/wet (0..1), output gain (dB), ezdac~."""
    p.comment("dry/wet 0..1", x, y, 90)
    mix = p.ui("flonum", x, y + 20, minimum=0.0, maximum=1.0)
    p.connect(p.obj("loadmess 1.", x, y - 10 - 12), 0, mix, 0)
    t = p.obj("t f f", x, y + 50)
    inv = p.obj("expr 1. - $f1", x + 70, y + 80)
    p.connect(mix, 0, t, 0)
    wet_gain = p.obj("*~ 0.", x - 160, y + 110)
    dry_gain = p.obj("*~ 0.", x - 60, y + 110)
    p.connect(wet, 0, wet_gain, 0)
    p.connect(dry, 0, dry_gain, 0)
    p.connect(t, 1, wet_gain, 1)
    p.connect(t, 0, inv, 0)
    p.connect(inv, 0, dry_gain, 1)
    summed = p.obj("+~", x - 160, y + 150)
    p.connect(wet_gain, 0, summed, 0)
    p.connect(dry_gain, 0, summed, 1)
    p.comment("output gain (dB)", x + 120, y, 110)
    gain_db = p.ui("flonum", x + 120, y + 20, minimum=-70.0, maximum=12.0)
    p.connect(p.obj("loadmess -6.", x + 120, y - 22), 0, gain_db, 0)
    lin = p.obj("dbtoa", x + 120, y + 50)
    p.connect(gain_db, 0, lin, 0)
    out = p.obj("*~ 0.5", x - 160, y + 190)
    p.connect(summed, 0, out, 0)
    p.connect(lin, 0, out, 1)
    dac = p.ui("ezdac~", x - 160, y + 230)
    p.connect(out, 0, dac, 0)
    p.connect(out, 0, dac, 1)


def _test_sound(p: Patcher, x, y) -> str:
    """Synthesized plucks and noise hits (no file, no microphone) or live input; returns the source."""
    p.comment("source: 1 = built-in plucks and hits, 2 = live input (adc~ 1)", x, y, 360)
    one, two = p.msg("1", x, y + 22), p.msg("2", x + 40, y + 22)
    p.comment("test sound on/off", x + 200, y + 22, 120)
    on = p.ui("toggle", x + 320, y + 22)
    p.connect(p.obj("loadmess 1", x + 360, y + 22), 0, on, 0)  # sounding as soon as audio is on
    metro = p.obj("metro 250", x + 200, y + 60)
    p.connect(on, 0, metro, 0)
    trig = p.obj("t b b b", x + 200, y + 92)
    p.connect(metro, 0, trig, 0)
    note = p.obj("random 24", x + 200, y + 124)
    pitch = p.obj("+ 48", x + 200, y + 154)
    hz = p.obj("mtof", x + 200, y + 184)
    p.connect(trig, 2, note, 0)
    p.connect(note, 0, pitch, 0)
    p.connect(pitch, 0, hz, 0)
    osc = p.obj("cycle~", x + 200, y + 214)
    p.connect(hz, 0, osc, 0)
    env = p.obj("line~", x + 330, y + 184)
    pluck_msg = p.msg("1, 0 180", x + 330, y + 124)
    p.connect(trig, 1, pluck_msg, 0)
    p.connect(pluck_msg, 0, env, 0)
    env2 = p.obj("*~", x + 330, y + 214)  # squared envelope: a steeper, pluck-like decay
    p.connect(env, 0, env2, 0)
    p.connect(env, 0, env2, 1)
    pluck = p.obj("*~", x + 200, y + 246)
    p.connect(osc, 0, pluck, 0)
    p.connect(env2, 0, pluck, 1)
    # every fourth note a noise hit instead
    hit_env = p.obj("line~", x + 470, y + 184)
    hit_pick = p.obj("random 4", x + 470, y + 92)
    p.connect(trig, 0, hit_pick, 0)
    hit_sel = p.obj("sel 0", x + 470, y + 124)
    p.connect(hit_pick, 0, hit_sel, 0)
    hit_msg = p.msg("0.8, 0 60", x + 470, y + 154)
    p.connect(hit_sel, 0, hit_msg, 0)
    p.connect(hit_msg, 0, hit_env, 0)
    noise = p.obj("noise~", x + 560, y + 184)
    hit = p.obj("*~", x + 470, y + 246)
    p.connect(noise, 0, hit, 0)
    p.connect(hit_env, 0, hit, 1)
    mix = p.obj("+~", x + 200, y + 280)
    p.connect(pluck, 0, mix, 0)
    p.connect(hit, 0, mix, 1)
    level = p.obj("*~ 0.5", x + 200, y + 310)
    p.connect(mix, 0, level, 0)
    adc = p.obj("adc~ 1", x + 90, y + 280)
    sel = p.obj("selector~ 2 1", x, y + 350)
    p.connect(one, 0, sel, 0)
    p.connect(two, 0, sel, 0)
    p.connect(level, 0, sel, 1)
    p.connect(adc, 0, sel, 2)
    return sel


def _enable(p: Patcher, x, y, targets: list[str]) -> None:
    p.comment("model on/off (nn~ enable)", x + 30, y, 170)
    tog = p.ui("toggle", x, y)
    p.connect(p.obj("loadmess 1", x, y - 30), 0, tog, 0)
    en = p.msg("enable $1", x, y + 32)
    p.connect(tog, 0, en, 0)
    for t in targets:
        p.connect(en, 0, t, 0)


def forward_patch() -> dict:
    p = Patcher()
    p.comment(f"brave.forward: a model's forward method in nn~. Put {MODEL} next to this patch (or edit "
              "the nn~ box), turn audio on, start the test sound.", 20, 10, 760)
    p.comment(f"[nn~ MODEL forward BUFFER]: BUFFER 0 = no worker thread, buffer = the model's ratio "
              "(least latency); `brave-export preset lowest-128 MODEL.ts` prints the settings for your model.",
              20, 30, 760)
    src = _test_sound(p, 20, 70)
    nn = p.obj(f"nn~ {MODEL} forward {BUFFER}", 20, 470)
    p.connect(src, 0, nn, 0)
    _enable(p, 260, 440, [nn])
    _output_stage(p, dry=src, wet=nn, x=420, y=540)
    return p.document("a model's forward method with test sound, dry/wet and gain")


def latent_patch() -> dict:
    p = Patcher(rect=(80.0, 80.0, 1300.0, 820.0))
    p.comment(f"brave.latent: [nn~ {MODEL} encode] -> per-dimension scale and offset -> "
              f"[nn~ {MODEL} decode]. The first {LATENT_DIMS} latent dimensions are exposed.", 20, 10, 900)
    src = _test_sound(p, 20, 50)
    enc = p.obj(f"nn~ {MODEL} encode {BUFFER}", 20, 450, 560)
    dec = p.obj(f"nn~ {MODEL} decode {BUFFER}", 20, 700, 560)
    p.connect(src, 0, enc, 0)
    scale_boxes = []
    for d in range(LATENT_DIMS):
        x = 20 + 70 * d
        p.comment(f"z{d}", x, 480, 40)
        scale_box = p.ui("flonum", x, 500, 60)
        scale_boxes.append(scale_box)
        scale = p.obj("*~ 1.", x, 560, 60)
        offset = p.obj("+~ 0.", x, 630, 60)
        offset_box = p.ui("flonum", x, 600, 60)
        p.connect(enc, d, scale, 0)
        p.connect(scale_box, 0, scale, 1)
        p.connect(scale, 0, offset, 0)
        p.connect(offset_box, 0, offset, 1)
        p.connect(offset, 0, dec, d)
    p.comment("row 1: scale (1 = unchanged), row 2: offset (0 = unchanged); set scale 0 and move the "
              "offset to drive a dimension by hand", 600, 520, 330, lines=3)
    init = p.obj("loadbang", 600, 580)
    ones = p.msg("1.", 600, 610)
    p.connect(init, 0, ones, 0)
    for box in scale_boxes:
        p.connect(ones, 0, box, 0)
    _enable(p, 640, 420, [enc, dec])
    _output_stage(p, dry=src, wet=dec, x=820, y=660)
    return p.document("encode -> per-dimension offset and scale -> decode")


def onset_abstraction() -> dict:
    """brave.onset~: envelope-difference onset detector with a sample-accurate, once-per-trial latch.

    inlet 1: audio; inlet 2: sample clock (count~); inlet 3: arm with the trial's start sample;
    inlet 4: bang -> outlet 1: sample of the first onset since the last arm (or an older one if
    none was found: the caller checks it against the start sample).
    Detector (the one of `brave-export latency`, with a first-order high-pass where that has a
    second-order one, and without its backtracking): high-pass (x - onepole~ 40 Hz), rectify,
    fast (1 ms) and slow (30 ms) one-pole followers (slide~ in samples at 44.1 kHz), in dB; onset
    where fast - slow >= 9 dB and fast >= -60 dBFS.
    """
    p = Patcher(rect=(100.0, 100.0, 760.0, 620.0))
    audio = p.inlet(20, 20, 1, "audio to analyse")
    clock = p.inlet(380, 20, 2, "sample clock (count~)")
    arm = p.inlet(520, 20, 3, "arm: the trial's start sample")
    report = p.inlet(660, 20, 4, "bang: report the onset")
    lp = p.obj("onepole~ 40.", 120, 70)
    hp = p.obj("-~", 20, 110)
    p.connect(audio, 0, lp, 0)
    p.connect(audio, 0, hp, 0)
    p.connect(lp, 0, hp, 1)
    rect = p.obj("abs~", 20, 140)
    p.connect(hp, 0, rect, 0)
    fast = p.obj("slide~ 44. 44.", 20, 175)
    slow = p.obj("slide~ 1323. 1323.", 160, 175)
    p.connect(rect, 0, fast, 0)
    p.connect(rect, 0, slow, 0)
    fdb, sdb = p.obj("atodb~", 20, 210), p.obj("atodb~", 160, 210)
    p.connect(fast, 0, fdb, 0)
    p.connect(slow, 0, sdb, 0)
    diff = p.obj("-~", 20, 245)
    p.connect(fdb, 0, diff, 0)
    p.connect(sdb, 0, diff, 1)
    over = p.obj(">~ 9.", 20, 280)
    loud = p.obj(">~ -60.", 160, 280)
    p.connect(diff, 0, over, 0)
    p.connect(fdb, 0, loud, 0)
    trig = p.obj("*~", 20, 315)
    p.connect(over, 0, trig, 0)
    p.connect(loud, 0, trig, 1)
    # latch: only while the held sample is older than the trial's start (armed) may sah~ take a new one
    armed = p.obj("<~ 0.", 260, 315)
    gate = p.obj("*~", 20, 350)
    p.connect(trig, 0, gate, 0)
    p.connect(armed, 0, gate, 1)
    sah = p.obj("sah~ 0.5", 380, 390)
    p.connect(clock, 0, sah, 0)
    p.connect(gate, 0, sah, 1)
    send = p.obj("send~ #0_held", 520, 430)
    recv = p.obj("receive~ #0_held", 260, 270)
    p.connect(sah, 0, send, 0)
    p.connect(recv, 0, armed, 0)
    p.connect(arm, 0, armed, 1)
    snap = p.obj("snapshot~", 380, 470)
    p.connect(sah, 0, snap, 0)
    p.connect(report, 0, snap, 0)
    out = p.outlet(380, 520, 1, "onset sample")
    p.connect(snap, 0, out, 0)
    p.comment("send~/receive~ close the latch loop with one signal vector of delay (MSP forbids direct "
              "signal feedback); the detector keeps the trigger high far longer than that.", 20, 560, 700,
              lines=2)
    return p.document("onset detector: envelope difference, sample-accurate, first onset per arm")


def latency_patch() -> dict:
    p = Patcher(rect=(60.0, 60.0, 1250.0, 860.0))
    p.comment(f"brave.latency: sends test bursts through [nn~ {MODEL} forward {BUFFER}], finds the onset "
              "in input and output to the sample (brave.onset~) and reports each trial and the summary in "
              "the Max window (samples and ms).", 20, 10, 1000)
    p.comment(f"Turn audio on, then the toggle: {TRIALS} trials, one every {PERIOD_MS} ms. Compare with "
              "`brave-export preset NAME MODEL.ts` and `brave-export latency MODEL.ts`.", 20, 30, 1000)
    init = p.obj("loadbang", 20, 60)
    boot = p.obj("t b b", 20, 90)
    p.connect(init, 0, boot, 0)
    clock = p.obj("count~", 20, 130)
    sr = p.obj("dspstate~", 140, 130)
    p.connect(boot, 1, clock, 0)   # start the sample clock
    p.connect(boot, 0, sr, 0)      # report the sampling rate
    dac = p.ui("ezdac~", 980, 60)

    # run control and the trial clock
    p.comment("run", 300, 60, 40)
    run = p.ui("toggle", 300, 80)
    run_order = p.obj("t i i", 340, 80)   # reset first, then start the metro
    p.connect(run, 0, run_order, 0)
    metro = p.obj(f"metro {PERIOD_MS}", 300, 120)
    p.connect(run_order, 0, metro, 0)
    start = p.obj("sel 1", 380, 120)
    p.connect(run_order, 1, start, 0)
    tick = p.obj("t b b b", 300, 155)
    p.connect(metro, 0, tick, 0)
    # 1st: arm both detectors with the trial's start sample
    t0 = p.obj("snapshot~", 450, 190)
    p.connect(clock, 0, t0, 0)
    p.connect(tick, 2, t0, 0)
    # 2nd: the burst: noise or a stack of four log-spaced sines, squared linear decay over 200 ms
    env = p.obj("line~", 300, 260)
    burst_msg = p.msg("1, 0 200", 300, 225)
    p.connect(tick, 1, burst_msg, 0)
    p.connect(burst_msg, 0, env, 0)
    env2 = p.obj("*~", 300, 295)
    p.connect(env, 0, env2, 0)
    p.connect(env, 0, env2, 1)
    p.comment("burst: 1 = noise, 2 = sines", 20, 190, 200)
    kind1, kind2 = p.msg("1", 20, 215), p.msg("2", 60, 215)
    noise = p.obj("noise~", 20, 255)
    sines = []
    for i, hz in enumerate((100, 400, 1600, 6400)):
        sines.append(p.obj(f"cycle~ {hz}", 100 + 60 * i, 255, 58))
    s01, s23 = p.obj("+~", 100, 290), p.obj("+~", 220, 290)
    p.connect(sines[0], 0, s01, 0)
    p.connect(sines[1], 0, s01, 1)
    p.connect(sines[2], 0, s23, 0)
    p.connect(sines[3], 0, s23, 1)
    stack = p.obj("+~", 100, 320)
    p.connect(s01, 0, stack, 0)
    p.connect(s23, 0, stack, 1)
    stack_level = p.obj("*~ 0.25", 100, 350)
    p.connect(stack, 0, stack_level, 0)
    kind = p.obj("selector~ 2 1", 20, 390)
    p.connect(kind1, 0, kind, 0)
    p.connect(kind2, 0, kind, 0)
    p.connect(noise, 0, kind, 1)
    p.connect(stack_level, 0, kind, 2)
    burst = p.obj("*~", 20, 425)
    p.connect(kind, 0, burst, 0)
    p.connect(env2, 0, burst, 1)
    level = p.obj("*~ 0.5", 20, 460)
    p.connect(burst, 0, level, 0)

    # the object under test
    nn = p.obj(f"nn~ {MODEL} forward {BUFFER}", 300, 500)
    p.connect(level, 0, nn, 0)
    det_in = p.obj("brave.onset~", 20, 560, 150)
    det_out = p.obj("brave.onset~", 300, 560, 150)
    for det, sig in ((det_in, level), (det_out, nn)):
        p.connect(sig, 0, det, 0)
        p.connect(clock, 0, det, 1)
        p.connect(t0, 0, det, 2)

    # 3rd: READ_MS later read the onsets, input first (cold inlet), then output (hot), then count
    wait = p.obj(f"delay {READ_MS}", 560, 190)
    p.connect(tick, 0, wait, 0)
    read = p.obj("t b b b", 560, 225)
    p.connect(wait, 0, read, 0)
    p.connect(read, 2, det_in, 3)
    p.connect(read, 1, det_out, 3)
    # latency = out - in when the output onset belongs to this trial (>= its start), else -1
    lat = p.obj("expr ($f1 >= $f3) * ($f1 - $f2 + 1) - 1", 300, 610, 260)
    p.connect(t0, 0, lat, 2)
    p.connect(det_in, 0, lat, 1)
    p.connect(det_out, 0, lat, 0)
    valid = p.obj("split 0. 10000000.", 300, 645)
    p.connect(lat, 0, valid, 0)

    # per trial: samples and ms (ms into the cold inlet first), then into the collection
    per_trial = p.obj("t f f f", 300, 680)
    p.connect(valid, 0, per_trial, 0)
    to_ms = p.obj("expr $f1 * 1000. / $f2", 420, 715, 150)
    p.connect(per_trial, 2, to_ms, 0)
    p.connect(sr, 1, to_ms, 1)
    row = p.obj("pack 0. 0.", 420, 750)
    p.connect(per_trial, 1, row, 0)
    p.connect(to_ms, 0, row, 1)
    p.connect(row, 0, p.obj("print latency-trial-samples-ms", 420, 785), 0)
    p.connect(valid, 1, p.obj("print latency-missed", 560, 680), 0)

    # collect, count trials, stop after TRIALS
    collect = p.obj("zl group 256", 300, 785)  # up to 256 trials (zl's default list size)
    p.connect(per_trial, 0, collect, 0)
    count = p.obj("i", 700, 260)
    inc = p.obj("+ 1", 700, 290)
    p.connect(read, 0, count, 0)
    p.connect(count, 0, inc, 0)
    p.connect(inc, 0, count, 1)
    p.comment("trials done", 760, 320, 80)
    shown = p.ui("number", 700, 320)
    p.connect(inc, 0, shown, 0)
    done = p.obj(f"sel {TRIALS}", 700, 355)
    p.connect(inc, 0, done, 0)
    finish = p.obj("t b b", 700, 390)
    p.connect(done, 0, finish, 0)
    stop = p.msg("0", 840, 390)
    p.connect(finish, 1, stop, 0)
    p.connect(stop, 0, run, 0)
    p.connect(finish, 0, collect, 0)  # the last trial is collected by now: out goes the list
    # reset on start: trial count 0, empty the collection
    reset = p.obj("t b b b", 380, 155)
    p.connect(start, 0, reset, 0)
    zero = p.msg("0", 460, 120)
    p.connect(reset, 2, zero, 0)
    p.connect(zero, 0, count, 1)
    clear = p.msg("zlclear", 460, 155)
    p.connect(reset, 1, clear, 0)
    p.connect(clear, 0, collect, 0)
    clear_means = p.msg("clear", 540, 155)
    p.connect(reset, 0, clear_means, 0)

    # statistics over the collected latencies (samples): mean, jitter (std), min, max; the
    # trigger fires right to left, so the jitter (hot inlet of the summary) comes last
    stats = p.obj("t l l l l", 700, 480)
    p.connect(collect, 0, stats, 0)
    mean = p.obj("mean", 980, 520)
    p.connect(stats, 3, mean, 0)
    square = p.obj("vexpr $f1 * $f1", 840, 520)
    p.connect(stats, 2, square, 0)
    mean_sq = p.obj("mean", 840, 555)
    p.connect(square, 0, mean_sq, 0)
    p.connect(clear_means, 0, mean, 0)
    p.connect(clear_means, 0, mean_sq, 0)
    std = p.obj("expr sqrt(abs($f1 - $f2 * $f2))", 840, 590, 200)
    p.connect(mean, 0, std, 1)
    p.connect(mean_sq, 0, std, 0)
    lo = p.obj("minimum 0.", 760, 520)
    hi = p.obj("maximum 0.", 700, 520)
    p.connect(stats, 1, lo, 0)
    p.connect(stats, 0, hi, 0)
    summary = p.obj("pack 0. 0. 0. 0.", 700, 640, 200)
    p.connect(std, 0, summary, 0)
    p.connect(mean, 0, summary, 1)
    p.connect(lo, 0, summary, 2)
    p.connect(hi, 0, summary, 3)
    p.connect(summary, 0, p.obj("print latency-summary-samples-jitter-mean-min-max", 700, 675, 320), 0)
    for i, (label, src) in enumerate((("mean", mean), ("jitter", std), ("min", lo), ("max", hi))):
        x = 700 + 130 * i
        p.comment(f"{label} (smp / ms)", x, 715, 120)
        p.connect(src, 0, p.ui("flonum", x, 735, 60), 0)
        ms = p.obj("expr $f1 * 1000. / $f2", x, 765, 125)
        p.connect(src, 0, ms, 0)
        p.connect(sr, 1, ms, 1)
        p.connect(ms, 0, p.ui("flonum", x, 795, 60), 0)
    monitor = p.obj("*~ 0.5", 980, 500)
    p.connect(nn, 0, monitor, 0)
    p.connect(monitor, 0, dac, 0)
    p.connect(monitor, 0, dac, 1)
    return p.document("latency measurement of nn~ with test bursts")


PATCHES = {
    "brave.forward.maxpat": forward_patch,
    "brave.latent.maxpat": latent_patch,
    "brave.latency.maxpat": latency_patch,
    "brave.onset~.maxpat": onset_abstraction,
}


def render(doc: dict) -> str:
    return json.dumps(doc, indent="\t") + "\n"


def main(out_dir: Path = HERE) -> list[Path]:
    written = []
    for name, make in PATCHES.items():
        path = Path(out_dir) / name
        path.write_text(render(make()))
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
