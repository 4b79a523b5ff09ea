#pragma once
/// @file
/// SharedValues: what the claims of a corpus repeat, held once: one Place per gazetteer index, one DocumentInfo
/// per document id and one string per distinct sentence, instead of a copy in every mention and evidence.
/// ClaimMerger keeps one for the claims it merges. A reader of stored claims (the claims cache) can build a
/// document's claims from these values directly (ClaimMerger::with_shared_values(), add_shared()): a value it
/// finds here is neither copied nor looked up again.

#include "stationmap/extract/claims.hpp"

#include <cstdint>
#include <memory>
#include <string_view>

namespace stationmap {

/// The values the claims of a corpus share. What a value is shared as never changes once it is (the first of each
/// is kept); a value unlike the kept one of its key (a place unlike the gazetteer's entry of its index, another
/// document's fields under the same id) stays apart. Not thread-safe.
class SharedValues {
public:
  SharedValues();
  ~SharedValues();
  SharedValues(const SharedValues&) = delete;
  SharedValues& operator=(const SharedValues&) = delete;
  SharedValues(SharedValues&&) noexcept;
  SharedValues& operator=(SharedValues&&) noexcept;

  /// The kept place equal to @p p, or @p p itself (none for none).
  [[nodiscard]] std::shared_ptr<const Place> place(const std::shared_ptr<const Place>& p);
  /// The kept place equal to @p p; made (and kept, when it is the first of its index) when there is none.
  [[nodiscard]] std::shared_ptr<const Place> place(const Place& p);
  /// The kept fields of @p d's document id when they equal @p d's, else @p d (none for none).
  [[nodiscard]] DocumentRef document(const DocumentRef& d);
  /// The kept fields of @p d's document id when they equal @p d; else @p d, made here (and kept when the first of
  /// its id). Values made here are freed together, with the last reference to any of them.
  [[nodiscard]] DocumentRef document(DocumentInfo d);
  /// The kept sentence with @p s's text, or @p s itself (none for none).
  [[nodiscard]] SentenceRef sentence(const SentenceRef& s);
  /// The kept sentence @p text; made here and kept when new.
  [[nodiscard]] SentenceRef sentence(std::string_view text);
  /// Points @p e's document and sentence to the kept values.
  void share(Evidence& e);
  /// Points @p m's document, sentence and place to the kept values.
  void share(RoledMention& m);

private:
  struct Tables;
  std::unique_ptr<Tables> m_tables;
};

} // namespace stationmap
