<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>jurisdiction_areas</se:Name>
    <UserStyle>
      <se:Name>jurisdiction_areas</se:Name>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>jurisdiction area</se:Name>
          <se:PolygonSymbolizer>
            <se:Fill><se:SvgParameter name="fill"><ogc:PropertyName>color</ogc:PropertyName></se:SvgParameter><se:SvgParameter name="fill-opacity">0.35</se:SvgParameter></se:Fill>
            <se:Stroke><se:SvgParameter name="stroke">#3c3c3c</se:SvgParameter><se:SvgParameter name="stroke-width">0.7</se:SvgParameter></se:Stroke>
          </se:PolygonSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
