#!/usr/bin/env python3
"""Gazetteer coverage bar: share of gold toponyms for which the gazetteer has a candidate whose name matches
the toponym text and lies within 161 km (100 miles) of the gold point.

Usage:
  tools/measure_coverage.py GOLD.jsonl [GOLD2.jsonl ...] [--geodata DIR] [--stationmap PATH] [--missing N]

Gold lines: {"id", "text", "toponyms": [{"text", "lat", "lon", ...}, ...]}.

Name matching (Python mode) uses fold(): NFKD, drop combining marks, casefold, every run of
non-alphanumeric characters -> one space, strip.  So "Ile-de-France" == "Île de France", "U.S." == "U S"
(but "US" is a different key: abbreviations with and without periods are separate names in the data).
Candidate names: name, asciiname and alternatenames of geodata/places.txt.gz plus every name of
geodata/alternateNames.txt.gz, including isolanguage 'abbr' and 'x-demonym' (gold corpora such as LGL annotate
demonyms like "Russian" as toponyms; pass --exclude-demonyms to drop them), excluding the non-name
pseudo-languages (link, post, iata, icao, faac, wkdt, ...).

--stationmap PATH: instead, pipe the distinct toponym strings (one per line) into
  `PATH gazetteer lookup --json -`, which answers one JSON line per input line:
  {"query": str, "candidates": [{"id", "name", "lat", "lon", "feature_code", "country"}, ...]}
and count a toponym as covered if any returned candidate lies within 161 km.
"""
import argparse, collections, gzip, json, math, os, subprocess, sys, unicodedata

KM = 161.0
NON_NAME_LANGS = {'link', 'post', 'iata', 'icao', 'faac', 'wkdt', 'unlc', 'phon', 'fr_1793'}


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).casefold()
    s = unicodedata.normalize('NFKD', s)
    return ' '.join(''.join(c if c.isalnum() else ' ' for c in s).split())


def haversine(a_lat, a_lon, b_lat, b_lon):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def load_gold(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                for t in d.get('toponyms', []):
                    out.append((t['text'], float(t['lat']), float(t['lon'])))
    return out


def python_candidates(geodata, wanted, exclude_demonyms=False):
    """folded name -> list of (lat, lon, id, feature_code), only for folded names in `wanted`."""
    cands = collections.defaultdict(list)
    points = {}
    with gzip.open(os.path.join(geodata, 'places.txt.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            c = line.rstrip('\n').split('\t')
            gid, lat, lon = int(c[0]), float(c[4]), float(c[5])
            points[gid] = (lat, lon, c[7], c[8])
            names = {c[1], c[2]} | set(c[3].split(',') if c[3] else [])
            for k in {fold(n) for n in names}:
                if k in wanted:
                    cands[k].append((lat, lon, gid, c[7]))
    path = os.path.join(geodata, 'alternateNames.txt.gz')
    if os.path.exists(path):
        with gzip.open(path, 'rt', encoding='utf-8') as f:
            for line in f:
                c = line.rstrip('\n').split('\t')
                gid, lang = int(c[1]), c[2]
                if lang in NON_NAME_LANGS or (lang == 'x-demonym' and exclude_demonyms):
                    continue
                k = fold(c[3])
                if k in wanted and gid in points:
                    p = points[gid]
                    cands[k].append((p[0], p[1], gid, p[2]))
    return cands


def stationmap_candidates(exe, queries):
    inp = ''.join(q.replace('\n', ' ') + '\n' for q in queries)
    r = subprocess.run([exe, 'gazetteer', 'lookup', '--json', '-'], input=inp, capture_output=True,
                       text=True, encoding='utf-8', check=True)
    lines = [l for l in r.stdout.split('\n') if l.strip()]
    if len(lines) != len(queries):
        sys.exit(f'{exe}: expected {len(queries)} output lines, got {len(lines)}')
    out = {}
    for q, l in zip(queries, lines):
        d = json.loads(l)
        out[q] = [(float(c['lat']), float(c['lon']), c.get('id'), c.get('feature_code'))
                  for c in d.get('candidates', [])]
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('gold', nargs='+')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--geodata', default=os.path.join(root, 'geodata'))
    ap.add_argument('--stationmap', metavar='PATH')
    ap.add_argument('--missing', type=int, default=0, metavar='N', help='print the N most frequent missed toponyms')
    ap.add_argument('--exclude-demonyms', action='store_true')
    args = ap.parse_args()

    golds = {p: load_gold(p) for p in args.gold}
    texts = sorted({t for g in golds.values() for t, _, _ in g})
    if args.stationmap:
        by_text = stationmap_candidates(args.stationmap, texts)
        lookup = lambda t: by_text.get(t, [])
    else:
        wanted = {fold(t) for t in texts}
        cands = python_candidates(args.geodata, wanted, args.exclude_demonyms)
        lookup = lambda t: cands.get(fold(t), [])

    for path, gold in golds.items():
        hit = 0
        no_name, too_far = collections.Counter(), collections.Counter()
        nearest = {}
        for text, lat, lon in gold:
            cs = lookup(text)
            if not cs:
                no_name[text] += 1
                continue
            d = min(haversine(lat, lon, c[0], c[1]) for c in cs)
            if d <= KM:
                hit += 1
            else:
                too_far[text] += 1
                nearest[text] = (d, lat, lon)
        n = len(gold)
        print(f'{path}: {hit}/{n} = {hit / n:.4f}  (no name match: {sum(no_name.values())}, '
              f'name found but > {KM:.0f} km: {sum(too_far.values())})')
        if args.missing:
            print(f'  top missed, no name match:')
            for t, k in no_name.most_common(args.missing):
                print(f'    {k:4d}  {t}')
            print(f'  top missed, too far (nearest candidate km, gold point):')
            for t, k in too_far.most_common(args.missing):
                d, la, lo = nearest[t]
                print(f'    {k:4d}  {t}  {d:.0f} km  ({la:.3f},{lo:.3f})')


if __name__ == '__main__':
    main()
