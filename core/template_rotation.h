// Internal: the built-in rotation handler, used for every RotationLambdaARN
// with no registered handler. It calls the store exactly as AWS's
// SecretsManagerRotationTemplate Lambda calls Secrets Manager (semantics.md
// §6): DescribeSecret checks, then createSecret puts a random password into
// the placeholder as AWSPENDING, setSecret and testSecret do nothing, and
// finishSecret moves AWSCURRENT, leaving AWSPENDING in place.
#ifndef SECRETSTAGE_CORE_TEMPLATE_ROTATION_H_
#define SECRETSTAGE_CORE_TEMPLATE_ROTATION_H_

#include "absl/status/status.h"
#include "core/secret_store.h"

namespace secretstage::internal {

absl::Status TemplateRotationHandler(SecretStore& store,
                                     const SecretStore::RotationStep& step);

}  // namespace secretstage::internal

#endif  // SECRETSTAGE_CORE_TEMPLATE_ROTATION_H_
