<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>basemap_countries</se:Name>
    <UserStyle>
      <se:Name>basemap_countries</se:Name>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>country</se:Name>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill">{{hex:basemap.land}}</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">{{hex:basemap.coast}}</se:SvgParameter><se:SvgParameter name="stroke-width">0.5</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
          <se:TextSymbolizer>
            <se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label>
            <se:Font><se:SvgParameter name="font-family">DejaVu Sans</se:SvgParameter><se:SvgParameter name="font-size">9</se:SvgParameter></se:Font>
            <se:Halo><se:Radius>1.5</se:Radius><se:Fill><se:SvgParameter name="fill">{{hex:basemap.label_halo}}</se:SvgParameter></se:Fill></se:Halo>
            <se:Fill><se:SvgParameter name="fill">{{hex:basemap.label}}</se:SvgParameter></se:Fill>
          </se:TextSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
