"""Median time of extract_claims on a 600-word multilingual transfer article (target: under 5 ms), and the
per-report cost of each analysis stage (claims, MinHash signature with its bands) on synthetic reports."""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aggregator import dedup
from aggregator.extract import extract_claims
from bench.synthetic import articles

_PARAGRAPHS = [
    "Borussia Dortmund have agreed a fee with Brighton & Hove Albion for midfielder Lucas Wendel, according to "
    "Sky Sports. The 24-year-old Brazil international is expected to undergo a medical on Monday before "
    "completing his move to the Bundesliga side for €32million plus €4m in add-ons.",
    "Wendel, who joined Brighton from Grêmio in 2021, has made 88 appearances for the Seagulls. His wages of "
    "£60,000 a week were never an obstacle, the Athletic reports, and talks with his agent went smoothly.",
    "Wie die Bild berichtet, hatte auch der FC Bayern Interesse an dem Mittelfeldspieler, entschied sich aber "
    "gegen ein Angebot. Die Ablöse liegt demnach bei rund 32 Millionen Euro, hinzu kommen Boni.",
    "Selon L'Équipe, l'Olympique de Marseille avait également formulé une offre de 25 millions d'euros, "
    "refusée par les dirigeants anglais. Secondo Sky Sport, anche la Juventus aveva sondato il terreno.",
    "Según Marca, el Atlético de Madrid también preguntó por el jugador, pero la operación nunca pasó de "
    "los primeros contactos. Dortmund coach Niko Kessler said he was delighted with the signing.",
]


def article(words: int = 600) -> str:
    out: list[str] = []
    i = 0
    while sum(len(p.split()) for p in out) < words:
        out.append(_PARAGRAPHS[i % len(_PARAGRAPHS)])
        i += 1
    return "\n\n".join(out)


def main() -> int:
    text = article()
    title = "Dortmund agree €32m deal for Brighton midfielder Wendel"
    extract_claims(text, title=title)  # warm the registries
    times = []
    for _ in range(200):
        t0 = time.perf_counter()
        extract_claims(text, title=title)
        times.append((time.perf_counter() - t0) * 1000)
    print(
        f"words: {len(text.split())}  median: {statistics.median(times):.2f} ms  p95: "
        f"{sorted(times)[int(len(times) * 0.95)]:.2f} ms"
    )
    dev = Path("/work/shared/eval/dev.jsonl")
    if dev.exists():
        texts = [json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()]
        per = []
        for t in texts:
            runs = []
            for _ in range(20):
                t0 = time.perf_counter()
                extract_claims(t)
                runs.append((time.perf_counter() - t0) * 1000)
            per.append(statistics.median(runs) * 600 / max(len(t.split()), 1))
        print(f"dev set: {len(texts)} real excerpts, median time scaled to 600 words: {statistics.median(per):.2f} ms")
    synthetic_stages()
    return 0


def _best_ms(run: Callable[[], object], count: int, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best * 1000 / count


def synthetic_stages(count: int = 3000) -> None:
    """Per report, best of five passes over the synthetic reports the aggregate bench uses."""
    reports = [(a.text, a.title or "", a.language) for a in articles(count, seed=3, prefix="t")]

    def claims() -> None:
        for text, title, language in reports:
            extract_claims(text, title=title, language=language)

    def signatures() -> None:
        for text, _, _ in reports:
            sig = dedup.signature(text)
            if sig is not None:
                sig.bands()

    print(
        f"synthetic reports ({count}): claims {_best_ms(claims, count):.3f} ms, "
        f"signature + bands {_best_ms(signatures, count):.3f} ms per report"
    )


if __name__ == "__main__":
    sys.exit(main())
