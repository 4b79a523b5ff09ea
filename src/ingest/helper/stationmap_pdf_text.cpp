// stationmap-pdf-text: reads one PDF for stationmap in a child process (stationmap/ingest/pdf.hpp).

#include "stationmap/ingest/pdf.hpp"

int main(int argc, char** argv) {
  return stationmap::ingest::pdf_text_helper_main(argc, argv);
}
