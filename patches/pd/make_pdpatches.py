#!/usr/bin/env python3
"""Writes the Pd patches of this folder (`.venv/bin/python patches/pd/make_pdpatches.py`).

The .pd files are generated so that object numbers and connections are computed, not typed;
they are committed, and tests/test_patches.py checks that this script reproduces them.

What users open (each takes MODEL and BUFFER as creation arguments when used as an abstraction,
e.g. [forward-brave brave.ts 128], or a `model FILE [BUFFER]` message when opened directly):

  forward-brave.pd  forward-nn.pd    test sound or live input -> [OBJ MODEL forward BUFFER] ->
                                     on/off, dry/wet (dry delayed by `delay N` samples), output
                                     gain -> dac~ (and an outlet~)
  latent-brave.pd   latent-nn.pd     [OBJ MODEL encode] -> per-dimension scale and offset (sliders
                                     for the first 8 dimensions, messages for all) -> [OBJ MODEL decode]
  latency-brave.pd  latency-nn.pd    test bursts through [OBJ MODEL forward BUFFER]; input and output
                                     recorded, onsets found to the sample, per-trial and summary
                                     figures (mean, min, max, std = jitter) printed and written to a
                                     text file; `quit 1` makes it quit when done (headless runs)

OBJ is brave~ or nn~: the two variants differ only in that word, given to the shared
abstractions (bx-*.pd) that do the work:

  bx-forward / bx-latent / bx-latency   the three panels (graph-on-parent GUIs)
  bx-controls     DSP, model on/off, source, dry/wet, gain, model file, buffer (GUI -> messages)
  bx-source~      the built-in test sound (bx-plucks~: plucks and drums) or live input
  bx-mix~         on/off, dry/wet (the dry path's delay line) and output gain
  bx-host~        creates [OBJ MODEL METHOD BUFFER] (re-created on `model` / `buffer`)
  bx-latent~      creates the encode -> bx-dim~ x N -> decode chain for the model's N dimensions
  bx-dim~         scale and offset of one latent dimension
  bx-burst~       the latency test burst (sample-accurate start)
  bx-onset        finds the first sample of an onset in an array
  bx-measure      the latency trials: recording, onsets, statistics, console, text file, quit
  bx-args         the variant's creation arguments -> `model PATH BUFFER` (relative paths are
                  relative to the patch the variant sits in)

Both objects are created by messages to a subpatch, so one abstraction serves nn~ and brave~,
the model can be changed while the patch runs (nn~ cannot `load` outside multichannel mode), and
nn~ is never created without a model file. Only nn~'s real creation arguments
([nn~ MODEL METHOD BUFFER]) and messages (`enable`, `bang`, and whatever the user sends on) reach
the nn~ object; brave~-only messages (reset, latency, stats) appear only in the brave~ variants.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from brave_export.pdrun import Canvas  # noqa: E402

LATENT_GUI_DIMS = 8        # sliders for the first 8 latent dimensions
TRIALS = 10                # latency patch defaults
LENGTH_MS = 500            # recording per trial
GAP_MS = 50                # pause between trials
THRESHOLD = 0.2            # onset: first sample >= THRESHOLD x the peak after the search start
FLOOR_FACTOR = 2           # ... and >= FLOOR_FACTOR x the largest sample before it
MAX_SPREAD = 4096          # bursts start 20 ms + 0..MAX_SPREAD-1 samples into each recording
DRY_DELAY_MS = 6000        # length of the players' dry delay line, ms (bx-mix~ `delay N` takes samples)
HOSTS = {"brave": "brave~", "nn": "nn~"}  # host name -> the object each variant runs

# The selectors our abstractions handle themselves; any other message sent to a panel goes on
# to the model object (tests/test_patches.py checks the nn~ variants against nn~'s messages).
PANEL_SELECTORS = ["source", "wet", "gain", "on", "delay"]
HOST_SELECTORS = ["model", "buffer", "unload"]
LATENT_SELECTORS = ["model", "buffer", "unload", "dim"]
MEASURE_SELECTORS = ["run", "trials", "length", "gap", "seed", "threshold", "file", "quit", "block"]


class Flow:
    """Places objects top to bottom in columns: readable files without typing coordinates."""

    def __init__(self, canvas: Canvas, x: int = 10, y: int = 10, dx: int = 190, dy: int = 28):
        self.c, self.x0, self.y0, self.dx, self.dy = canvas, x, y, dx, dy
        self.x, self.y = x, y

    def col(self, x: int | None = None, y: int | None = None):
        self.x = self.x + self.dx if x is None else x
        self.y = self.y0 if y is None else y
        return self

    def _next(self):
        pos = (self.x, self.y)
        self.y += self.dy
        return pos

    def obj(self, text):
        return self.c.obj(text, *self._next())

    def msg(self, text):
        return self.c.msg(text, *self._next())

    def comment(self, text, width=None):
        return self.c.comment(text, *self._next(), width=width)


# ------------------------------------------------------------------------------ test sound

def plucks() -> Canvas:
    c = Canvas(size=(760, 560))
    f = Flow(c)
    f.comment("bx-plucks~: the built-in test sound - plucked notes, kick, snare and hats at 120 bpm "
              "(16 steps of 125 ms). Inlet: 1 plays, 0 stops.", width=90)
    f.y += 20
    inl = f.obj("inlet")
    metro = f.obj("metro 125")
    step = f.obj("f")
    inc = f.obj("+ 1")
    mod = f.obj("mod 16")
    c.chain(inl, metro, step, inc, mod)
    c.connect(mod, 0, step, 1)
    t = f.obj("t f f f f")
    c.connect(step, 0, t, 0)
    out = f.obj("*~ 0.22")
    outlet = f.obj("outlet~")
    c.connect(out, 0, outlet, 0)
    lb = f.obj("loadbang")
    seed = f.msg("seed 7")
    c.chain(lb, seed)

    # plucks: a sawtooth through a decaying envelope and a low-pass, pitches from a pentatonic scale
    f.col(210, 50)
    sel = f.obj("sel 0 3 5 8 10 13")
    c.connect(t, 0, sel, 0)
    rnd = f.obj("random 8")
    c.connect(seed, 0, rnd, 0)
    for k in range(6):
        c.connect(sel, k, rnd, 0)
    get = f.msg("get $1 1")
    scale = f.obj("list store 0 2 4 7 9 12 14 16")
    note = f.obj("+ 45")
    mtof = f.obj("mtof")
    c.chain(rnd, get, scale, note, mtof)
    tp = f.obj("t b f")
    c.connect(mtof, 0, tp, 0)
    env = f.msg("1, 0 500")
    c.connect(tp, 0, env, 0)
    vl = f.obj("vline~")
    c.connect(env, 0, vl, 0)
    sq = f.obj("*~")
    c.connect(vl, 0, sq, 0)
    c.connect(vl, 0, sq, 1)
    saw = f.obj("phasor~")
    c.connect(tp, 1, saw, 0)
    cen = f.obj("-~ 0.5")
    c.connect(saw, 0, cen, 0)
    amp = f.obj("*~")
    c.connect(cen, 0, amp, 0)
    c.connect(sq, 0, amp, 1)
    lop = f.obj("lop~ 2500")
    c.chain(amp, lop, out)

    # kick: a sine gliding down from 160 Hz
    f.col(420, 50)
    ksel = f.obj("sel 0 6 8 11")
    c.connect(t, 3, ksel, 0)
    kt = f.obj("t b b")
    for k in range(4):
        c.connect(ksel, k, kt, 0)
    kf = f.msg("160, 45 90")
    c.connect(kt, 0, kf, 0)
    kfl = f.obj("vline~")
    kosc = f.obj("osc~")
    c.chain(kf, kfl, kosc)
    ke = f.msg("1, 0 300")
    c.connect(kt, 1, ke, 0)
    kel = f.obj("vline~")
    c.connect(ke, 0, kel, 0)
    ksq = f.obj("*~")
    c.connect(kel, 0, ksq, 0)
    c.connect(kel, 0, ksq, 1)
    kamp = f.obj("*~")
    c.connect(kosc, 0, kamp, 0)
    c.connect(ksq, 0, kamp, 1)
    c.connect(kamp, 0, out, 0)

    # snare (band-passed noise) and hats (high-passed noise)
    f.col(590, 50)
    ssel = f.obj("sel 4 12")
    c.connect(t, 2, ssel, 0)
    se = f.msg("1, 0 160")
    c.connect(ssel, 0, se, 0)
    c.connect(ssel, 1, se, 0)
    sel_ = f.obj("vline~")
    c.connect(se, 0, sel_, 0)
    ssq = f.obj("*~")
    c.connect(sel_, 0, ssq, 0)
    c.connect(sel_, 0, ssq, 1)
    noise = f.obj("noise~")
    bp = f.obj("bp~ 1800 1")
    c.connect(noise, 0, bp, 0)
    samp = f.obj("*~ 3")
    c.connect(bp, 0, samp, 0)
    s2 = f.obj("*~")
    c.connect(samp, 0, s2, 0)
    c.connect(ssq, 0, s2, 1)
    c.connect(s2, 0, out, 0)
    hmod = f.obj("mod 2")
    c.connect(t, 1, hmod, 0)
    hsel = f.obj("sel 1")
    c.connect(hmod, 0, hsel, 0)
    he = f.msg("1, 0 45")
    c.connect(hsel, 0, he, 0)
    hel = f.obj("vline~")
    c.connect(he, 0, hel, 0)
    hsq = f.obj("*~")
    c.connect(hel, 0, hsq, 0)
    c.connect(hel, 0, hsq, 1)
    hip = f.obj("hip~ 7000")
    c.connect(noise, 0, hip, 0)
    hamp = f.obj("*~ 0.4")
    c.connect(hip, 0, hamp, 0)
    h2 = f.obj("*~")
    c.connect(hamp, 0, h2, 0)
    c.connect(hsq, 0, h2, 1)
    c.connect(h2, 0, out, 0)
    return c


def source() -> Canvas:
    c = Canvas(size=(600, 420))
    f = Flow(c)
    f.comment("bx-source~: the sound the model gets. Messages: test (built-in plucks and drums) | live "
              "(adc~ 1) | off, or 0 / 1 / 2. Starts with the test sound.", width=80)
    f.y += 20
    inl = f.obj("inlet")
    route = f.obj("route test live off")
    c.connect(inl, 0, route, 0)
    m0, m1, m2 = f.msg("0"), f.msg("1"), f.msg("2")
    for k, m in enumerate((m0, m1, m2)):
        c.connect(route, k, m, 0)
    t = f.obj("t f f")
    for m in (m0, m1, m2):
        c.connect(m, 0, t, 0)
    c.connect(route, 3, t, 0)  # a bare number
    lb = f.obj("loadbang")
    c.connect(lb, 0, m0, 0)

    f.col(220, 70)
    is_test = f.obj("== 0")
    c.connect(t, 1, is_test, 0)
    pl = f.obj("bx-plucks~")
    c.connect(is_test, 0, pl, 0)
    tg = f.obj("pack f 20")
    c.connect(is_test, 0, tg, 0)
    tl = f.obj("line~")
    c.connect(tg, 0, tl, 0)
    tm = f.obj("*~")
    c.connect(pl, 0, tm, 0)
    c.connect(tl, 0, tm, 1)
    out = f.obj("outlet~")
    c.connect(tm, 0, out, 0)

    f.col(400, 70)
    is_live = f.obj("== 1")
    c.connect(t, 0, is_live, 0)
    lg = f.obj("pack f 20")
    c.connect(is_live, 0, lg, 0)
    ll = f.obj("line~")
    c.connect(lg, 0, ll, 0)
    adc = f.obj("adc~ 1")
    lm = f.obj("*~")
    c.connect(adc, 0, lm, 0)
    c.connect(ll, 0, lm, 1)
    c.connect(lm, 0, out, 0)
    return c


def mix() -> Canvas:
    c = Canvas(size=(640, 420))
    f = Flow(c)
    f.comment("bx-mix~: out = (dry delayed x (1 - wet) + model x wet x on) x gain. Inlets: dry~, model~, "
              "messages wet 0..1 | gain DB (0 = unity) | on 0/1 | delay N (the dry path's delay in samples, "
              "to line it up with the model's output). Starts at wet 1, gain 0 dB, on, delay 0.", width=80)
    f.y += 20
    # inlets left to right: dry~, model~, messages (Pd orders inlets by x)
    dry_in = c.obj("inlet~", 10, f.y)
    wet = c.obj("inlet~", 80, f.y)
    ctl = c.obj("inlet", 150, f.y)
    f.y += f.dy
    route = f.obj("route wet on gain delay")
    c.connect(ctl, 0, route, 0)
    lb = f.obj("loadbang")
    init = f.msg("on 1, wet 1, gain 0")
    c.chain(lb, init, route)
    # the dry delay line: writer and reader in two blocked subpatches joined by a (silent) signal
    # cord, so Pd always runs the writer first and a delay of 0 is exactly 0 samples
    write = c.subpatch("drywrite", block=64, x=10, y=f.y)
    write_id = len(c._items) - 1
    w_in = write.obj("inlet~", 10, 10)
    w_line = write.obj(f"delwrite~ $0-dry {DRY_DELAY_MS}", 10, 40)
    write.connect(w_in, 0, w_line, 0)
    w_zero = write.obj("sig~ 0", 150, 10)
    w_out = write.obj("outlet~", 150, 40)
    write.connect(w_zero, 0, w_out, 0)
    f.y += f.dy
    read = c.subpatch("dryread", block=64, x=10, y=f.y)
    read_id = len(c._items) - 1
    read.obj("inlet~", 10, 10)
    r_ms = read.obj("r $0-drydelay", 100, 10)
    r_line = read.obj("delread~ $0-dry 0", 10, 40)
    r_out = read.obj("outlet~", 10, 70)
    read.connect(r_ms, 0, r_line, 0)
    read.connect(r_line, 0, r_out, 0)
    f.y += f.dy
    c.connect(dry_in, 0, write_id, 0)
    c.connect(write_id, 0, read_id, 0)
    dry = read_id
    tdel = f.obj("t f b")
    c.connect(route, 3, tdel, 0)
    sr = f.obj("samplerate~")
    c.connect(tdel, 1, sr, 0)
    to_ms = f.obj("expr max(0, $f1) * 1000 / $f2")
    c.connect(sr, 0, to_ms, 1)
    c.connect(tdel, 0, to_ms, 0)
    s_ms = f.obj("s $0-drydelay")
    c.connect(to_ms, 0, s_ms, 0)

    f.col(230, 70)
    clip = f.obj("clip 0 1")
    c.connect(route, 0, clip, 0)
    pk = f.obj("pack f f")
    c.connect(clip, 0, pk, 0)
    ton = f.obj("t b f")
    c.connect(route, 1, ton, 0)
    c.connect(ton, 1, pk, 1)
    c.connect(ton, 0, pk, 0)
    ex = f.obj("expr $f1*$f2; 1-$f1")
    c.connect(pk, 0, ex, 0)
    wp = f.obj("pack f 20")
    c.connect(ex, 0, wp, 0)
    wl = f.obj("line~")
    c.connect(wp, 0, wl, 0)
    wm = f.obj("*~")
    c.connect(wet, 0, wm, 0)
    c.connect(wl, 0, wm, 1)
    dp = f.obj("pack f 20")
    c.connect(ex, 1, dp, 0)
    dl = f.obj("line~")
    c.connect(dp, 0, dl, 0)
    dm = f.obj("*~")
    c.connect(dry, 0, dm, 0)
    c.connect(dl, 0, dm, 1)

    f.col(430, 70)
    db = f.obj("+ 100")
    c.connect(route, 2, db, 0)
    rms = f.obj("dbtorms")
    gp = f.obj("pack f 20")
    gl = f.obj("line~")
    c.chain(db, rms, gp, gl)
    gm = f.obj("*~")
    c.connect(wm, 0, gm, 0)
    c.connect(dm, 0, gm, 0)
    c.connect(gl, 0, gm, 1)
    out = f.obj("outlet~")
    c.connect(gm, 0, out, 0)
    return c


# ------------------------------------------------------------------------------ model hosts

def _host_frame(c: Canvas, f: Flow, title: str):
    """The static part both hosts share: [pd $0-host] holding inlet~, outlet~ and the subpatch
    [pd $0-dyn] the model objects are created in (by messages to pd-$0-dyn). Returns the control
    inlet."""
    f.comment(title, width=90)
    f.y += 60
    sig_in = c.obj("inlet~", 10, f.y)
    ctl = c.obj("inlet", 90, f.y)
    f.y += f.dy
    host = c.subpatch("$0-host", x=f.x, y=f.y)
    host_id = len(c._items) - 1
    f.y += f.dy
    host.obj("inlet~", 10, 10)
    host.obj("outlet~", 10, 120)
    dyn = host.subpatch("$0-dyn", x=10, y=60)
    dyn.size = (700, 500)
    sig_out = c.obj("outlet~", 10, f.y)
    info_out = c.obj("outlet", 90, f.y)
    f.y += f.dy
    c.connect(sig_in, 0, host_id, 0)
    c.connect(host_id, 0, sig_out, 0)
    r_info = f.obj("r $0-info")
    c.connect(r_info, 0, info_out, 0)
    return ctl


def _model_state(c: Canvas, f: Flow, route: int):
    """`model FILE [BUFFER]`, `buffer N` and `unload` (outlets 0, 1, 2 of `route`): keeps FILE and
    BUFFER (-1: none given) and outputs `list FILE BUFFER` whenever the model must be (re)created.
    Returns the object whose outlet gives that list."""
    la = f.obj("list append")
    c.connect(route, 0, la, 0)
    up = f.obj("unpack s f")
    c.connect(la, 0, up, 0)
    buf = f.obj("f -1")
    c.connect(up, 1, buf, 1)
    ts = f.obj("t b s")
    c.connect(up, 0, ts, 0)
    file_ = f.obj("symbol")
    c.connect(ts, 1, file_, 1)
    tmodel = f.obj("t b b")
    c.connect(ts, 0, tmodel, 0)
    has = f.msg("1")
    c.connect(tmodel, 1, has, 0)
    tb = f.obj("t b f")
    c.connect(route, 1, tb, 0)
    c.connect(tb, 1, buf, 1)
    gate = f.obj("spigot")
    c.connect(has, 0, gate, 1)
    c.connect(tmodel, 0, gate, 0)
    c.connect(tb, 0, gate, 0)
    tbb = f.obj("t b b")
    c.connect(gate, 0, tbb, 0)
    pk = f.obj("pack s f")
    c.connect(tbb, 1, buf, 0)
    c.connect(buf, 0, pk, 1)
    c.connect(tbb, 0, file_, 0)
    c.connect(file_, 0, pk, 0)
    zero = f.msg("0")
    c.connect(route, 2, zero, 0)
    c.connect(zero, 0, gate, 1)
    return pk, zero


def _by_buffer(c: Canvas, f: Flow, src: int, n_before: int, with_buffer: str, without_buffer: str,
               src_outlet: int = 0):
    """Sends the list from `src` (its element n_before is the BUFFER, -1 = none) to one of two
    message boxes: with the buffer argument, or without it (the object's default)."""
    tl = f.obj("t l l")
    c.connect(src, src_outlet, tl, 0)
    split = f.obj(f"list split {n_before}")
    c.connect(tl, 1, split, 0)
    geq = f.obj("list split 1")
    c.connect(split, 1, geq, 0)
    pos = f.obj(">= 0")
    c.connect(geq, 0, pos, 0)
    pre = f.obj("list prepend")
    c.connect(pos, 0, pre, 1)
    c.connect(tl, 0, pre, 0)
    rt = f.obj("route 0 1")
    c.connect(pre, 0, rt, 0)
    f.col(10, f.y + 20)
    m_without = f.msg(without_buffer)
    f.y += 50
    m_with = f.msg(with_buffer)
    c.connect(rt, 0, m_without, 0)
    c.connect(rt, 1, m_with, 0)
    return m_with, m_without


# messages to the dynamic subpatch: $1 = the host's $0
_DYN_IO = ("; pd-$1-dyn clear; pd-$1-dyn obj 10 10 inlet~; pd-$1-dyn obj 10 440 outlet~; "
           "pd-$1-host connect 0 0 2 0; pd-$1-host connect 2 0 1 0")


def host() -> Canvas:
    c = Canvas(size=(900, 600))
    f = Flow(c)
    ctl = _host_frame(c, f, "bx-host~ OBJ METHOD: runs [OBJ MODEL METHOD BUFFER] (OBJ = brave~ or nn~, in nn~'s "
                            "argument order) between its signal inlet and outlet. Messages: model FILE [BUFFER] "
                            "creates it (no BUFFER: the last one given, else the object's own default) | "
                            "buffer N re-creates it with another buffer | unload. Anything else goes on to the "
                            "object (enable 0/1 ...). "
                            "Right outlet: the object's info outlet.")
    f.col(220, 110)
    route = f.obj("route " + " ".join(HOST_SELECTORS))
    c.connect(ctl, 0, route, 0)
    s_ctl = f.obj("s $0-ctl")
    c.connect(route, 3, s_ctl, 0)
    f.col(400, 110)
    state, _ = _model_state(c, f, route)
    pre = f.obj("list prepend $0 $1 $2")  # -> $0 OBJ METHOD FILE BUFFER
    c.connect(state, 0, pre, 0)
    obj = ("pd-$1-dyn obj 10 220 {}; pd-$1-dyn obj 200 440 s $1-info; pd-$1-dyn obj 200 10 r $1-ctl; "
           "pd-$1-dyn connect 0 0 2 0; pd-$1-dyn connect 2 0 1 0; pd-$1-dyn connect 2 1 3 0; "
           "pd-$1-dyn connect 4 0 2 0")
    f.col(620, 110)
    _by_buffer(c, f, pre, 4, f"{_DYN_IO}; " + obj.format("$2 $4 $3 $5"), f"{_DYN_IO}; " + obj.format("$2 $4 $3"))
    f.col(220, 380)
    idm = f.obj("f $0")
    c.connect(route, 2, idm, 0)
    clear = f.msg("; pd-$1-dyn clear")
    c.connect(idm, 0, clear, 0)
    return c


def latent_host() -> Canvas:
    c = Canvas(size=(1000, 700))
    f = Flow(c)
    ctl = _host_frame(c, f, "bx-latent~ OBJ: [OBJ MODEL encode BUFFER] -> one bx-dim~ per latent dimension (scale and "
                            "offset) -> [OBJ MODEL decode BUFFER], created for the model's N dimensions: the decoder "
                            "is created first and asked (bang) for its `dim N 1`. Messages: model FILE [BUFFER] | "
                            "buffer N | unload | dim K scale V | dim K offset V (K from 0) | anything else goes to "
                            "both objects. Right outlet: the decoder's info, and `built N` once the chain exists.")
    f.col(220, 130)
    route = f.obj("route " + " ".join(LATENT_SELECTORS))
    c.connect(ctl, 0, route, 0)
    s_dim = f.obj("s $0-dim")
    c.connect(route, 3, s_dim, 0)
    s_ctl = f.obj("s $0-ctl")
    c.connect(route, 4, s_ctl, 0)
    idm = f.obj("f $0")
    c.connect(route, 2, idm, 0)
    clear = f.msg("; pd-$1-dyn clear")
    c.connect(idm, 0, clear, 0)
    f.col(400, 130)
    state, _ = _model_state(c, f, route)
    pre = f.obj("list prepend $0 $1")  # -> $0 OBJ FILE BUFFER
    c.connect(state, 0, pre, 0)
    t = f.obj("t b l l")
    c.connect(pre, 0, t, 0)
    stored = f.obj("list append")
    c.connect(t, 2, stored, 1)
    # stage 1: the decoder, asked for its dimensions
    dec = ("pd-$1-dyn obj 10 400 {}; pd-$1-dyn obj 300 440 s $1-info; pd-$1-dyn obj 300 10 r $1-ctl; "
           "pd-$1-dyn obj 450 10 r $1-query; pd-$1-dyn connect 2 0 1 0; pd-$1-dyn connect 2 1 3 0; "
           "pd-$1-dyn connect 4 0 2 0; pd-$1-dyn connect 5 0 2 0")
    f.col(620, 130)
    _by_buffer(c, f, t, 3, f"{_DYN_IO}; " + dec.format("$2 $3 decode $4"), f"{_DYN_IO}; " + dec.format("$2 $3 decode"),
               src_outlet=1)
    # the query: the answer `dim N 1` arrives while the gate is open
    f.col(220, 420)
    q = f.obj("t b b b")
    c.connect(t, 0, q, 0)
    open_, shut = f.msg("1"), f.msg("0")
    c.connect(q, 2, open_, 0)
    c.connect(q, 0, shut, 0)
    qid = f.obj("f $0")
    c.connect(q, 1, qid, 0)
    ask = f.msg("; $1-query bang")
    c.connect(qid, 0, ask, 0)
    r_info = f.obj("r $0-info")
    rdim = f.obj("route dim")
    c.connect(r_info, 0, rdim, 0)
    gate = f.obj("spigot")
    c.connect(rdim, 0, gate, 0)
    c.connect(open_, 0, gate, 1)
    c.connect(shut, 0, gate, 1)
    n_in = f.obj("unpack f f")
    c.connect(gate, 0, n_in, 0)
    tn = f.obj("t f f b b")
    c.connect(n_in, 0, tn, 0)
    # stage 2: the encoder (the stored list again), then N x bx-dim~, then `built N`
    f.col(10, 560)
    c.connect(tn, 3, stored, 0)
    enc = "pd-$1-dyn obj 10 60 {}; pd-$1-dyn connect 0 0 6 0; pd-$1-dyn connect 4 0 6 0"
    f2 = Flow(c, 10, 600)
    _by_buffer(c, f2, stored, 3, "; " + enc.format("$2 $3 encode $4"), "; " + enc.format("$2 $3 encode"))
    f.col(620, 420)
    loop = f.obj("until")
    c.connect(tn, 1, loop, 0)
    k = f.obj("f")
    inc = f.obj("+ 1")
    c.connect(loop, 0, k, 0)
    c.connect(k, 0, inc, 0)
    c.connect(inc, 0, k, 1)
    reset = f.msg("0")
    c.connect(tn, 2, reset, 0)
    c.connect(reset, 0, k, 1)
    tk = f.obj("t f f")
    c.connect(k, 0, tk, 0)
    pos = f.obj("expr 7+$f1; 10+60*($f1%10); 120+36*int($f1/10)")
    c.connect(tk, 1, pos, 0)
    pk = f.obj("pack f f f f")
    c.connect(tk, 0, pk, 0)
    for j in range(3):
        c.connect(pos, j, pk, j + 1)
    lp = f.obj("list prepend $0")
    c.connect(pk, 0, lp, 0)
    mk = f.msg("; pd-$1-dyn obj $4 $5 bx-dim~ $1 $2; pd-$1-dyn connect 6 $2 $3 0; pd-$1-dyn connect $3 0 2 $2")
    c.connect(lp, 0, mk, 0)
    built = f.msg("built $1")
    c.connect(tn, 0, built, 0)
    s_info = f.obj("s $0-info")
    c.connect(built, 0, s_info, 0)
    return c


def dim() -> Canvas:
    c = Canvas(size=(560, 360))
    f = Flow(c)
    f.comment("bx-dim~ ID K: latent dimension K (from 0) times its scale plus its offset. Messages to ID-dim: "
              "K scale V (1 = unchanged) | K offset V (0 = unchanged). Created by bx-latent~.", width=70)
    f.y += 30
    inl = f.obj("inlet~")
    mul = f.obj("*~")
    add = f.obj("+~")
    out = f.obj("outlet~")
    c.chain(inl, mul, add, out)
    f.col(200, 70)
    r = f.obj("r $1-dim")
    rk = f.obj("route $2")
    rs = f.obj("route scale offset")
    c.chain(r, rk, rs)
    m1 = f.obj("- 1")
    c.connect(rs, 0, m1, 0)
    sp = f.obj("pack f 20")
    sl = f.obj("line~")
    s1 = f.obj("+~ 1")
    c.chain(m1, sp, sl, s1)
    c.connect(s1, 0, mul, 1)
    f.col(380, 126)
    op = f.obj("pack f 20")
    c.connect(rs, 1, op, 0)
    ol = f.obj("line~")
    c.connect(op, 0, ol, 0)
    c.connect(ol, 0, add, 1)
    return c


# ------------------------------------------------------------------------------ latency parts

def burst() -> Canvas:
    c = Canvas(size=(560, 360))
    f = Flow(c)
    f.comment("bx-burst~ ID: the latency test burst - white noise under a decaying envelope (60 ms) that "
              "starts at a sample-accurate time. Message to ID-fire: D = start D ms from now.", width=70)
    f.y += 30
    r = f.obj("r $1-fire")
    m = f.msg("1 0 $1, 0 60 $1")
    vl = f.obj("vline~")
    c.chain(r, m, vl)
    sq = f.obj("*~")
    c.connect(vl, 0, sq, 0)
    c.connect(vl, 0, sq, 1)
    sq2 = f.obj("*~")
    c.connect(sq, 0, sq2, 0)
    c.connect(sq, 0, sq2, 1)
    f.col(200, 130)
    noise = f.obj("noise~")
    amp = f.obj("*~")
    c.connect(noise, 0, amp, 0)
    c.connect(sq2, 0, amp, 1)
    lvl = f.obj("*~ 0.5")
    out = f.obj("outlet~")
    c.chain(amp, lvl, out)
    return c


def onset() -> Canvas:
    c = Canvas(size=(1100, 640))
    f = Flow(c)
    f.comment("bx-onset: the onset in an array, to the sample. Left inlet: ARRAY START. Right inlet: the "
              f"threshold (default {THRESHOLD}). Outputs the index of the first sample from START on whose "
              f"magnitude reaches THRESHOLD x the peak magnitude from START on and {FLOOR_FACTOR} x the peak "
              "magnitude before START (the noise floor) - or -1 when none does.", width=100)
    f.y += 50
    inl = f.obj("inlet")
    up = f.obj("unpack s f")
    c.connect(inl, 0, up, 0)
    ts3 = f.obj("t f f f")
    c.connect(up, 1, ts3, 0)
    s_peak, s_floor, s_scan = f.obj("f"), f.obj("f"), f.obj("f")
    for j, o in enumerate((s_peak, s_floor, s_scan)):
        c.connect(ts3, j, o, 1)
    names = f.obj("t b s s s s s s")
    c.connect(up, 0, names, 0)
    thr_in = c.obj("inlet", 120, 80)
    frac = f.obj(f"f {THRESHOLD}")
    c.connect(thr_in, 0, frac, 1)
    outlet = f.obj("outlet")

    # the array objects, told the array's name
    f.col(230, 110)
    size = f.obj("array size")
    amax, amin = f.obj("array max"), f.obj("array min")
    fmax, fmin = f.obj("array max"), f.obj("array min")
    setm = f.msg("set $1")
    tab = f.obj("tabread")
    c.connect(setm, 0, tab, 0)
    c.connect(names, 6, size, 1)
    for j, o in enumerate((amax, amin, fmax, fmin)):
        c.connect(names, 5 - j, o, 2)
    c.connect(names, 1, setm, 0)
    seq = f.obj("t b b b b b")
    c.connect(names, 0, seq, 0)

    # 1. the peak magnitude from START to the end
    f.col(430, 110)
    tp = f.obj("t f f b")
    c.connect(seq, 4, s_peak, 0)
    c.connect(s_peak, 0, tp, 0)
    to_end = f.msg("-1")
    c.connect(tp, 2, to_end, 0)
    tn = f.obj("t f f")
    c.connect(to_end, 0, tn, 0)
    c.connect(tn, 0, amax, 1)
    c.connect(tn, 1, amin, 1)
    c.connect(tp, 1, amin, 0)
    c.connect(tp, 0, amax, 0)
    peak = f.obj("expr max($f1, -$f2)")
    c.connect(amin, 0, peak, 1)
    c.connect(amax, 0, peak, 0)
    peak_v = f.obj("f")
    c.connect(peak, 0, peak_v, 1)

    # 2. the floor: the peak magnitude before START (0 when START is 0)
    f.col(640, 110)
    tf = f.obj("t b b")
    c.connect(seq, 3, tf, 0)
    floor_v = f.obj("f")
    z = f.msg("0")
    c.connect(tf, 1, z, 0)
    c.connect(z, 0, floor_v, 1)
    c.connect(tf, 0, s_floor, 0)
    before = f.obj("moses 1")
    c.connect(s_floor, 0, before, 0)
    tbf = f.obj("t b f")
    c.connect(before, 1, tbf, 0)
    c.connect(tbf, 1, fmax, 1)
    c.connect(tbf, 1, fmin, 1)
    from0 = f.msg("0")
    c.connect(tbf, 0, from0, 0)
    t0 = f.obj("t f f")
    c.connect(from0, 0, t0, 0)
    c.connect(t0, 1, fmin, 0)
    c.connect(t0, 0, fmax, 0)
    fl = f.obj("expr max($f1, -$f2)")
    c.connect(fmin, 0, fl, 1)
    c.connect(fmax, 0, fl, 0)
    c.connect(fl, 0, floor_v, 1)

    # 3. the threshold
    f.col(850, 110)
    tt = f.obj("t b b b")
    c.connect(seq, 2, tt, 0)
    thr = f.obj(f"expr max(max($f1*$f2, {FLOOR_FACTOR}*$f3), 1e-09)")
    c.connect(tt, 2, frac, 0)
    c.connect(frac, 0, thr, 1)
    c.connect(tt, 1, floor_v, 0)
    c.connect(floor_v, 0, thr, 2)
    c.connect(tt, 0, peak_v, 0)
    c.connect(peak_v, 0, thr, 0)
    mo = f.obj("moses")
    c.connect(thr, 0, mo, 1)

    # 4. the scan from START: the first sample whose magnitude reaches the threshold
    f.col(10, 380)
    sc = f.obj("t b b b")
    c.connect(seq, 1, sc, 0)
    hit = f.obj("f")
    z2 = f.msg("0")
    c.connect(sc, 2, z2, 0)
    c.connect(z2, 0, hit, 1)
    c.connect(sc, 1, s_scan, 0)
    tsc = f.obj("t f f")
    c.connect(s_scan, 0, tsc, 0)
    cnt = f.obj("f")
    c.connect(tsc, 1, cnt, 1)
    left = f.obj("-")
    c.connect(tsc, 0, left, 1)
    c.connect(sc, 0, size, 0)
    c.connect(size, 0, left, 0)
    nonneg = f.obj("max 0")
    loop = f.obj("until")
    c.chain(left, nonneg, loop)
    f.col(230, 380)
    c.connect(loop, 0, cnt, 0)
    tc = f.obj("t f f f")
    c.connect(cnt, 0, tc, 0)
    inc = f.obj("+ 1")
    c.connect(tc, 2, inc, 0)
    c.connect(inc, 0, cnt, 1)
    idx = f.obj("f")
    c.connect(tc, 1, idx, 1)
    c.connect(tc, 0, tab, 0)
    ab = f.obj("abs")
    c.connect(tab, 0, ab, 0)
    c.connect(ab, 0, mo, 0)
    th = f.obj("t b b")
    c.connect(mo, 1, th, 0)
    one = f.msg("1")
    c.connect(th, 1, one, 0)
    c.connect(one, 0, hit, 1)
    c.connect(th, 0, loop, 1)

    # 5. the answer
    f.col(430, 380)
    c.connect(seq, 0, hit, 0)
    sel = f.obj("sel 1")
    c.connect(hit, 0, sel, 0)
    c.connect(sel, 0, idx, 0)
    c.connect(idx, 0, outlet, 0)
    none = f.msg("-1")
    c.connect(sel, 1, none, 0)
    c.connect(none, 0, outlet, 0)
    return c


def measure() -> Canvas:
    """The trial logic. Shared state lives in [value ID-NAME]s, so each reader has its own object
    and reading never triggers anything else."""
    c = Canvas(size=(1300, 800))
    f = Flow(c)
    f.comment("bx-measure ID: the latency trials. Each trial starts the recorders (bang to ID-rec) and a burst "
              f"(ID-fire) 20 ms + 0..{MAX_SPREAD - 1} samples later (seeded), waits LENGTH ms, finds the onset "
              "in the array ID-in and then in ID-out from the input's onset on (bx-onset), and prints the "
              "latency. At the end the summary (mean, min, max, std = jitter; samples and ms) goes to the "
              "console, the text file and the outlet. Messages: run | trials K | length MS | gap MS | seed N | "
              "threshold F | file PATH | quit 0/1 (quit Pd when done) | block N (reported).", width=120)
    f.y += 90

    def v(name):
        return f.obj(f"v $1-{name}")

    inl = f.obj("inlet")
    route = f.obj("route " + " ".join(MEASURE_SELECTORS))
    c.connect(inl, 0, route, 0)
    ix = {name: i for i, name in enumerate(MEASURE_SELECTORS)}
    defaults = {"trials": TRIALS, "length": LENGTH_MS, "gap": GAP_MS, "seed": 1, "quit": 0, "block": 64}
    lb = f.obj("loadbang")
    for name, value in defaults.items():
        w = v(name)
        c.connect(route, ix[name], w, 0)
        d = f.msg(str(value))
        c.connect(lb, 0, d, 0)
        c.connect(d, 0, w, 0)
    tx = f.obj("textfile")
    pr = f.obj("print latency")
    outlet = f.obj("outlet")

    f.col(230, 130)
    la = f.obj("list append")
    c.connect(route, ix["file"], la, 0)
    fname = f.obj("symbol")
    c.connect(la, 0, fname, 1)
    one = f.msg("1")
    c.connect(route, ix["file"], one, 0)
    c.connect(one, 0, v("hasfile"), 0)
    rnd = f.obj(f"random {MAX_SPREAD}")

    # run: the sample rate, the arrays sized, counters reset, DSP (re)started, the first trial
    run = f.obj("t b b b b b b")
    c.connect(route, ix["run"], run, 0)
    srt = f.obj("samplerate~")
    c.connect(run, 5, srt, 0)
    c.connect(srt, 0, v("sr"), 0)
    tlen = f.obj("t b b")
    c.connect(run, 4, tlen, 0)
    nsamp = f.obj("expr int($f1*$f2/1000)+1")
    sr1 = v("sr")
    c.connect(tlen, 1, sr1, 0)
    c.connect(sr1, 0, nsamp, 1)
    len1 = v("length")
    c.connect(tlen, 0, len1, 0)
    c.connect(len1, 0, nsamp, 0)
    rs = f.msg("resize $1")
    c.connect(nsamp, 0, rs, 0)
    c.connect(rs, 0, f.obj("s $1-in"), 0)
    c.connect(rs, 0, f.obj("s $1-out"), 0)

    f.col(440, 130)
    k1 = v("trials")
    c.connect(run, 3, k1, 0)
    tk = f.obj("t f f")
    c.connect(k1, 0, tk, 0)
    rsl = f.msg("resize $1")
    c.connect(tk, 1, rsl, 0)
    c.connect(rsl, 0, f.obj("s $1-lat"), 0)
    sm = f.msg("measuring $1 trials")
    c.connect(tk, 0, sm, 0)
    c.connect(sm, 0, pr, 0)
    t2 = f.obj("t b b b")
    c.connect(run, 2, t2, 0)
    zero = f.msg("0")
    c.connect(t2, 2, zero, 0)
    c.connect(zero, 0, v("i"), 0)
    c.connect(zero, 0, v("n"), 0)
    clr = f.msg("clear")
    c.connect(t2, 1, clr, 0)
    c.connect(clr, 0, tx, 0)
    sd1 = v("seed")
    c.connect(t2, 0, sd1, 0)
    smsg = f.msg("seed $1")
    c.connect(sd1, 0, smsg, 0)
    c.connect(smsg, 0, rnd, 0)
    dsp = f.msg("; pd dsp 0; pd dsp 1")
    c.connect(run, 1, dsp, 0)

    # next: i += 1; a trial while i <= K, else the end
    f.col(650, 130)
    nxt = f.obj("t b")
    c.connect(run, 0, nxt, 0)
    i1 = v("i")
    c.connect(nxt, 0, i1, 0)
    inc = f.obj("+ 1")
    c.connect(i1, 0, inc, 0)
    ti = f.obj("t f b f")
    c.connect(inc, 0, ti, 0)
    c.connect(ti, 2, v("i"), 0)
    gt = f.obj("expr $f1 > $f2")
    k2 = v("trials")
    c.connect(ti, 1, k2, 0)
    c.connect(k2, 0, gt, 1)
    c.connect(ti, 0, gt, 0)
    over = f.obj("sel 0")
    c.connect(gt, 0, over, 0)
    go = f.obj("t b b b b")
    c.connect(over, 0, go, 0)
    c.connect(go, 3, f.obj("s $1-rec"), 0)
    fire = f.obj("expr 20+$f1*1000/$f2")
    sr2 = v("sr")
    c.connect(go, 2, sr2, 0)
    c.connect(sr2, 0, fire, 1)
    c.connect(go, 1, rnd, 0)
    c.connect(rnd, 0, fire, 0)
    c.connect(fire, 0, f.obj("s $1-fire"), 0)
    len2 = v("length")
    c.connect(go, 0, len2, 0)
    wait = f.obj("delay")
    c.connect(len2, 0, wait, 0)

    # analysis: the onset in the input, then in the output from the input's onset on
    f.col(860, 130)
    a0 = f.msg("0")
    c.connect(wait, 0, a0, 0)
    lin = f.obj("list prepend $1-in")
    c.connect(a0, 0, lin, 0)
    on_in = f.obj("bx-onset")
    c.connect(lin, 0, on_in, 0)
    toin = f.obj("t f f")
    c.connect(on_in, 0, toin, 0)
    c.connect(toin, 1, v("oin"), 0)
    miss_in = f.obj("moses 0")
    c.connect(toin, 0, miss_in, 0)
    lout = f.obj("list prepend $1-out")
    c.connect(miss_in, 1, lout, 0)
    on_out = f.obj("bx-onset")
    c.connect(lout, 0, on_out, 0)
    c.connect(route, ix["threshold"], on_in, 1)
    c.connect(route, ix["threshold"], on_out, 1)
    tout = f.obj("t f f")
    c.connect(on_out, 0, tout, 0)
    c.connect(tout, 1, v("oout"), 0)
    miss_out = f.obj("moses 0")
    c.connect(tout, 0, miss_out, 0)

    # found: latency = onset out - onset in; console line, text file line, array of latencies
    f.col(1070, 130)
    fd = f.obj("t b b b b b")
    c.connect(miss_out, 1, fd, 0)
    pk = f.obj("pack f f f f f")
    ms = f.obj("expr $f1*1000/$f2")
    sr3 = v("sr")
    c.connect(fd, 4, sr3, 0)
    c.connect(sr3, 0, ms, 1)
    sub = f.obj("-")
    oin = v("oin")
    c.connect(fd, 3, oin, 0)
    toi = f.obj("t f f")
    c.connect(oin, 0, toi, 0)
    c.connect(toi, 1, sub, 1)
    c.connect(toi, 0, pk, 1)
    oout = v("oout")
    c.connect(fd, 2, oout, 0)
    too = f.obj("t f f")
    c.connect(oout, 0, too, 0)
    c.connect(too, 1, pk, 2)
    c.connect(too, 0, sub, 0)
    tl = f.obj("t f f f")
    c.connect(sub, 0, tl, 0)
    tw = f.obj("t f b")
    c.connect(tl, 2, tw, 0)
    n1 = v("n")
    c.connect(tw, 1, n1, 0)
    tab = f.obj("tabwrite $1-lat")
    c.connect(n1, 0, tab, 1)
    c.connect(tw, 0, tab, 0)
    c.connect(tl, 1, pk, 3)
    c.connect(tl, 0, ms, 0)
    c.connect(ms, 0, pk, 4)
    i2 = v("i")
    c.connect(fd, 1, i2, 0)
    c.connect(i2, 0, pk, 0)
    tlist = f.obj("t l l")
    c.connect(pk, 0, tlist, 0)
    pm = f.msg("trial $1: $4 samples = $5 ms (onsets at $2 and $3)")
    c.connect(tlist, 1, pm, 0)
    c.connect(pm, 0, pr, 0)
    am = f.msg("add trial $1 $2 $3 $4 $5")
    c.connect(tlist, 0, am, 0)
    c.connect(am, 0, tx, 0)
    tn = f.obj("t b b")
    c.connect(fd, 0, tn, 0)
    n2 = v("n")
    c.connect(tn, 1, n2, 0)
    ninc = f.obj("+ 1")
    c.connect(n2, 0, ninc, 0)
    c.connect(ninc, 0, v("n"), 0)
    pause = f.obj("t b")
    c.connect(tn, 0, pause, 0)
    gap1 = v("gap")
    c.connect(pause, 0, gap1, 0)
    gd = f.obj("delay")
    c.connect(gap1, 0, gd, 0)
    c.connect(gd, 0, nxt, 0)

    # missed: no onset in the input, or none in the output
    f.col(1070, 560)
    for which, src in (("input", miss_in), ("output", miss_out)):
        tm = f.obj("t b b")
        c.connect(src, 0, tm, 0)
        i3 = v("i")
        c.connect(tm, 1, i3, 0)
        mp = f.msg(f"trial $1: no onset found in the {which}")
        c.connect(i3, 0, mp, 0)
        c.connect(mp, 0, pr, 0)
        ma = f.msg("add trial $1 missed")
        c.connect(i3, 0, ma, 0)
        c.connect(ma, 0, tx, 0)
        c.connect(tm, 0, pause, 0)

    # the end: statistics over the detected trials (two passes: std is exactly 0 when all agree)
    f.col(10, 520)
    fin = f.obj("t b b")
    c.connect(over, 1, fin, 0)
    n3 = v("n")
    c.connect(fin, 1, n3, 0)
    some = f.obj("moses 1")
    c.connect(n3, 0, some, 0)
    st = f.obj("t b b b b f")
    c.connect(some, 1, st, 0)
    nst = f.obj("f")
    c.connect(st, 4, nst, 1)
    asum, amin, amax = f.obj("array sum $1-lat"), f.obj("array min $1-lat"), f.obj("array max $1-lat")
    for o in (asum, amin, amax):
        c.connect(st, 4, o, 1)
    f.col(230, 520)
    z0 = f.msg("0")
    c.connect(st, 3, z0, 0)
    t3 = f.obj("t f f f")
    c.connect(z0, 0, t3, 0)
    for j, o in enumerate((asum, amin, amax)):
        c.connect(t3, j, o, 0)
    mean = f.obj("expr $f1/$f2")
    c.connect(st, 4, mean, 1)
    c.connect(asum, 0, mean, 0)
    mean_v, min_v, max_v, std_v = f.obj("f"), f.obj("f"), f.obj("f"), f.obj("f")
    c.connect(mean, 0, mean_v, 1)
    c.connect(amin, 0, min_v, 1)
    c.connect(amax, 0, max_v, 1)
    f.col(440, 520)
    sd = f.obj("t b b b")
    c.connect(st, 2, sd, 0)
    acc = f.obj("+")
    kk = f.obj("f")
    zs = f.msg("0")
    c.connect(sd, 2, zs, 0)
    c.connect(zs, 0, acc, 1)
    c.connect(zs, 0, kk, 1)
    loop = f.obj("until")
    c.connect(sd, 1, nst, 0)
    c.connect(nst, 0, loop, 0)
    c.connect(loop, 0, kk, 0)
    tkk = f.obj("t f f")
    c.connect(kk, 0, tkk, 0)
    kinc = f.obj("+ 1")
    c.connect(tkk, 1, kinc, 0)
    c.connect(kinc, 0, kk, 1)
    rd = f.obj("tabread $1-lat")
    c.connect(tkk, 0, rd, 0)
    dev = f.obj("expr ($f1-$f2)*($f1-$f2)")
    c.connect(mean, 0, dev, 1)
    c.connect(rd, 0, dev, 0)
    c.connect(dev, 0, acc, 0)
    c.connect(acc, 0, acc, 1)
    var = f.obj("f")
    c.connect(acc, 0, var, 1)
    c.connect(zs, 0, var, 1)
    std = f.obj("expr sqrt($f1/$f2)")
    c.connect(st, 4, std, 1)
    c.connect(sd, 0, var, 0)
    c.connect(var, 0, std, 0)
    c.connect(std, 0, std_v, 1)

    # the report: console, text file, outlet
    f.col(650, 520)
    rep = f.obj("t b b b b b b b")
    c.connect(st, 1, rep, 0)
    allv = f.obj("pack f f f f f f f f f f f f")
    c.connect(st, 4, allv, 1)
    b1 = v("block")
    c.connect(rep, 6, b1, 0)
    c.connect(b1, 0, allv, 11)
    sr4 = v("sr")
    c.connect(rep, 5, sr4, 0)
    tsr = f.obj("t f f f f f")
    c.connect(sr4, 0, tsr, 0)
    c.connect(tsr, 4, allv, 10)
    f.col(860, 520)
    for j, (val, slot) in enumerate(((std_v, 5), (max_v, 4), (min_v, 3), (mean_v, 2))):
        c.connect(rep, 4 - j, val, 0)
        tv = f.obj("t f f")
        c.connect(val, 0, tv, 0)
        conv = f.obj("expr $f1*1000/$f2")
        c.connect(tsr, 3 - j, conv, 1)
        c.connect(tv, 1, conv, 0)
        c.connect(conv, 0, allv, slot + 4)
        c.connect(tv, 0, allv, slot)
    k3 = v("trials")
    c.connect(rep, 0, k3, 0)
    c.connect(k3, 0, allv, 0)
    f.col(1070, 700)
    tall = f.obj("t l l l l")
    c.connect(allv, 0, tall, 0)
    p1 = f.msg("summary: $1 trials $2 detected - mean $3 samples - min $4 - max $5 - std (jitter) $6")
    p2 = f.msg("summary: mean $7 ms - min $8 ms - max $9 ms - std (jitter) $10 ms at $11 Hz (block $12)")
    a1 = f.msg("add2 summary trials $1 detected $2 mean $3 min $4 max $5 std $6, "
               "add mean_ms $7 min_ms $8 max_ms $9 std_ms $10 sr $11 block $12")
    res = f.msg("result $3 $4 $5 $6")
    c.connect(tall, 3, p1, 0)
    c.connect(tall, 2, p2, 0)
    c.connect(p1, 0, pr, 0)
    c.connect(p2, 0, pr, 0)
    c.connect(tall, 1, a1, 0)
    c.connect(a1, 0, tx, 0)
    c.connect(tall, 0, res, 0)
    c.connect(res, 0, outlet, 0)

    # nothing detected
    f.col(10, 760)
    none = f.obj("t b b b")
    c.connect(some, 0, none, 0)
    npk = f.obj("pack f f f")
    b2, sr5, k4 = v("block"), v("sr"), v("trials")
    c.connect(none, 2, b2, 0)
    c.connect(b2, 0, npk, 2)
    c.connect(none, 1, sr5, 0)
    c.connect(sr5, 0, npk, 1)
    c.connect(none, 0, k4, 0)
    c.connect(k4, 0, npk, 0)
    f.col(230, 760)
    nm = f.msg("summary: no onset detected in $1 trials")
    c.connect(npk, 0, nm, 0)
    c.connect(nm, 0, pr, 0)
    na = f.msg("add summary trials $1 detected 0 sr $2 block $3")
    c.connect(npk, 0, na, 0)
    c.connect(na, 0, tx, 0)

    # done: write the file, then quit when asked
    f.col(440, 760)
    done = f.obj("t b b")
    c.connect(fin, 0, done, 0)
    hf = v("hasfile")
    c.connect(done, 1, hf, 0)
    hs = f.obj("sel 1")
    c.connect(hf, 0, hs, 0)
    c.connect(hs, 0, fname, 0)
    tf = f.obj("t s s")
    c.connect(fname, 0, tf, 0)
    wm = f.msg("write $1 cr")
    c.connect(tf, 1, wm, 0)
    c.connect(wm, 0, tx, 0)
    wp = f.msg("results written to $1")
    c.connect(tf, 0, wp, 0)
    c.connect(wp, 0, pr, 0)
    f.col(650, 760)
    q1 = v("quit")
    c.connect(done, 0, q1, 0)
    qs = f.obj("sel 1")
    c.connect(q1, 0, qs, 0)
    q = f.msg("; pd quit")
    c.connect(qs, 0, q, 0)
    return c


# ------------------------------------------------------------------------------ GUIs and panels

def controls() -> Canvas:
    c = Canvas(size=(700, 420))
    c.panel(250, 170, "$2:$1", 0, 0)
    dsp = c.toggle("DSP", 10, 30)
    on = c.toggle("model_on", 90, 30)
    src = c.hradio(3, "test/live/off", 10, 70)
    wet = c.hslider(0, 1, "dry/wet", 10, 95, width=110)
    gain = c.hslider(-40, 12, "gain_dB", 10, 120, width=110)
    opn = c.bang("open_model", 10, 145)
    buf = c.floatatom(150, 145, 5, "buffer")
    f = Flow(c, 300, 10)
    f.comment("bx-controls OBJ WHAT: the shared controls -> messages: on 0/1 | source 0/1/2 | wet 0..1 | gain DB "
              "| model FILE | buffer N. DSP switches Pd's audio.", width=50)
    f.y += 50
    out = c.obj("outlet", 300, 340)
    for gui, text in ((on, "on $1"), (src, "source $1"), (wet, "wet $1"), (gain, "gain $1"), (buf, "buffer $1")):
        m = f.msg(text)
        c.connect(gui, 0, m, 0)
        c.connect(m, 0, out, 0)
    pnl = f.obj("openpanel")
    c.connect(opn, 0, pnl, 0)
    mm = f.msg("model $1")
    c.connect(pnl, 0, mm, 0)
    c.connect(mm, 0, out, 0)
    d = f.msg("; pd dsp $1")
    c.connect(dsp, 0, d, 0)
    f.col(500, 60)
    lb = f.obj("loadbang")
    for gui, value in ((on, 1), (src, 0), (wet, 1), (gain, 0)):
        m = f.msg(f"set {value}")
        c.connect(lb, 0, m, 0)
        c.connect(m, 0, gui, 0)
    c.graph_on_parent(250, 170)
    return c


def _player(c: Canvas, f: Flow, controls_box: int, model_part: int):
    """The chain both players share: controls and inlet -> routing; source -> MODEL PART -> mix ->
    dac~ and outlet~. Returns the route (its reject outlet feeds the model part's control)."""
    inl = f.obj("inlet")
    route = f.obj("route " + " ".join(PANEL_SELECTORS))
    c.connect(inl, 0, route, 0)
    c.connect(controls_box, 0, route, 0)
    srcd = f.obj("bx-source~")
    c.connect(route, 0, srcd, 0)
    mix_ = f.obj("bx-mix~")
    for j, sel in ((1, "wet"), (2, "gain"), (4, "delay")):
        lp = f.obj(f"list prepend {sel}")
        lt = f.obj("list trim")
        c.connect(route, j, lp, 0)
        c.chain(lp, lt)
        c.connect(lt, 0, mix_, 2)
    ton = f.obj("t f f")
    c.connect(route, 3, ton, 0)
    mon = f.msg("on $1")
    c.connect(ton, 1, mon, 0)
    c.connect(mon, 0, mix_, 2)
    en = f.msg("enable $1")
    c.connect(ton, 0, en, 0)
    c.connect(en, 0, model_part, 1)
    c.connect(route, len(PANEL_SELECTORS), model_part, 1)  # anything else: to the model
    c.connect(srcd, 0, model_part, 0)
    c.connect(srcd, 0, mix_, 0)
    c.connect(model_part, 0, mix_, 1)
    dac = f.obj("dac~")
    c.connect(mix_, 0, dac, 0)
    c.connect(mix_, 0, dac, 1)
    out = f.obj("outlet~")
    c.connect(mix_, 0, out, 0)
    return route


def forward_panel() -> Canvas:
    c = Canvas(size=(760, 460))
    c.comment("bx-forward OBJ: the forward player's panel (see forward-brave.pd / forward-nn.pd)", 300, 10)
    ctl = c.obj("bx-controls $1 forward", 0, 0)
    f = Flow(c, 300, 60)
    host_ = c.obj("bx-host~ $1 forward", 500, 200)
    _player(c, f, ctl, host_)
    c.graph_on_parent(250, 170)
    return c


def latent_panel() -> Canvas:
    c = Canvas(size=(1100, 700))
    c.comment("bx-latent OBJ: the latent player's panel (see latent-brave.pd / latent-nn.pd)", 560, 10)
    ctl = c.obj("bx-controls $1 latent", 0, 0)
    c.panel(270, 170, "offset______scale", 250, 0, color="#dcdcdc")
    f = Flow(c, 560, 60)
    lat = c.obj("bx-latent~ $1", 760, 400)
    _player(c, f, ctl, lat)
    f.col(760, 60)
    built = f.obj("route built")
    c.connect(lat, 1, built, 0)
    tb = f.obj("t b")
    c.connect(built, 0, tb, 0)
    lb = f.obj("loadbang")
    g = Flow(c, 960, 60, dy=26)
    for k in range(LATENT_GUI_DIMS):
        y = 25 + 18 * k
        off = c.hslider(-3, 3, "empty", 258, y, width=100)
        sca = c.hslider(0, 3, str(k + 1), 385, y, width=100)
        for gui, what, init in ((off, "offset", 0), (sca, "scale", 1)):
            m = g.msg(f"dim {k} {what} $1")
            c.connect(gui, 0, m, 0)
            c.connect(m, 0, lat, 1)
            c.connect(tb, 0, gui, 0)
            s = g.msg(f"set {init}")
            c.connect(lb, 0, s, 0)
            c.connect(s, 0, gui, 0)
    c.graph_on_parent(520, 170)
    return c


def latency_panel() -> Canvas:
    c = Canvas(size=(1000, 600))
    c.panel(250, 130, "latency:$1", 0, 0)
    run = c.bang("run", 10, 30)
    trials = c.floatatom(120, 32, 4, "trials")
    res = [c.floatatom(10 + 58 * j, 80, 6, "-") for j in range(4)]
    c.comment("mean min max std (samples)", 10, 100)
    f = Flow(c, 300, 10)
    f.comment("bx-latency OBJ: the latency panel (see latency-brave.pd / latency-nn.pd). Messages: model FILE "
              "[BUFFER] | buffer N | block N (Pd block size for the measurement) | run | trials K | length MS | "
              "gap MS | seed N | threshold F | file PATH | quit 0/1.", width=70)
    f.y += 60
    inl = f.obj("inlet")
    rb = f.obj("route block")
    c.connect(inl, 0, rb, 0)
    tbk = f.obj("t f f")
    c.connect(rb, 0, tbk, 0)
    setb = f.msg("set $1")
    c.connect(tbk, 1, setb, 0)
    blk = f.obj("block~ 64")
    c.connect(setb, 0, blk, 0)
    mb = f.msg("block $1")
    c.connect(tbk, 0, mb, 0)
    rh = f.obj("route " + " ".join(HOST_SELECTORS))
    c.connect(rb, 1, rh, 0)
    meas = c.obj("bx-measure $0", 500, 420)
    c.connect(mb, 0, meas, 0)
    c.connect(rh, 3, meas, 0)
    host_ = c.obj("bx-host~ $1 forward", 300, 420)
    for j, sel in enumerate(HOST_SELECTORS):
        lp = f.obj(f"list prepend {sel}")
        lt = f.obj("list trim")
        c.connect(rh, j, lp, 0)
        c.chain(lp, lt)
        c.connect(lt, 0, host_, 1)
    f.col(500, 70)
    rm = f.msg("run")
    c.connect(run, 0, rm, 0)
    c.connect(rm, 0, meas, 0)
    tm = f.msg("trials $1")
    c.connect(trials, 0, tm, 0)
    c.connect(tm, 0, meas, 0)
    rr = c.obj("route result", 500, 460)
    c.connect(meas, 0, rr, 0)
    up = c.obj("unpack f f f f", 500, 490)
    c.connect(rr, 0, up, 0)
    for j, atom in enumerate(res):
        c.connect(up, j, atom, 0)
    # the signals: burst -> object -> recorder; burst -> recorder
    g = Flow(c, 700, 70)
    bu = c.obj("bx-burst~ $0", 300, 380)
    c.connect(bu, 0, host_, 0)
    rec = g.obj("r $0-rec")
    w_in = g.obj("tabwrite~ $0-in")
    w_out = g.obj("tabwrite~ $0-out")
    c.connect(bu, 0, w_in, 0)
    c.connect(host_, 0, w_out, 0)
    c.connect(rec, 0, w_in, 0)
    c.connect(rec, 0, w_out, 0)
    g.obj(f"table $0-in {int(LENGTH_MS * 44.1) + 1}")
    g.obj(f"table $0-out {int(LENGTH_MS * 44.1) + 1}")
    g.obj(f"table $0-lat {TRIALS}")
    c.graph_on_parent(250, 130)
    return c


def args() -> Canvas:
    c = Canvas(size=(820, 480))
    f = Flow(c)
    f.comment("bx-args: put in a variant patch. On load: its creation arguments MODEL BUFFER -> model PATH BUFFER "
              "(no arguments: nothing). Inlet: SELECTOR PATH ... -> SELECTOR ABSOLUTE-PATH ... A relative PATH is "
              "relative to the folder of the patch the variant sits in (its own folder when opened directly).",
              width=100)
    f.y += 50
    lb = f.obj("loadbang")
    am = f.msg("args 1")
    ctl = f.obj("pdcontrol")
    c.chain(lb, am, ctl)
    rb = f.obj("route bang")
    c.connect(ctl, 0, rb, 0)
    pm = f.obj("list prepend model")
    c.connect(rb, 1, pm, 0)
    inl = f.obj("inlet")
    la = f.obj("list append")
    c.connect(inl, 0, la, 0)
    c.connect(pm, 0, la, 0)
    t = f.obj("t l l l")
    c.connect(la, 0, t, 0)
    f.col(230, 110)
    rest = f.obj("list split 2")
    c.connect(t, 2, rest, 0)
    joined = f.obj("list append")
    c.connect(rest, 1, joined, 1)
    empty = f.msg("list")  # fewer than 2 elements: nothing after the path
    c.connect(rest, 2, empty, 0)
    c.connect(empty, 0, joined, 1)
    sel = f.obj("list split 1")
    c.connect(t, 1, sel, 0)
    pre = f.obj("list prepend")
    c.connect(sel, 0, pre, 1)
    path = f.obj("list split 1")
    c.connect(t, 0, path, 0)
    path1 = f.obj("list split 1")
    c.connect(path, 1, path1, 0)
    f.col(430, 110)
    ts = f.obj("t s s")
    c.connect(path1, 0, ts, 0)
    split = f.obj("file split")
    c.connect(ts, 1, split, 0)
    first = f.obj("list split 1")
    c.connect(split, 0, first, 0)
    root = f.obj("sel /")
    c.connect(first, 0, root, 0)
    one, zero = f.msg("1"), f.msg("0")
    c.connect(root, 0, one, 0)
    c.connect(root, 1, zero, 0)
    flag = f.obj("t f f")
    c.connect(one, 0, flag, 0)
    c.connect(zero, 0, flag, 0)
    is_abs = f.obj("spigot")
    c.connect(flag, 1, is_abs, 1)
    not_ = f.obj("== 0")
    c.connect(flag, 0, not_, 0)
    is_rel = f.obj("spigot")
    c.connect(not_, 0, is_rel, 1)
    c.connect(ts, 0, is_abs, 0)
    c.connect(ts, 0, is_rel, 0)
    f.col(630, 110)
    dm = f.obj("list prepend dir 2")
    c.connect(is_rel, 0, dm, 0)
    dt = f.obj("list trim")
    c.connect(dm, 0, dt, 0)
    pc = f.obj("pdcontrol")
    c.connect(dt, 0, pc, 0)
    c.connect(pc, 0, joined, 0)
    c.connect(is_abs, 0, joined, 0)
    c.connect(joined, 0, pre, 0)
    tr = f.obj("list trim")
    c.connect(pre, 0, tr, 0)
    out = f.obj("outlet")
    c.connect(tr, 0, out, 0)
    return c


# ------------------------------------------------------------------------------ the variants

USAGE = {
    "forward": "{obj} plays MODEL's forward method on the built-in test sound (plucks and drums) or live input, "
               "with on/off, dry/wet (`delay N` delays the dry path by N samples) and output gain. Open it and send it "
               "[model FILE BUFFER( - or use it as an "
               "abstraction: [forward-{kind} MODEL BUFFER] (MODEL relative to your patch; no BUFFER: {obj}'s "
               "default). Its outlet~ is the output.",
    "latent": "{obj}: encode -> scale and offset per latent dimension (sliders: the first {dims}; messages dim K "
              "scale V / dim K offset V for any K from 0) -> decode. [latent-{kind} MODEL BUFFER] or a [model "
              "FILE BUFFER( message.",
    "latency": "Measures how late {obj} really is: bursts through [{obj} MODEL forward BUFFER] - onsets in input "
               "and output found to the sample - per-trial and summary figures (mean, min, max, std = jitter) in "
               "samples and ms on the Pd console and in latency-results.txt next to your patch. "
               "[latency-{kind} MODEL BUFFER] then [run( - headless: send trials K, file PATH, quit 1, run.",
}
NOTES = {
    "brave": "brave~ runs the model in Pd's DSP callback: added latency = BUFFER - gcd(BUFFER, block) samples "
             "(BUFFER 128 at block 64: 64 samples = 1.45 ms). Start Pd with -path build/pd/brave~.",
    "nn": "nn~ (IRCAM's nn_tilde) must be installed. BUFFER 0 runs the model in the audio callback, BUFFER > 0 in "
          "a worker thread (about one more buffer of latency); no BUFFER: nn~'s default 4096. The latency "
          "patch tells what you really get.",
}
EXTRA = {  # messages only one object understands, in its variants only
    "brave": ["reload", "reset", "latency", "stats", "set latent_noise 0"],
    "nn": ["reload"],
}


def variant(what: str, kind: str) -> Canvas:
    obj = HOSTS[kind]
    c = Canvas(size=(900, 520))
    c.comment(f"{what}-{kind}: " + USAGE[what].format(obj=obj, kind=kind, dims=LATENT_GUI_DIMS), 10, 10,
              width=120)
    c.comment(NOTES[kind], 10, 60, width=120)
    panel = c.obj(f"bx-{what} {obj}", 10, 110)  # object 2: loaded before bx-args
    f = Flow(c, 580, 110)
    inl = f.obj("inlet")
    rt = f.obj("route model file")
    c.connect(inl, 0, rt, 0)
    ba = f.obj("bx-args")
    for j, sel in enumerate(("model", "file")):
        lp = f.obj(f"list prepend {sel}")
        lt = f.obj("list trim")
        c.connect(rt, j, lp, 0)
        c.chain(lp, lt)
        c.connect(lt, 0, ba, 0)
    c.connect(rt, 2, panel, 0)
    c.connect(ba, 0, panel, 0)
    if what == "latency":
        lb = f.obj("loadbang")
        fm = f.msg("file latency-results.txt")
        c.chain(lb, fm)
        c.connect(fm, 0, ba, 0)
    else:
        out = f.obj("outlet~")
        c.connect(panel, 0, out, 0)
    g = Flow(c, 10, 330)
    g.comment(f"messages for {obj}:")
    examples = ["model brave.ts 128"] + EXTRA[kind]
    if what == "latency":
        examples = ["model brave.ts 128", "trials 20", "block 64", "run"] + ["quit 1"]
    for text in examples:
        m = g.msg(text)
        c.connect(m, 0, panel, 0) if not text.startswith("model") else c.connect(m, 0, ba, 0)
    return c


FILES = {
    "bx-plucks~": plucks, "bx-source~": source, "bx-mix~": mix, "bx-host~": host, "bx-latent~": latent_host,
    "bx-dim~": dim, "bx-burst~": burst, "bx-onset": onset, "bx-measure": measure, "bx-controls": controls,
    "bx-forward": forward_panel, "bx-latent": latent_panel, "bx-latency": latency_panel, "bx-args": args,
}
for _what in ("forward", "latent", "latency"):
    for _kind in HOSTS:
        FILES[f"{_what}-{_kind}"] = (lambda w=_what, k=_kind: variant(w, k))


def render() -> dict[str, str]:
    """File name -> .pd text for every patch of this folder."""
    return {f"{name}.pd": make().text() for name, make in FILES.items()}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    stale = []
    for name, text in render().items():
        path = HERE / name
        if "--check" in argv:
            if not path.is_file() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
    if stale:
        print(f"make_pdpatches: out of date: {', '.join(stale)} (run patches/pd/make_pdpatches.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
