"""Attribution: who said what, through whom, and how each claim is sourced.

Three stages live here: ``quotes`` (direct, indirect and mixed reported speech
with cue, speaker and route), ``scare_quotes`` (quoted phrases that are nobody's
speech) and ``sourcing`` (the basis of every claim-bearing sentence). The modules
are small and layered: ``marks`` pairs quotation marks, ``cues`` knows reporting
words, ``frames`` finds the cue and speaker around a quotation, ``indirect`` finds
reported speech without marks, ``coref`` links speakers to entities, ``extract``
puts them together.
"""
