// Reading sources into Documents: files of every supported format, folders
// (recursively) and stdin. Bad input never throws and never aborts the
// whole read: each failing file is reported with its reason.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "ingest/document.h"

namespace pactum::ingest {

// Runs task(i) for every i in [0, n), in any order and possibly on several
// threads, and returns when all have run. Tasks do not throw.
using ParallelFor = std::function<void(std::size_t n, const std::function<void(std::size_t)>& task)>;

struct ReadOptions {
  // Files above this size are refused (kResourceExhausted) without being read.
  std::size_t max_file_bytes = std::size_t{64} << 20;
  // A single document (plain text, HTML page, the text of a PDF) above this
  // size is refused (kResourceExhausted): no press release is that big, and a
  // huge one is a log file or a dump, not an article. Feeds and JSONL files
  // hold many documents: the file is bounded by max_file_bytes (a feed also
  // by 10,000 items), each of its items by max_document_bytes.
  std::size_t max_document_bytes = std::size_t{8} << 20;
  // How JSON lines are parsed: unset, one after another on the calling
  // thread; the ingest passes its extraction workers, so that parsing,
  // normalizing and hashing a JSONL file's lines (~0.7M instructions per
  // document) is not serial work on the thread that also writes the store.
  // What is read, and which error, is the same either way.
  ParallelFor parallel_for;
};

// Reads one source's bytes. The format is sniffed from the content (and the
// file name's extension as a hint): PDF magic, XML feed roots (rss, feed,
// rdf:RDF), HTML markup, JSON lines, else plain text.
// A feed or JSONL source yields one Document per item; a source that is
// empty, not UTF-8 (after the format's own decoding), binary, or truncated
// beyond repair yields an error saying which. Messages do not repeat the
// source (callers print it); feed and JSONL errors name the item or line.
// A JSONL file with one bad line fails as a whole ("line N: reason").
Result<std::vector<Document>> read_bytes(std::string_view bytes, const std::string& source,
                                         const ReadOptions& options = {});

// Reads one file from disk (respecting max_file_bytes) through read_bytes;
// "-" reads stdin (read_stdin).
Result<std::vector<Document>> read_path(const std::filesystem::path& path,
                                        const ReadOptions& options = {});

// Passes each document of one source to sink, in order, stopping early when
// sink returns false (then OK is returned). A source up to max_file_bytes is
// read as read_path reads it: all its documents or an error, nothing passed
// to sink before the whole source has been read. A JSONL file over
// max_file_bytes (refused by read_path) is streamed instead, in chunks of
// 256 lines (or 8 MB), so that memory stays bounded by a chunk and the
// longest line whatever the file's size; a bad line then ends the file with
// "line N: reason" after the lines before it were passed on.
Status read_path_each(const std::filesystem::path& path, const ReadOptions& options,
                      const std::function<bool(Document&&)>& sink);

// Reads all of a stream (stdin: "-") through read_bytes with source "-",
// refusing it past max_file_bytes without holding more than that in memory.
Result<std::vector<Document>> read_stream(std::istream& in, const ReadOptions& options = {});
Result<std::vector<Document>> read_stdin(const ReadOptions& options = {});

// Expands command-line arguments into the files to read, in a stable order:
// a folder contributes its regular files recursively (sorted, hidden files
// skipped), "-" stands for stdin. A missing path is returned as a failure.
struct SourceList {
  std::vector<std::string> files;  // paths, or "-" for stdin
  std::vector<std::pair<std::string, Status>> missing;
};
SourceList expand_sources(const std::vector<std::string>& args);

}  // namespace pactum::ingest
