// Umbrella header: every request/response type of secretstage's API.
// Types mirror the AWS SDK's Amazon.SecretsManager.Model names; fields are
// the AWS members in snake_case; optional members are std::optional.
#ifndef SECRETSTAGE_MODEL_MODEL_H_
#define SECRETSTAGE_MODEL_MODEL_H_

#include "model/batch_get_secret_value.h"
#include "model/common.h"
#include "model/create_secret.h"
#include "model/delete_secret.h"
#include "model/describe_secret.h"
#include "model/error_code.h"
#include "model/get_random_password.h"
#include "model/get_secret_value.h"
#include "model/labels.h"
#include "model/list_secret_version_ids.h"
#include "model/list_secrets.h"
#include "model/put_secret_value.h"
#include "model/restore_secret.h"
#include "model/rotate_secret.h"
#include "model/rotation_rules.h"
#include "model/tag_resource.h"
#include "model/update_secret.h"
#include "model/update_secret_version_stage.h"

#endif  // SECRETSTAGE_MODEL_MODEL_H_
