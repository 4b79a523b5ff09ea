<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>candidates</se:Name>
    <UserStyle>
      <se:Name>candidates</se:Name>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>candidate</se:Name>
          <se:PointSymbolizer>
            <se:Graphic>
              <se:Mark>
                <se:WellKnownName>square</se:WellKnownName>
                <se:Stroke><se:SvgParameter name="stroke">{{hex:candidates}}</se:SvgParameter><se:SvgParameter name="stroke-width">1.5</se:SvgParameter><se:SvgParameter name="stroke-dasharray">3 2</se:SvgParameter></se:Stroke>
              </se:Mark>
              <se:Size>10</se:Size>
              <se:Rotation>45</se:Rotation>
            </se:Graphic>
          </se:PointSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
