"""The document commands end to end: ingest, documents, show, search, extract, bad input."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

from click.testing import CliRunner

from alliances.cli import main

ARTICLE = (
    "TITLE: Talks {n}\nDATE: 2024-05-0{d}\n---\n"
    "Japan and the United States held talks number {n} on Guam."
)


def run(db_path, *args):
    result = CliRunner().invoke(main, ["--db", str(db_path), *map(str, args)])
    return result


def test_ingest_twice_then_list_show_search(tmp_path, db_path):
    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(ARTICLE.format(n=n, d=n + 1), encoding="utf-8")
    first = run(db_path, "ingest", tmp_path)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("3 new document(s), 0 already stored, 0 failed")
    second = run(db_path, "ingest", tmp_path)
    assert second.stdout.startswith("0 new document(s), 3 already stored")

    listing = json.loads(run(db_path, "documents", "--format", "json").stdout)
    assert [d["title"] for d in listing] == ["Talks 0", "Talks 1", "Talks 2"]
    assert listing[0]["id"].startswith("sha256:")

    shown = json.loads(run(db_path, "show", "a1.txt", "--format", "json").stdout)
    assert shown["published"] == "2024-05-02"
    assert shown["text"].startswith("Japan and the United States held talks number 1")

    csv_out = run(db_path, "search", "number AND 2", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "id,published,title,snippet" and len(csv_out) == 2
    assert "[2]" in csv_out[1]


def test_env_var_selects_database(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Japan met Australia.", encoding="utf-8")
    monkeypatch.setenv("ALLIANCES_DB", str(tmp_path / "env.db"))
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert (tmp_path / "env.db").exists()


def test_mixed_directory_ingests_good_files_and_names_bad_ones(tmp_path, db_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Japan and the US agreed.", encoding="utf-8")
    (folder / "good.html").write_text("<p>Australia joined AUKUS.</p>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02\x03" * 10)
    (folder / "old.txt").write_bytes("Caf\u00e9 in Tokyo".encode("cp1252"))
    result = run(db_path, "ingest", folder, tmp_path / "nope.txt")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4, errors  # empty, binary, missing, cp1252 warning (one line each)
    assert any("empty.txt: empty file" in line for line in errors)
    assert any("binary.md: binary file" in line for line in errors)
    assert any("nope.txt: no such file or directory" in line for line in errors)
    assert any(line.startswith("warning:") and "old.txt" in line for line in errors)
    assert result.stdout.startswith("3 new document(s), 0 already stored, 3 failed")


def test_show_unknown_document_is_one_line_error(db_path):
    result = run(db_path, "show", "abcdef123")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "no document 'abcdef123'" in result.stderr


def test_extract_writes_schema_document_block(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("By Jane Roe and John Doe\nJapan raised its budget.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "json"])
    out = json.loads(result.stdout)
    assert out["schema"] == "alliances.extraction/1"
    assert out["text"] == "Japan raised its budget."
    assert out["document"]["authors"] == ["Jane Roe", "John Doe"]
    assert out["document"]["id"] == "sha256:" + hashlib.sha256(out["text"].encode()).hexdigest()
    for key in ("actors", "quantities", "claims", "ties", "events"):
        assert isinstance(out[key], list)


def test_extract_missing_file_fails_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "none.txt")])
    assert result.exit_code == 1 and "none.txt" in result.stderr


def test_seeds_ingest_once_and_show_metadata(shared, db_path):
    seeds = shared("seeds")
    assert run(db_path, "ingest", seeds).stdout.startswith("2 new document(s)")
    assert run(db_path, "ingest", seeds).stdout.startswith("0 new document(s)")
    shown = json.loads(run(db_path, "show", "000_0ba1f64b593a3d1d.txt", "--format", "json").stdout)
    assert shown["published"] == "2024-11-28T09:49:16"
    assert (shown["source"], shown["editor"], shown["authors"]) == (
        "China Military Online",
        "Li Jiayao",
        ["Wang Hengwen"],
    )
    extracted = json.loads(
        CliRunner().invoke(main, ["extract", str(seeds / "003_060637d8d12eb895.txt")]).stdout
    )
    assert extracted["document"]["authors"] == ["Chen Hanghui", "Dong Pan"]
    for text in (shown["text"], extracted["text"]):
        assert "Related News" not in text and "\nEditor\n" not in text and "By " not in text[:3]


def test_sigkill_mid_ingest_leaves_whole_documents_and_rerun_completes(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    total = 400
    for n in range(total):
        body = " ".join(["Japan and the United States reviewed the alliance."] * 20)
        (folder / f"doc{n:04}.txt").write_text(f"Item {n}. {body}", encoding="utf-8")
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "alliances", "--db", str(db), "ingest", str(folder)]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    with (tmp_path / "stderr.txt").open("w+") as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        stored = 0
        deadline = time.monotonic() + 120
        while stored < 10 and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as probe:
                        stored = probe.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
        exited = process.poll()
        process.send_signal(signal.SIGKILL)
        process.wait()
        errors.seek(0)
        assert exited is None, f"ingest ended on its own ({exited}): {errors.read()[-2000:]}"
    assert 10 <= stored < total

    with closing(sqlite3.connect(db)) as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = check.execute("SELECT id, sha256, text FROM documents").fetchall()
        assert 0 < len(rows) < total
        for document_id, sha, text in rows:
            assert hashlib.sha256(text.encode()).hexdigest() == sha
            assert document_id == f"sha256:{sha}"
        fts = check.execute("SELECT count(*) FROM documents_fts").fetchone()[0]
        assert fts == len(rows)
        orphans = check.execute(
            "SELECT count(*) FROM facts WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        assert orphans == 0

    rerun = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert rerun.returncode == 0, rerun.stderr
    with closing(sqlite3.connect(db)) as check:
        assert check.execute("SELECT count(*) FROM documents").fetchone()[0] == total
