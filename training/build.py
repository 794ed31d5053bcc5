"""Rebuild the ``de_lagebild`` pipeline from the open data in ``../shared/data``.

    .venv/bin/python training/build.py            # convert, train, assemble, package
    .venv/bin/python training/build.py --skip-train   # re-assemble from trained parts

Steps (each prints its wall time):

1. ``convert``: shared corpora -> ``training/corpus/*.spacy`` (see convert.py);
2. ``train``: ``training/configs/ud.cfg`` (tagger, morphologizer, parser on UD GSD) and
   ``training/configs/ner.cfg`` (NER) with ``spacy train``, both at once, one thread each;
3. ``assemble``: UD pipeline + news tokenizer + lookup lemmatizer (spacy-lookups-data
   tables, stored in the model) + entity ruler (project gazetteers) + the NER, sourced
   with its own tok2vec -> ``training/build/de_lagebild``;
4. ``package``: ``spacy package`` layout -> a wheel in ``models/`` (built here with the
   standard library, so no build tool or network is needed).

Threads: set ``OMP_NUM_THREADS``/``OPENBLAS_NUM_THREADS`` (default 1 per training job).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
CORPUS = TRAINING / "corpus"
BUILD = TRAINING / "build"
MODELS = ROOT / "models"
NAME = "lagebild"
VERSION = "0.1.0"
PACKAGE = f"de_{NAME}"

sys.path.insert(0, str(ROOT))


def _step(name: str, t0: float) -> None:
    print(f"[build] {name}: {time.time() - t0:.0f} s", flush=True)


def convert() -> None:
    from training import convert as conv

    conv.main(["--out", str(CORPUS)])


def train(ud_overrides: list[str], ner_overrides: list[str]) -> None:
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(var, "1")
    jobs = []
    for name, extra in (("ud", ud_overrides), ("ner", ner_overrides)):
        out = BUILD / name
        shutil.rmtree(out, ignore_errors=True)
        log = open(BUILD / f"{name}.log", "w")
        cmd = [sys.executable, "-m", "spacy", "train", str(TRAINING / "configs" / f"{name}.cfg"),
               "--output", str(out), *extra]
        jobs.append((name, subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log,
                                            stderr=subprocess.STDOUT), log))
    failed = False
    for name, proc, log in jobs:
        rc = proc.wait()
        log.close()
        print(f"[build] train {name}: exit {rc}; log {BUILD / (name + '.log')}", flush=True)
        failed |= rc != 0
    if failed:
        raise SystemExit("training failed")


def assemble(ruler_position: str = "before") -> Path:
    import spacy

    from training.entity_patterns import patterns
    from training.news_tokenizer import customize_tokenizer

    nlp = spacy.load(BUILD / "ud" / "model-best")
    customize_tokenizer(nlp)
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize()  # lookup tables from spacy-lookups-data, stored in the model

    ner_nlp = spacy.load(BUILD / "ner" / "model-best")
    ner_nlp.replace_listeners("tok2vec", "ner", ["model.tok2vec"])
    nlp.add_pipe("ner", source=ner_nlp)
    if ruler_position == "before":
        ruler = nlp.add_pipe("entity_ruler", before="ner")
    else:
        ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    ruler.add_patterns(patterns())

    nlp.meta.update({
        "name": NAME,
        "version": VERSION,
        "description": "German news pipeline for lagebild, trained from open data only: "
                       "tagger/morphologizer/parser on UD German GSD (dev+test), NER (PER, LOC, "
                       "ORG, MISC) on GermEval 2014 dev, SmartData, UNER PUD and Europeana, "
                       "entity ruler from lagebild's gazetteers, lookup lemmatizer.",
        "author": "lagebild",
        "license": "CC BY-SA 4.0",
        "url": "",
        "email": "",
        "sources": [
            {"name": "UD German GSD (dev, test)", "license": "CC BY-SA 4.0"},
            {"name": "GermEval 2014 NER (dev)", "license": "CC BY 4.0"},
            {"name": "DFKI SmartData v1", "license": "CC BY 4.0"},
            {"name": "Universal NER German PUD", "license": "CC BY-SA 3.0"},
            {"name": "Europeana Newspapers NER (German)", "license": "CC0"},
            {"name": "spacy-lookups-data (de lemma lookup)", "license": "MIT"},
        ],
    })
    out = BUILD / PACKAGE
    shutil.rmtree(out, ignore_errors=True)
    nlp.to_disk(out)
    return out


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"sha256={digest}"


def package(model_dir: Path) -> Path:
    """``spacy package`` (layout only), then a pure-Python wheel written with zipfile."""
    pkg_root = BUILD / "package"
    shutil.rmtree(pkg_root, ignore_errors=True)
    pkg_root.mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "spacy", "package", str(model_dir), str(pkg_root),
                    "--name", NAME, "--version", VERSION, "--build", "none", "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    src = pkg_root / f"{PACKAGE}-{VERSION}" / PACKAGE
    import spacy

    dist_info = f"{PACKAGE}-{VERSION}.dist-info"
    spacy_req = f"spacy>={spacy.about.__version__.rsplit('.', 1)[0]}.0,<3.9.0"
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: {PACKAGE}\nVersion: {VERSION}\n"
        "Summary: German news pipeline for lagebild, trained from open data\n"
        "License: CC BY-SA 4.0\n"
        f"Requires-Dist: {spacy_req}\n"
    )
    wheel_meta = "Wheel-Version: 1.0\nGenerator: lagebild training/build.py\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    MODELS.mkdir(exist_ok=True)
    for old in MODELS.glob(f"{PACKAGE}-*.whl"):
        old.unlink()
    wheel = MODELS / f"{PACKAGE}-{VERSION}-py3-none-any.whl"
    records = []
    fixed_time = (2024, 1, 1, 0, 0, 0)  # reproducible archive
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add(arcname: str, data: bytes) -> None:
            info = zipfile.ZipInfo(arcname, fixed_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
            records.append(f"{arcname},{_record_hash(data)},{len(data)}")

        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            add(f"{PACKAGE}/{path.relative_to(src).as_posix()}", path.read_bytes())
        # spaCy's setup.py copies meta.json into the package at build time; so do we.
        add(f"{PACKAGE}/meta.json", (src.parent / "meta.json").read_bytes())
        add(f"{dist_info}/METADATA", metadata.encode())
        add(f"{dist_info}/WHEEL", wheel_meta.encode())
        add(f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode())
        records.append(f"{dist_info}/RECORD,,")
        info = zipfile.ZipInfo(f"{dist_info}/RECORD", fixed_time)
        info.external_attr = 0o644 << 16
        zf.writestr(info, "\n".join(records) + "\n")
    return wheel


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild the de_lagebild pipeline.")
    ap.add_argument("--skip-train", action="store_true", help="reuse training/build/{ud,ner}")
    ap.add_argument("--ruler", choices=["before", "after"], default="before",
                    help="entity ruler before the NER (default) or after it, overwriting")
    ap.add_argument("--ud", nargs="*", default=[], help="overrides for spacy train (ud)")
    ap.add_argument("--ner", nargs="*", default=[], help="overrides for spacy train (ner)")
    args = ap.parse_args(argv)
    BUILD.mkdir(parents=True, exist_ok=True)
    start = time.time()
    if not args.skip_train:
        t0 = time.time()
        convert()
        _step("convert", t0)
        t0 = time.time()
        train(args.ud, args.ner)
        _step("train (ud + ner in parallel)", t0)
    t0 = time.time()
    model_dir = assemble(args.ruler)
    _step("assemble", t0)
    t0 = time.time()
    wheel = package(model_dir)
    _step("package", t0)
    size = wheel.stat().st_size / 1e6
    print(f"[build] {wheel.relative_to(ROOT)}: {size:.1f} MB; total {time.time() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
