"""Patch making: the example patches for Pd and Max, and the per-model ones.

  wiring        the wiring-table notation every generator writes its patches in (its docstring
                is the one description of the notation: the core, Pd's layout lines, Max's forms)
  pdpatches     the Pd patches of patches/pd (brave~ and nn~ variants, the bx-* abstractions)
  maxpatches    the Max patches of patches/max (nn~ / mcs.nn~), checked by maxcheck when written
  maxcheck      a static checker for .maxpat files
  modelpatches  `brave-export patches MODEL.ts`: the patches sized to one model
"""
