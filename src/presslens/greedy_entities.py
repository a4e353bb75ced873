"""spaCy's greedy entity recogniser, its state machine run outside spaCy's compiled loop.

``en_core_web_sm``'s ``ner`` predicts one BILUO move per token: each step sums three
precomputed feature rows (the token, the open entity's first token and the token
before, the last two only inside an entity), takes the maxout, scores the 74 moves
with one small matrix product, and takes the best valid move. In spaCy 3.8.18's
wheel every ``StateC`` method the validity checks call takes and releases the GIL
(Cython emits the pair inside each ``nogil`` C++ method), so the compiled loop spends
most of its time on the GIL: about 50 microseconds a token, some 40% of the whole
spaCy pipeline's time on news text, for a state machine this simple.

:class:`GreedyEntities` runs the same model, the same arithmetic and the same moves:

- the feature rows come from the model's own layers (``tok2vec``, then ``lower``) on
  the same batches as ``Parser.pipe`` makes;
- outside an entity the features do not depend on earlier moves, so every token's
  scores come from one product over the document, through the BLIS ``gemm`` that
  spaCy's loop calls (the same sums in the same order, row by row);
- inside an entity (a few tokens in ten) the scores are computed token by token;
- the validity rules are ``BiluoPushDown``'s for a document without preset entities
  (entities do not start on whitespace, do not cross a sentence start, and so on),
  and the best valid move is the first highest score, as in ``arg_max_if_valid``.

Anything else (preset entities, a beam, unseen classes, another feature set) goes
to the original component, so the result is always spaCy's own.
``tests/test_greedy_entities.py`` compares the two on whole documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

_OUT, _BEGIN, _IN, _LAST, _UNIT = "O", "B", "I", "L", "U"


class _Moves:
    """The recogniser's classes by kind: which are valid outside and inside an entity."""

    def __init__(self, names: list[str], strings: Any):
        n = len(names)
        self.kind: list[str] = []
        self.label: list[int] = []
        self.inside: dict[int, tuple[int, int]] = {}  # label -> (I class, L class)
        begin_or_unit = np.zeros(n, dtype=bool)
        unit = np.zeros(n, dtype=bool)
        out = np.zeros(n, dtype=bool)
        ins: dict[int, int] = {}
        lasts: dict[int, int] = {}
        for i, name in enumerate(names):
            kind, _, label_name = name.partition("-")
            label = strings.add(label_name) if label_name else 0
            self.kind.append(kind)
            self.label.append(label)
            if kind == _OUT:
                out[i] = True
            elif label == 0:  # 'U-': valid only on a preset entity without a label
                continue
            elif kind == _BEGIN:
                begin_or_unit[i] = True
            elif kind == _UNIT:
                begin_or_unit[i] = unit[i] = True
            elif kind == _IN:
                ins[label] = i
            elif kind == _LAST:
                lasts[label] = i
        self.inside = {label: (ins[label], lasts[label]) for label in ins if label in lasts}
        # Outside an entity: on whitespace only O; where no entity may start (the last
        # token, or the next one starts a sentence) O and U; elsewhere O, U and B.
        self.space_ok = out
        self.no_begin_ok = out | unit
        self.all_ok = out | begin_or_unit


class GreedyEntities:
    """An ``EntityRecognizer`` (greedy, three features) decoded in Python; see the module."""

    def __init__(self, ner: Any, name: str | None = None):
        self.inner = ner
        self.name = name or ner.name
        self._moves: _Moves | None = None
        if _supported(ner):
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
            self._moves = _Moves(names, ner.vocab.strings)

    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 256) -> Iterator[Any]:
        """As ``Parser.pipe``: batches sorted by length and cut in quarters, so the
        layers see the same batches as in spaCy's own loop."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            for sub in minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
                self._annotate(list(sub))
            yield from batch

    def _annotate(self, docs: list[Any]) -> None:
        if self._moves is None or not any(len(d) for d in docs) or any(map(_preset, docs)):
            for _ in self.inner.pipe(docs):  # annotates each in place
                pass
            return
        from thinc.api import set_dropout_rate

        model = self.inner.model
        set_dropout_rate(model, 0.0)  # what greedy_parse does
        tok2vec, lower, upper = model.layers
        features = lower.predict(tok2vec.predict(docs))  # (tokens + 1, 3, nO, nP)
        weights = _Weights(features, lower.get_param("b"), upper)
        offset = 0
        for doc in docs:
            if len(doc):
                spans = _decode(doc, offset, weights, self._moves)
                doc.set_ents(
                    [_span(doc, start, end, label) for start, end, label in spans],
                    default="outside",
                )
            offset += len(doc)


class _Weights:
    """The precomputed feature rows and the output layer, scored as spaCy's loop does."""

    def __init__(self, features: Any, bias: Any, upper: Any):
        self.rows = features  # row 0: padding; row k + 1: token k of the batch
        self.bias = bias
        self.W = upper.get_param("W")
        self.b = upper.get_param("b")

    def scores(self, summed: Any) -> Any:
        """Scores of summed feature rows (n, nO, nP): bias, maxout, then the output layer
        through BLIS as ``predict_states`` multiplies (a row's sums do not depend on n)."""
        from blis.py import gemm

        hidden = np.ascontiguousarray((summed + self.bias).max(axis=-1))
        out = gemm(hidden, self.W, trans2=True, alpha=1.0, beta=0.0)
        out += self.b
        return out


def _decode(doc: Any, offset: int, w: _Weights, moves: _Moves) -> list[tuple[int, int, int]]:
    """The entities ``BiluoPushDown`` gives ``doc`` (tokens ``offset``... of the batch)."""
    from spacy.attrs import IS_SPACE, SENT_START

    n = len(doc)
    flags = doc.to_array([IS_SPACE, SENT_START])
    space = flags[:, 0].astype(bool)
    # An entity may start or go on at token t only if t is not the last token and the
    # next token does not start a sentence (spaCy's sent_start == 1).
    goes_on = np.zeros(n, dtype=bool)
    goes_on[:-1] = flags[1:, 1].astype(np.int64) != 1
    rows = w.rows
    first = rows[offset + 1 : offset + 1 + n, 0]
    closed = w.scores((first + rows[0, 1]) + rows[0, 2])
    valid = np.where(
        space[:, None],
        moves.space_ok,
        np.where(goes_on[:, None], moves.all_ok, moves.no_begin_ok),
    )
    choice = np.where(valid, closed, -np.inf).argmax(axis=1).tolist()
    kind, labels = moves.kind, moves.label
    spans: list[tuple[int, int, int]] = []
    t = 0
    while t < n:
        c = choice[t]
        if kind[c] == _OUT:
            t += 1
            continue
        label = labels[c]
        if kind[c] == _UNIT:
            spans.append((t, t + 1, label))
            t += 1
            continue
        start, t = t, t + 1
        i_class, l_class = moves.inside[label]
        while True:
            if goes_on[t]:
                row = (rows[offset + 1 + t, 0] + rows[offset + 1 + start, 1]) + rows[offset + t, 2]
                s = w.scores(row[None])[0]
                # The first of the two highest wins, as in arg_max_if_valid.
                if i_class < l_class:
                    go_on = bool(s[i_class] >= s[l_class])
                else:
                    go_on = bool(s[i_class] > s[l_class])
                if go_on:
                    t += 1
                    continue
            spans.append((start, t + 1, label))
            t += 1
            break
    return spans


def _span(doc: Any, start: int, end: int, label: int) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)


def _preset(doc: Any) -> bool:
    """Whether ``doc`` has entity annotation already (spaCy's moves then differ)."""
    from spacy.attrs import ENT_IOB

    return bool(len(doc)) and bool(doc.to_array([ENT_IOB]).any())


def _supported(ner: Any) -> bool:
    """Whether ``ner`` is the model :class:`GreedyEntities` reproduces."""
    try:
        from spacy.pipeline._parser_internals.ner import BiluoPushDown
        from thinc.api import NumpyOps

        model = ner.model
        _, lower, upper = model.layers
        return (
            isinstance(ner.moves, BiluoPushDown)
            and ner.cfg.get("beam_width", 1) == 1
            and model.attrs.get("has_upper")
            and not model.attrs.get("unseen_classes")
            and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2
            and isinstance(lower.ops, NumpyOps)
            and upper.get_param("W").shape == (ner.moves.n_moves, lower.get_dim("nO"))
            and not list(ner.postprocesses)
        )
    except (AttributeError, KeyError, ValueError, ImportError):
        return False


_FACTORY = "presslens_greedy_entities"


def _make(nlp: Any, name: str, source: str) -> GreedyEntities:
    return GreedyEntities(nlp.get_pipe(source), name)


def install_greedy_entities(nlp: Any) -> None:
    """Put :class:`GreedyEntities` around each greedy ``EntityRecognizer`` of ``nlp``
    that it reproduces (spaCy's public pipe API: add, remove, rename)."""
    from spacy.language import Language
    from spacy.pipeline import EntityRecognizer

    if not Language.has_factory(_FACTORY):
        Language.factory(_FACTORY, default_config={"source": "ner"})(_make)
    for name, proc in list(nlp.pipeline):
        if not isinstance(proc, EntityRecognizer) or not _supported(proc):
            continue
        temporary = f"{name}__greedy"
        nlp.add_pipe(_FACTORY, name=temporary, after=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(temporary, name)
