#!/usr/bin/env python3
"""Runs `stationmap geoparse` over a gold corpus in the shared JSONL form (e.g. ../shared/geoparse/lgl.jsonl)
in both modes and scores it with the corpus's score_geoparse.py.

  tools/eval_geoparse.py GOLD.jsonl [--stationmap BIN] [--scorer score_geoparse.py] [--mode spans|full|both]
                         [--jobs N] [--keep DIR]

Gold spans mode feeds each document's gold [start, end] pairs (resolution only, as papers report it); full
mode feeds only the text (recognition and resolution)."""
import argparse, json, os, subprocess, sys, tempfile

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('gold')
    ap.add_argument('--stationmap', default='build/release/src/stationmap')
    ap.add_argument('--scorer', default=None, help='default: score_geoparse.py beside GOLD')
    ap.add_argument('--mode', default='both', choices=['spans', 'full', 'both'])
    ap.add_argument('--jobs', default='1')
    ap.add_argument('--gazetteer', default=None)
    ap.add_argument('--keep', default=None, help='folder to keep the inputs and outputs in')
    a = ap.parse_args()
    scorer = a.scorer or os.path.join(os.path.dirname(os.path.abspath(a.gold)), 'score_geoparse.py')
    work = a.keep or tempfile.mkdtemp(prefix='stationmap-eval-')
    os.makedirs(work, exist_ok=True)
    docs = [json.loads(l) for l in open(a.gold, encoding='utf-8') if l.strip()]
    name = os.path.splitext(os.path.basename(a.gold))[0]
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
        subprocess.run([sys.executable, scorer, a.gold, out], check=True)

if __name__ == '__main__':
    main()
