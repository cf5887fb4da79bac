// `secretstage replay`: runs a script of Secrets Manager calls, one JSON
// object per line, against a fresh in-process store.
#ifndef SECRETSTAGE_TOOLS_REPLAY_H_
#define SECRETSTAGE_TOOLS_REPLAY_H_

#include <cstdint>
#include <istream>
#include <ostream>

namespace secretstage::tools {

struct ReplayOptions {
  // StoreOptions::seed: ARN suffixes and generated ids. Same seed, same
  // script -> byte-identical output.
  uint64_t seed = 0;
  // Also print, for people: comments, each op echoed as "> Op {input}", the
  // affected secret's label table after each change, and a summary.
  bool pretty = false;
};

struct ReplayStats {
  int operations = 0;  // lines that produced an output line
  int errors = 0;      // of which produced an "error"
};

// Reads `in` line by line and writes, for each line, one JSON line to `out`,
// flushing after each so a pipe shows progress.
//
// Input lines:
//   {"op": "<Operation>", "input": {<AWS JSON request body>}}   ("input" may
//   be absent or null: {}). Operations are those of protocol::Dispatch plus
//   two control operations:
//     AdvanceClock    {"Seconds"|"Minutes"|"Hours"|"Days": number, ...}
//                     moves the store's virtual clock (it starts at
//                     2024-01-01T00:00:00Z); output {"Now": <epoch seconds>}.
//     CheckInvariants {} -> output {}, or error "InvariantViolation".
//   Blank lines and lines whose first non-blank character is '#' are
//   skipped (with --pretty, comments are echoed).
// Output lines:
//   {"op": "<Operation>", "output": {<AWS JSON response body>}}
//   {"op": "<Operation>", "error": {"__type": "...", "Message": "..."}}
// A line that is not JSON gives {"line": N, "error": {"__type":
// "SerializationException", ...}}; a line that is not an object or has no
// string "op" gives a similar error line. Failed operations are data: the
// replay always goes on to the next line.
ReplayStats RunReplay(std::istream& in, std::ostream& out,
                      const ReplayOptions& options);

}  // namespace secretstage::tools

#endif  // SECRETSTAGE_TOOLS_REPLAY_H_
