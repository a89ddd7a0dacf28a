// Legacy character sets: old press-release pages in windows-1252, ISO-8859-x
// or Shift_JIS, converted to UTF-8 with ICU before they are parsed.
#include <unicode/ucnv.h>

#include <cctype>
#include <climits>

#include "ingest/formats.h"

namespace pactum::ingest::internal {
namespace {

// The HTML standard reads these labels as windows-1252 (a superset that
// gives the C1 bytes their curly quotes and dashes); ICU would not.
std::string whatwg_alias(const std::string& charset) {
  if (charset == "iso-8859-1" || charset == "iso8859-1" || charset == "latin1" ||
      charset == "l1" || charset == "us-ascii" || charset == "ascii" || charset == "cp1252" ||
      charset == "x-cp1252") {
    return "windows-1252";
  }
  if (charset == "shift_jis" || charset == "sjis" || charset == "x-sjis" || charset == "ms_kanji") {
    return "windows-31j";
  }
  return charset;
}

}  // namespace

std::string declared_html_charset(std::string_view bytes) {
  std::string head = lower_ascii(bytes.substr(0, 4096));
  // <meta charset=...>, <meta http-equiv content="text/html; charset=...">
  // and <?xml ... encoding="..."?> all put the name after one of these keys.
  for (std::string_view key : {"charset=", "encoding="}) {
    std::size_t pos = 0;
    while ((pos = head.find(key, pos)) != std::string::npos) {
      std::size_t tag = head.rfind('<', pos);
      bool in_meta = tag != std::string::npos &&
                     (head.compare(tag, 5, "<meta") == 0 || head.compare(tag, 5, "<?xml") == 0) &&
                     head.find('>', tag) > pos;
      pos += key.size();
      if (!in_meta) continue;
      while (pos < head.size() && (head[pos] == '"' || head[pos] == '\'' || head[pos] == ' ')) ++pos;
      std::size_t end = pos;
      while (end < head.size() &&
             (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
              head[end] == '_' || head[end] == '.' || head[end] == ':')) {
        ++end;
      }
      if (end > pos) return head.substr(pos, end - pos);
    }
  }
  return "";
}

Result<std::string> convert_to_utf8(std::string_view bytes, const std::string& charset) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX / 4)) {
    return Status::resource_exhausted("too large to convert from " + charset);
  }
  std::string name = whatwg_alias(charset);
  UErrorCode err = U_ZERO_ERROR;
  // Preflight for the size, then convert. Bytes the charset cannot map become
  // U+FFFD rather than failing the whole page.
  int32_t needed = ucnv_convert("UTF-8", name.c_str(), nullptr, 0, bytes.data(),
                                static_cast<int32_t>(bytes.size()), &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
    return Status::unsupported("unknown character set \"" + charset + "\" (" + u_errorName(err) + ")");
  }
  std::string out(static_cast<std::size_t>(needed), '\0');
  err = U_ZERO_ERROR;
  int32_t written = ucnv_convert("UTF-8", name.c_str(), out.data(), needed, bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) {
    return Status::invalid_argument("cannot convert from " + charset + ": " + u_errorName(err));
  }
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace pactum::ingest::internal
