// Replays the call sequences behind the recorded AWS responses of
// tests/recordings/aws/ (copies of ../shared/spec/aws-recordings/, LocalStack
// snapshots recorded against real AWS) through protocol::Dispatch, and
// normalises the results the way LocalStack's snapshot transformers
// normalised the recordings, so that the two can be compared as JSON.
//
// What a recorded response looks like depends on how the LocalStack test
// obtained it (View): through boto3 (timestamps are datetimes, SecretBinary
// is bytes, an error is botocore's {"Error": {"Code", "Message"}, "Message"}
// dict or its str()), or as a raw HTTP body.
#ifndef SECRETSTAGE_TESTS_RECORDINGS_RECORDING_REPLAY_H_
#define SECRETSTAGE_TESTS_RECORDINGS_RECORDING_REPLAY_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "nlohmann/json.hpp"

namespace secretstage::recordings {

enum class View {
  // boto3 client call: the parsed response, or e.value.response for an error.
  kSdk,
  // boto3 paginator .build_full_result(): as kSdk without NextToken.
  kSdkPaginated,
  // str(ClientError): "An error occurred (Code) when calling the Op
  // operation: Message".
  kSdkErrorString,
  // Raw HTTP: the JSON body; an error as {"Error": body, "Metadata":
  // {"StatusCode": status}} (test_no_client_request_token).
  kHttp,
};

// One call of a recorded test.
struct Step {
  std::string operation;
  // Request body (JSON text). "${var}" is replaced by a variable: a secret
  // name of the test, a value saved from an earlier response, or a fresh
  // UUID (any name starting with "uuid"), the same one on every use.
  std::string body;
  // The recorded-content key this response was recorded under; "" if the
  // LocalStack test did not record it.
  std::string key;
  View view = View::kSdk;
  // Variables saved from the response: {var, top-level member}.
  std::vector<std::pair<std::string, std::string>> save;
  // Whether the version ids and ARNs of this response take part in the
  // numbering by first appearance (LocalStack registered ids of most
  // unrecorded setup calls through its transformers; see RecordedTest).
  bool number_ids = true;
};

struct RecordedTest {
  std::string file;  // e.g. "update_secret_version_stage.json"
  std::string name;  // the LocalStack test, a key of "tests" in `file`
  // Secret names the test uses and their placeholders in the recording
  // (e.g. {"s-0a1b2c3d", "<SecretId-0idx>"}); a name recorded literally
  // maps to itself.
  std::vector<std::pair<std::string, std::string>> names;
  std::vector<Step> steps;
  // "<version_uuid:N>" by default; "uuid" gives "<uuid:N>".
  std::string version_placeholder = "version_uuid";
  // If set, the whole resource part of a secret ARN ("name-XXXXXX") is
  // replaced by this (test_create_secret_version_from_empty_secret);
  // otherwise the name by its placeholder and "-XXXXXX" by <ArnPart-Nidx>.
  std::string arn_resource_placeholder;
  // ARN partition replaced by "<partition>" (false for older recordings).
  bool partition_placeholder = true;
  // Extra literal replacements {variable, placeholder}, e.g. a random
  // version id shown as "<version-id>".
  std::vector<std::pair<std::string, std::string>> literals;
  // Use the rotation Lambda of LocalStack's tests (RotationLambda() below).
  bool localstack_rotation_lambda = false;
  // Recorded keys that cannot be reproduced, with the reason. Each must
  // actually differ (the test fails if one starts matching).
  std::map<std::string, std::string> unreproducible;
};

// The result of replaying one test: for every recorded key, the normalised
// response; plus every step's operation name for messages.
struct Replayed {
  std::map<std::string, nlohmann::json> by_key;
  std::vector<std::string> errors;  // replay problems (bad script, ...)
};

// Runs `test` on a fresh SecretStore (account 111111111111, ManualClock
// advanced one second before every call) through protocol::Dispatch.
Replayed Replay(const RecordedTest& test);

// The recorded response with ResponseMetadata removed.
nlohmann::json StripMetadata(nlohmann::json recorded);

// The LocalStack test Lambda ARN used by the scripts.
inline constexpr char kLambdaArn[] =
    "arn:aws:lambda:us-east-1:111111111111:function:s-rotate01";

}  // namespace secretstage::recordings

#endif  // SECRETSTAGE_TESTS_RECORDINGS_RECORDING_REPLAY_H_
