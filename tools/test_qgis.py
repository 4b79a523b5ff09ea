#!/usr/bin/python3
"""Opens the render stage's layers in real QGIS (headless) and renders stationmap.qgs to a PNG.

Checks every layer as GeoJSON, Shapefile and GeoPackage: valid, features present, EPSG:4326, valid
geometries, the default style found (the renderer QGIS loaded is the one of styles/); then opens
stationmap.qgs (layer order, labels) and renders it: the PNG must not be blank and must show the style colours.

Usage: test_qgis.py --make-fixture-map BUILD/src/make_fixture_map [--boundaries FILE] [--keep DIR]
       test_qgis.py --outdir EXISTING_OUTDIR
Exit status 0 pass, 1 fail, 77 skipped (no python3-qgis; under CI=true that is a failure, 1).
"""
import argparse
import os
import subprocess
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
try:
    from qgis.core import (QgsApplication, QgsMapRendererParallelJob, QgsMapSettings, QgsProject,
                           QgsRectangle, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as e:  # not installed: skip (ctest SKIP_RETURN_CODE 77), except in CI where it fails
    in_ci = os.environ.get("CI", "") in ("true", "1")
    print(f"{'FAIL' if in_ci else 'SKIP'}: python3-qgis is not installed ({e}); tools/install_deps.sh --tests")
    sys.exit(1 if in_ci else 77)

EXPECTED_RENDERER = {"stations": "categorizedSymbol", "jurisdictions": "singleSymbol", "links": "singleSymbol",
                     "places": "singleSymbol", "jurisdiction_areas": "singleSymbol"}
BASEMAP_LAYERS = ["basemap_borders", "basemap_countries"]  # top first, in the project's "basemap" group
LAND_COLOUR = "#f4f1ea"  # styles/palette.json basemap.land
failures = []


FIXTURE = False  # True when checking the render stage's own fixture map (fixture-specific checks apply)


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def render_fixture(make_fixture_map, outdir, boundaries):
    subprocess.run([make_fixture_map, outdir] + ([boundaries] if boundaries else []), check=True)


def check_layer(uri, name, fmt):
    layer = QgsVectorLayer(uri, f"{name} ({fmt})", "ogr")
    what = f"{fmt} {name}"
    check(layer.isValid(), f"{what}: valid")
    if not layer.isValid():
        return
    check(layer.featureCount() > 0, f"{what}: {layer.featureCount()} features")
    check(layer.crs().authid() == "EPSG:4326", f"{what}: CRS {layer.crs().authid()}")
    invalid = [f.id() for f in layer.getFeatures() if not f.geometry().isGeosValid()]
    check(not invalid, f"{what}: every geometry valid (invalid: {invalid})")
    if fmt != "GeoPackage":  # file layers: QGIS reads the .qml beside the file
        message, ok = layer.loadDefaultStyle()
        check(ok, f"{what}: default style (.qml) found: {message}")
    renderer = layer.renderer().type() if layer.renderer() else None
    check(renderer == EXPECTED_RENDERER[name], f"{what}: styled renderer {renderer}")
    if name == "stations":
        attr = layer.renderer().classAttribute() if renderer == "categorizedSymbol" else None
        check(attr == "status", f"{what}: stations coloured by status ({attr})")
        check(layer.labelsEnabled(), f"{what}: labels on")
    if name == "jurisdictions":
        names = {f["name"] for f in layer.getFeatures()}
        if FIXTURE:  # the fixture map has a Chinese-named jurisdiction
            check("福清" in names, f"{what}: Chinese name 福清 intact ({sorted(names)})")
        size_field = "stn_count" if fmt == "Shapefile" else "station_count"
        symbol_layer = layer.renderer().symbol().symbolLayer(0)
        expression = symbol_layer.dataDefinedProperties().property(symbol_layer.PropertySize).expressionString()
        check(size_field in expression, f"{what}: sized by {size_field} ({expression})")


def land_share(image):
    """Share of pixels (sampled) within a small distance of the basemap's land colour."""
    land = QColor(LAND_COLOUR)
    hits = samples = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            c = QColor(image.pixel(x, y))
            samples += 1
            hits += abs(c.red() - land.red()) + abs(c.green() - land.green()) + abs(c.blue() - land.blue()) < 12
    return hits / samples


def check_project(outdir, png):
    project = QgsProject.instance()
    check(project.read(os.path.join(outdir, "stationmap.qgs")), "stationmap.qgs: read")
    layers = project.mapLayers().values()
    check(len(layers) >= 4, f"stationmap.qgs: {len(layers)} layers")
    check(all(l.isValid() for l in layers), "stationmap.qgs: every layer valid (relative paths resolved)")
    order = [l.name() for l in project.layerTreeRoot().layerOrder()]
    data = [name for name in order if not name.startswith("basemap_")]
    check(order[0] == "stations" and data[-1] == "places" and order[len(data):] == BASEMAP_LAYERS,
          f"stationmap.qgs: layer order {order}")
    group = project.layerTreeRoot().findGroup("basemap")
    check(group is not None and [l.name() for l in group.findLayers()] == BASEMAP_LAYERS,
          "stationmap.qgs: a 'basemap' group under the data layers")
    check(project.crs().authid() == "EPSG:4326", f"stationmap.qgs: project CRS {project.crs().authid()}")
    stations = project.mapLayersByName("stations")[0]
    check(stations.labelsEnabled(), "stationmap.qgs: stations labelled")
    check(stations.renderer().type() == "categorizedSymbol", "stationmap.qgs: stations styled by status")

    settings = QgsMapSettings()
    settings.setLayers(project.layerTreeRoot().layerOrder())
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(1200, 700))
    settings.setBackgroundColor(QColor(255, 255, 255))
    extent = QgsRectangle()
    for layer in layers:
        extent.combineExtentWith(layer.extent())
    extent.scale(1.1)
    settings.setExtent(extent)
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(png)
    total = image.width() * image.height()
    background = QColor(255, 255, 255).rgb()
    drawn = 0
    colours = set()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixel(x, y)
            if pixel != background:
                drawn += 1
                colours.add(pixel & 0xFFFFFF)
    share = drawn * 4 / total
    print(f"      rendered {png}: {image.width()}x{image.height()}, {share:.2%} non-background, "
          f"{len(colours)} colours")
    check(share > 0.002, f"stationmap.qgs: PNG not blank ({share:.2%} of pixels drawn)")
    land = land_share(image)
    check(land > 0.10, f"stationmap.qgs: land drawn ({land:.2%} of pixels in the land colour {LAND_COLOUR})")
    if not FIXTURE:
        return
    confirmed = 0xA50F15  # styles/palette.json status.confirmed (New York)
    check(any(abs(((c >> 16) & 255) - 0xA5) + abs(((c >> 8) & 255) - 0x0F) + abs((c & 255) - 0x15) < 30
              for c in colours), f"stationmap.qgs: the 'confirmed' station colour #{confirmed:06x} is drawn")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--make-fixture-map", help="the make_fixture_map tool, used to write the fixture map")
    parser.add_argument("--boundaries", help="boundaries file for the fixture map")
    parser.add_argument("--outdir", help="check an existing OUTDIR instead")
    parser.add_argument("--keep", help="copy the rendered PNG here")
    args = parser.parse_args()

    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    with tempfile.TemporaryDirectory(prefix="stationmap-qgis-") as tmp:
        outdir = args.outdir
        if not outdir:
            if not args.make_fixture_map:
                parser.error("give --make-fixture-map or --outdir")
            outdir = os.path.join(tmp, "map")
            global FIXTURE
            FIXTURE = True
            render_fixture(args.make_fixture_map, outdir, args.boundaries)
        names = [n for n in EXPECTED_RENDERER if os.path.exists(os.path.join(outdir, n + ".geojson"))]
        check(len(names) >= 4, f"layers present: {names}")
        for name in names:
            check_layer(os.path.join(outdir, name + ".geojson"), name, "GeoJSON")
            check_layer(os.path.join(outdir, "shapefile", name + ".shp"), name, "Shapefile")
            check_layer(os.path.join(outdir, "stationmap.gpkg") + "|layername=" + name, name, "GeoPackage")
        png = args.keep or os.path.join(tmp, "stationmap.png")
        check_project(outdir, png)
    QgsProject.instance().clear()
    app.exitQgis()
    if failures:
        print(f"{len(failures)} QGIS check(s) failed")
        return 1
    print("all QGIS checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
