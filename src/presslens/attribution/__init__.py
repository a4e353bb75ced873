"""Attribution: who said what, through whom, and how each claim is sourced.

Three stages live here: ``quotes`` (direct, indirect and mixed reported speech
with cue, speaker and route; :mod:`.stage`), ``scare_quotes`` (quoted phrases that
are nobody's speech; :mod:`.scare`) and ``sourcing`` (the basis of every
claim-bearing sentence; :mod:`.sourcing`). The modules are small and layered:
``marks`` pairs quotation marks, ``cues`` knows reporting words, ``frames`` finds
the cue and speaker around a quotation, ``indirect`` finds reported speech without
marks, ``transcripts`` reads ``NAME:`` turns, ``extract`` puts them together into
``found.Found`` records, and ``coref`` links speakers and routes to entities
(``furniture`` keeps the dateline's agency out of the speakers it may link to).
"""
