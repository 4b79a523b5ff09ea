#!/usr/bin/env python3
"""Writes N generated news-like documents as one JSON Lines file (the corpus of benchmarks/build_corpus.sh and
benchmarks/incremental_build.sh): a few templates of sites, bureaus, statuses and distractors, seeded, so the
first N documents of a larger corpus are the N documents of a smaller one.
   generate_corpus.py N PATH"""
import json, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(42)
sites = ["Dublin", "Rotterdam", "Amsterdam", "Prague", "Budapest", "Vienna", "Toronto", "Vancouver", "Madrid",
         "Milan", "Lisbon", "Warsaw", "Oslo", "Stockholm", "Athens", "Auckland", "Tokyo", "Seoul", "Lagos", "Lima"]
bureaus = ["Fuzhou", "Qingtian County", "Wenzhou", "Nantong", "Lishui"]
statuses = ["was ordered to close", "is under investigation", "has closed", "remains alleged"]
with open(path, "w") as f:
    for i in range(n):
        s, b = rnd.choice(sites), rnd.choice(bureaus)
        text = (f"Report {i}. An office in {s} was described as an overseas police service station opened by the "
                f"{b} public security bureau. The site {rnd.choice(statuses)}. The rights group is based in "
                f"{rnd.choice(sites)}. [Photo caption: a street in {rnd.choice(sites)}. Photo: Agency]")
        f.write(json.dumps({"id": f"doc-{i:06d}", "title": f"Report {i}", "text": text}) + "\n")
