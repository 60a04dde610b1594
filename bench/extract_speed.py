"""Median time of extract_claims on a 600-word multilingual transfer article (target: under 5 ms)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from aggregator.extract import extract_claims

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
    return 0


if __name__ == "__main__":
    sys.exit(main())
