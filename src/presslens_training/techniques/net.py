"""The network: a MiniLM encoder with a token tagger and a span classifier on top.

Two token heads, as the probes found trainable: "propaganda or not" per wordpiece
and "which techniques" (trained only where the token is propaganda; an auxiliary
signal). The span classifier reads the encoder's states over a window of whole
sentences around a span: [CLS], mean and max of the span's pieces, plus hand-made
features. One encoder serves both, so the shipped artefact is one int8 encoder.
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn

from presslens.techniques.features import N_FEATURES
from presslens.techniques.labels import TECHNIQUES


def load_encoder(path: str | Path) -> nn.Module:
    """BertModel from a folder with ``config.json`` and ``model.safetensors`` (fp16 or fp32)."""
    from safetensors.torch import load_file
    from transformers import BertConfig, BertModel

    path = Path(path)
    config = BertConfig.from_json_file(str(path / "config.json"))
    config._attn_implementation = "eager"  # exportable to ONNX and identical on CPU/GPU
    model = BertModel(config, add_pooling_layer=False)
    state = {
        k: v.float() if v.is_floating_point() else v
        for k, v in load_file(str(path / "model.safetensors")).items()
    }
    state = {k.removeprefix("bert."): v for k, v in state.items() if not k.startswith("pooler.")}
    missing, _ = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if "position_ids" not in k]
    if missing:
        raise RuntimeError(f"encoder weights missing: {missing[:5]}")
    return model


class TechniqueNet(nn.Module):
    def __init__(self, encoder: nn.Module):
        super().__init__()
        self.encoder = encoder
        hidden = encoder.config.hidden_size
        self.dropout = nn.Dropout(0.1)
        self.prop = nn.Linear(hidden, 1)
        self.tech = nn.Linear(hidden, len(TECHNIQUES))
        self.span = nn.Linear(3 * hidden + N_FEATURES, len(TECHNIQUES))

    def hidden(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state

    def tag(self, ids: torch.Tensor, mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = self.dropout(self.hidden(ids, mask))
        return self.prop(h).squeeze(-1), self.tech(h)

    def classify(
        self, ids: torch.Tensor, mask: torch.Tensor, span_mask: torch.Tensor, feats: torch.Tensor
    ) -> torch.Tensor:
        h = self.hidden(ids, mask)
        m = span_mask.unsqueeze(-1).float()
        mean = (h * m).sum(1) / m.sum(1).clamp(min=1.0)
        mx = (h + (m - 1.0) * 1e4).max(1).values
        x = torch.cat([h[:, 0], mean, mx, feats], dim=-1)
        return self.span(self.dropout(x))


class ExportWrapper(nn.Module):
    """What ships as ONNX: ids + mask -> propaganda probability and hidden states."""

    def __init__(self, net: TechniqueNet):
        super().__init__()
        self.net = net

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor):
        h = self.net.hidden(input_ids, attention_mask)
        return torch.sigmoid(self.net.prop(h).squeeze(-1)), h
