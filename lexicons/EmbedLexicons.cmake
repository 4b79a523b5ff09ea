# Compiles the word lists of lexicons/<language>/<list>.txt|.tsv into a target, so that an installed stationmap
# binary needs no source tree. stationmap_embed_lexicons(target) adds a generated source listing every file as
# {"<language>/<file>", bytes}. Adding a language means adding a folder here (lexicons/README.md).

include(${CMAKE_CURRENT_LIST_DIR}/../cmake/EmbedFiles.cmake)
set(STATIONMAP_LEXICONS_DIR ${CMAKE_CURRENT_LIST_DIR})

function(stationmap_embed_lexicons target)
  file(GLOB lexicon_files CONFIGURE_DEPENDS ${STATIONMAP_LEXICONS_DIR}/*/*.txt ${STATIONMAP_LEXICONS_DIR}/*/*.tsv)
  stationmap_embed_files(${target} OUTPUT embedded_lexicons.cpp ROOT ${STATIONMAP_LEXICONS_DIR} FILES ${lexicon_files}
                         HEADER stationmap/lexicon/lexicon.hpp NAMESPACE stationmap::lexicon::detail TYPE EmbeddedLexicon
                         ARRAY embedded_lexicons COUNT embedded_lexicon_count)
endfunction()
