#pragma once
// The non-OGR outputs of the render stage: CSV tables (written with stationmap/core/csv.hpp) and the QGIS
// project.

#include "layers/layer_model.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/extract/review.hpp"

#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace stationmap::render::detail {

/// A coordinate with at most 7 decimals, trailing zeros dropped ("119.3063889", "-74").
std::string format_degrees(double value);

/// Writes mentions.csv (streamed, whole or not at all): document, start, end, text, place_id, lat, lon, role,
/// sentence (+ name, country, reason, reason_code).
void write_mentions_csv(const std::deque<RoledMention>& mentions, const std::filesystem::path& file);
/// Writes problems.csv: file, kind, detail.
void write_problems_csv(const std::vector<Problem>& problems, const std::filesystem::path& file);

/// Writes review.csv: kind, id, name, documents, detail (see extract/review.hpp).
void write_review_csv(const std::vector<ReviewItem>& items, const std::filesystem::path& file);

/// stationmap.qgs: the layers of stationmap.gpkg (relative path), styled, labelled, stations on top.
std::string qgis_project(const MapModel& model, const std::string& gpkg_name);

} // namespace stationmap::render::detail
