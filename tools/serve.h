// `secretstage serve`: runs the HTTP endpoint (server/) until SIGINT or
// SIGTERM.
#ifndef SECRETSTAGE_TOOLS_SERVE_H_
#define SECRETSTAGE_TOOLS_SERVE_H_

#include <string_view>
#include <vector>

namespace secretstage::tools {

// The usage text of `secretstage serve`.
extern const std::string_view kServeUsage;

// `args` are the arguments after "serve". Prints exactly one line to
// stdout, "listening on http://HOST:PORT", once the port accepts
// connections (port 0 shows the port chosen), then serves until SIGINT or
// SIGTERM, finishes the requests in progress and returns 0. Usage errors
// return 2, a port that cannot be bound 1 (messages on stderr).
int RunServe(const std::vector<std::string_view>& args);

}  // namespace secretstage::tools

#endif  // SECRETSTAGE_TOOLS_SERVE_H_
