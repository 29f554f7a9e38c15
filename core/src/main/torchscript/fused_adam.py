"""Writes ../resources/org/gansweep/core/train/fused_adam.pt, the TorchScript module AdamOptimizer calls.

Run with any PyTorch that has torch._fused_adam_ (1.13 or later): /usr/bin/python3 fused_adam.py
The archive holds TorchScript source, which the PyTorch inside DJL compiles when it loads the module, so
the op resolves against that PyTorch (2.7.1 here, which has fused Adam kernels for CPU and CUDA).

One call updates every parameter of a network in place with PyTorch's own Adam arithmetic (the same as
torch.optim.Adam(fused=True)), then zeroes the gradients: DJL clears a gradient only in the optimiser
update, and PyTorch accumulates into it otherwise.
"""
import os
from typing import List

import torch


class FusedAdam(torch.nn.Module):
    def forward(self, params: List[torch.Tensor], grads: List[torch.Tensor], exp_avgs: List[torch.Tensor],
                exp_avg_sqs: List[torch.Tensor], steps: torch.Tensor, hyper: torch.Tensor) -> torch.Tensor:
        # steps: the step count of each parameter (float, this update included);
        # hyper: [lr, beta1, beta2, weight_decay, eps] as float64.
        h: List[float] = hyper.tolist()
        torch._fused_adam_(params, grads, exp_avgs, exp_avg_sqs, [], list(steps.unbind(0)), lr=h[0], beta1=h[1],
                           beta2=h[2], weight_decay=h[3], eps=h[4], amsgrad=False, maximize=False)
        torch._foreach_zero_(grads)
        return steps


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "gansweep", "core",
                       "train", "fused_adam.pt")
    torch.jit.script(FusedAdam()).save(out)
    print("wrote", os.path.normpath(out))
