"""The Pd patches of patches/pd, generated (`.venv/bin/python patches/pd/make_pdpatches.py` writes them).

The .pd files are generated so that object numbers and connections are computed, not typed:
each patch is a wiring table (brave_export.patching.wiring: its boxes in order, then its cords
by name), laid out down columns by `Flow` (the table's Pd layout lines). They are committed, and
tests/test_patches.py checks that `render()` reproduces them.

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

from ..pdrun.locate import PATCH_DIR
from ..pdrun.pdfile import Canvas
from .pdflow import Dynamic, Flow, message, part as _part

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


# ------------------------------------------------------------------------------ test sound

def plucks() -> Canvas:
    return _part((760, 560), "bx-plucks~: the built-in test sound - plucked notes, kick, snare and hats at 120 bpm "
                 "(16 steps of 125 ms). Inlet: 1 plays, 0 stops.", 90, 20, """
        inl [inlet]
        metro [metro 125]
        step [f]
        inc [+ 1]
        mod [mod 16]
        t [t f f f f]
        out [*~ 0.22]
        outlet [outlet~]
        lb [loadbang]
        seed [seed 7(
        # plucks: a sawtooth through a decaying envelope and a low-pass, pitches from a pentatonic scale
        col 210 50
        sel [sel 0 3 5 8 10 13]
        rnd [random 8]
        get [get $1 1(
        scale [list store 0 2 4 7 9 12 14 16]
        note [+ 45]
        mtof [mtof]
        tp [t b f]
        env [1, 0 500(
        vl [vline~]
        sq [*~]
        saw [phasor~]
        cen [-~ 0.5]
        amp [*~]
        lop [lop~ 2500]
        # kick: a sine gliding down from 160 Hz
        col 420 50
        ksel [sel 0 6 8 11]
        kt [t b b]
        kf [160, 45 90(
        kfl [vline~]
        kosc [osc~]
        ke [1, 0 300(
        kel [vline~]
        ksq [*~]
        kamp [*~]
        # snare (band-passed noise) and hats (high-passed noise)
        col 590 50
        ssel [sel 4 12]
        se [1, 0 160(
        sel_ [vline~]
        ssq [*~]
        noise [noise~]
        bp [bp~ 1800 1]
        samp [*~ 3]
        s2 [*~]
        hmod [mod 2]
        hsel [sel 1]
        he [1, 0 45(
        hel [vline~]
        hsq [*~]
        hip [hip~ 7000]
        hamp [*~ 0.4]
        h2 [*~]
    """, """
        inl > metro > step > inc > mod; mod > step:1; step > t; out > outlet; lb > seed
        t > sel; seed > rnd; sel:0-5 > rnd; rnd > get > scale > note > mtof; mtof > tp; tp > env; env > vl
        vl > sq; vl > sq:1; tp:1 > saw; saw > cen; cen > amp; sq > amp:1; amp > lop > out
        t:3 > ksel; ksel:0-3 > kt; kt > kf; kf > kfl > kosc; kt:1 > ke; ke > kel; kel > ksq; kel > ksq:1
        kosc > kamp; ksq > kamp:1; kamp > out
        t:2 > ssel; ssel > se; ssel:1 > se; se > sel_; sel_ > ssq; sel_ > ssq:1; noise > bp; bp > samp
        samp > s2; ssq > s2:1; s2 > out
        t:1 > hmod; hmod > hsel; hsel > he; he > hel; hel > hsq; hel > hsq:1; noise > hip; hip > hamp
        hamp > h2; hsq > h2:1; h2 > out
    """)


def source() -> Canvas:
    return _part((600, 420), "bx-source~: the sound the model gets. Messages: test (built-in plucks and drums) | live "
                 "(adc~ 1) | off, or 0 / 1 / 2. Starts with the test sound.", 80, 20, """
        inl [inlet]
        route [route test live off]
        m0 [0(
        m1 [1(
        m2 [2(
        t [t f f]
        lb [loadbang]
        col 220 70
        is_test [== 0]
        pl [bx-plucks~]
        tg [pack f 20]
        tl [line~]
        tm [*~]
        out [outlet~]
        col 400 70
        is_live [== 1]
        lg [pack f 20]
        ll [line~]
        adc [adc~ 1]
        lm [*~]
    """, """
        inl > route; route:0 > m0; route:1 > m1; route:2 > m2; m0 > t; m1 > t; m2 > t
        route:3 > t  # a bare number
        lb > m0
        t:1 > is_test; is_test > pl; is_test > tg; tg > tl; pl > tm; tl > tm:1; tm > out
        t > is_live; is_live > lg; lg > ll; adc > lm; ll > lm:1; lm > out
    """)


def mix() -> Canvas:
    c = Canvas(size=(640, 420))
    f = Flow(c)
    f.comment("bx-mix~: out = (dry delayed x (1 - wet) + model x wet x on) x gain. Inlets: dry~, model~, "
              "messages wet 0..1 | gain DB (0 = unity) | on 0/1 | delay N (the dry path's delay in samples, "
              "to line it up with the model's output). Starts at wet 1, gain 0 dB, on, delay 0.", width=80)
    f.y += 20
    # inlets left to right: dry~, model~, messages (Pd orders inlets by x)
    names = f.place(f"""
        dry_in [inlet~] @10,{f.y}
        wet [inlet~] @80,{f.y}
        ctl [inlet] @150,{f.y}
        gap {f.dy}
        route [route wet on gain delay]
        lb [loadbang]
        init [on 1, wet 1, gain 0(
    """)
    # the dry delay line: writer and reader in two blocked subpatches joined by a (silent) signal
    # cord, so Pd always runs the writer first and a delay of 0 is exactly 0 samples
    write = c.subpatch("drywrite", block=64, x=10, y=f.y)
    names["write"] = c.number(write)
    Flow(write).draw(f"""
        in [inlet~] @10,10
        line [delwrite~ $0-dry {DRY_DELAY_MS}] @10,40
        zero [sig~ 0] @150,10
        out [outlet~] @150,40
    """, "in > line; zero > out")
    f.y += f.dy
    read = c.subpatch("dryread", block=64, x=10, y=f.y)
    names["dry"] = c.number(read)
    Flow(read).draw("""
        - [inlet~] @10,10
        ms [r $0-drydelay] @100,10
        line [delread~ $0-dry 0] @10,40
        out [outlet~] @10,70
    """, "ms > line; line > out")
    f.y += f.dy
    f.draw("""
        tdel [t f b]
        sr [samplerate~]
        to_ms [expr max(0, $f1) * 1000 / $f2]
        s_ms [s $0-drydelay]
        col 230 70
        clip [clip 0 1]
        pk [pack f f]
        ton [t b f]
        ex [expr $f1*$f2; 1-$f1]
        wp [pack f 20]
        wl [line~]
        wm [*~]
        dp [pack f 20]
        dl [line~]
        dm [*~]
        col 430 70
        db [+ 100]
        rms [dbtorms]
        gp [pack f 20]
        gl [line~]
        gm [*~]
        out [outlet~]
    """, """
        ctl > route; lb > init > route; dry_in > write; write > dry
        route:3 > tdel; tdel:1 > sr; sr > to_ms:1; tdel > to_ms; to_ms > s_ms
        route > clip; clip > pk; route:1 > ton; ton:1 > pk:1; ton > pk; pk > ex; ex > wp; wp > wl
        wet > wm; wl > wm:1; ex:1 > dp; dp > dl; dry > dm; dl > dm:1
        route:2 > db; db > rms > gp > gl; wm > gm; dm > gm; gl > gm:1; gm > out
    """, names)
    return c


# ------------------------------------------------------------------------------ model hosts

def _host_frame(size: tuple[int, int], title: str) -> tuple[Canvas, Flow, dict, dict]:
    """A canvas with the static part both hosts share: [pd $0-host] holding inlet~, outlet~ and
    the subpatch [pd $0-dyn] the model objects are created in (by messages to pd-$0-dyn). Returns
    the canvas, its flow, the names of its boxes (`ctl`: the control inlet) and the numbers of
    [pd $0-host]'s objects (`in`, `out`, `dyn`) for _dyn_io."""
    c = Canvas(size=size)
    f = Flow(c)
    f.comment(title, width=90)
    f.y += 60
    names = f.place(f"""
        sig_in [inlet~] @10,{f.y}
        ctl [inlet] @90,{f.y}
    """)
    f.y += f.dy
    host = c.subpatch("$0-host", x=f.x, y=f.y)
    names["host"] = c.number(host)
    f.y += f.dy
    in_host = {"in": host.obj("inlet~", 10, 10), "out": host.obj("outlet~", 10, 120)}
    dyn = host.subpatch("$0-dyn", x=10, y=60)
    dyn.size = (700, 500)
    in_host["dyn"] = host.number(dyn)
    f.place(f"""
        sig_out [outlet~] @10,{f.y}
        info_out [outlet] @90,{f.y}
    """, names)
    f.y += f.dy
    return c, f, f.draw("r_info [r $0-info]", "sig_in > host; host > sig_out; r_info > info_out", names), in_host


def _dyn_io(in_host: dict) -> tuple[Dynamic, list[str]]:
    """The messages that empty [pd $1-dyn] ($1: the host's $0) and give it an inlet~ and an
    outlet~ joined to [pd $1-host]'s (its objects numbered `in_host`), and the dynamic canvas
    they leave, for the model objects to go between its `in` and `out`."""
    dyn = Dynamic("pd-$1-dyn")
    made = dyn.clear() + dyn.draw("""
        in [inlet~] @10,10
        out [outlet~] @10,440
    """)
    return dyn, made + Dynamic("pd-$1-host", in_host).wire("in > dyn; dyn > out")


def _model_state(f: Flow, route: int) -> int:
    """`model FILE [BUFFER]`, `buffer N` and `unload` (outlets 0, 1, 2 of `route`): keeps FILE and
    BUFFER (-1: none given) and outputs `list FILE BUFFER` whenever the model must be (re)created.
    Returns the object whose outlet gives that list."""
    return f.draw("""
        la [list append]
        up [unpack s f]
        buf [f -1]
        ts [t b s]
        file [symbol]
        tmodel [t b b]
        has [1(
        tb [t b f]
        gate [spigot]
        tbb [t b b]
        pk [pack s f]
        zero [0(
    """, """
        route > la; la > up; up:1 > buf:1; up > ts; ts:1 > file:1; ts > tmodel; tmodel:1 > has
        route:1 > tb; tb:1 > buf:1; has > gate:1; tmodel > gate; tb > gate; gate > tbb
        tbb:1 > buf; buf > pk:1; tbb > file; file > pk; route:2 > zero; zero > gate:1
    """, {"route": route})["pk"]


def _by_buffer(f: Flow, src: int, n_before: int, with_buffer: str, without_buffer: str, src_outlet: int = 0):
    """Sends the list from `src` (its element n_before is the BUFFER, -1 = none) to one of two
    message boxes: with the buffer argument, or without it (the object's default)."""
    names = f.place(f"""
        tl [t l l]
        split [list split {n_before}]
        geq [list split 1]
        pos [>= 0]
        pre [list prepend]
        rt [route 0 1]
    """, {"src": src})
    f.col(10, f.y + 20)
    f.draw(f"""
        without [{without_buffer}(
        gap 50
        with [{with_buffer}(
    """, f"""
        src:{src_outlet} > tl; tl:1 > split; split:1 > geq; geq > pos; pos > pre:1; tl > pre; pre > rt
        rt > without; rt:1 > with
    """, names)


def host() -> Canvas:
    c, f, names, in_host = _host_frame((900, 600), (
        "bx-host~ OBJ METHOD: runs [OBJ MODEL METHOD BUFFER] (OBJ = brave~ or nn~, in nn~'s argument order) between "
        "its signal inlet and outlet. Messages: model FILE [BUFFER] creates it (no BUFFER: the last one given, else "
        "the object's own default) | buffer N re-creates it with another buffer | unload. Anything else goes on to "
        "the object (enable 0/1 ...). Right outlet: the object's info outlet."))
    f.col(220, 110)
    f.draw(f"""
        route [route {" ".join(HOST_SELECTORS)}]
        s_ctl [s $0-ctl]
        col 400 110
    """, "ctl > route; route:3 > s_ctl", names)
    names["state"] = _model_state(f, names["route"])
    f.draw("pre [list prepend $0 $1 $2]", "state > pre", names)  # -> $0 OBJ METHOD FILE BUFFER

    def create(text: str) -> str:  # the message that (re)creates [OBJ MODEL METHOD BUFFER]
        dyn, io = _dyn_io(in_host)
        return message(io, dyn.draw(f"""
            model [{text}] @10,220
            info [s $1-info] @200,440
            ctl [r $1-ctl] @200,10
        """, "in > model; model > out; model:1 > info; ctl > model"))

    f.col(620, 110)
    _by_buffer(f, names["pre"], 4, create("$2 $4 $3 $5"), create("$2 $4 $3"))
    f.draw("""
        col 220 380
        idm [f $0]
        clear [; pd-$1-dyn clear(
    """, "route:2 > idm; idm > clear", names)
    return c


def latent_host() -> Canvas:
    c, f, names, in_host = _host_frame((1000, 700), (
        "bx-latent~ OBJ: [OBJ MODEL encode BUFFER] -> one bx-dim~ per latent dimension (scale and offset) -> "
        "[OBJ MODEL decode BUFFER], created for the model's N dimensions: the decoder is created first and asked "
        "(bang) for its `dim N 1`. Messages: model FILE [BUFFER] | buffer N | unload | dim K scale V | dim K offset "
        "V (K from 0) | anything else goes to both objects. Right outlet: the decoder's info, and `built N` once the "
        "chain exists."))
    f.draw(f"""
        col 220 130
        route [route {" ".join(LATENT_SELECTORS)}]
        s_dim [s $0-dim]
        s_ctl [s $0-ctl]
        idm [f $0]
        clear [; pd-$1-dyn clear(
        col 400 130
    """, "ctl > route; route:3 > s_dim; route:4 > s_ctl; route:2 > idm; idm > clear", names)
    names["state"] = _model_state(f, names["route"])
    f.draw("""
        pre [list prepend $0 $1]
        t [t b l l]
        stored [list append]
    """, "state > pre; pre > t; t:2 > stored:1", names)  # pre: $0 OBJ FILE BUFFER
    dyn = _latent_decoder(f, names, in_host)
    _latent_query(f, names)
    dyn = _latent_encoder(c, names, dyn)
    _latent_dims(f, names, dyn)
    return c


def _latent_decoder(f: Flow, names: dict, in_host: dict) -> Dynamic:
    """Stage 1: the decoder created (with or without BUFFER) between the dynamic canvas's inlet~
    and outlet~, its info to $1-info, and $1-query to ask it for its dimensions. Returns the
    dynamic canvas as it leaves it."""
    def create(text: str) -> tuple[Dynamic, str]:
        dyn, io = _dyn_io(in_host)
        return dyn, message(io, dyn.draw(f"""
            dec [{text}] @10,400
            info [s $1-info] @300,440
            ctl [r $1-ctl] @300,10
            query [r $1-query] @450,10
        """, "dec > out; dec:1 > info; ctl > dec; query > dec"))

    (dyn, with_buffer), (_, without) = create("$2 $3 decode $4"), create("$2 $3 decode")
    f.col(620, 130)
    _by_buffer(f, names["t"], 3, with_buffer, without, src_outlet=1)
    return dyn


def _latent_query(f: Flow, names: dict) -> None:
    """The query: the decoder's answer `dim N 1` arrives while the gate is open; N goes on (tn)."""
    f.draw("""
        col 220 420
        q [t b b b]
        open [1(
        shut [0(
        qid [f $0]
        ask [; $1-query bang(
        info [r $0-info]
        rdim [route dim]
        gate [spigot]
        n_in [unpack f f]
        tn [t f f b b]
    """, """
        t > q; q:2 > open; q > shut; q:1 > qid; qid > ask; info > rdim; rdim > gate; open > gate:1
        shut > gate:1; gate > n_in; n_in > tn; tn:3 > stored
    """, names)


def _latent_encoder(c: Canvas, names: dict, after_decoder: Dynamic) -> Dynamic:
    """Stage 2: the encoder (from the stored list again), fed by the dynamic inlet~ and $1-ctl."""
    def create(text: str) -> tuple[Dynamic, str]:
        dyn = after_decoder.fork()
        return dyn, message(dyn.draw(f"enc [{text}] @10,60", "in > enc; ctl > enc"))

    (dyn, with_buffer), (_, without) = create("$2 $3 encode $4"), create("$2 $3 encode")
    _by_buffer(Flow(c, 10, 600), names["stored"], 3, with_buffer, without)
    return dyn


def _latent_dims(f: Flow, names: dict, dyn: Dynamic) -> None:
    """Stage 3: N x bx-dim~ K, the K-th numbered after the encoder (computed in [expr]), joined
    from encoder outlet K to decoder inlet K; then `built N` to the info outlet."""
    mk = message([f"{dyn.receiver} obj $4 $5 bx-dim~ $1 $2",
                  f"{dyn.receiver} connect {dyn.number('enc')} $2 $3 0",
                  f"{dyn.receiver} connect $3 0 {dyn.number('dec')} $2"])
    f.draw(f"""
        col 620 420
        loop [until]
        k [f]
        inc [+ 1]
        reset [0(
        tk [t f f]
        pos [expr {dyn.count}+$f1; 10+60*($f1%10); 120+36*int($f1/10)]
        pk [pack f f f f]
        lp [list prepend $0]
        mk [{mk}(
        built [built $1(
        s_info [s $0-info]
    """, """
        tn:1 > loop; loop > k; k > inc; inc > k:1; tn:2 > reset; reset > k:1; k > tk; tk:1 > pos; tk > pk
        pos:0 > pk:1; pos:1 > pk:2; pos:2 > pk:3; pk > lp; lp > mk; tn > built; built > s_info
    """, names)


def dim() -> Canvas:
    return _part((560, 360), "bx-dim~ ID K: latent dimension K (from 0) times its scale plus its offset. Messages to "
                 "ID-dim: K scale V (1 = unchanged) | K offset V (0 = unchanged). Created by bx-latent~.", 70, 30, """
        inl [inlet~]
        mul [*~]
        add [+~]
        out [outlet~]
        col 200 70
        r [r $1-dim]
        rk [route $2]
        rs [route scale offset]
        m1 [- 1]
        sp [pack f 20]
        sl [line~]
        s1 [+~ 1]
        col 380 126
        op [pack f 20]
        ol [line~]
    """, """
        inl > mul > add > out; r > rk > rs; rs > m1; m1 > sp > sl > s1; s1 > mul:1
        rs:1 > op; op > ol; ol > add:1
    """)


# ------------------------------------------------------------------------------ latency parts

def burst() -> Canvas:
    return _part((560, 360), "bx-burst~ ID: the latency test burst - white noise under a decaying envelope (60 ms) "
                 "that starts at a sample-accurate time. Message to ID-fire: D = start D ms from now.", 70, 30, """
        r [r $1-fire]
        m [1 0 $1, 0 60 $1(
        vl [vline~]
        sq [*~]
        sq2 [*~]
        col 200 130
        noise [noise~]
        amp [*~]
        lvl [*~ 0.5]
        out [outlet~]
    """, """
        r > m > vl; vl > sq; vl > sq:1; sq > sq2; sq > sq2:1; noise > amp; sq2 > amp:1; amp > lvl > out
    """)


def onset() -> Canvas:
    return _part((1100, 640), "bx-onset: the onset in an array, to the sample. Left inlet: ARRAY START. Right inlet: "
                 f"the threshold (default {THRESHOLD}). Outputs the index of the first sample from START on whose "
                 f"magnitude reaches THRESHOLD x the peak magnitude from START on and {FLOOR_FACTOR} x the peak "
                 "magnitude before START (the noise floor) - or -1 when none does.", 100, 50, f"""
        inl [inlet]
        up [unpack s f]
        ts3 [t f f f]
        s_peak [f]
        s_floor [f]
        s_scan [f]
        names [t b s s s s s s]
        thr_in [inlet] @120,80
        frac [f {THRESHOLD}]
        outlet [outlet]
        # the array objects, told the array's name
        col 230 110
        size [array size]
        amax [array max]
        amin [array min]
        fmax [array max]
        fmin [array min]
        setm [set $1(
        tab [tabread]
        seq [t b b b b b]
        # 1. the peak magnitude from START to the end
        col 430 110
        tp [t f f b]
        to_end [-1(
        tn [t f f]
        peak [expr max($f1, -$f2)]
        peak_v [f]
        # 2. the floor: the peak magnitude before START (0 when START is 0)
        col 640 110
        tf [t b b]
        floor_v [f]
        z [0(
        before [moses 1]
        tbf [t b f]
        from0 [0(
        t0 [t f f]
        fl [expr max($f1, -$f2)]
        # 3. the threshold
        col 850 110
        tt [t b b b]
        thr [expr max(max($f1*$f2, {FLOOR_FACTOR}*$f3), 1e-09)]
        mo [moses]
        # 4. the scan from START: the first sample whose magnitude reaches the threshold
        col 10 380
        sc [t b b b]
        hit [f]
        z2 [0(
        tsc [t f f]
        cnt [f]
        left [-]
        nonneg [max 0]
        loop [until]
        col 230 380
        tc [t f f f]
        inc [+ 1]
        idx [f]
        ab [abs]
        th [t b b]
        one [1(
        # 5. the answer
        col 430 380
        sel [sel 1]
        none [-1(
    """, """
        inl > up; up:1 > ts3; ts3:0 > s_peak:1; ts3:1 > s_floor:1; ts3:2 > s_scan:1; up > names
        thr_in > frac:1
        setm > tab; names:6 > size:1; names:5 > amax:2; names:4 > amin:2; names:3 > fmax:2; names:2 > fmin:2
        names:1 > setm; names > seq
        seq:4 > s_peak; s_peak > tp; tp:2 > to_end; to_end > tn; tn > amax:1; tn:1 > amin:1; tp:1 > amin
        tp > amax; amin > peak:1; amax > peak; peak > peak_v:1
        seq:3 > tf; tf:1 > z; z > floor_v:1; tf > s_floor; s_floor > before; before:1 > tbf; tbf:1 > fmax:1
        tbf:1 > fmin:1; tbf > from0; from0 > t0; t0:1 > fmin; t0 > fmax; fmin > fl:1; fmax > fl
        fl > floor_v:1
        seq:2 > tt; tt:2 > frac; frac > thr:1; tt:1 > floor_v; floor_v > thr:2; tt > peak_v; peak_v > thr
        thr > mo:1
        seq:1 > sc; sc:2 > z2; z2 > hit:1; sc:1 > s_scan; s_scan > tsc; tsc:1 > cnt:1; tsc > left:1
        sc > size; size > left; left > nonneg > loop
        loop > cnt; cnt > tc; tc:2 > inc; inc > cnt:1; tc:1 > idx:1; tc > tab; tab > ab; ab > mo
        mo:1 > th; th:1 > one; one > hit:1; th > loop:1
        seq > hit; hit > sel; sel > idx; idx > outlet; sel:1 > none; none > outlet
    """)


_MEASURE_OUTLET = {name: i for i, name in enumerate(MEASURE_SELECTORS)}  # bx-measure's [route] outlets


def measure() -> Canvas:
    """The trial logic. Shared state lives in [value ID-NAME]s, so each reader has its own object
    and reading never triggers anything else: `NAME_k [v $1-NAME]` below is one such reader. The
    parts, in the order their boxes are made: the state and its messages, `run`, the next trial,
    its analysis, a trial found or missed, and at the end the statistics, the report (console,
    text file, outlet) or that nothing was detected, then the file written and quit."""
    c = Canvas(size=(1300, 800))
    f = Flow(c)
    f.comment("bx-measure ID: the latency trials. Each trial starts the recorders (bang to ID-rec) and a burst "
              f"(ID-fire) 20 ms + 0..{MAX_SPREAD - 1} samples later (seeded), waits LENGTH ms, finds the onset "
              "in the array ID-in and then in ID-out from the input's onset on (bx-onset), and prints the "
              "latency. At the end the summary (mean, min, max, std = jitter; samples and ms) goes to the "
              "console, the text file and the outlet. Messages: run | trials K | length MS | gap MS | seed N | "
              "threshold F | file PATH | quit 0/1 (quit Pd when done) | block N (reported).", width=120)
    f.y += 90
    names = _measure_state(f)
    for part in (_measure_run, _measure_next, _measure_analysis, _measure_found, _measure_missed,
                 _measure_statistics, _measure_report, _measure_summary, _measure_nothing, _measure_done):
        part(f, names)
    return c


def _measure_state(f: Flow) -> dict:
    """The inlet and its [route], one [v $1-NAME] per setting with its default (set on load),
    and the outputs every part shares: [textfile], [print latency], the outlet."""
    ix = _MEASURE_OUTLET
    defaults = {"trials": TRIALS, "length": LENGTH_MS, "gap": GAP_MS, "seed": 1, "quit": 0, "block": 64}
    return f.draw(f"""
        inl [inlet]
        route [route {" ".join(MEASURE_SELECTORS)}]
        lb [loadbang]
    """ + "".join(f"\n{name}_0 [v $1-{name}]\n{name}_init [{value}(" for name, value in defaults.items()) + """
        tx [textfile]
        pr [print latency]
        outlet [outlet]
    """, "inl > route\n" + "".join(f"route:{ix[name]} > {name}_0; lb > {name}_init; {name}_init > {name}_0\n"
                                   for name in defaults))


def _measure_run(f: Flow, names: dict) -> None:
    """`file PATH` kept; `run`: the sample rate, the arrays sized, counters reset, DSP (re)started,
    the first trial."""
    ix = _MEASURE_OUTLET
    f.draw(f"""
        col 230 130
        la [list append]
        fname [symbol]
        one [1(
        hasfile_0 [v $1-hasfile]
        rnd [random {MAX_SPREAD}]
        run [t b b b b b b]
        srt [samplerate~]
        sr_0 [v $1-sr]
        tlen [t b b]
        nsamp [expr int($f1*$f2/1000)+1]
        sr_1 [v $1-sr]
        length_1 [v $1-length]
        rs [resize $1(
        s_in [s $1-in]
        s_out [s $1-out]
        col 440 130
        trials_1 [v $1-trials]
        tk [t f f]
        rsl [resize $1(
        s_lat [s $1-lat]
        sm [measuring $1 trials(
        t2 [t b b b]
        zero [0(
        i_0 [v $1-i]
        n_0 [v $1-n]
        clr [clear(
        seed_1 [v $1-seed]
        smsg [seed $1(
        dsp [; pd dsp 0; pd dsp 1(
    """, f"""
        route:{ix["file"]} > la; la > fname:1; route:{ix["file"]} > one; one > hasfile_0
        route:{ix["run"]} > run; run:5 > srt; srt > sr_0; run:4 > tlen; tlen:1 > sr_1; sr_1 > nsamp:1
        tlen > length_1; length_1 > nsamp; nsamp > rs; rs > s_in; rs > s_out
        run:3 > trials_1; trials_1 > tk; tk:1 > rsl; rsl > s_lat; tk > sm; sm > pr; run:2 > t2; t2:2 > zero
        zero > i_0; zero > n_0; t2:1 > clr; clr > tx; t2 > seed_1; seed_1 > smsg; smsg > rnd; run:1 > dsp
    """, names)


def _measure_next(f: Flow, names: dict) -> None:
    """The next trial: i += 1; while i <= K the recorders start, the burst is fired (20 ms + a
    random spread later) and, LENGTH ms later, the analysis; else the end (over:1)."""
    f.draw("""
        col 650 130
        nxt [t b]
        i_1 [v $1-i]
        inc [+ 1]
        ti [t f b f]
        i_2 [v $1-i]
        gt [expr $f1 > $f2]
        trials_2 [v $1-trials]
        over [sel 0]
        go [t b b b b]
        s_rec [s $1-rec]
        fire [expr 20+$f1*1000/$f2]
        sr_2 [v $1-sr]
        s_fire [s $1-fire]
        length_2 [v $1-length]
        wait [delay]
    """, """
        run > nxt; nxt > i_1; i_1 > inc; inc > ti; ti:2 > i_2; ti:1 > trials_2; trials_2 > gt:1; ti > gt
        gt > over; over > go; go:3 > s_rec; go:2 > sr_2; sr_2 > fire:1; go:1 > rnd; rnd > fire
        fire > s_fire; go > length_2; length_2 > wait
    """, names)


def _measure_analysis(f: Flow, names: dict) -> None:
    """The onset in the input, then in the output from the input's onset on (bx-onset, with the
    threshold from `threshold F`); -1 (none) goes to `missed`."""
    ix = _MEASURE_OUTLET
    f.draw("""
        col 860 130
        a0 [0(
        lin [list prepend $1-in]
        on_in [bx-onset]
        toin [t f f]
        oin_0 [v $1-oin]
        miss_in [moses 0]
        lout [list prepend $1-out]
        on_out [bx-onset]
        tout [t f f]
        oout_0 [v $1-oout]
        miss_out [moses 0]
    """, f"""
        wait > a0; a0 > lin; lin > on_in; on_in > toin; toin:1 > oin_0; toin > miss_in; miss_in:1 > lout
        lout > on_out; route:{ix["threshold"]} > on_in:1; route:{ix["threshold"]} > on_out:1; on_out > tout
        tout:1 > oout_0; tout > miss_out
    """, names)


def _measure_found(f: Flow, names: dict) -> None:
    """Found: latency = onset out - onset in; a console line, a text file line, the array of
    latencies; then the pause (GAP ms) before the next trial."""
    f.draw("""
        col 1070 130
        fd [t b b b b b]
        pk [pack f f f f f]
        ms [expr $f1*1000/$f2]
        sr_3 [v $1-sr]
        sub [-]
        oin_1 [v $1-oin]
        toi [t f f]
        oout_1 [v $1-oout]
        too [t f f]
        tl [t f f f]
        tw [t f b]
        n_1 [v $1-n]
        tab [tabwrite $1-lat]
        i_3 [v $1-i]
        tlist [t l l]
        pm [trial $1: $4 samples = $5 ms (onsets at $2 and $3)(
        am [add trial $1 $2 $3 $4 $5(
        tn [t b b]
        n_2 [v $1-n]
        ninc [+ 1]
        n_3 [v $1-n]
        pause [t b]
        gap_1 [v $1-gap]
        gd [delay]
        col 1070 560
    """, """
        miss_out:1 > fd; fd:4 > sr_3; sr_3 > ms:1; fd:3 > oin_1; oin_1 > toi; toi:1 > sub:1; toi > pk:1
        fd:2 > oout_1; oout_1 > too; too:1 > pk:2; too > sub; sub > tl; tl:2 > tw; tw:1 > n_1; n_1 > tab:1
        tw > tab; tl:1 > pk:3; tl > ms; ms > pk:4; fd:1 > i_3; i_3 > pk; pk > tlist; tlist:1 > pm; pm > pr
        tlist > am; am > tx; fd > tn; tn:1 > n_2; n_2 > ninc; ninc > n_3; tn > pause; pause > gap_1
        gap_1 > gd; gd > nxt
    """, names)


def _measure_missed(f: Flow, names: dict) -> None:
    """Missed: no onset in the input, or none in the output: said so, then the next trial."""
    for which, miss in (("input", "miss_in"), ("output", "miss_out")):
        f.draw(f"""
            tm_{which} [t b b]
            i_{which} [v $1-i]
            mp_{which} [trial $1: no onset found in the {which}(
            ma_{which} [add trial $1 missed(
        """, f"""
            {miss} > tm_{which}; tm_{which}:1 > i_{which}; i_{which} > mp_{which}; mp_{which} > pr
            i_{which} > ma_{which}; ma_{which} > tx; tm_{which} > pause
        """, names)


def _measure_statistics(f: Flow, names: dict) -> None:
    """The end: statistics over the detected trials (two passes: std is exactly 0 when all agree)."""
    f.draw("""
        col 10 520
        fin [t b b]
        n_4 [v $1-n]
        some [moses 1]
        st [t b b b b f]
        nst [f]
        asum [array sum $1-lat]
        amin [array min $1-lat]
        amax [array max $1-lat]
        col 230 520
        z0 [0(
        t3 [t f f f]
        mean [expr $f1/$f2]
        mean_v [f]
        min_v [f]
        max_v [f]
        std_v [f]
        col 440 520
        sd [t b b b]
        acc [+]
        kk [f]
        zs [0(
        loop [until]
        tkk [t f f]
        kinc [+ 1]
        rd [tabread $1-lat]
        dev [expr ($f1-$f2)*($f1-$f2)]
        var [f]
        std [expr sqrt($f1/$f2)]
    """, """
        over:1 > fin; fin:1 > n_4; n_4 > some; some:1 > st; st:4 > nst:1
        st:4 > asum:1; st:4 > amin:1; st:4 > amax:1
        st:3 > z0; z0 > t3; t3:0 > asum; t3:1 > amin; t3:2 > amax; st:4 > mean:1; asum > mean
        mean > mean_v:1; amin > min_v:1; amax > max_v:1
        st:2 > sd; sd:2 > zs; zs > acc:1; zs > kk:1; sd:1 > nst; nst > loop; loop > kk; kk > tkk
        tkk:1 > kinc; kinc > kk:1; tkk > rd; mean > dev:1; rd > dev; dev > acc; acc > acc:1; acc > var:1
        zs > var:1; st:4 > std:1; sd > var; var > std; std > std_v:1
    """, names)


def _measure_report(f: Flow, names: dict) -> None:
    """The report's list: every figure in samples and ms, the sample rate and the block."""
    f.draw("""
        col 650 520
        rep [t b b b b b b b]
        allv [pack f f f f f f f f f f f f]
        block_1 [v $1-block]
        sr_4 [v $1-sr]
        tsr [t f f f f f]
        col 860 520
    """, """
        st:1 > rep; st:4 > allv:1; rep:6 > block_1; block_1 > allv:11; rep:5 > sr_4; sr_4 > tsr
        tsr:4 > allv:10
    """, names)
    for j, (val, slot) in enumerate((("std_v", 5), ("max_v", 4), ("min_v", 3), ("mean_v", 2))):
        f.draw(f"""
            tv_{j} [t f f]
            conv_{j} [expr $f1*1000/$f2]
        """, f"""
            rep:{4 - j} > {val}; {val} > tv_{j}; tsr:{3 - j} > conv_{j}:1; tv_{j}:1 > conv_{j}
            conv_{j} > allv:{slot + 4}; tv_{j} > allv:{slot}
        """, names)


def _measure_summary(f: Flow, names: dict) -> None:
    """The summary: two console lines, the text file's lines, `result MEAN MIN MAX STD` out."""
    add = ("add2 summary trials $1 detected $2 mean $3 min $4 max $5 std $6, "
           "add mean_ms $7 min_ms $8 max_ms $9 std_ms $10 sr $11 block $12")
    f.draw(f"""
        trials_3 [v $1-trials]
        col 1070 700
        tall [t l l l l]
        p1 [summary: $1 trials $2 detected - mean $3 samples - min $4 - max $5 - std (jitter) $6(
        p2 [summary: mean $7 ms - min $8 ms - max $9 ms - std (jitter) $10 ms at $11 Hz (block $12)(
        a1 [{add}(
        res [result $3 $4 $5 $6(
    """, """
        rep > trials_3; trials_3 > allv; allv > tall; tall:3 > p1; tall:2 > p2; p1 > pr; p2 > pr
        tall:1 > a1; a1 > tx; tall > res; res > outlet
    """, names)


def _measure_nothing(f: Flow, names: dict) -> None:
    """Nothing detected: said so on the console and in the text file."""
    f.draw("""
        col 10 760
        none [t b b b]
        npk [pack f f f]
        block_2 [v $1-block]
        sr_5 [v $1-sr]
        trials_4 [v $1-trials]
        col 230 760
        nm [summary: no onset detected in $1 trials(
        na [add summary trials $1 detected 0 sr $2 block $3(
    """, """
        some > none; none:2 > block_2; block_2 > npk:2; none:1 > sr_5; sr_5 > npk:1; none > trials_4
        trials_4 > npk; npk > nm; nm > pr; npk > na; na > tx
    """, names)


def _measure_done(f: Flow, names: dict) -> None:
    """Done: write the text file when `file PATH` gave one, then quit Pd when `quit 1` asked."""
    f.draw("""
        col 440 760
        done [t b b]
        hasfile_1 [v $1-hasfile]
        hs [sel 1]
        tf [t s s]
        wm [write $1 cr(
        wp [results written to $1(
        col 650 760
        quit_1 [v $1-quit]
        qs [sel 1]
        q [; pd quit(
    """, """
        fin > done; done:1 > hasfile_1; hasfile_1 > hs; hs > fname; fname > tf; tf:1 > wm; wm > tx; tf > wp
        wp > pr; done > quit_1; quit_1 > qs; qs > q
    """, names)


# ------------------------------------------------------------------------------ GUIs and panels

def _restore_selectors(route: str, selectors, target: str) -> tuple[str, str]:
    """Boxes and cords that put back the selector [route] took off: outlet j of `route` ->
    [list prepend SELECTOR] -> [list trim] -> `target`, for each (j, SELECTOR) of `selectors`."""
    boxes = "".join(f"\nlp_{sel} [list prepend {sel}]\nlt_{sel} [list trim]" for _, sel in selectors)
    cords = "".join(f"\n{route}:{j} > lp_{sel}; lp_{sel} > lt_{sel}; lt_{sel} > {target}" for j, sel in selectors)
    return boxes, cords


def controls() -> Canvas:
    c = Canvas(size=(700, 420))
    c.panel(250, 170, "$2:$1", 0, 0)
    names = {"dsp": c.toggle("DSP", 10, 30), "on": c.toggle("model_on", 90, 30),
             "src": c.hradio(3, "test/live/off", 10, 70), "wet": c.hslider(0, 1, "dry/wet", 10, 95, width=110),
             "gain": c.hslider(-40, 12, "gain_dB", 10, 120, width=110), "opn": c.bang("open_model", 10, 145),
             "buf": c.floatatom(150, 145, 5, "buffer")}
    f = Flow(c, 300, 10)
    f.comment("bx-controls OBJ WHAT: the shared controls -> messages: on 0/1 | source 0/1/2 | wet 0..1 | gain DB "
              "| model FILE | buffer N. DSP switches Pd's audio.", width=50)
    f.y += 50
    sends = {"on": "on $1", "src": "source $1", "wet": "wet $1", "gain": "gain $1", "buf": "buffer $1"}
    inits = {"on": 1, "src": 0, "wet": 1, "gain": 0}
    f.draw("out [outlet] @300,340" + "".join(f"\nm_{gui} [{text}(" for gui, text in sends.items()) + """
        pnl [openpanel]
        mm [model $1(
        d [; pd dsp $1(
        col 500 60
        lb [loadbang]
    """ + "".join(f"\nset_{gui} [set {value}(" for gui, value in inits.items()),
           "".join(f"{gui} > m_{gui}; m_{gui} > out\n" for gui in sends) + "opn > pnl; pnl > mm; mm > out; dsp > d\n"
           + "".join(f"lb > set_{gui}; set_{gui} > {gui}\n" for gui in inits), names)
    c.graph_on_parent(250, 170)
    return c


def _player(f: Flow, names: dict) -> None:
    """The chain both players share: `controls` and an inlet -> routing; source -> `model` (the
    model part) -> mix -> dac~ and outlet~. The route's reject outlet feeds the model part's control."""
    boxes, cords = _restore_selectors("route", ((1, "wet"), (2, "gain"), (4, "delay")), "mix:2")
    f.draw(f"""
        inl [inlet]
        route [route {" ".join(PANEL_SELECTORS)}]
        srcd [bx-source~]
        mix [bx-mix~]
        {boxes}
        ton [t f f]
        mon [on $1(
        en [enable $1(
        dac [dac~]
        out [outlet~]
    """, f"""
        inl > route; controls > route; route > srcd{cords}
        route:3 > ton; ton:1 > mon; mon > mix:2; ton > en; en > model:1
        route:{len(PANEL_SELECTORS)} > model:1  # anything else: to the model
        srcd > model; srcd > mix; model > mix:1; mix > dac; mix > dac:1; mix > out
    """, names)


def forward_panel() -> Canvas:
    c = Canvas(size=(760, 460))
    c.comment("bx-forward OBJ: the forward player's panel (see forward-brave.pd / forward-nn.pd)", 300, 10)
    f = Flow(c, 300, 60)
    _player(f, f.place("""
        controls [bx-controls $1 forward] @0,0
        model [bx-host~ $1 forward] @500,200
    """))
    c.graph_on_parent(250, 170)
    return c


def latent_panel() -> Canvas:
    c = Canvas(size=(1100, 700))
    c.comment("bx-latent OBJ: the latent player's panel (see latent-brave.pd / latent-nn.pd)", 560, 10)
    names = {"controls": c.obj("bx-controls $1 latent", 0, 0)}
    c.panel(270, 170, "offset______scale", 250, 0, color="#dcdcdc")
    f = Flow(c, 560, 60)
    names["model"] = c.obj("bx-latent~ $1", 760, 400)
    _player(f, names)
    f.draw("""
        col 760 60
        built [route built]
        tb [t b]
        lb [loadbang]
    """, "model:1 > built; built > tb", names)
    g = Flow(c, 960, 60, dy=26)
    for k in range(LATENT_GUI_DIMS):
        y = 25 + 18 * k
        names["offset"] = c.hslider(-3, 3, "empty", 258, y, width=100)
        names["scale"] = c.hslider(0, 3, str(k), 385, y, width=100)  # dimension K, as `dim K` counts
        for what, init in (("offset", 0), ("scale", 1)):
            g.draw(f"""
                m{k}{what} [dim {k} {what} $1(
                s{k}{what} [set {init}(
            """, f"{what} > m{k}{what}; m{k}{what} > model:1; tb > {what}; lb > s{k}{what}; s{k}{what} > {what}",
                   names)
    c.graph_on_parent(520, 170)
    return c


def latency_panel() -> Canvas:
    c = Canvas(size=(1000, 600))
    c.panel(250, 130, "latency:$1", 0, 0)
    names = {"run": c.bang("run", 10, 30), "trials": c.floatatom(120, 32, 4, "trials")}
    names.update({f"res{j}": c.floatatom(10 + 58 * j, 80, 6, "-") for j in range(4)})
    c.comment("mean min max std (samples)", 10, 100)
    f = Flow(c, 300, 10)
    f.comment("bx-latency OBJ: the latency panel (see latency-brave.pd / latency-nn.pd). Messages: model FILE "
              "[BUFFER] | buffer N | block N (Pd block size for the measurement) | run | trials K | length MS | "
              "gap MS | seed N | threshold F | file PATH | quit 0/1.", width=70)
    f.y += 60
    boxes, cords = _restore_selectors("rh", list(enumerate(HOST_SELECTORS)), "host:1")
    table = int(LENGTH_MS * 44.1) + 1
    # the signals: burst -> object -> recorder; burst -> recorder
    f.draw(f"""
        inl [inlet]
        rb [route block]
        tbk [t f f]
        setb [set $1(
        blk [block~ 64]
        mb [block $1(
        rh [route {" ".join(HOST_SELECTORS)}]
        meas [bx-measure $0] @500,420
        host [bx-host~ $1 forward] @300,420
        {boxes}
        col 500 70
        rm [run(
        tm [trials $1(
        rr [route result] @500,460
        up [unpack f f f f] @500,490
        bu [bx-burst~ $0] @300,380
        col 700 70
        rec [r $0-rec]
        w_in [tabwrite~ $0-in]
        w_out [tabwrite~ $0-out]
        - [table $0-in {table}]
        - [table $0-out {table}]
        - [table $0-lat {TRIALS}]
        lbt [loadbang]
        st [set {TRIALS}(
        rtr [route trials]
        ttr [t f f]
        sttr [set $1(
    """, f"""
        inl > rb; rb > tbk; tbk:1 > setb; setb > blk; tbk > mb; rb:1 > rh; mb > meas; rh:3 > rtr; rtr:1 > meas{cords}
        run > rm; rm > meas; trials > tm; tm > meas; meas > rr; rr > up
        up:0 > res0; up:1 > res1; up:2 > res2; up:3 > res3
        bu > host; bu > w_in; host > w_out; rec > w_in; rec > w_out
        lbt > st; st > trials  # the number box shows bx-measure's default, and then what `trials K` set
        rtr > ttr; ttr:1 > sttr; sttr > trials; ttr > tm
    """, names)
    c.graph_on_parent(250, 130)
    return c


def args() -> Canvas:
    return _part((820, 480), "bx-args: put in a variant patch. On load: its creation arguments MODEL BUFFER -> model "
                 "PATH BUFFER (no arguments: nothing). Inlet: SELECTOR PATH ... -> SELECTOR ABSOLUTE-PATH ... A "
                 "relative PATH is relative to the folder of the patch the variant sits in (its own folder when "
                 "opened directly).", 100, 50, """
        lb [loadbang]
        am [args 1(
        ctl [pdcontrol]
        rb [route bang]
        pm [list prepend model]
        inl [inlet]
        la [list append]
        t [t l l l]
        col 230 110
        rest [list split 2]
        joined [list append]
        # fewer than 2 elements: nothing after the path
        empty [list(
        sel [list split 1]
        pre [list prepend]
        path [list split 1]
        path1 [list split 1]
        col 430 110
        ts [t s s]
        split [file split]
        first [list split 1]
        root [sel /]
        one [1(
        zero [0(
        flag [t f f]
        is_abs [spigot]
        not [== 0]
        is_rel [spigot]
        col 630 110
        dm [list prepend dir 2]
        dt [list trim]
        pc [pdcontrol]
        tr [list trim]
        out [outlet]
    """, """
        lb > am > ctl; ctl > rb; rb:1 > pm; inl > la; pm > la; la > t
        t:2 > rest; rest:1 > joined:1; rest:2 > empty; empty > joined:1; t:1 > sel; sel > pre:1; t > path
        path:1 > path1
        path1 > ts; ts:1 > split; split > first; first > root; root > one; root:1 > zero; one > flag
        zero > flag; flag:1 > is_abs:1; flag > not; not > is_rel:1; ts > is_abs; ts > is_rel
        is_rel > dm; dm > dt; dt > pc; pc > joined; is_abs > joined; joined > pre; pre > tr; tr > out
    """)


# ------------------------------------------------------------------------------ the variants

USAGE = {
    "forward": "{obj} plays MODEL's forward method on the built-in test sound (plucks and drums) or live input, "
               "with on/off, dry/wet (`delay N` delays the dry path by N samples) and output gain. Open it, click "
               "[model brave-demo.ts {buffer}( (the model that comes with brave~, next to this patch) and switch DSP "
               "on - or use it as an abstraction: [forward-{kind} MODEL BUFFER] (MODEL relative to your patch, no "
               "BUFFER: {obj}'s default). Its outlet~ is the output.",
    "latent": "{obj}: encode -> scale and offset per latent dimension (sliders: dimensions 0 to {last} - messages "
              "dim K scale V / dim K offset V for any K from 0) -> decode. Click [model brave-demo.ts {buffer}( "
              "and switch DSP on, or use [latent-{kind} MODEL BUFFER].",
    "latency": "Measures how late {obj} really is: bursts through [{obj} MODEL forward BUFFER] - onsets in input "
               "and output found to the sample - per-trial and summary figures (mean, min, max, std = jitter) in "
               "samples and ms on the Pd console and in latency-results.txt next to your patch. Click [model "
               "brave-demo.ts {buffer}( then run, or use [latency-{kind} MODEL BUFFER]. Headless runs also send "
               "file PATH and quit 1 (quit Pd when done).",
}
NOTES = {
    "brave": "brave~ runs the model in Pd's DSP callback: added latency = BUFFER - gcd(BUFFER, block) samples "
             "(BUFFER 128 at block 64: 64 samples = 1.45 ms). brave~'s help patch says more.",
    "nn": "nn~ (IRCAM's nn_tilde) must be installed (brave-demo.ts comes with brave~'s package: copy it here). "
          "BUFFER 0 runs the model in the audio callback, BUFFER > 0 in a worker thread (about one more buffer "
          "of latency) - no BUFFER: nn~'s default of 4096 samples. The latency patch tells what you really get.",
}
EXTRA = {  # messages only one object understands, in its variants only
    "brave": ["reload", "reset", "latency", "stats", "set latent_noise 0"],
    "nn": ["reload"],
}
DEMO_BUFFER = {"brave": 128, "nn": 0}  # the `model brave-demo.ts BUFFER` message of each variant
SAYS = {  # what each example message does, said beside the row (first word of the message)
    "model": "model FILE BUFFER: load FILE (a path relative to this patch) with that buffer",
    "reload": "reload: load the same file again (after a new export)",
    "reset": "reset: zero the model's streaming state",
    "latency": "latency: the added and total latency - on the Pd console",
    "stats": "stats: call times - late buffers - errors - on the Pd console",
    "set": "set latent_noise 0: no random noise in the latent (the same input gives the same output)",
    "trials": "trials N: bursts per measurement",
    "block": "block N: Pd's block size for the measured object",
    "run": "run: measure - figures on the console and in latency-results.txt",
}
CHAR_W, LINE_H = 7, 16  # Pd's default font (DejaVu Sans Mono 12) as its GUI draws it


def _lines(text: str, width: int) -> int:
    """How many lines a comment `width` characters wide wraps to (words are not split)."""
    lines, col = 1, 0
    for word in text.split():
        if col and col + 1 + len(word) > width:
            lines, col = lines + 1, len(word)
        else:
            col += (1 if col else 0) + len(word)
    return lines


def variant(what: str, kind: str) -> Canvas:
    """A patch users open: the two comments, a row of example messages, the plumbing that makes
    `model PATH` relative to the patch (bx-args), then the panel. Messages sit above what they
    feed, so no cord crosses a box."""
    obj = HOSTS[kind]
    c = Canvas(size=(900, 600))
    usage = f"{what}-{kind}: " + USAGE[what].format(obj=obj, kind=kind, last=LATENT_GUI_DIMS - 1,
                                                     buffer=DEMO_BUFFER[kind])
    width = 124
    assert ";" not in usage + NOTES[kind], "a ; in a comment starts a new line: _lines would not count it"
    c.comment(usage, 10, 10, width=width)
    y = 10 + LINE_H * _lines(usage, width) + 10
    c.comment(NOTES[kind], 10, y, width=width)
    y += LINE_H * _lines(NOTES[kind], width) + 16
    examples = [f"model brave-demo.ts {DEMO_BUFFER[kind]}"] + EXTRA[kind]
    if what == "latency":
        examples = [f"model brave-demo.ts {DEMO_BUFFER[kind]}", "trials 20", "block 64", "run"]
    rows = {"msgs": y, "route": y + 56, "lists": y + 86, "trims": y + 116, "args": y + 156, "panel": y + 196}
    boxes, cords = _restore_selectors("rt", ((0, "model"), (1, "file")), "ba")
    boxes = boxes.replace("lp_model [list prepend model]", f"lp_model [list prepend model] @180,{rows['lists']}")
    boxes = boxes.replace("lt_model [list trim]", f"lt_model [list trim] @180,{rows['trims']}")
    boxes = boxes.replace("lp_file [list prepend file]", f"lp_file [list prepend file] @340,{rows['lists']}")
    boxes = boxes.replace("lt_file [list trim]", f"lt_file [list trim] @340,{rows['trims']}")
    ending = (f"""
        lb [loadbang] @500,{rows['route']}
        fm [file latency-results.txt( @500,{rows['trims']}
    """, "lb > fm; fm > ba") if what == "latency" else (f"out [outlet~] @10,{rows['panel'] + 190}", "panel > out")
    names = Flow(c).draw(f"""
        panel [bx-{what} {obj}] @10,{rows['panel']}
        inl [inlet] @10,{rows['msgs']}
        rt [route model file] @10,{rows['route']}
        ba [bx-args] @180,{rows['args']}
        {boxes}
        {ending[0]}
    """, f"inl > rt{cords}; rt:2 > panel; ba > panel; {ending[1]}")  # panel: object 2, loaded before bx-args
    x = 80
    for k, text in enumerate(examples):  # all through rt: `model` and `file` paths relative to the patch
        names[f"m{k}"] = c.msg(text, x, rows["msgs"])
        c.connect(names[f"m{k}"], 0, names["rt"])
        x += CHAR_W * len(text) + 30
    # each message said in words, right of the plumbing and the panel, one line each
    says = [SAYS[text.split()[0]] for text in examples]
    assert not any(ch in t for t in says for ch in ",;"), "a , or ; in a comment is escaped or breaks the line"
    for k, text in enumerate(says):  # x: right of the widest panel (the latent one, 532 px)
        c.comment(text, 560, rows["args"] + LINE_H * sum(_lines(t, 46) for t in says[:k]) + 6 * k, width=46)
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


def main(argv=None, out_dir: Path = PATCH_DIR) -> int:
    """Writes every patch into `out_dir` (the checkout's patches/pd); with `--check`, writes nothing
    and returns 1 when a file there differs from what `render()` gives."""
    argv = sys.argv[1:] if argv is None else argv
    stale = []
    for name, text in render().items():
        path = Path(out_dir) / name
        if "--check" in argv:
            if not path.is_file() or path.read_text() != text:
                stale.append(name)
        else:
            path.write_text(text)
    if stale:
        print(f"make_pdpatches: out of date: {', '.join(stale)} (run patches/pd/make_pdpatches.py)", file=sys.stderr)
        return 1
    return 0
