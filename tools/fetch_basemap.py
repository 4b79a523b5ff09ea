#!/usr/bin/env python3
"""Fetch stationmap's embedded basemap (geodata/naturalearth/) from pinned npm packages.

Usage:  python3 tools/fetch_basemap.py [--out geodata/naturalearth] [--from-dir DIR_WITH_TGZ]

Natural Earth (public domain) admin-0 countries and land, as TopoJSON from the npm package world-atlas,
at two scales: 1:110m (world views) and 1:50m (closer views and the point-in-country checks).

Steps
  1. `npm pack` world-atlas and world-countries (pinned versions, sha512 integrity and sha1 shasum checked;
     the same fetch as tools/fetch_geodata.py).
  2. Give every country geometry its ISO 3166-1 alpha-2 code (world-atlas carries the numeric code as `id`;
     world-countries maps ccn3 -> cca2) and the codes of the territories Natural Earth draws inside it.
  3. Write countries-110m.json and countries-50m.json: the TopoJSON of world-atlas unchanged except for the
     `properties` of the country geometries ({"name", "iso_a2", "includes"}). Compact, key order kept, so two
     runs give byte-identical files.
Standard library only. See geodata/README.md ("Basemap") for sources and licences.
"""
import argparse
import json
import os
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fetch_geodata  # noqa: E402  (shares the verified npm fetch)

PACKAGES = {
    'atlas': dict(spec='world-atlas@2.0.2', file='world-atlas-2.0.2.tgz',
                  integrity='sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ==',
                  shasum='4bca4a578f3a413bd409c3f07f2054fe7375824f'),
    'wc': fetch_geodata.PACKAGES['wc'],
}

SCALES = ('110m', '50m')

# Natural Earth features without an ISO numeric id: the alpha-2 code the gazetteer (GeoNames) gives places
# there. Siachen Glacier (disputed between India and Pakistan) and "Indian Ocean Ter." (Christmas Island and
# the Cocos Islands in one feature) get no code: no place is ever checked against them.
CODES_BY_NAME = {'Kosovo': 'XK', 'N. Cyprus': 'CY', 'Somaliland': 'SO'}

# Territories with their own ISO code in the gazetteer that Natural Earth's admin-0 countries draw as part
# of another country's polygon (overseas departments, Svalbard, the Caribbean Netherlands, Gibraltar at
# these scales). A place coded with the key lies, correctly, inside the polygon of the value.
DRAWN_INSIDE = {'GF': 'FR', 'GP': 'FR', 'MQ': 'FR', 'RE': 'FR', 'YT': 'FR', 'SJ': 'NO', 'BQ': 'NL', 'GI': 'ES'}


def numeric_to_alpha2(tar):
    countries = json.loads(tar.read('package/countries.json').decode('utf-8'))
    return {c['ccn3']: c['cca2'] for c in countries if c.get('ccn3')}


def code_of(geometry, alpha2):
    if 'id' in geometry:
        code = alpha2.get(geometry['id'])
        if code is None:
            sys.exit(f"world-atlas id {geometry['id']} ({geometry['properties']['name']}) has no alpha-2 code")
        return code
    return CODES_BY_NAME.get(geometry['properties']['name'], '')


def annotate(topology, alpha2):
    included = {}
    for part, whole in DRAWN_INSIDE.items():
        included.setdefault(whole, []).append(part)
    for g in topology['objects']['countries']['geometries']:
        code = code_of(g, alpha2)
        props = {'name': g['properties']['name'], 'iso_a2': code}
        if code in included:
            props['includes'] = ' '.join(sorted(included[code]))
        g['properties'] = props
    return topology


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--out', default=os.path.join(root, 'geodata', 'naturalearth'))
    ap.add_argument('--from-dir', help='use already downloaded tarballs from this directory (still verified)')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = fetch_geodata.fetch(tmp, args.from_dir, PACKAGES)
        alpha2 = numeric_to_alpha2(fetch_geodata.Tar(paths['wc']))
        with tarfile.open(paths['atlas'], 'r:gz') as atlas:
            for scale in SCALES:
                topology = json.loads(atlas.extractfile(f'package/countries-{scale}.json').read().decode('utf-8'))
                text = json.dumps(annotate(topology, alpha2), ensure_ascii=False, separators=(',', ':'))
                out = os.path.join(args.out, f'countries-{scale}.json')
                with open(out, 'w', encoding='utf-8', newline='\n') as f:
                    f.write(text + '\n')
                count = len(topology['objects']['countries']['geometries'])
                print(f'wrote {out}: {count} countries, {len(topology["arcs"])} arcs', file=sys.stderr)


if __name__ == '__main__':
    main()
