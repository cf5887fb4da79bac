// TagResource: {SecretId, Tags [{Key, Value}]} -> {}.
#include "protocol/codec.h"

namespace secretstage::protocol {

absl::StatusOr<Json> HandleTagResource(SecretStore& store, const Json& body) {
  RequestReader in(body);
  model::TagResourceRequest request;
  request.secret_id = in.RequiredString("SecretId");
  if (in.Require("Tags")) request.tags = in.Tags("Tags");
  if (absl::Status status = in.status(); !status.ok()) return status;

  absl::StatusOr<model::TagResourceResponse> response =
      store.TagResource(request);
  if (!response.ok()) return response.status();
  return Json::object();
}

}  // namespace secretstage::protocol
