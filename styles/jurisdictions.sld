<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <se:Name>jurisdictions</se:Name>
    <UserStyle>
      <se:Name>jurisdictions</se:Name>
      <se:FeatureTypeStyle>
        <se:Rule>
          <se:Name>jurisdiction</se:Name>
          <se:PointSymbolizer>
            <se:Graphic>
              <se:Mark>
                <se:WellKnownName>circle</se:WellKnownName>
                <se:Fill><se:SvgParameter name="fill"><ogc:PropertyName>color</ogc:PropertyName></se:SvgParameter></se:Fill>
                <se:Stroke><se:SvgParameter name="stroke">#282828</se:SvgParameter><se:SvgParameter name="stroke-width">0.8</se:SvgParameter></se:Stroke>
              </se:Mark>
              <se:Size><ogc:Add><ogc:Literal>10</ogc:Literal><ogc:Mul><ogc:Literal>3</ogc:Literal><ogc:PropertyName>station_count</ogc:PropertyName></ogc:Mul></ogc:Add></se:Size>
            </se:Graphic>
          </se:PointSymbolizer>
          <se:TextSymbolizer>
            <se:Label><ogc:PropertyName>name</ogc:PropertyName></se:Label>
            <se:Font><se:SvgParameter name="font-family">Sans Serif</se:SvgParameter><se:SvgParameter name="font-size">11</se:SvgParameter><se:SvgParameter name="font-style">italic</se:SvgParameter></se:Font>
            <se:LabelPlacement><se:PointPlacement><se:Displacement><se:DisplacementX>6</se:DisplacementX><se:DisplacementY>6</se:DisplacementY></se:Displacement></se:PointPlacement></se:LabelPlacement>
            <se:Halo><se:Radius>1.5</se:Radius><se:Fill><se:SvgParameter name="fill">{{hex:halo}}</se:SvgParameter></se:Fill></se:Halo>
            <se:Fill><se:SvgParameter name="fill">{{hex:label}}</se:SvgParameter></se:Fill>
          </se:TextSymbolizer>
        </se:Rule>
      </se:FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
