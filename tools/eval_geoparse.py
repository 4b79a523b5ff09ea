#!/usr/bin/env python3
"""Runs `stationmap geoparse` over a gold corpus in the shared JSONL form (e.g. ../shared/geoparse/lgl.jsonl)
in both modes and scores it with the corpus's score_geoparse.py.

  tools/eval_geoparse.py GOLD.jsonl [--stationmap BIN] [--scorer score_geoparse.py] [--mode spans|full|both]
                         [--jobs N] [--keep DIR] [--report N] [--split a|b|all]

Gold spans mode feeds each document's gold [start, end] pairs (resolution only, as papers report it); full
mode feeds only the text (recognition and resolution). --report N also lists the N most frequent
resolution errors (gold-span mode) and false positives / missed toponyms (full mode), with a context each.

--split a|b keeps only the documents of one half, chosen by the SHA-1 of the document id (stable, independent
of order): tune by looking at half a's errors, and only report half b's figures, never inspect its errors."""
import argparse, collections, hashlib, json, math, os, subprocess, sys, tempfile


def split_of(doc_id):
    """'a' or 'b': the half a document belongs to, by the parity of the first byte of SHA-1(id)."""
    return 'ab'[hashlib.sha1(doc_id.encode('utf-8')).digest()[0] & 1]


def km(a, b, c, d):
    r = math.pi / 180
    h = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1, math.sqrt(h)))


def report(docs, out_path, mode, n):
    out = {}
    for line in open(out_path, encoding='utf-8'):
        rec = json.loads(line)
        out[rec['id']] = rec['places']
    def ctx(text, s, e):
        return text[max(0, s - 50):e + 40].replace('\n', ' ')
    if mode == 'spans':
        errors, example = collections.Counter(), {}
        for d in docs:
            for t, p in zip(d['toponyms'], out.get(d['id'], [])):
                dist = 20039 if p.get('lat') is None else km(t['lat'], t['lon'], p['lat'], p['lon'])
                if dist > 161:
                    k = t['text']
                    errors[k] += 1
                    example[k] = (f"gold {t['lat']:.2f},{t['lon']:.2f} {t.get('type') or ''}; chose "
                                  f"{p.get('name')} {p.get('feature_code')} {p.get('country')} "
                                  f"({dist:.0f} km, confidence {p.get('confidence')})")
        print(f'-- {n} most frequent resolution errors')
        for k, c in errors.most_common(n):
            print(f'{c:4d} {k}: {example[k]}')
        return
    fp, fn, fpx, fnx = collections.Counter(), collections.Counter(), {}, {}
    for d in docs:
        gold = [(t['start'], t['end']) for t in d['toponyms']]
        system = [(p['start'], p['end']) for p in out.get(d['id'], [])]
        for s, e in system:
            if not any(a < e and s < b for a, b in gold):
                k = d['text'][s:e]
                fp[k] += 1
                fpx[k] = ctx(d['text'], s, e)
        for a, b in gold:
            if not any(a < e and s < b for s, e in system):
                k = d['text'][a:b]
                fn[k] += 1
                fnx[k] = ctx(d['text'], a, b)
    print(f'-- {n} most frequent false positives')
    for k, c in fp.most_common(n):
        print(f'{c:4d} {k!r}: {fpx[k]!r}')
    print(f'-- {n} most frequent missed toponyms')
    for k, c in fn.most_common(n):
        print(f'{c:4d} {k!r}: {fnx[k]!r}')

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('gold')
    ap.add_argument('--stationmap', default='build/release/src/stationmap')
    ap.add_argument('--scorer', default=None, help='default: score_geoparse.py beside GOLD')
    ap.add_argument('--mode', default='both', choices=['spans', 'full', 'both'])
    ap.add_argument('--jobs', default='1')
    ap.add_argument('--gazetteer', default=None)
    ap.add_argument('--keep', default=None, help='folder to keep the inputs and outputs in')
    ap.add_argument('--report', type=int, default=0, help='list the N most frequent errors of each mode')
    ap.add_argument('--split', default='all', choices=['a', 'b', 'all'],
                    help='only the documents of half a (tuning) or b (held out), by SHA-1 of the id')
    a = ap.parse_args()
    scorer = a.scorer or os.path.join(os.path.dirname(os.path.abspath(a.gold)), 'score_geoparse.py')
    work = a.keep or tempfile.mkdtemp(prefix='stationmap-eval-')
    os.makedirs(work, exist_ok=True)
    docs = [json.loads(l) for l in open(a.gold, encoding='utf-8') if l.strip()]
    if a.split != 'all':
        docs = [d for d in docs if split_of(d['id']) == a.split]
    if a.report and a.split == 'b':
        sys.exit('--report on the held-out half b: look at half a\'s errors only')
    name = os.path.splitext(os.path.basename(a.gold))[0]
    gold_path = a.gold
    if a.split != 'all':
        name += f'.{a.split}'
        gold_path = os.path.join(work, f'{name}.gold.jsonl')
        with open(gold_path, 'w', encoding='utf-8') as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False) + '\n')
    modes = ['spans', 'full'] if a.mode == 'both' else [a.mode]
    for mode in modes:
        inp = os.path.join(work, f'{name}.{mode}.in.jsonl')
        out = os.path.join(work, f'{name}.{mode}.out.jsonl')
        with open(inp, 'w', encoding='utf-8') as f:
            for d in docs:
                rec = {'id': d['id'], 'text': d['text']}
                if mode == 'spans':
                    rec['spans'] = [[t['start'], t['end']] for t in d['toponyms']]
                f.write(json.dumps(rec, ensure_ascii=False) + '\n')
        cmd = [a.stationmap, 'geoparse', '--jsonl', inp, '--jobs', a.jobs]
        if a.gazetteer:
            cmd += ['--gazetteer', a.gazetteer]
        with open(out, 'w', encoding='utf-8') as f:
            subprocess.run(cmd, stdout=f, check=True)
        print(f'== {name}, {mode} ==', flush=True)
        subprocess.run([sys.executable, scorer, gold_path, out], check=True)
        if a.report:
            report(docs, out, mode, a.report)

if __name__ == '__main__':
    main()
