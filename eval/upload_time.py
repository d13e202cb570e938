"""Time from uploading a letter in `serve` to the first answer citing it.

    python -m eval.upload_time [letter.pdf]   # default: the bundled 8-page seed letter

A real uvicorn on 127.0.0.1 over a fresh corpus (one generated letter) and a fresh data dir,
so nothing of the uploaded letter is cached: it is parsed, its figures found and every passage
embedded. The server answers one question first (the model loaded, as on a running server);
then the clock runs from the POST to the job's `done`, to a figure answer and to a passage
answer that cite the new letter."""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from banen_qa.web import create_app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "voortgang-banenafspraak-overheid-onderwijs-2021.pdf"
BASE = ROOT / "eval" / "synth" / "letters" / "synth-003-sector-2019.pdf"
FIGURE_Q = "What did Defensie realise in 2020?"
PASSAGE_Q = "Met welke stichting zijn de waterschappen een bewustwordingsprogramma gestart?"


def main(letter: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, data = Path(tmp) / "corpus", Path(tmp) / "data"
        corpus.mkdir()
        shutil.copy(BASE, corpus)
        app = create_app(corpus, data)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        with httpx.Client(base_url=url, timeout=600) as client:
            client.get("/api/ask", params={"q": "Wat is de banenafspraak?"})  # warm
            start = time.perf_counter()
            job = client.post(
                "/api/uploads",
                params={"name": letter.name},
                content=letter.read_bytes(),
                headers={"content-type": "application/pdf"},
            ).json()
            while job["state"] not in ("done", "failed"):
                time.sleep(0.1)
                job = client.get(f"/api/uploads/{job['id']}").json()
            done = time.perf_counter() - start
            if job["state"] == "failed":
                raise SystemExit(job["error"])
            timings = {"upload → done (stored, parsed, figures, indexed)": done}
            for label, question in (("figure", FIGURE_Q), ("passage", PASSAGE_Q)):
                answer = client.get("/api/ask", params={"q": question}).json()
                cited = any(c["document"] == job["document"] for c in answer["citations"])
                timings[f"upload → {label} answer citing it ({'yes' if cited else 'NO'})"] = (
                    time.perf_counter() - start
                )
        server.should_exit = True
    print(
        f"{letter.name}: {job['n_pages']} pages, {job['n_figures']} figures, "
        f"{job['total']} passages"
    )
    for label, seconds in timings.items():
        print(f"  {label}: {seconds:.1f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SEED)
