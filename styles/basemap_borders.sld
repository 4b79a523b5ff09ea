<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>basemap_borders</se:Name>
    <UserStyle>
      <se:Name>basemap_borders</se:Name>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>border</se:Name>
          <se:LineSymbolizer>
            <se:Stroke><se:SvgParameter name="stroke">{{hex:basemap.border}}</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter><se:SvgParameter name="stroke-dasharray">4 2</se:SvgParameter></se:Stroke>
          </se:LineSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
