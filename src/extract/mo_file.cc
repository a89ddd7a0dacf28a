// GNU gettext .mo parsing: a header, then two tables of (length, offset)
// pairs pointing at the original and the translated strings.
#include "extract/mo_file.h"

#include <algorithm>
#include <cstdint>

#include "common/files.h"

namespace pactum::extract {
namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;
constexpr std::size_t kHeaderBytes = 28;  // magic, revision, count, 2 table offsets, hash size/offset

std::uint32_t read_u32(std::string_view data, std::size_t at, bool big_endian) {
  auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(data[at + i])); };
  if (big_endian) return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
  return b(3) << 24 | b(2) << 16 | b(1) << 8 | b(0);
}

}  // namespace

Result<MoFile> MoFile::parse(std::string bytes, const std::string& where) {
  MoFile mo;
  mo.data_ = std::make_unique<std::string>(std::move(bytes));
  std::string_view data = *mo.data_;
  if (data.size() < kHeaderBytes) return Status::corruption(where + ": too short for a .mo file");
  bool big_endian = false;
  std::uint32_t magic = read_u32(data, 0, false);
  if (magic == kMagicSwapped) {
    big_endian = true;
  } else if (magic != kMagic) {
    return Status::corruption(where + ": not a .mo file (bad magic number)");
  }
  std::uint32_t revision = read_u32(data, 4, big_endian);
  if (revision >> 16 > 1) {
    return Status::unsupported(where + ": .mo major revision " + std::to_string(revision >> 16));
  }
  std::size_t count = read_u32(data, 8, big_endian);
  std::size_t originals = read_u32(data, 12, big_endian);
  std::size_t translations = read_u32(data, 16, big_endian);
  // Each table holds count 8-byte entries; check without overflowing.
  if (count > data.size() / 8 || originals > data.size() - count * 8 ||
      translations > data.size() - count * 8) {
    return Status::corruption(where + ": string tables run past the end of the file");
  }

  auto string_at = [&](std::size_t table, std::size_t i, std::string_view* out) {
    std::size_t length = read_u32(data, table + 8 * i, big_endian);
    std::size_t offset = read_u32(data, table + 8 * i + 4, big_endian);
    if (offset > data.size() || length > data.size() - offset) return false;
    *out = data.substr(offset, length);
    return true;
  };

  mo.entries_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string_view original, translation;
    if (!string_at(originals, i, &original) || !string_at(translations, i, &translation)) {
      return Status::corruption(where + ": entry " + std::to_string(i) + " points past the end of the file");
    }
    if (original.empty()) continue;  // the header
    // Plural entries: "singular\0plural" -> "form0\0form1...".
    original = original.substr(0, original.find('\0'));
    translation = translation.substr(0, translation.find('\0'));
    mo.entries_.emplace_back(original, translation);
  }
  // msgfmt writes the originals sorted, so this is a check, not a sort.
  auto by_msgid = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(mo.entries_.begin(), mo.entries_.end(), by_msgid)) {
    std::sort(mo.entries_.begin(), mo.entries_.end(), by_msgid);
  }
  return mo;
}

Result<MoFile> MoFile::open(const std::filesystem::path& path) {
  auto data = read_file(path, std::size_t{64} << 20);
  if (!data.is_ok()) return data.status();
  return parse(std::move(*data), path.string());
}

std::string_view MoFile::find(std::string_view msgid) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), msgid,
                             [](const auto& entry, std::string_view id) { return entry.first < id; });
  if (it == entries_.end() || it->first != msgid) return {};
  return it->second;
}

}  // namespace pactum::extract
