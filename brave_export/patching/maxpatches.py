"""Max patches for nn~: built box by box from wiring tables (brave_export.patching.wiring, extended by
`Patcher.draw` with UI boxes, comments and presentation places), every count from
brave_export.patching.maxcheck's table, every patch checked by maxcheck before it is written.

  forward   test sound or live input -> [nn~ MODEL forward BUFFER] -> dry/wet (the dry path delayed
            by the model's latency), output gain, meters, scope~, stereo out
  latent    [mcs.nn~ MODEL encode 1 BUFFER] -> one multichannel cord of all latent dimensions ->
            per-dimension scale and offset (mc.*~, mc.+~) -> [mcs.nn~ MODEL decode 1 BUFFER]
  latency   noise or sine bursts through [nn~ MODEL forward BUFFER]; onsets in input and output
            found to the sample (brave.onset~); per trial and summary in the Max window, the
            number boxes and a text file
  onset     brave.onset~, the onset detector both sides of the latency patch use

`MaxModel` holds what the patches need to know of a model; `MaxModel()` is the generic example
of patches/max (brave.ts, 8 latent dimensions, nn~'s buffer 0); `brave-export patches` fills it
from an export. `write_patches(spec, folder)` writes the four files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..fileio import write_texts_atomic
from .maxcheck import MC, NN_OBJECTS, OBJECTS, UI, S, abstraction_spec, check, nn_counts
from .wiring import connect_all, parse_max_box, table_lines

TRIALS = 32          # latency patch: trials per run
PERIOD_MS = 1500     # latency patch: one burst every PERIOD_MS
READ_MS = 1000       # latency patch: onsets are read READ_MS after each burst starts
MAX_DRY_DELAY = 262144  # delay~'s maximum, samples (about 6 s at 44.1 kHz)
RESULTS_FILE = "latency-results.txt"
ONSET = "brave.onset~"
TITLE_HEIGHT = 30    # presentation: the title lines take the top 70 px (boxes start at y 40 + this)


@dataclass
class MaxModel:
    """What the patches need to know of a model (defaults: the generic 8-dimension example)."""
    model: str = "brave.ts"       # the file name nn~ gets (next to the patch or in Max's search path)
    buffer: int = 0               # nn~'s BUFFER argument: 0 = no worker thread, buffer = the ratio
    latent_size: int = 8
    in_channels: int = 1          # forward's input and output channels
    out_channels: int = 1
    ratio: int | None = None
    sample_rate: int | None = None
    dry_delay: int = 0            # samples: the model's own delay + nn~'s buffering in Max
    latent_dry_delay: int = 0     # the same through two objects (encode, then decode)
    signal_vector: int = 64       # the Max signal vector size dry_delay was computed for
    prefix: str = "brave"         # file names: PREFIX.forward.maxpat ...

    def nn(self, method: str) -> str:
        return f"nn~ {self.model} {method} {self.buffer}"

    def mcs(self, method: str) -> str:
        return f"mcs.nn~ {self.model} {method} 1 {self.buffer}"  # mcs.nn~ MODEL METHOD BATCHES BUFFER

    def channels(self) -> dict[str, tuple[int, int]]:
        return {"forward": (self.in_channels, self.out_channels), "encode": (self.in_channels, self.latent_size),
                "decode": (self.latent_size, self.out_channels)}

    def file(self, what: str) -> str:
        return f"{self.prefix}.{what}.maxpat"


class Patcher:
    """A Max patcher built box by box. `draw` takes a wiring table in the notation's Max forms
    (brave_export.patching.wiring describes them: objects, messages, UI boxes, comments, each
    with its place, `=>` for the presentation)."""

    def __init__(self, spec: MaxModel, rect=(80.0, 80.0, 1100.0, 760.0)):
        self.spec = spec
        self.rect = list(rect)
        self.boxes: list[dict] = []
        self.lines: list[dict] = []
        self.by_id: dict[str, dict] = {}

    def _add(self, box: dict) -> str:
        box["id"] = f"obj-{len(self.boxes) + 1}"
        self.boxes.append({"box": box})
        self.by_id[box["id"]] = box
        return box["id"]

    @staticmethod
    def _rect(x, y, w, h):
        return [float(x), float(y), float(w), float(h)]

    def obj(self, text: str, x, y, w=None) -> str:
        name, *args = text.split()
        if name in NN_OBJECTS:
            nin, nout = nn_counts(text, self.spec.channels())
            outs = (S if name == "nn~" else MC,) * nout
        elif name == ONSET:
            nin, outs = 4, ("",)
        else:
            spec = OBJECTS[name](args)
            nin, outs = spec.inlets, spec.outlets
        box = {"maxclass": "newobj", "text": text, "numinlets": nin, "numoutlets": len(outs),
               "patching_rect": self._rect(x, y, w or max(40, 7 * len(text) + 14), 22)}
        if outs:
            box["outlettype"] = list(outs)
        return self._add(box)

    def ui(self, maxclass: str, x, y, w=None, h=None, **attrs) -> str:
        spec = UI[maxclass]
        size = {"toggle": (24, 24), "button": (24, 24), "ezdac~": (45, 45), "ezadc~": (45, 45),
                "meter~": (80, 13), "scope~": (130, 130)}.get(maxclass, (50, 22))
        box = {"maxclass": maxclass, "numinlets": spec.inlets, "numoutlets": len(spec.outlets),
               "patching_rect": self._rect(x, y, w or size[0], h or size[1])}
        if spec.outlets:
            box["outlettype"] = list(spec.outlets)
        if maxclass in ("toggle", "button", "flonum", "number"):
            box["parameter_enable"] = 0
        box.update(attrs)
        return self._add(box)

    def msg(self, text, x, y, w=None) -> str:
        return self.ui("message", x, y, w or max(40, 7 * len(text) + 14), text=text)

    def comment(self, text, x, y, w=300, lines=1) -> str:
        return self.ui("comment", x, y, w, 20 * lines, text=text, **({"linecount": lines} if lines > 1 else {}))

    def show(self, box_id: str, x, y, w=None, h=None, below_title=True) -> str:
        """Put a box on the presentation (the view the patch opens in); y is counted from below
        the two title lines unless below_title is False."""
        box = self.by_id[box_id]
        y = y + TITLE_HEIGHT if below_title else y
        _, _, bw, bh = box["patching_rect"]
        box["presentation"] = 1
        box["presentation_rect"] = self._rect(x, y, w or bw, h or bh)
        if box.get("linecount") and h is None:
            box.pop("linecount")
            box["presentation_linecount"] = 1
        return box_id

    def _make(self, box, at: tuple[int, int]) -> str:
        """The box of a parsed table line (wiring.MaxBox), its position offset by `at`."""
        x, y, *size = box.at
        x, y = x + at[0], y + at[1]
        if box.kind == "object":
            return self.obj(box.text, x, y, *size)
        if box.kind == "message":
            return self.msg(box.text, x, y, *size)
        if box.kind == "ui":
            return self.ui(box.text, x, y, *size, **dict(box.attrs))
        return self.comment(box.text, x, y, *size)

    def draw(self, table: str, wires: str = "", names: dict | None = None, at=(0, 0), shown_at=(0, 0)) -> dict:
        """The boxes of `table` (positions offset by `at`, presentation ones by `shown_at`), then
        the cords of `wires` in their order. Returns name -> box id."""
        names = {} if names is None else names
        for line in table_lines(table):
            box = parse_max_box(line)
            box_id = self._make(box, at)
            if box.shown:
                x, y, *wh = box.shown
                self.show(box_id, x + shown_at[0], y + shown_at[1], *wh)
            if box.name != "-":
                if box.name in names:
                    raise ValueError(f"two boxes named {box.name!r}")
                names[box.name] = box_id
        connect_all(self.connect, names, wires)
        return names

    def connect(self, src: str, outlet: int, dst: str, inlet: int) -> None:
        s, d = self.by_id[src], self.by_id[dst]
        if not 0 <= outlet < s["numoutlets"]:
            raise ValueError(f"{s.get('text', s['maxclass'])} has no outlet {outlet}")
        if not 0 <= inlet < d["numinlets"]:
            raise ValueError(f"{d.get('text', d['maxclass'])} has no inlet {inlet}")
        self.lines.append({"patchline": {"source": [src, outlet], "destination": [dst, inlet]}})

    def document(self, description="", presentation=True) -> dict:
        return {"patcher": {
            "fileversion": 1,
            "appversion": {"major": 8, "minor": 5, "revision": 5, "architecture": "x64", "modernui": 1},
            "classnamespace": "box",
            "rect": self.rect,
            "bglocked": 0,
            "openinpresentation": int(presentation),
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
        }}


# ------------------------------------------------------------------------------------ parts

def _title(p: Patcher, text: str, note: str) -> None:
    p.show(p.comment(text, 20, 10, 900), 10, 5, 760, below_title=False)
    p.show(p.comment(note, 20, 30, 900, lines=2), 10, 25, 760, 40, below_title=False)


def _nn_messages(p: Patcher, x, y, targets: list[str], px, py) -> None:
    """Message boxes for what nn~ understands in Max: enable (toggle), reload, load FILE, dump."""
    names = p.draw("""
        - "model on/off" @30,0,80 => 30,0,80
        tog <toggle> @0,0 => 0,0
        lm [loadmess 1] @0,-30
        en [enable $1( @0,32
    """, "lm > tog; tog > en", at=(x, y), shown_at=(px, py))
    # nn~ answers `dump` in the Max window; `load` swaps the model (same method); `reload` re-reads it
    boxes = [names["en"]]
    at = px + 120
    for i, text in enumerate(("reload", f"load {p.spec.model}", "dump")):
        boxes.append(p.show(p.msg(text, x + 80 + 90 * i, y + 32), at, py))
        at += p.by_id[boxes[-1]]["patching_rect"][2] + 8
    for b in boxes:
        for t in targets:
            p.connect(b, 0, t, 0)


def _test_sound(p: Patcher, x, y) -> str:
    """Synthesized plucks and noise hits (no file, no microphone) or live input; returns the source."""
    # the envelope is squared: a steeper, pluck-like decay; every fourth note (on average) a noise hit
    return p.draw("""
        - "source: 1 = built-in plucks and hits, 2 = live input (adc~ 1)" @0,0,360 => 10,75,360
        one [1( @0,22 => 10,97
        two [2( @40,22 => 50,97
        - "test sound on/off" @200,22,120 => 120,97,120
        on <toggle> @320,22 => 240,97
        lm [loadmess 1] @360,22
        metro [metro 250] @200,60
        trig [t b b b] @200,92
        note [random 24] @200,124
        pitch [+ 48] @200,154
        hz [mtof] @200,184
        osc [cycle~] @200,214
        env [line~] @330,184
        pluck_msg [1, 0 180( @330,124
        env2 [*~] @330,214
        pluck [*~] @200,246
        hit_env [line~] @470,184
        hit_pick [random 4] @470,92
        hit_sel [sel 0] @470,124
        hit_msg [0.8, 0 60( @470,154
        noise [noise~] @560,184
        hit [*~] @470,246
        mix [+~] @200,280
        level [*~ 0.5] @200,310
        adc [adc~ 1] @90,280
        sel [selector~ 2 1] @0,350
    """, """
        lm > on  # sounding as soon as audio is on
        on > metro; metro > trig; trig:2 > note; note > pitch; pitch > hz; hz > osc; trig:1 > pluck_msg
        pluck_msg > env; env > env2; env > env2:1; osc > pluck; env2 > pluck:1
        trig > hit_pick; hit_pick > hit_sel; hit_sel > hit_msg; hit_msg > hit_env; noise > hit; hit_env > hit:1
        pluck > mix; hit > mix:1; mix > level; one > sel; two > sel; level > sel:1; adc > sel:2
    """, at=(x, y))["sel"]


def _output_stage(p: Patcher, dry: str, wets: list[str], x, y, dry_delay: int) -> None:
    """The dry path delayed by `dry_delay` samples (so dry and wet line up), dry/wet 0..1, output
    gain (dB), meters, a scope~ and ezdac~: wet outlet k to side k (a mono model to both sides)."""
    names = p.draw(f"""
        - "dry delay (samples)" @-160,-60,130 => 400,75,130
        delay_box <number minimum=0 maximum={MAX_DRY_DELAY - 1}> @-160,-40,70 => 400,97,70
        lm_delay [loadmess {dry_delay}] @-160,-70
        delayed [delay~ {MAX_DRY_DELAY} {dry_delay}] @-60,-10,130
        - "dry/wet 0..1" @0,0,90 => 400,125,90
        mix <flonum minimum=0.0 maximum=1.0> @0,20 => 400,147
        lm_mix [loadmess 1.] @0,-22
        t [t f f] @0,50
        inv [expr 1. - $f1] @70,80
        - "output gain (dB)" @120,0,110 => 500,125,110
        gain_db <flonum minimum=-70.0 maximum=12.0> @120,20 => 500,147
        lm_gain [loadmess -6.] @120,-22
        lin [dbtoa] @120,50
        dry_gain [*~ 0.] @-60,110
        dac <ezdac~> @-160,270 => 650,125
        scope <scope~> @260,180 => 650,180
    """, """
        lm_delay > delay_box; dry > delayed; delay_box > delayed:1; lm_mix > mix; mix > t; lm_gain > gain_db
        gain_db > lin; delayed > dry_gain; t > inv; inv > dry_gain:1
    """, {"dry": dry}, at=(x, y))
    sides = wets if len(wets) > 1 else wets * 2
    for k, wet in enumerate(sides[:2]):
        names[f"wet{k}"] = wet
        p.draw(f"""
            gain{k} [*~ 0.] @{50 * k - 160},110
            sum{k} [+~] @{50 * k - 160},150
            out{k} [*~ 0.5] @{50 * k - 160},190
            meter{k} <meter~> @120,{180 + 18 * k} => 500,{180 + 18 * k}
        """, f"""
            wet{k} > gain{k}; t:1 > gain{k}:1; gain{k} > sum{k}; dry_gain > sum{k}:1; sum{k} > out{k}
            lin > out{k}:1; out{k} > dac:{k}; out{k} > meter{k}
        """ + ("out0 > scope" if k == 0 else ""), names, at=(x, y))
    p.draw('- "out L / R" @120,220,80 => 500,216,80', at=(x, y))


def _sides(p: Patcher, src: str, x, y) -> list[str]:
    """The model's first one or two output channels (signal outlets of `src`), one box each."""
    sides = []
    for k in range(min(p.spec.out_channels, 2)):
        sides.append(p.obj("*~ 1.", x + 60 * k, y, 50))
        p.connect(src, k, sides[-1], 0)
    return sides


def _in_meter(p: Patcher, src: str, x, y) -> None:
    p.show(p.comment("in", x + 90, y, 30), 300, 125, 30)
    m = p.show(p.ui("meter~", x, y), 300, 147)
    p.connect(src, 0, m, 0)


# ------------------------------------------------------------------------------------ patches

def forward_patch(spec: MaxModel) -> dict:
    p = Patcher(spec)
    _title(p, f"{spec.file('forward')}: [{spec.nn('forward')}] on a test sound or live input.",
           f"Put {spec.model} next to this patch (or in Max's search path), set Max to "
           f"{spec.sample_rate or 'the model'}{' Hz' if spec.sample_rate else chr(39) + 's sample rate'}, "
           f"turn audio on. The dry path is delayed by {spec.dry_delay} samples so dry and wet line up.")
    src = _test_sound(p, 20, 70)
    _in_meter(p, src, 20, 440)
    nn = p.obj(spec.nn("forward"), 20, 470, 200)
    for k in range(spec.in_channels):  # a model with several inputs gets the source on each
        p.connect(src, 0, nn, k)
    _nn_messages(p, 260, 440, [nn], 10, 45)
    _output_stage(p, dry=src, wets=_sides(p, nn, 20, 505), x=420, y=600, dry_delay=spec.dry_delay)
    return p.document(f"{spec.model}: forward with test sound, delayed dry, dry/wet and gain")


def latent_patch(spec: MaxModel) -> dict:
    p = Patcher(spec, rect=(80.0, 80.0, 1300.0, 860.0))
    n = spec.latent_size
    _title(p, f"{spec.file('latent')}: [{spec.mcs('encode')}] -> {n} latent dimensions on one "
              f"multichannel cord -> scale, offset -> [{spec.mcs('decode')}].",
           "Per dimension: scale (1 = unchanged) and offset (0 = unchanged); set scale 0 and move the offset "
           "to drive a dimension by hand. mc.*~ / mc.+~ take `setvalue CHANNEL VALUE`.")
    src = _test_sound(p, 20, 70)
    _in_meter(p, src, 20, 440)
    names = p.draw(f"""
        enc [{spec.mcs("encode")}] @20,470,260
        scale [mc.*~ 1.] @20,720,80
        offset [mc.+~ 0.] @20,750,80
        dec [{spec.mcs("decode")}] @20,780,260
        - "scale" @300,500,50 => 10,335,50
        - "offset" @300,620,50 => 10,357,50
    """, "src > enc; enc > scale; scale > offset; offset > dec", {"src": src})
    for d in range(n):  # 12 a row in the patcher, 14 a row on the presentation
        p.draw(f"""
            - "z{d}" @0,480,40 => 0,315,40
            s{d} <flonum> @0,500,60 => 0,335,50
            o{d} <flonum> @0,560,60 => 0,357,50
            init{d} [loadmess 1.] @0,470,60
            sm{d} [setvalue {d + 1} $1( @0,530,62
            om{d} [setvalue {d + 1} $1( @0,590,62
        """, f"init{d} > s{d}; s{d} > sm{d}; sm{d} > scale:1; o{d} > om{d}; om{d} > offset:1", names,
               at=(360 + 64 * (d % 12), 130 * (d // 12)), shown_at=(60 + 52 * (d % 14), 70 * (d // 14)))
    _nn_messages(p, 900, 420, [names["enc"], names["dec"]], 10, 45)
    out = p.draw(f"out [mc.unpack~ {spec.out_channels}] @20,810,100", "dec > out", names)["out"]
    _output_stage(p, dry=src, wets=_sides(p, out, 20, 835), x=1000, y=660, dry_delay=spec.latent_dry_delay)
    return p.document(f"{spec.model}: encode -> per-dimension scale and offset (mcs.nn~) -> decode")


def onset_abstraction(spec: MaxModel) -> dict:
    """brave.onset~: envelope-difference onset detector with a sample-accurate, once-per-trial latch.

    inlet 1: audio; inlet 2: sample clock (count~); inlet 3: arm with the trial's start sample;
    inlet 4: bang -> outlet 1: sample of the first onset since the last arm (or an older one if
    none was found: the caller checks it against the start sample).
    Detector (the one of `brave-export latency`, with a first-order high-pass where that has a
    second-order one, and without its backtracking): high-pass (x - onepole~ 40 Hz), rectify,
    fast (1 ms) and slow (30 ms) one-pole followers (slide~ in samples at 44.1 kHz), in dB; onset
    where fast - slow >= 9 dB and fast >= -60 dBFS.
    """
    p = Patcher(spec, rect=(100.0, 100.0, 760.0, 620.0))
    names = {name: p.ui("inlet", x, 20, 30, 30, index=k + 1, comment=comment) for k, (name, x, comment) in enumerate((
        ("audio", 20, "audio to analyse"), ("clock", 380, "sample clock (count~)"),
        ("arm", 520, "arm: the trial's start sample"), ("report", 660, "bang: report the onset")))}
    # latch: only while the held sample is older than the trial's start (armed) may sah~ take a new one
    p.draw("""
        lp [onepole~ 40.] @120,70
        hp [-~] @20,110
        rect [abs~] @20,140
        fast [slide~ 44. 44.] @20,175
        slow [slide~ 1323. 1323.] @160,175
        fdb [atodb~] @20,210
        sdb [atodb~] @160,210
        diff [-~] @20,245
        over [>~ 9.] @20,280
        loud [>~ -60.] @160,280
        trig [*~] @20,315
        armed [<~ 0.] @260,315
        gate [*~] @20,350
        sah [sah~ 0.5] @380,390
        send [send~ #0_held] @520,430
        recv [receive~ #0_held] @260,270
        snap [snapshot~] @380,470
    """, """
        audio > lp; audio > hp; lp > hp:1; hp > rect; rect > fast; rect > slow; fast > fdb; slow > sdb
        fdb > diff; sdb > diff:1; diff > over; fdb > loud; over > trig; loud > trig:1; trig > gate
        armed > gate:1; clock > sah; gate > sah:1; sah > send; recv > armed; arm > armed:1; sah > snap
        report > snap
    """, names)
    out = p.ui("outlet", 380, 520, 30, 30, index=1, comment="onset sample")
    p.connect(names["snap"], 0, out, 0)
    p.comment("send~/receive~ close the latch loop with one signal vector of delay (MSP forbids direct "
              "signal feedback); the detector keeps the trigger high far longer than that.", 20, 560, 700,
              lines=2)
    return p.document("onset detector: envelope difference, sample-accurate, first onset per arm",
                      presentation=False)


def latency_patch(spec: MaxModel) -> dict:
    """The latency patch, in the order its boxes are made: the sample clock and the bursts up to
    the object under test (and its messages), each trial's onsets and row, the results (text
    file, Max window, stop after TRIALS), the summary statistics and their number boxes."""
    p = Patcher(spec, rect=(60.0, 60.0, 1300.0, 900.0))
    _title(p, f"{spec.file('latency')}: test bursts through [{spec.nn('forward')}]; onsets in input and "
              "output found to the sample (brave.onset~).",
           f"Turn audio on, then run: {TRIALS} trials, one every {PERIOD_MS} ms. Each trial and the summary go "
           f"to the Max window, the number boxes and {RESULTS_FILE} (in Max's default folder: give `write` a full "
           "path to choose).")
    names = _latency_bursts(p, spec)
    connect_all(p.connect, names, "\n".join(f"level > nn:{k}" for k in range(spec.in_channels)))
    _nn_messages(p, 560, 470, [names["nn"]], 380, 50)
    _latency_trial(p, names)
    _latency_results(p, names)
    _latency_summary(p, names)
    _latency_shown_figures(p, names)
    p.draw("monitor [*~ 0.5] @1100,540", "nn > monitor; monitor > dac; monitor > dac:1", names)
    return p.document(f"{spec.model}: latency measurement of nn~ with test bursts")


def _latency_bursts(p: Patcher, spec: MaxModel) -> dict:
    """The sample clock counts from the moment audio starts (on initially), restarted by
    dspstate~. `run` resets, then starts the trial clock; each tick: 1st arm both detectors with
    the trial's start sample (t0), 2nd the burst (noise or a stack of four log-spaced sines,
    squared linear decay over 200 ms) into the object under test, `nn`."""
    sines = "".join(f"\nsine{i} [cycle~ {hz}] @{100 + 60 * i},255,58" for i, hz in enumerate((100, 400, 1600, 6400)))
    return p.draw(f"""
        clock [count~ 0 0 1] @20,130
        sr [dspstate~] @140,70
        dsp_on [sel 1] @140,100
        dac <ezdac~> @1100,60 => 10,50
        - "run" @330,60,40 => 90,50,40
        run <toggle> @300,80 => 60,50
        # reset first, then start the metro
        run_order [t i i] @340,80
        metro [metro {PERIOD_MS}] @300,120
        start [sel 1] @380,120
        tick [t b b b] @300,155
        t0 [snapshot~] @450,190
        env [line~] @300,260
        burst_msg [1, 0 200( @300,225
        env2 [*~] @300,295
        - "burst: 1 = noise, 2 = sines" @20,190,200 => 190,50,170
        kind1 [1( @20,215 => 190,72
        kind2 [2( @60,215 => 230,72
        noise [noise~] @20,255
        {sines}
        s01 [+~] @100,290
        s23 [+~] @220,290
        stack [+~] @100,320
        stack_level [*~ 0.25] @100,350
        kind [selector~ 2 1] @20,390
        burst [*~] @20,425
        level [*~ 0.5] @20,460
        nn [{spec.nn("forward")}] @300,500,200
    """, """
        sr > dsp_on; dsp_on > clock; run > run_order; run_order > metro; run_order:1 > start; metro > tick
        clock > t0; tick:2 > t0; tick:1 > burst_msg; burst_msg > env; env > env2; env > env2:1
        sine0 > s01; sine1 > s01:1; sine2 > s23; sine3 > s23:1; s01 > stack; s23 > stack:1; stack > stack_level
        kind1 > kind; kind2 > kind; noise > kind:1; stack_level > kind:2; kind > burst; env2 > burst:1
        burst > level
    """)


def _latency_trial(p: Patcher, names: dict) -> None:
    """READ_MS after each burst: count the trial, read the input onset, the output onset (which
    writes the trial's row), then see whether the run is done: [t b b b b] fires right to left.
    latency = out - in when the output onset belongs to this trial (>= its start), else -1; a
    trial without an output onset: `trial N missed`; the row: trial, onset in, onset out,
    samples, ms."""
    p.draw(f"""
        det_in [{ONSET}] @20,560,150
        det_out [{ONSET}] @300,560,150
        scope <scope~> @1100,480 => 330,100,200,100
        wait [delay {READ_MS}] @560,190
        read [t b b b b] @560,225
        count [i] @760,260
        inc [+ 1] @760,290
        trial_no [i] @840,330
        done_count [i] @980,330
        - "trials done" @820,290,80 => 100,80,80
        shown <number> @900,290 => 60,80,36
        lat [expr ($f1 >= $f3) * ($f1 - $f2 + 1) - 1] @300,620,260
        row [pack 0 0. 0. 0. 0.] @300,720,160
        in_t [t f f] @20,590
        out_t [t f f] @300,590
        valid [split 0. 10000000.] @300,650
        per_trial [t b f f f] @300,685
        to_ms [expr $f1 * 1000. / $f2] @460,700,150
        # up to 256 trials
        collect [zl group 256] @620,760
        missed [t b] @560,685
        missed_no [i] @560,720
        missed_row [append missed] @560,750
    """, """
        level > det_in; clock > det_in:1; t0 > det_in:2; nn > det_out; clock > det_out:1; t0 > det_out:2
        nn > scope; tick > wait; wait > read; read:3 > count; count > inc; inc > count:1; inc > trial_no:1
        inc > done_count:1; inc > shown; read:2 > det_in:3; read:1 > det_out:3; read > done_count
        det_in > in_t; det_out > out_t; in_t:1 > row:1; in_t > lat:1; out_t:1 > row:2; t0 > lat:2; out_t > lat
        lat > valid; valid > per_trial; per_trial:3 > to_ms; sr:1 > to_ms:1; to_ms > row:4; per_trial:2 > row:3
        per_trial:1 > collect; per_trial > trial_no; trial_no > row; valid:1 > missed; inc > missed_no:1
        missed > missed_no; missed_no > missed_row
    """, names)


def _latency_results(p: Patcher, names: dict) -> None:
    """The text file (as the Pd patch writes it) and the Max window; stop after TRIALS, then the
    statistics. Stop the metro directly and only show the toggle off (`set 0`): turning the
    toggle itself off would go through its reset chain. The last trial is collected by then.
    On start: trial count 0, empty collection, means and text."""
    p.draw(f"""
        results [text] @1000,840
        line [prepend trial] @300,760
        store [t b l] @300,790
        cr [cr( @300,820
        print [print latency] @420,790
        done [sel {TRIALS}] @980,360
        finish [t b b] @980,390
        stop [stop( @1060,420
        untick [set 0( @1120,420
        reset [t b b b b] @380,155
        zero [0( @460,120
        clear [zlclear( @540,120
        clear_means [clear( @620,120
        clear_text [clear( @680,120
    """, """
        row > line; missed_row > line; line > store; store:1 > results; store > cr; cr > results
        line > print; done_count > done; done > finish; finish:1 > stop; stop > metro; finish:1 > untick
        untick > run; finish > collect; start > reset; reset:3 > zero; zero > count:1; reset:2 > clear
        clear > collect; reset:1 > clear_means; reset > clear_text; clear_text > results
    """, names)


def _latency_summary(p: Patcher, names: dict) -> None:
    """Statistics over the collected latencies (samples). [t b l l l l l] fires right to left: the
    count, mean, jitter (std), min and max set the summary's cold inlets, then the bang sends the
    number of trials into its hot inlet: the summary is the run's, the first time too. The
    summary: trials detected mean min max std sr; printed, and written to the text file."""
    p.draw(f"""
        stats [t b l l l l l] @620,800
        summary [pack 0 0 0. 0. 0. 0. 0.] @620,1000,240
        n_det [zl len] @1100,840
        mean [mean] @1040,840
        square [vexpr $f1 * $f1] @900,840
        mean_sq [mean] @900,870
        std [expr sqrt(abs($f1 - $f2 * $f2))] @900,900,200
        lo [minimum 0.] @820,840
        hi [maximum 0.] @740,840
        total [i] @620,900
        text [summary trials $1 detected $2 mean $3 min $4 max $5 std $6 sr $7( @620,1030,420
        print_summary [print latency] @620,1090
        save [t b b l] @1000,1060
        cr2 [cr( @1060,1090
        write [write {RESULTS_FILE}( @1000,1120
    """, """
        collect > stats; stats:5 > n_det; n_det > summary:1; stats:4 > mean; stats:3 > square
        square > mean_sq; clear_means > mean; clear_means > mean_sq; mean > std:1; mean_sq > std
        stats:2 > lo; stats:1 > hi; mean > summary:2; lo > summary:3; hi > summary:4; std > summary:5
        sr:1 > summary:6; inc > total:1; stats > total; total > summary; summary > text; text > print_summary
        text > save; save:2 > results; save:1 > cr2; cr2 > results; save > write; write > results
    """, names)


def _latency_shown_figures(p: Patcher, names: dict) -> None:
    """Mean, jitter, min and max in samples and ms, on the presentation."""
    for i, (label, src) in enumerate((("mean", "mean"), ("jitter", "std"), ("min", "lo"), ("max", "hi"))):
        p.draw(f"""
            - "{label} (smp / ms)" @0,940,120 => {80 * i},210,80
            {label}_smp <flonum> @0,960,60 => {80 * i},232,70
            {label}_ms [expr $f1 * 1000. / $f2] @0,990,125
            {label}_ms_box <flonum> @0,1020,60 => {80 * i},254,70
        """, f"{src} > {label}_smp; {src} > {label}_ms; sr:1 > {label}_ms:1; {label}_ms > {label}_ms_box",
               names, at=(300 + 130 * i, 0), shown_at=(10, 0))


def presentation_overlaps(doc: dict) -> list[tuple[str, str]]:
    """Pairs of boxes whose presentation rectangles overlap (a cluttered view: a layout bug)."""
    shown = [(b["box"].get("text", b["box"]["maxclass"]), b["box"]["presentation_rect"])
             for b in doc["patcher"]["boxes"] if b["box"].get("presentation")]
    found = []
    for i, (a, (ax, ay, aw, ah)) in enumerate(shown):
        for b, (bx, by, bw, bh) in shown[i + 1:]:
            if ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah:
                found.append((a, b))
    return found


BUILDERS = {"forward": forward_patch, "latent": latent_patch, "latency": latency_patch}


def render(spec: MaxModel) -> dict[str, str]:
    """File name -> .maxpat text, every patch checked by maxcheck first (ValueError naming the
    problems: a generator bug, never the user's)."""
    onset = onset_abstraction(spec)
    docs = {f"{ONSET}.maxpat": onset}
    docs.update({spec.file(what): make(spec) for what, make in BUILDERS.items()})
    abstractions = {ONSET: abstraction_spec(onset)}
    for name, doc in docs.items():
        problems = check(doc, abstractions, spec.channels())
        if problems:
            raise ValueError(f"{name}: " + "; ".join(problems))
    return {name: json.dumps(doc, indent="\t") + "\n" for name, doc in docs.items()}


def write_patches(spec: MaxModel, folder) -> list[Path]:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is not a folder: pass a folder for the Max patches")
    texts = render(spec)
    folder.mkdir(parents=True, exist_ok=True)
    return write_texts_atomic({folder / name: text for name, text in texts.items()})
