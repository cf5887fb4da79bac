#ifndef SECRETSTAGE_MODEL_UPDATE_SECRET_VERSION_STAGE_H_
#define SECRETSTAGE_MODEL_UPDATE_SECRET_VERSION_STAGE_H_

#include <optional>
#include <string>

namespace secretstage::model {

struct UpdateSecretVersionStageRequest {
  std::string secret_id;
  std::string version_stage;
  std::optional<std::string> remove_from_version_id;
  std::optional<std::string> move_to_version_id;
};

struct UpdateSecretVersionStageResponse {
  std::string arn;
  std::string name;

  friend bool operator==(const UpdateSecretVersionStageResponse&,
                         const UpdateSecretVersionStageResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_UPDATE_SECRET_VERSION_STAGE_H_
