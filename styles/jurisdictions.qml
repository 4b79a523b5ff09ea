<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling|Rendering" labelsEnabled="1" hasScaleBasedVisibilityFlag="0">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol name="0" type="marker" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleMarker" enabled="1" locked="0" pass="0">
          <prop k="color" v="{{rgb:jurisdictions.0}},255"/>
          <prop k="name" v="circle"/>
          <prop k="outline_color" v="40,40,40,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="scale_method" v="diameter"/>
          <prop k="size" v="4"/>
          <prop k="size_unit" v="MM"/>
          <data_defined_properties>
            <Option type="Map">
              <Option name="name" value="" type="QString"/>
              <Option name="properties" type="Map">
              <Option name="size" type="Map">
                <Option name="active" value="true" type="bool"/>
                <Option name="expression" value="3 + 1.6 * sqrt(coalesce(&quot;station_count&quot;, 1))" type="QString"/>
                <Option name="type" value="3" type="int"/>
              </Option>
              <Option name="fillColor" type="Map">
                <Option name="active" value="true" type="bool"/>
                <Option name="expression" value="coalesce(&quot;color&quot;, '{{hex:jurisdictions.0}}')" type="QString"/>
                <Option name="type" value="3" type="int"/>
              </Option>
              </Option>
              <Option name="type" value="collection" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fieldName="name" isExpression="0" fontFamily="Sans Serif" fontSize="8" fontSizeUnit="Point" fontItalic="1" fontWeight="50" textColor="50,50,50,255" textOpacity="1" namedStyle="Regular" multilineHeight="1" allowHtml="0">
        <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.8" bufferJoinStyle="128" bufferNoFill="1"/>
      </text-style>
      <text-format wrapChar="" autoWrapLength="0" multilineAlign="3" placeDirectionSymbol="0" formatNumbers="0" plussign="0" decimals="3" reverseDirectionSymbol="0" addDirectionSymbol="0"/>
      <placement placement="6" dist="1.2" distUnits="MM" priority="6" quadOffset="4" offsetType="0" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" placementFlags="10" centroidInside="0" centroidWhole="0"/>
      <rendering obstacle="1" obstacleFactor="1" obstacleType="1" displayAll="0" upsidedownLabels="0" labelPerPart="0" mergeLines="0" scaleVisibility="0" fontLimitPixelSize="0" limitNumLabels="0" minFeatureSize="0" zIndex="0" drawLabels="1"/>
    </settings>
  </labeling>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
</qgis>
