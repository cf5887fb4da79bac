// UntagResource: {SecretId, TagKeys [string]} -> {}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleUntagResource(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::UntagResourceRequest request;
  request.secret_id = in.RequiredString("SecretId");
  if (in.Require("TagKeys")) {
    request.tag_keys =
        in.StringList("TagKeys").value_or(std::vector<std::string>{});
  }
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::UntagResourceResponse> response =
      store.UntagResource(request);
  if (!response.ok()) return response.status();
  return Json::object();
}

}  // namespace secretstage::protocol
