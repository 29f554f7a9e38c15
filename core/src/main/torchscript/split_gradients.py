"""Writes ../resources/org/gansweep/core/train/split_gradients.pt, the TorchScript module GanStep's simultaneous
update calls.

Run with any PyTorch 1.13 or later: /usr/bin/python3 split_gradients.py
The archive holds TorchScript source, which the PyTorch inside DJL compiles when it loads the module.

One call takes D's gradient of D's loss and G's gradient of G's loss from ONE recorded forward pass (G's fakes
scored once by D), as torch.autograd.grad does in the authors' single session run: each backward pass visits
only what leads to the parameters asked for, so D's weight gradients are never computed for G's loss and G is
never visited for D's. DJL's GradientCollector can only backpropagate a loss into every parameter, which made
D score the fakes twice (once detached for D, once with D frozen for G).
"""
import os
from typing import List, Optional

import torch


class SplitGradients(torch.nn.Module):
    def forward(self, d_params: List[torch.Tensor], g_params: List[torch.Tensor], d_loss: torch.Tensor,
                g_loss: torch.Tensor) -> List[torch.Tensor]:
        # D's loss first, keeping the graph: G's loss reaches G through the same pass of D over the fakes.
        gd = torch.autograd.grad([d_loss], d_params, retain_graph=True, allow_unused=True)
        gg = torch.autograd.grad([g_loss], g_params, allow_unused=True)
        out: List[torch.Tensor] = []
        for i in range(len(d_params)):
            g: Optional[torch.Tensor] = gd[i]
            out.append(torch.zeros_like(d_params[i]) if g is None else g)
        for i in range(len(g_params)):
            g2: Optional[torch.Tensor] = gg[i]
            out.append(torch.zeros_like(g_params[i]) if g2 is None else g2)
        return out


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "gansweep", "core",
                       "train", "split_gradients.pt")
    torch.jit.script(SplitGradients()).save(out)
    print("wrote", os.path.normpath(out))
