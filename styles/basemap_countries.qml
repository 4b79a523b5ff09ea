<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling|Rendering" labelsEnabled="1" hasScaleBasedVisibilityFlag="0">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol name="0" type="fill" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" locked="0" pass="0">
          <prop k="color" v="{{rgb:basemap.land}},255"/>
          <prop k="style" v="solid"/>
          <prop k="outline_color" v="{{rgb:basemap.coast}},255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.2"/>
          <prop k="outline_width_unit" v="MM"/>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="DejaVu Sans" fontSize="7" fontSizeUnit="Point" fontItalic="0" fontWeight="50" fontCapitals="0" textColor="110,101,88,255" textOpacity="1" namedStyle="Book" multilineHeight="1" allowHtml="0">
        <text-buffer bufferDraw="1" bufferSize="0.6" bufferSizeUnits="MM" bufferColor="244,241,234,255" bufferOpacity="0.9" bufferJoinStyle="128" bufferNoFill="1"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="14" multilineAlign="1" placeDirectionSymbol="0" formatNumbers="0" plussign="0" decimals="3" reverseDirectionSymbol="0" addDirectionSymbol="0"/>
      <placement placement="1" dist="0" distUnits="MM" priority="2" quadOffset="4" offsetType="0" placementFlags="10" centroidInside="1" centroidWhole="1" fitInPolygonOnly="1"/>
      <rendering obstacle="0" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" labelPerPart="0" mergeLines="0" scaleVisibility="0" fontLimitPixelSize="0" limitNumLabels="0" minFeatureSize="0" zIndex="-1" drawLabels="1"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
</qgis>
