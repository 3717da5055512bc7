"""Write the preset dictionary that stored records are compressed with (`index/records.py`).

    PYTHONPATH=$PWD python benchmarks/record_dictionary.py \
        --out pqsearch/data/record-dictionary-1.txt

Run once to make a dictionary: a record written with one needs its exact bytes to be read,
so a written dictionary is never changed. A better one is a new file with the next number
(and `records.py` writing it under that number, still reading the old ones).

Its content is the record's structure and the words it repeats, nothing of any document's
text: every key of a record in the order `schema.to_document` writes them, the answer
types, each sector's entry of the default taxonomy with its label and terms, and the titles
and phrases of Brussels and federal parliamentary French (roles, formulas) written here.
zlib finds a match closer to the end more cheaply, so the most frequent strings come last.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pqsearch.analyze.taxonomy import default_taxonomy_path, load_taxonomy

# zlib's window: a preset dictionary longer than this is cut from its start.
WINDOW = 32768

# Roles, formulas and frequent words of the parliamentary questions and answers (written
# here, not taken from documents).
PHRASES = (
    "Ministre-Président du Gouvernement de la Région de Bruxelles-Capitale",
    "Secrétaire d'État à la Région de Bruxelles-Capitale chargé de",
    "Secrétaire d'État à la Région de Bruxelles-Capitale chargée de",
    "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargée de",
    "Ministre du Gouvernement de la Région de Bruxelles-Capitale chargé de",
    "Membre du Collège réuni de la Commission communautaire commune",
    "Vice-premier ministre et ministre de",
    "ministre de la Justice, ministre des Finances, ministre de l'Intérieur, ",
    "Emploi, Formation professionnelle, Transition numérique, Pouvoirs locaux, ",
    "Mobilité, Travaux publics, Sécurité routière, Environnement, Climat, Énergie, ",
    "Logement, Urbanisme, Patrimoine, Propreté publique, Relations internationales, ",
    "Finances, Budget, Fonction publique, Économie, Commerce extérieur, Recherche, ",
    "Santé, Action sociale, Égalité des chances, Bien-être animal, Tourisme, Sport, ",
    "Monsieur le Ministre, Madame la Ministre, Monsieur le Secrétaire d'État, ",
    "l'honorable membre, je vous remercie pour votre question. ",
    "Pouvez-vous me dire ? Pouvez-vous m'indiquer ? Quelles sont les mesures ",
    "Qu'en est-il ? Combien de ? Dans quel délai ? Quel est le budget ? ",
    "en ce qui concerne la mise en œuvre de la Région bruxelloise ",
    "dans le cadre de la réponse à votre question, il convient de préciser que ",
    "les communes, les CPAS, les pouvoirs locaux, Bruxelles Environnement, ",
    "la Région de Bruxelles-Capitale, la Commission communautaire française, ",
    "le Gouvernement bruxellois, le Parlement bruxellois, l'administration, ",
    " de la , des , les , pour , dans , avec , sur , par , une , est , sont , ",
    " qui , que , aux , du , au , ont , été , cette , ces , leur , ainsi que ",
    "ment, tion, tions, ments, aient, ait, ique, iques, aire, aires, ",
)


def skeleton() -> str:
    """One record as `to_document` writes it (compact JSON, keys in order), empty values."""
    question = {
        "id": "",
        "parliament": "PRB",
        "kind": "written",
        "legislature": "",
        "session": "",
        "number": 1,
        "language": "fr",
        "title": "",
        "title_nl": None,
        "author": "",
        "addressee": "",
        "addressee_role": "",
        "portfolios": [""],
        "received_on": "20",
        "published_on": "20",
        "answered_on": "20",
        "procedure": [{"date": "20", "act": "", "body": None, "reference": None}],
        "question": "",
        "answer": "",
        "annexes": [{"label": "", "url": ""}],
        "source": "",
        "source_format": "jsonl",
        "content_hash": "",
        "url": None,
    }
    record = {
        "question": question,
        "answer_type": "substantive",
        "answer_type_evidence": None,
        "sectors": [],
        "references": [{"session": "", "number": 1}],
        "portfolios": [""],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def sector_entries() -> list[str]:
    taxonomy = load_taxonomy(default_taxonomy_path())
    entries = []
    for sector in taxonomy.sectors:
        terms = ",".join(
            json.dumps({"term": term, "part": "question", "count": 1}, ensure_ascii=False)
            for term in sector.terms[:12]
        )
        head = json.dumps({"sector": sector.id, "label": sector.labels["fr"]}, ensure_ascii=False)[
            :-1
        ]
        entries.append(f'{head},"score":0.,"count":1,"topic":false,"evidence":[{terms}]}}')
    return entries


def dictionary() -> bytes:
    parts = [
        *PHRASES,
        "substantive,procedural,refusal,forwarded,truncated,pending,none,",
        '"in_name":true,"in_frame":true,"part":"title","part":"answer","count":2,',
        *sector_entries(),
        '"topic":true,"evidence":[{"term":"',
        skeleton(),
    ]
    data = "\n".join(parts).encode("utf-8")
    return data[-WINDOW:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.write_bytes(dictionary())
    print(f"{args.out}: {args.out.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
