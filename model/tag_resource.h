#ifndef SECRETSTAGE_MODEL_TAG_RESOURCE_H_
#define SECRETSTAGE_MODEL_TAG_RESOURCE_H_

#include <string>
#include <vector>

#include "model/common.h"

namespace secretstage::model {

struct TagResourceRequest {
  std::string secret_id;
  std::vector<Tag> tags;  // a key already present gets the new value
};

struct TagResourceResponse {
  friend bool operator==(const TagResourceResponse&,
                         const TagResourceResponse&) = default;
};

struct UntagResourceRequest {
  std::string secret_id;
  std::vector<std::string> tag_keys;
};

struct UntagResourceResponse {
  friend bool operator==(const UntagResourceResponse&,
                         const UntagResourceResponse&) = default;
};

}  // namespace secretstage::model

#endif  // SECRETSTAGE_MODEL_TAG_RESOURCE_H_
