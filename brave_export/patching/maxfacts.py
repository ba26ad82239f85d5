"""Facts about Max objects that do not come from this project's generator: what Max itself saved
(inlet count, outlet types) in public patches, each with the repository and path it was read
from, and the argument shapes of the objects the patches use, each with its source (nn~'s own
sources, Max's reference pages). maxcheck checks its object table against these facts and every
box's arguments against these shapes, so a wrong table entry is caught, not only drift between
the table and the generator.

Sources (fetched snapshots): acids-ircam/nn_tilde (nn~'s help patches, Max 8), playbenny/benny
and pdmeyer/philip-meyer-max-tutorials (Max 9). Boxes of RNBO and gen~ patchers are left out
(they are other objects of the same name). An object no saved patch here shows is in REFERENCE,
with the reference page its counts come from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

S = "signal"
MC = "multichannelsignal"


@dataclass(frozen=True)
class Saved:
    """A box as Max saved it: TEXT (an object box) or <maxclass> (a UI box), its inlet count and
    outlet types (one per outlet), where it was read, and for nn~ boxes the channels of the help
    patch's model (method -> (inputs, outputs))."""
    text: str
    inlets: int
    outlets: tuple[str, ...]
    repo: str
    path: str
    channels: dict = field(default=None, compare=False, hash=False)

    @property
    def ui(self) -> bool:
        return len(self.text) > 2 and self.text[0] == "<" and self.text[-1] == ">"

    @property
    def name(self) -> str:
        return self.text[1:-1] if self.ui else self.text.split()[0]

    @property
    def source(self) -> str:
        return f"{self.repo} {self.path}"


SAVED: tuple[Saved, ...] = (
    Saved('loadbang', 1, ('bang',), 'acids-ircam/nn_tilde', 'src/help/nn.info.maxhelp'),
    Saved('loadmess 1.', 1, ('',), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('loadmess', 1, ('',), 'acids-ircam/nn_tilde', 'src/help/mc.nn~.maxhelp'),
    Saved('loadmess 1 0 0 0', 1, ('',), 'acids-ircam/nn_tilde', 'src/patchers/ts_help.maxpat'),
    Saved('loadmess outgate 1', 1, ('',), 'playbenny/benny', 'audio_blocks/mix.bus.ui.maxpat'),
    Saved('metro 100', 2, ('bang',), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('delay 20', 2, ('bang',), 'playbenny/benny', 'audio_blocks/fx.delay.tape.maxpat'),
    Saved('delay', 2, ('',), 'playbenny/benny', 'audio_blocks/mix.abb.comp.channel.maxpat'),
    Saved('t 1. b', 1, ('float', 'bang'), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('t b', 1, ('bang',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('t b l b', 1, ('bang', '', 'bang'), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('t b i i clear', 1, ('bang', 'int', 'int', 'clear'), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('i', 2, ('int',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('i 1', 2, ('int',), 'playbenny/benny', 'audio_blocks/seq.sample.tracker.maxpat'),
    Saved('f', 2, ('float',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('f 0', 2, ('float',), 'playbenny/benny', 'audio_blocks/seq.sample.tracker.maxpat'),
    Saved('+ 1', 2, ('int',), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('+', 2, ('int',), 'playbenny/benny', 'audio_blocks/fx.delay.stretch.maxpat'),
    Saved('- 1', 2, ('int',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('-', 2, ('int',), 'playbenny/benny', 'audio_blocks/mix.bus.ui.maxpat'),
    Saved('* 1.', 2, ('float',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('*', 2, ('int',), 'playbenny/benny', 'audio_blocks/fx.pitch.gate.maxpat'),
    Saved('sel 1', 2, ('bang', ''), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('sel 0 1', 3, ('bang', 'bang', ''), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider.maxpat'),
    Saved('sel sin squ saw rnd', 5, ('bang', 'bang', 'bang', 'bang', ''), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('sel 1 2 4 8 16', 6, ('bang', 'bang', 'bang', 'bang', 'bang', ''), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('select dump_all', 2, ('bang', ''), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/latent_remote.maxpat'),
    Saved('random 1000', 2, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('random', 2, ('',), 'playbenny/benny', 'note_blocks/seq.piano.roll.maxpat'),
    Saved('mtof 1.', 1, ('',), 'playbenny/benny', 'audio_blocks/fx.delay.buckets.maxpat'),
    Saved('mtof', 1, ('',), 'playbenny/benny', 'externals/vb.mi-objects/help/vb.mi.reson~.maxhelp'),
    Saved('dbtoa 0.', 1, ('',), 'playbenny/benny', 'audio_blocks/fx.metal.box.maxpat'),
    Saved('dbtoa', 1, ('',), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/office-hours-2025-03/office_hours_2025-04-03.maxpat'),
    Saved('expr $f1 / abs($f1)', 1, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('expr $f2*100.+($f1*100)', 2, ('',), 'playbenny/benny', 'audio_blocks/fx.pitch.retune.maxpat'),
    Saved('expr $i1*5 + $i3*15 + 1 + $i2', 3, ('',), 'playbenny/benny', 'audio_blocks/fx.thermal.eq.maxpat'),
    Saved('expr $i1 *$i2 + $i3 + $i2 - 1 + $i4', 4, ('',), 'playbenny/benny', 'note_blocks/universal.step.sequence.maxpat'),
    Saved('vexpr $f2 + $f1 * ($f3 - $f2)', 3, ('',), 'playbenny/benny', 'audio_blocks/utility.sacred.channel.maxpat'),
    Saved('vexpr $i1 * $i2', 2, ('',), 'playbenny/benny', 'hardware_configs/drivers/controller_drivers/Launch Control XL.maxpat'),
    Saved('vexpr $f1 * 0.45', 1, ('',), 'pdmeyer/philip-meyer-max-tutorials', 'extras/fundamentals-of-sequencing/pdm.webcamlfo.maxpat'),
    Saved('split 0. 0.77', 3, ('float', 'float'), 'playbenny/benny', 'audio_blocks/consolewraps/console7cascade.maxpat'),
    Saved('zl sum', 2, ('', ''), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider.maxpat'),
    Saved('zl slice 1', 2, ('', ''), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('minimum 255', 2, ('int', 'int'), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('minimum', 2, ('int', 'int'), 'playbenny/benny', 'audio_blocks/utility.self.tuner.maxpat'),
    Saved('maximum 1.', 2, ('float', 'int'), 'playbenny/benny', 'audio_blocks/mix.bus.ui.maxpat'),
    Saved('maximum', 2, ('int', 'int'), 'playbenny/benny', 'audio_blocks/utility.self.tuner.maxpat'),
    Saved('pack f f', 2, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('pack 0 0 1', 3, ('',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('pack 0. 0. 0. 0.', 4, ('',), 'playbenny/benny', 'audio_blocks/source.chaos.osc.maxpat'),
    Saved('pack 0 0 0 0 0 0 0', 7, ('',), 'playbenny/benny', 'audio_blocks/utility.gate.ui.maxpat'),
    Saved('pak i f', 2, ('',), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('pak f f f f', 4, ('',), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('pak', 2, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_remote.maxpat'),
    Saved('pak i i i', 3, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider.maxpat'),
    Saved('prepend set wavetable', 1, ('',), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('prepend set last changed :', 1, ('',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('prepend compatibility', 1, ('',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('prepend', 1, ('',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('append 1', 1, ('',), 'playbenny/benny', 'audio_blocks/fx.pitch.gate.maxpat'),
    Saved('append 0 0 0', 1, ('',), 'playbenny/benny', 'audio_blocks/utility.gate.ui.maxpat'),
    Saved('append -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1 -1', 1, ('',), 'playbenny/benny', 'note_blocks/core.input.control.maxpat'),
    Saved('append', 1, ('',), 'playbenny/benny', 'note_blocks/core.scales.shapes.maxpat'),
    Saved('print parameters', 1, (), 'acids-ircam/nn_tilde', 'src/help/nn.info.maxhelp'),
    Saved('print', 1, (), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('text', 1, ('', 'bang', 'int'), 'pdmeyer/philip-meyer-max-tutorials', 'extras/fundamentals-of-sequencing/pdm.scala.parser.maxpat'),
    Saved('sprintf %.2f', 1, ('',), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('sprintf get %s::groups[%d]', 2, ('',), 'playbenny/benny', 'audio_blocks/VST.manager.maxpat'),
    Saved('adc~ 18', 1, (S,), 'playbenny/benny', 'audio_blocks/multi-irs/capture and process.maxpat'),
    Saved('adc~', 1, (S, S), 'playbenny/benny', 'patchers/hardware_config_editor.maxpat'),
    Saved('dac~', 2, (), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp'),
    Saved('dac~ 1 2', 2, (), 'playbenny/benny', 'audio_blocks/multi-irs/capture and process.maxpat'),
    Saved('dac~ 18', 1, (), 'playbenny/benny', 'audio_blocks/multi-irs/capture and process.maxpat'),
    Saved('noise~', 1, (S,), 'acids-ircam/nn_tilde', 'scripting/scripting.maxpat'),
    Saved('cycle~ 2', 2, (S,), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('cycle~', 2, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('line~ 20', 2, (S, 'bang'), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('line~', 2, (S, 'bang'), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('sig~', 1, (S,), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp'),
    Saved('sig~ 1.', 1, (S,), 'playbenny/benny', 'audio_blocks/source.auto.drummer.maxpat'),
    Saved('*~ 0.6', 2, (S,), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('*~', 2, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('+~ 0.', 2, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('+~', 2, (S,), 'acids-ircam/nn_tilde', 'src/patchers/rave_help.maxpat'),
    Saved('-~', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.delay.stretch.maxpat'),
    Saved('-~ 0.5', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.delay.stretch.maxpat'),
    Saved('>~ 0.5', 2, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('>~', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.freeze.maxpat'),
    Saved('<~ -0.0001', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.delay.stretch.maxpat'),
    Saved('<~', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.freeze.maxpat'),
    Saved('abs~', 1, (S,), 'playbenny/benny', 'audio_blocks/utility.gate.maxpat'),
    Saved('onepole~', 2, (S,), 'playbenny/benny', 'audio_blocks/fx.delay.stretch.maxpat'),
    Saved('onepole~ 10 Hz', 2, (S,), 'playbenny/benny', 'audio_blocks/multi-irs/capture and process.maxpat'),
    Saved('onepole~ 500', 2, (S,), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/fundamentals-of-sequencing/02_subdiv~.maxpat'),
    Saved('slide~ 100 100', 3, (S,), 'playbenny/benny', 'audio_blocks/fx.filter.abl.filther.maxpat'),
    Saved('slide~', 3, (S,), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/0ctrl/0ctrl.maxpat'),
    Saved('selector~ 2', 3, (S,), 'acids-ircam/nn_tilde', 'scripting/scripting.maxpat'),
    Saved('selector~ 4', 5, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/M4L.latent_slider_component.maxpat'),
    Saved('selector~ 3', 4, (S,), 'acids-ircam/nn_tilde', 'src/patchers/ts_help.maxpat'),
    Saved('selector~ 2 1', 3, (S,), 'playbenny/benny', 'audio_blocks/mix.abb.comp.channel.maxpat'),
    Saved('sah~', 2, (S,), 'playbenny/benny', 'externals/vb.mi-objects/help/vb.mi.brds~.maxhelp'),
    Saved('sah~ 0.5', 2, (S,), 'playbenny/benny', 'externals/vb.mi-objects/help/vb.mi.elmnts~.maxhelp'),
    Saved('snapshot~ 0.046', 2, ('float',), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('snapshot~', 2, ('float',), 'playbenny/benny', 'audio_blocks/fx.freeze.maxpat'),
    Saved('dspstate~', 1, ('int', 'float', 'int', 'int'), 'playbenny/benny', 'audio_blocks/fx.delay.buckets.maxpat'),
    Saved('delay~ 500000 0 100', 2, (S,), 'playbenny/benny', 'audio_blocks/utility.delay.maxpat'),
    Saved('delay~ 1 1', 2, (S,), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/fundamentals-of-sequencing/03_stash~.maxpat'),
    Saved('mc.*~ 0.', 2, (MC,), 'acids-ircam/nn_tilde', 'src/help/mcs.nn~.maxhelp'),
    Saved('mc.*~', 2, (MC,), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/ersatz-bessel/Ersatz Bessel/patchers/Ersatz Bessel.maxpat'),
    Saved('mc.+~', 2, (MC,), 'acids-ircam/nn_tilde', 'src/help/mc.nn~.maxhelp'),
    Saved('mc.+~ 0.', 2, (MC,), 'acids-ircam/nn_tilde', 'src/help/mcs.nn~.maxhelp'),
    Saved('mc.unpack~', 1, (S, S), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/office-hours-2025-03/office_hours_2025-04-03.maxpat'),
    Saved('mc.unpack~ 4', 1, (S, S, S, S), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/signal-polyphony/signal-polyphony/patchers/signal-polyphony.maxpat'),
    Saved('<toggle>', 1, ('int',), 'acids-ircam/nn_tilde', 'python_tools/test/test_attributes.maxpat'),
    Saved('<button>', 1, ('bang',), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp'),
    Saved('<flonum>', 1, ('', 'bang'), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('<number>', 1, ('', 'bang'), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('<ezdac~>', 2, (), 'acids-ircam/nn_tilde', 'scripting/scripting.maxpat'),
    Saved('<message>', 2, ('',), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('<comment>', 1, (), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('<inlet>', 0, ('bang',), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp'),
    Saved('<outlet>', 1, (), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp'),
    Saved('<meter~>', 1, ('float',), 'pdmeyer/philip-meyer-max-tutorials', 'patchers/fundamentals-of-sequencing/06_mc.midiplayer~.maxpat'),
    Saved('<scope~>', 2, (), 'acids-ircam/nn_tilde', 'extras/01_nn_attributes.maxpat'),
    Saved('send~ #0-input', 1, (), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/latent_slider_component.maxpat'),
    Saved('receive~ #0-input', 1, (S,), 'acids-ircam/nn_tilde', 'src/patchers/latent_remote/latent_slider_component.maxpat'),
    # nn_tilde's own objects, with the channels of the help patches' models (method: in, out)
    Saved('nn~', 1, (), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
    Saved('nn~ wheel forward 0', 1, (S,), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp', {"forward": (1, 1)}),
    Saved('nn~ wheel forward 8192', 1, (S,), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp', {"forward": (1, 1)}),
    Saved('nn~ wheel encode', 1, (S,) * 8, 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp', {"encode": (1, 8)}),
    Saved('nn~ wheel decode', 8, (S,), 'acids-ircam/nn_tilde', 'src/frontend/maxmsp/nn_tilde/nn~.maxhelp', {"decode": (8, 1)}),
    Saved('mc.nn~ wheel encode', 1, (MC,) * 8, 'acids-ircam/nn_tilde', 'src/help/mc.nn~.maxhelp', {"encode": (1, 8)}),
    Saved('mc.nn~ wheel decode', 8, (MC,), 'acids-ircam/nn_tilde', 'src/help/mc.nn~.maxhelp', {"decode": (8, 1)}),
    Saved('mcs.nn~ wheel encode 2', 2, (MC, MC), 'acids-ircam/nn_tilde', 'src/help/mcs.nn~.maxhelp'),
    Saved('mcs.nn~ demo_buffers loudness', 1, (MC,), 'acids-ircam/nn_tilde', 'src/help/nn~.maxhelp'),
)


@dataclass(frozen=True)
class Reference:
    """Counts from Max's reference page where no saved patch here shows the object."""
    text: str
    inlets: int
    outlets: tuple[str, ...]
    url: str

    @property
    def ui(self) -> bool:
        return len(self.text) > 2 and self.text[0] == "<" and self.text[-1] == ">"

    @property
    def name(self) -> str:
        return self.text[1:-1] if self.ui else self.text.split()[0]

    @property
    def source(self) -> str:
        return self.url


REFERENCE: tuple[Reference, ...] = (
    Reference("count~ 0 0 1", 2, (S,), "https://docs.cycling74.com/max7/refpages/count~"),
    Reference("atodb~", 1, (S,), "https://docs.cycling74.com/max8/refpages/atodb~"),
    Reference("mean", 1, ("float", "int"), "https://docs.cycling74.com/max8/refpages/mean"),
    Reference("<ezadc~>", 1, (S, S), "https://docs.cycling74.com/max8/refpages/ezadc~"),
)

# Max's own aliases: the facts of the object they name apply
ALIASES = {"trigger": "t", "select": "sel"}


def facts_for(name: str) -> list:
    """The saved boxes and reference entries of object (or <maxclass>) `name`."""
    name = ALIASES.get(name, name)
    return [f for f in SAVED + REFERENCE if f.name == name]


# ------------------------------------------------------------------------------ argument shapes

_INT = re.compile(r"-?\d+")
_NUMBER = re.compile(r"-?(\d+\.?\d*|\.\d+)(e-?\d+)?")
_METHOD = re.compile(r"[A-Za-z_]\w*")  # a TorchScript method name


def _ints(args, what: str, lo: int = 0) -> str | None:
    for a in args:
        if not _INT.fullmatch(a) or int(a) < lo:
            return f"{what}: {a!r} is not an integer >= {lo}"
    return None


def _numbers(args, what: str, most: int) -> str | None:
    if len(args) > most:
        return f"{what}: at most {most} arguments, {len(args)} given"
    for a in args:
        if not _NUMBER.fullmatch(a):
            return f"{what}: {a!r} is not a number"
    return None


def _model_method(args, form: str) -> tuple[str | None, list[str]]:
    """MODEL METHOD at the head of an nn~ box's arguments: a problem, and the rest."""
    model, *rest = args
    if _NUMBER.fullmatch(model):
        return f"{form}: MODEL {model!r} is a number, not a model file or name", []
    if not rest:
        return None, []
    method, *rest = rest
    if not _METHOD.fullmatch(method):
        return (f"{form}: METHOD {method!r} is not a method name (is the model file after the method?)", [])
    return None, rest


def _nn(args) -> str | None:
    form = "nn~ MODEL METHOD [BUFFER [INLETS [OUTLETS]]] (or void INLETS OUTLETS [BUFFER])"
    if not args:
        return None  # an empty box, as nn~'s help patches save it
    if args[0] == "void":
        return _ints(args[1:4], form) or (f"{form}: too many arguments" if len(args) > 4 else None)
    problem, rest = _model_method(args, form)
    if problem:
        return problem
    if len(rest) > 3:
        return f"{form}: too many arguments"
    return _ints(rest, form)


def _mcs_nn(args) -> str | None:
    form = "mcs.nn~ MODEL METHOD [BATCHES [BUFFER]]"
    if not args:
        return None
    problem, rest = _model_method(args, form)
    if problem:
        return problem
    if len(rest) > 2:
        return f"{form}: too many arguments"
    return _ints(rest[:1], form, lo=1) or _ints(rest[1:], form)


def _count(args) -> str | None:
    form = "count~ [INITIAL [LIMIT [ENABLE [AUTORESET]]]] (ints; ENABLE and AUTORESET 0 or 1)"
    if len(args) > 4:
        return f"{form}: {len(args)} arguments"
    problem = _ints(args, form, lo=-(2 ** 31))
    if problem:
        return problem
    values = [int(a) for a in args]
    if any(v not in (0, 1) for v in values[2:]):
        return f"{form}: ENABLE / AUTORESET {values[2:]}"
    if len(values) > 1 and values[1] and values[1] <= values[0]:
        return f"{form}: LIMIT {values[1]} is not above INITIAL {values[0]} (0: no limit)"
    return None


def _selector(args) -> str | None:
    form = "selector~ [INPUTS [INITIAL]]"
    if len(args) > 2:
        return f"{form}: {len(args)} arguments"
    problem = _ints(args[:1], form, lo=1) or _ints(args[1:], form)
    if problem:
        return problem
    if len(args) == 2 and int(args[1]) > int(args[0]):
        return f"{form}: INITIAL {args[1]} is more than INPUTS {args[0]}"
    return None


# object -> (check of its arguments: a problem or None, the source of the shape)
ARGUMENTS = {
    "nn~": (_nn, "acids-ircam/nn_tilde src/frontend/maxmsp/shared/nn_base.h (init_inputs_and_outputs)"),
    "mc.nn~": (_nn, "acids-ircam/nn_tilde src/frontend/maxmsp/shared/nn_base.h (init_inputs_and_outputs)"),
    "mcs.nn~": (_mcs_nn, "acids-ircam/nn_tilde src/frontend/maxmsp/mcs.nn_tilde/mcs.nn_tilde.cpp"),
    "count~": (_count, "https://docs.cycling74.com/max7/refpages/count~ (initial-value, count-limit, enable, "
                       "autoreset-state)"),
    "selector~": (_selector, "https://docs.cycling74.com/max8/refpages/selector~; saved: playbenny/benny "
                             "audio_blocks/mix.abb.comp.channel.maxpat ([selector~ 2 1])"),
    "mc.unpack~": (lambda a: _ints(a, "mc.unpack~ [OUTLETS]", lo=1) or (
        "mc.unpack~ [OUTLETS]: more than one argument" if len(a) > 1 else None),
        "https://docs.cycling74.com/max8/refpages/mc.unpack~"),
    "adc~": (lambda a: _ints(a, "adc~ [CHANNEL ...]", lo=1), "https://docs.cycling74.com/max8/refpages/adc~"),
    "dac~": (lambda a: _ints(a, "dac~ [CHANNEL ...]", lo=1), "https://docs.cycling74.com/max8/refpages/dac~"),
    "random": (lambda a: _ints(a, "random [RANGE]", lo=1) or (
        "random [RANGE [SEED]]: too many arguments" if len(a) > 2 else None),
        "https://docs.cycling74.com/max8/refpages/random"),
    "delay~": (lambda a: _numbers(a, "delay~ [MAXIMUM [INITIAL [RAMP]]]", 3),
               "https://docs.cycling74.com/max8/refpages/delay~; saved: playbenny/benny "
               "audio_blocks/utility.delay.maxpat ([delay~ 500000 0 100])"),
    "snapshot~": (lambda a: _numbers(a, "snapshot~ [INTERVAL [OFFSET]]", 2),
                  "https://docs.cycling74.com/max8/refpages/snapshot~"),
    "sah~": (lambda a: _numbers(a, "sah~ [THRESHOLD]", 1), "https://docs.cycling74.com/max8/refpages/sah~"),
    "slide~": (lambda a: _numbers(a, "slide~ [UP [DOWN]]", 2), "https://docs.cycling74.com/max8/refpages/slide~"),
    "line~": (lambda a: _numbers(a, "line~ [INITIAL]", 1), "https://docs.cycling74.com/max8/refpages/line~"),
}


def argument_problem(text: str) -> str | None:
    """What is wrong with the arguments of object box `text` (None: nothing this table knows of)."""
    name, *rest = text.split()
    args = rest[:next((i for i, a in enumerate(rest) if a.startswith("@")), len(rest))]  # before @attributes
    rule = ARGUMENTS.get(name)
    return rule[0](args) if rule else None


def argument_source(text: str) -> str:
    return ARGUMENTS[text.split()[0]][1]
