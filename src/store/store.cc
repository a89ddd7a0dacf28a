// The engine-independent parts of the Store contract (store.h).
#include "store/store.h"

#include "store/fts_terms.h"
#include "store/pg_store.h"
#include "store/table_copy.h"

#include "text/segment.h"

namespace pactum::store {

namespace {

// Kana or CJK ideographs anywhere in s.
bool has_cjk(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    // U+3040..U+30FF (kana) and U+3400..U+9FFF (CJK ideographs).
    if ((b0 == 0xE3 && b1 >= 0x81 && b1 <= 0x83) || (b0 == 0xE3 && b1 >= 0x90) ||
        (b0 >= 0xE4 && b0 <= 0xE9)) {
      return true;
    }
  }
  return false;
}

// The folded tokens, space-separated: what index_text() gives Japanese text.
std::string index_text_of(const std::vector<text::Token>& tokens) {
  std::string out;
  for (const text::Token& t : tokens) {
    if (!out.empty()) out += ' ';
    out += t.folded;
  }
  return out;
}

}  // namespace

std::string index_text(std::string_view text) {
  if (!has_cjk(text)) return std::string(text);
  return index_text_of(text::tokenize(text, "ja"));
}


std::string index_evidence(const std::vector<std::string_view>& evidence) {
  std::string joined;
  for (std::string_view e : evidence) {
    if (!joined.empty()) joined += '\n';
    joined += e;
  }
  return index_text(joined);
}

PreparedDocument prepare_document(const ingest::Document& doc, const extract::Extraction& x) {
  PreparedDocument out;
  if (x.language == "ja" && has_cjk(doc.text)) {
    // Both read the text with MeCab: tokenize it once for both.
    const std::vector<text::Token> tokens = text::tokenize(doc.text, "ja");
    out.signature = kb::signature_of_tokens(tokens);
    out.index_body = index_text_of(tokens);
  } else {
    out.signature = kb::signature(doc.text, x.language);
    out.index_body = index_text(doc.text);
  }
  out.index_title = index_text(doc.title.empty() ? x.title : doc.title);
  std::vector<std::string_view> evidence;
  evidence.reserve(x.events.size());
  for (const extract::Event& e : x.events) evidence.push_back(e.evidence);
  out.index_evidence = index_evidence(evidence);
  out.index_tokens = sqlite::index_column_tokens(out.index_title, out.index_body, out.index_evidence);
  if (out.index_tokens) out.index_terms = {out.index_tokens, &out.index_tokens->terms};
  prepare_near_copy_rows(out);
  return out;
}

void prepare_near_copy_rows(PreparedDocument& prepared) {
  if (!prepared.signature) return;
  prepared.band_keys = kb::band_keys(*prepared.signature);
  prepared.signature_blob = kb::encode(*prepared.signature);
}

bool is_postgres_url(std::string_view spec) {
  return spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Store>> open_store(const std::string& spec) {
  if (is_postgres_url(spec)) return open_postgres(spec);
  return open_sqlite(spec);
}

Result<std::vector<Result<PutResult>>> Store::put_batch(const std::vector<PutItem>& items) {
  std::vector<Result<PutResult>> out;
  out.reserve(items.size());
  for (const PutItem& item : items) out.push_back(put(*item.doc, *item.extraction));
  return out;
}

namespace {
Status no_queue() { return Status::unsupported("this store has no document queue"); }
}  // namespace

Result<std::size_t> Store::enqueue(const std::vector<QueueItem>&) { return no_queue(); }
Result<std::vector<QueueClaim>> Store::claim(const std::string&, std::size_t, std::int64_t) { return no_queue(); }
Result<std::vector<Result<PutResult>>> Store::complete_claim(const QueueClaim&, const std::vector<PutItem>&) {
  return no_queue();
}
Status Store::fail_claim(const QueueClaim&, const std::string&) { return no_queue(); }
Result<QueueCounts> Store::queue_counts() { return no_queue(); }
Result<std::unique_ptr<TableCopy>> Store::table_copy() {
  return Status::unsupported("this store cannot be copied table by table");
}

}  // namespace pactum::store
