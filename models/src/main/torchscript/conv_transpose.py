"""Writes ../resources/org/gansweep/models/conv_transpose.pt, the TorchScript module TransposedConv2d calls.

Run with any PyTorch that has torch.conv_transpose2d (all of them): /usr/bin/python3 conv_transpose.py
DJL's PyTorch engine has no transposed convolution (its Conv2dTranspose throws "Not implemented"). This module
is that one op: libtorch's own conv_transpose2d, one native call with its own backward (oneDNN's deconvolution,
or PyTorch's col2im kernels when oneDNN's convolutions are off). The archive holds TorchScript source, which the
PyTorch inside DJL compiles when it loads the module, so the op resolves against that PyTorch (2.7.1 here).
"""
import os
from typing import List

import torch


class ConvTranspose(torch.nn.Module):
    def forward(self, x: torch.Tensor, weight: torch.Tensor, bias: torch.Tensor, settings: torch.Tensor) -> torch.Tensor:
        # settings: [stride, padding, output padding] as int64, the same on both axes.
        s: List[int] = settings.tolist()
        return torch.conv_transpose2d(x, weight, bias, stride=[s[0], s[0]], padding=[s[1], s[1]],
                                      output_padding=[s[2], s[2]])


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "org", "gansweep", "models",
                       "conv_transpose.pt")
    torch.jit.script(ConvTranspose()).save(out)
    print("wrote", os.path.normpath(out))
