#!/usr/bin/env python3
"""Writes N news-like documents as one JSON Lines file (the corpus of benchmarks/build_news_corpus.sh): each
document is recombined from paragraphs (a lead with a dateline, background, quotes, reactions, a photo caption,
an unrelated item) that name a site by its street address in a real town ("at 14 Rue des Lilas in
Aubervilliers") and the home jurisdiction said to run it (Fuzhou, Qingtian County, Wenzhou...).

The towns are read from the project's own gazetteer (geodata/places.txt.gz): populated places of the host
countries whose name no other gazetteer entry carries, thinned so that no two lie closer than `min_spacing`
Web Mercator units (about 0.45 km at 45 degrees): thousands of distinct sites, close enough that the tiles'
automatic maxzoom reaches 12 (see include/stationmap/tiles/tiles.hpp) and no closer.

Seeded and deterministic; a document depends only on its number, so the first N documents of a larger corpus
are the N documents of a smaller one.
   generate_news_corpus.py N PATH"""
import gzip, json, math, os, random, sys

# Host countries of the sites, with the language of their street names.
HOSTS = {"FR": "fr", "BE": "fr", "IT": "it", "ES": "es", "PT": "pt", "NL": "nl", "DE": "de", "AT": "de",
         "GB": "en", "IE": "en", "US": "en", "CA": "en", "AU": "en", "NZ": "en", "HU": "en", "CZ": "en",
         "SE": "en", "RS": "en", "BR": "pt", "AR": "es", "CL": "es", "ZA": "en"}
COUNTRY_NAMES = {"FR": "France", "BE": "Belgium", "IT": "Italy", "ES": "Spain", "PT": "Portugal",
                 "NL": "the Netherlands", "DE": "Germany", "AT": "Austria", "GB": "Britain", "IE": "Ireland",
                 "US": "the United States", "CA": "Canada", "AU": "Australia", "NZ": "New Zealand", "HU": "Hungary",
                 "CZ": "the Czech Republic", "SE": "Sweden", "RS": "Serbia", "BR": "Brazil", "AR": "Argentina",
                 "CL": "Chile", "ZA": "South Africa"}
# The home jurisdictions (public security bureaus) documents tie the sites to.
BUREAUS = ["Fuzhou", "Qingtian County", "Wenzhou", "Nantong", "Lishui"]
# Metropolitan areas the sites lie in (reference points, degrees), as reports find them: around cities with
# large diasporas. A town within METRO_RADIUS_KM of one of them can be a site.
METROS = [(48.857, 2.352), (45.464, 9.190), (43.880, 11.097), (41.893, 12.483), (40.417, -3.704), (41.388, 2.170),
          (38.722, -9.139), (51.922, 4.479), (52.374, 4.890), (50.850, 4.352), (52.520, 13.405), (48.208, 16.373),
          (50.088, 14.421), (47.498, 19.040), (51.507, -0.128), (53.349, -6.260), (59.329, 18.069), (44.787, 20.457),
          (40.713, -74.006), (43.653, -79.383), (49.283, -123.121), (-33.869, 151.209), (-36.848, 174.763),
          (-23.551, -46.633), (-34.604, -58.382), (-26.204, 28.047)]
METRO_RADIUS_KM = 80
MIN_POPULATION = 1000        # a town a news report would name
MIN_NAME_LENGTH = 5          # shorter names are too often words
MIN_SPACING = 1.6e-5         # Web Mercator units (0..1); z12 needs the closest pair under 3.05e-5
MAX_SITES = 3000

STREETS = {
    "fr": ["Rue des Lilas", "Rue du Moulin", "Avenue Jean Jaures", "Boulevard Voltaire", "Rue des Ecoles",
           "Rue de la Republique", "Quai des Tanneurs", "Rue Pasteur", "Allee des Tilleuls", "Rue Victor Hugo"],
    "it": ["Via Garibaldi", "Via dei Mille", "Via Mazzini", "Via Cavour", "Viale dei Platani", "Via del Mulino",
           "Via delle Rose", "Piazza del Mercato"],
    "es": ["Calle Mayor", "Calle del Carmen", "Avenida de la Constitucion", "Calle de los Olivos", "Calle Real",
           "Calle de las Huertas", "Paseo del Prado"],
    "pt": ["Avenida da Liberdade", "Avenida do Comercio", "Travessa das Oliveiras", "Avenida Central"],
    "nl": ["Kerkstraat", "Molenweg", "Stationsplein", "Dorpsstraat", "Julianalaan", "Marktstraat"],
    "de": ["Hauptstrasse", "Bahnhofstrasse", "Gartenweg", "Lindenallee", "Schillerstrasse", "Marktplatz"],
    "en": ["High Street", "Market Street", "Church Lane", "Station Road", "Mill Road", "Elm Avenue", "King Street",
           "Chapel Street", "Bridge Road", "Queen Street", "Park Avenue", "Canal Street"],
}
BUILDINGS = ["a two-storey shopfront", "the back room of a travel agency", "an office above a grocery",
             "a unit in a trading hall", "rooms let to a hometown association", "a restaurant's upper floor"]
STATION_PHRASES = ["an overseas police service station", "an unofficial police station",
                   "a so-called overseas service station", "a police service centre", "a police liaison office"]
TIE_PHRASES = ["opened by", "run by", "set up by", "operated by", "linked to"]
STATUSES = ["Local police said the office was ordered to close.", "Prosecutors said the site is under investigation.",
            "The premises have since closed, neighbours said.", "The association denied any police role.",
            "Officials said they were examining the claims.", ""]
GROUPS = ["a rights group", "an advocacy group", "researchers", "an investigative newsroom", "a watchdog"]
REPORTERS = ["Ana Ruiz", "Tom Hale", "Mei Lin", "Jonas Berg", "Claire Dubois", "Luca Ferri", "Sara Novak"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
QUOTES = ['"We had no idea what was going on upstairs," said a shopkeeper who asked not to be named.',
          '"Any foreign police activity here without consent is unacceptable," a ministry spokesperson said.',
          '"They helped people renew driving licences, nothing more," a community leader said.',
          '"People were asked to go home and face charges," one former visitor told reporters.']
BACKGROUND = ["The reports describe a network of such offices that public security bureaus in China are said "
              "to have opened abroad since 2018.",
              "Chinese officials have said the centres are volunteer-run and help citizens with paperwork.",
              "Several governments have opened inquiries into the offices since the first reports appeared.",
              "Critics say the offices were used to pressure people to return and face charges."]
UNRELATED = ["In other news, the city council approved a new cycle lane along the river.",
             "Separately, the regional rail operator announced timetable changes for the winter.",
             "Meanwhile, a local football club unveiled plans for a larger stadium.",
             "The weather service forecast rain for the weekend across the region."]


def mercator(lat, lon):
    lat = max(-85.0511287798, min(85.0511287798, lat))
    y = 0.5 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / (2 * math.pi)
    return (lon + 180.0) / 360.0, y


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(a))


def load_sites():
    """Towns of the host countries near a metro with a name of their own, thinned to MIN_SPACING, and the
    names of the gazetteer (lower case)."""
    here = os.path.dirname(os.path.abspath(__file__))
    rows = []
    name_count = {}
    with gzip.open(os.path.join(here, "..", "geodata", "places.txt.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            for n in {c[1].lower(), c[2].lower()}:
                name_count[n] = name_count.get(n, 0) + 1
            if c[6] == "P" and c[8] in HOSTS and c[14].isdigit() and int(c[14]) >= MIN_POPULATION and any(
                    km(float(c[4]), float(c[5]), lat, lon) < METRO_RADIUS_KM for lat, lon in METROS):
                rows.append((int(c[0]), c[1], float(c[4]), float(c[5]), c[8]))
    rows.sort()
    grid = {}
    sites = []
    for gid, name, lat, lon, country in rows:
        if (len(name) < MIN_NAME_LENGTH or name != name.strip() or not all(ch.isalpha() or ch in " -'" for ch in name)
                or name_count.get(name.lower(), 0) != 1 or any(b.lower() in name.lower() for b in BUREAUS)):
            continue
        x, y = mercator(lat, lon)
        cell = (int(x / MIN_SPACING), int(y / MIN_SPACING))
        near = [grid.get((cell[0] + dx, cell[1] + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        if any(p and math.hypot(p[0] - x, p[1] - y) < MIN_SPACING for p in near):
            continue
        grid[cell] = (x, y)
        sites.append((name, country))
    random.Random(7).shuffle(sites)
    return sites[:MAX_SITES], name_count


def plain_streets(names):
    """The street names none of whose words is a gazetteer name (a reader would take it for the town)."""
    return {lang: [s for s in streets if not any(w.lower() in names for w in s.split()[1:] + s.split()[:1]
                                                   if len(w) > 3 and w[0].isupper())]
            for lang, streets in STREETS.items()}


def document(i, sites, streets):
    rnd = random.Random(f"news-{i}")
    town, country = rnd.choice(sites)
    lang = HOSTS[country]
    nation = COUNTRY_NAMES[country]
    bureau = rnd.choice(BUREAUS)
    address = f"{rnd.randint(1, 180)} {rnd.choice(streets[lang])}"
    dateline = f"{town.upper()}, {rnd.choice(MONTHS)} {rnd.randint(1, 28)} ({rnd.choice(['Wire', 'Staff', 'AFP-style desk'])})"
    lead = rnd.choice([
        f"{dateline} - An office at {address} in {town}, {nation}, was described as {rnd.choice(STATION_PHRASES)} "
        f"{rnd.choice(TIE_PHRASES)} the {bureau} public security bureau, according to {rnd.choice(GROUPS)}.",
        f"{dateline} - Police searched {rnd.choice(BUILDINGS)} at {address} in {town}, {nation}, on Tuesday. The premises "
        f"were named as {rnd.choice(STATION_PHRASES)} {rnd.choice(TIE_PHRASES)} the {bureau} public security "
        f"bureau.",
        f"{dateline} - {rnd.choice(GROUPS).capitalize()} said {rnd.choice(BUILDINGS)} at {address}, {town}, "
        f"{nation}, housed {rnd.choice(STATION_PHRASES)} {rnd.choice(TIE_PHRASES)} the public security bureau of {bureau}.",
    ])
    paragraphs = [lead]
    status = rnd.choice(STATUSES)
    if status:
        paragraphs.append(status)
    optional = [rnd.choice(BACKGROUND), rnd.choice(QUOTES),
                f"[Photo caption: the entrance of the building at {address}. Photo: {rnd.choice(REPORTERS)}]",
                rnd.choice(UNRELATED)]
    rnd.shuffle(optional)
    paragraphs += optional[:rnd.randint(1, len(optional))]
    if rnd.random() < 0.3:
        other, _ = rnd.choice(sites)
        paragraphs.append(f"The reporter, {rnd.choice(REPORTERS)}, grew up in {other}.")
    title = f"Office in {town} linked to {bureau} police, report says"
    return {"id": f"news-{i:06d}", "title": title, "text": f"{title}\n\nBy {rnd.choice(REPORTERS)}\n\n" +
            "\n\n".join(paragraphs)}


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    sites, names = load_sites()
    streets = plain_streets(names)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(document(i, sites, streets), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
