"""Loads SslDsl's PyTorch exports in Python PyTorch and writes weights from PyTorch for SslDsl to load.

    python3 check_pytorch_export.py FOLDER CASE [CASE ...]

For each CASE, FOLDER holds what PyTorchExportTests wrote: CASE.py (the architecture), CASE.pt (state
dict), CASE.safetensors and CASE.data.pt ({"input": x, "expected": SslDsl's embeddings of x}). The script

  1. builds the architecture with CASE.py, loads CASE.pt strictly, and runs x in eval mode;
  2. loads CASE.safetensors the same way and checks it holds exactly CASE.pt's tensors;
  3. builds a fresh PyTorch model (seeded), runs x through it once in train mode (batch-norm statistics),
     and saves its state dict to CASE.from_torch.pt and its eval-mode embeddings of x to CASE.from_torch.data.pt.

It prints one JSON line per case: {"case", "max_abs_diff", "safetensors_max_abs_diff", "keys"}.
Imports torch once for every case.
"""
import importlib.util
import json
import os
import sys

import torch


def module_from(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def check(folder, case):
    architecture = module_from(os.path.join(folder, case + ".py"))
    data = torch.load(os.path.join(folder, case + ".data.pt"))
    x, expected = data["input"], data["expected"]

    model = architecture.load(os.path.join(folder, case + ".pt"))
    from_safetensors = architecture.load(os.path.join(folder, case + ".safetensors"))
    state, state_st = model.state_dict(), from_safetensors.state_dict()
    if sorted(state) != sorted(state_st):
        raise SystemExit(f"{case}: the safetensors keys differ from the state dict's")
    st_diff = max((float((state[k].double() - state_st[k].double()).abs().max()) if state[k].numel() else 0.0) for k in state)

    with torch.no_grad():
        actual = model(x)
    if actual.shape != expected.shape:
        raise SystemExit(f"{case}: PyTorch returns {tuple(actual.shape)}, SslDsl {tuple(expected.shape)}")
    diff = float((actual - expected).abs().max())

    torch.manual_seed(7)
    fresh = architecture.build()
    with torch.no_grad():
        fresh.train()
        fresh(x)
        fresh.eval()
        fresh_out = fresh(x)
    torch.save(fresh.state_dict(), os.path.join(folder, case + ".from_torch.pt"))
    torch.save({"input": x, "expected": fresh_out}, os.path.join(folder, case + ".from_torch.data.pt"))
    return {"case": case, "max_abs_diff": diff, "safetensors_max_abs_diff": st_diff, "keys": len(state)}


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    folder = sys.argv[1]
    for case in sys.argv[2:]:
        print(json.dumps(check(folder, case)), flush=True)


if __name__ == "__main__":
    main()
