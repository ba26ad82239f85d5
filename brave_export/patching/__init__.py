"""Patch making: the example patches for Pd and Max, and the per-model ones.

  wiring        the wiring-table notation every generator writes its patches in (its docstring
                is the one description of the notation: the core, Pd's layout lines, Max's forms)
  pdpatches     the Pd patches of patches/pd (brave~ and nn~ variants, the bx-* abstractions)
  maxpatches    the Max patches of patches/max (nn~ / mcs.nn~), checked by maxcheck when written
  maxcheck      a static checker for .maxpat files; its object table is checked against maxfacts
  maxfacts      facts that do not come from the generator: boxes as Max saved them in public
                patches (each with its repository and path) and the argument shapes of the
                objects the patches use (each with its source)
  pdflow        Flow (Pd layout lines), part, and Dynamic (dynamic-patching messages)
  modelpatches  `brave-export patches MODEL.ts`: the patches sized to one model
"""
