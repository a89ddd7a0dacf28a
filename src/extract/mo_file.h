// A reader for GNU gettext .mo catalogues, used by the gazetteer to take the
// translated country and region names of iso-codes straight from the files
// (switching LANGUAGE in a running process gives stale gettext results).
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace pactum::extract {

class MoFile {
 public:
  // Reads and indexes a whole catalogue. Fails with kCorruption when the
  // magic number or a table entry does not fit the file.
  static Result<MoFile> open(const std::filesystem::path& path);
  // Parses a catalogue held in memory; `where` names it in messages.
  static Result<MoFile> parse(std::string data, const std::string& where);

  // The translation of msgid, or "" when there is none. For plural entries
  // msgid is the singular and the result the first form; context-qualified
  // entries ("ctx\x04id") are found under that joined key, as gettext does.
  std::string_view find(std::string_view msgid) const;
  // (msgid, translation) pairs sorted by msgid, without the header entry.
  const std::vector<std::pair<std::string_view, std::string_view>>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  // The views point into data_; a heap buffer, so moving a MoFile keeps them valid.
  std::unique_ptr<std::string> data_;
  std::vector<std::pair<std::string_view, std::string_view>> entries_;
};

}  // namespace pactum::extract
