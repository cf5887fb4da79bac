// protocol::Dispatch: error bodies. Wire-level failures (bad JSON, wrong
// member types, missing members, unknown operations, missing tokens) are
// decided by the protocol layer alone; store errors keep the store's
// exception name and message.
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/secret_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "protocol/dispatch.h"
#include "protocol/json.h"

namespace secretstage::protocol {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr char kT1[] = "v1-initial-000000000000000000000001";
constexpr char kTokenMessage[] =
    "You must provide a ClientRequestToken value. We recommend a UUID-type "
    "value.";

struct Reply {
  int http_status;
  std::string type;
  std::string message;
  std::string body;
};

class DispatchErrorsTest : public ::testing::Test {
 protected:
  DispatchErrorsTest() : store_(Options()) {}

  // Dispatches and decodes an error body, checking its shape: exactly
  // {"__type": string, "Message": string}.
  Reply Call(std::string_view operation, std::string_view body) {
    const DispatchResult result = Dispatch(store_, operation, body);
    Reply reply{result.http_status, "", "", result.body};
    const Json json = Json::parse(result.body);
    EXPECT_TRUE(json.is_object()) << result.body;
    if (json.size() == 2 && json.contains("__type") &&
        json.contains("Message")) {
      reply.type = json["__type"].get<std::string>();
      reply.message = json["Message"].get<std::string>();
    } else {
      ADD_FAILURE() << "not an error body: " << result.body;
    }
    return reply;
  }

  void CreateDemo() {
    const DispatchResult result =
        Dispatch(store_, "CreateSecret",
                 R"({"Name":"demo/db","ClientRequestToken":")" +
                     std::string(kT1) + R"(","SecretString":"one"})");
    ASSERT_EQ(result.http_status, 200) << result.body;
  }

  SecretStore store_;

 private:
  static StoreOptions Options() {
    StoreOptions options;
    options.clock = std::make_shared<ManualClock>();
    return options;
  }
};

// ---- store errors ---------------------------------------------------------

TEST_F(DispatchErrorsTest, StoreErrorKeepsExceptionNameAndMessage) {
  const Reply r = Call("GetSecretValue", R"({"SecretId":"missing"})");
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.type, "ResourceNotFoundException");
  EXPECT_EQ(r.message, "Secrets Manager can't find the specified secret.");
  EXPECT_EQ(r.body,
            R"({"__type":"ResourceNotFoundException","Message":"Secrets )"
            R"(Manager can't find the specified secret."})");
}

TEST_F(DispatchErrorsTest, StoreValidationOfNegativeMaxResultsIsPassedOn) {
  CreateDemo();
  const Reply r =
      Call("ListSecretVersionIds", R"({"SecretId":"demo/db","MaxResults":-1})");
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.type, "ValidationException");
  EXPECT_THAT(r.message, HasSubstr("maxResults"));
}

// ---- body -----------------------------------------------------------------

TEST_F(DispatchErrorsTest, MalformedJsonIsSerializationException) {
  for (const char* body : {"{", "{\"SecretId\":}", "{'SecretId':'x'}",
                           "{\"SecretId\":\"x\"} trailing", "\"\xff\""}) {
    const Reply r = Call("DescribeSecret", body);
    EXPECT_EQ(r.http_status, 400) << body;
    EXPECT_EQ(r.type, "SerializationException") << body;
    EXPECT_THAT(r.message, StartsWith("Malformed JSON request body: "));
  }
}

TEST_F(DispatchErrorsTest, NumberTooLargeForJsonIsSerializationException) {
  const Reply r =
      Call("ListSecretVersionIds", R"({"SecretId":"x","MaxResults":1e400})");
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.type, "SerializationException");
  EXPECT_THAT(r.message, HasSubstr("1e400"));
}

TEST_F(DispatchErrorsTest, ListBodyIsSerializationException) {
  const Reply r = Call("DescribeSecret", R"(["SecretId"])");
  EXPECT_EQ(r.type, "SerializationException");
  EXPECT_EQ(r.message, "Start of list found where not expected.");
}

TEST_F(DispatchErrorsTest, ScalarBodyIsSerializationException) {
  for (const char* body : {"\"demo\"", "5", "true", "null"}) {
    const Reply r = Call("DescribeSecret", body);
    EXPECT_EQ(r.type, "SerializationException") << body;
    EXPECT_EQ(r.message, "The request body must be a JSON object.") << body;
  }
}

TEST_F(DispatchErrorsTest, EmptyBodyIsReadAsEmptyObject) {
  const Reply r = Call("DescribeSecret", " \n");
  EXPECT_EQ(r.type, "ValidationException");
  EXPECT_EQ(r.message,
            "1 validation error detected: Value null at 'secretId' failed to "
            "satisfy constraint: Member must not be null");
}

TEST_F(DispatchErrorsTest, DeeplyNestedBodyIsAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(Call("DescribeSecret", deep).type, "SerializationException");
}

// ---- member types ---------------------------------------------------------

struct TypeCase {
  const char* operation;
  const char* body;
  const char* message;
};

TEST_F(DispatchErrorsTest, MemberOfWrongTypeIsSerializationException) {
  const TypeCase cases[] = {
      {"DescribeSecret", R"({"SecretId":5})",
       "NUMBER_VALUE 5 can not be converted to a String"},
      {"DescribeSecret", R"({"SecretId":true})",
       "BOOLEAN_VALUE can not be converted to a String"},
      {"DescribeSecret", R"({"SecretId":{"Name":"x"}})",
       "Start of structure or map found where not expected."},
      {"DescribeSecret", R"({"SecretId":["x"]})",
       "Start of list found where not expected."},
      {"ListSecretVersionIds", R"({"SecretId":"x","IncludeDeprecated":"yes"})",
       "STRING_VALUE can not be converted to a Boolean"},
      {"ListSecretVersionIds", R"({"SecretId":"x","IncludeDeprecated":1})",
       "NUMBER_VALUE 1 can not be converted to a Boolean"},
      {"ListSecretVersionIds", R"({"SecretId":"x","MaxResults":"10"})",
       "STRING_VALUE can not be converted to an Integer"},
      {"ListSecretVersionIds", R"({"SecretId":"x","MaxResults":1.5})",
       "NUMBER_VALUE 1.5 can not be converted to an Integer"},
      {"ListSecretVersionIds", R"({"SecretId":"x","MaxResults":1e30})",
       "NUMBER_VALUE 1e+30 can not be converted to an Integer"},
      {"ListSecretVersionIds", R"({"SecretId":"x","MaxResults":2147483648})",
       "NUMBER_VALUE 2147483648 can not be converted to an Integer"},
      {"ListSecretVersionIds", R"({"SecretId":"x","MaxResults":-2147483649})",
       "NUMBER_VALUE -2147483649 can not be converted to an Integer"},
      {"DeleteSecret",
       R"({"SecretId":"x","RecoveryWindowInDays":18446744073709551615})",
       "NUMBER_VALUE 18446744073709551615 can not be converted to a Long"},
      {"DeleteSecret", R"({"SecretId":"x","RecoveryWindowInDays":7.0})",
       "NUMBER_VALUE 7.0 can not be converted to a Long"},
      {"PutSecretValue", R"({"SecretId":"x","VersionStages":"AWSCURRENT"})",
       "STRING_VALUE can not be converted to a List"},
      {"PutSecretValue", R"({"SecretId":"x","VersionStages":["A",1]})",
       "NUMBER_VALUE 1 can not be converted to a String"},
      {"PutSecretValue", R"({"SecretId":"x","VersionStages":[null]})",
       "NULL_VALUE can not be converted to a String"},
      {"PutSecretValue", R"({"SecretId":"x","SecretBinary":[0,1]})",
       "Start of list found where not expected."},
      {"CreateSecret", R"({"Name":"x","Tags":{"Key":"k"}})",
       "Start of structure or map found where not expected."},
      {"CreateSecret", R"({"Name":"x","Tags":["k"]})",
       "STRING_VALUE can not be converted to a Structure"},
      {"CreateSecret", R"({"Name":"x","Tags":[{"Key":1,"Value":"v"}]})",
       "NUMBER_VALUE 1 can not be converted to a String"},
  };
  for (const TypeCase& c : cases) {
    const Reply r = Call(c.operation, c.body);
    EXPECT_EQ(r.http_status, 400) << c.body;
    EXPECT_EQ(r.type, "SerializationException") << c.body;
    EXPECT_EQ(r.message, c.message) << c.body;
  }
}

TEST_F(DispatchErrorsTest, WrongTypeIsReportedBeforeMissingMember) {
  const Reply r = Call("UpdateSecretVersionStage", R"({"MoveToVersionId":5})");
  EXPECT_EQ(r.type, "SerializationException");
}

TEST_F(DispatchErrorsTest, InvalidBase64IsSerializationException) {
  const Reply r = Call("CreateSecret", R"({"Name":"x","ClientRequestToken":")" +
                                           std::string(kT1) +
                                           R"(","SecretBinary":"no t!"})");
  EXPECT_EQ(r.type, "SerializationException");
  EXPECT_EQ(r.message,
            "SecretBinary: Invalid base64: character at offset 2 is not in "
            "the base64 alphabet.");
}

// ---- required members -----------------------------------------------------

TEST_F(DispatchErrorsTest, MissingRequiredMemberIsValidationException) {
  const TypeCase cases[] = {
      {"CreateSecret", R"({"ClientRequestToken":"t"})", "name"},
      {"PutSecretValue", R"({"SecretString":"v"})", "secretId"},
      {"UpdateSecret", "{}", "secretId"},
      {"GetSecretValue", R"({"SecretId":null})", "secretId"},
      {"DescribeSecret", "{}", "secretId"},
      {"ListSecretVersionIds", "{}", "secretId"},
      {"DeleteSecret", "{}", "secretId"},
      {"RestoreSecret", "{}", "secretId"},
      {"UpdateSecretVersionStage", R"({"SecretId":"x"})", "versionStage"},
  };
  for (const TypeCase& c : cases) {
    const Reply r = Call(c.operation, c.body);
    EXPECT_EQ(r.http_status, 400) << c.operation;
    EXPECT_EQ(r.type, "ValidationException") << c.operation;
    EXPECT_EQ(r.message, "1 validation error detected: Value null at '" +
                             std::string(c.message) +
                             "' failed to satisfy constraint: Member must not "
                             "be null")
        << c.operation;
  }
}

TEST_F(DispatchErrorsTest, SeveralMissingMembersAreListedTogether) {
  const Reply r = Call("UpdateSecretVersionStage", "{}");
  EXPECT_EQ(r.type, "ValidationException");
  EXPECT_EQ(r.message,
            "2 validation errors detected: Value null at 'secretId' failed to "
            "satisfy constraint: Member must not be null; Value null at "
            "'versionStage' failed to satisfy constraint: Member must not be "
            "null");
}

// ---- operations -----------------------------------------------------------

TEST_F(DispatchErrorsTest, UnknownOperationIsUnknownOperationException) {
  const Reply r = Call("FlyToTheMoon", "{}");
  EXPECT_EQ(r.http_status, 400);
  EXPECT_EQ(r.type, "UnknownOperationException");
  EXPECT_EQ(r.message, "Unknown operation FlyToTheMoon.");
}

TEST_F(DispatchErrorsTest, UnknownOperationIsReportedBeforeBodyProblems) {
  EXPECT_EQ(Call("FlyToTheMoon", "{").type, "UnknownOperationException");
}

// ---- ClientRequestToken (semantics.md §11.20) ------------------------------

TEST_F(DispatchErrorsTest, CreateSecretWithoutTokenIsInvalidRequest) {
  const Reply r = Call("CreateSecret", R"({"Name":"new","SecretString":"v"})");
  EXPECT_EQ(r.type, "InvalidRequestException");
  EXPECT_EQ(r.message, kTokenMessage);
}

TEST_F(DispatchErrorsTest, CreateSecretWithoutTokenFailsEvenWithoutValue) {
  const Reply r = Call("CreateSecret", R"({"Name":"new"})");
  EXPECT_EQ(r.type, "InvalidRequestException");
  EXPECT_EQ(r.message, kTokenMessage);
}

TEST_F(DispatchErrorsTest, TokenIsCheckedBeforeTheSecretExists) {
  for (const char* op : {"PutSecretValue", "UpdateSecret"}) {
    const Reply r = Call(op, R"({"SecretId":"missing","SecretString":"v"})");
    EXPECT_EQ(r.type, "InvalidRequestException") << op;
    EXPECT_EQ(r.message, kTokenMessage) << op;
  }
}

TEST_F(DispatchErrorsTest, TokenIsCheckedForBinaryValuesToo) {
  const Reply r =
      Call("UpdateSecret", R"({"SecretId":"missing","SecretBinary":"AA=="})");
  EXPECT_EQ(r.type, "InvalidRequestException");
}

TEST_F(DispatchErrorsTest, PutWithoutTokenOrValueStillNeedsTheToken) {
  const Reply r = Call("PutSecretValue", R"({"SecretId":"missing"})");
  EXPECT_EQ(r.type, "InvalidRequestException");
  EXPECT_EQ(r.message, kTokenMessage);
}

TEST_F(DispatchErrorsTest, UpdateSecretWithoutValueNeedsNoToken) {
  const Reply r =
      Call("UpdateSecret", R"({"SecretId":"missing","Description":"d"})");
  EXPECT_EQ(r.type, "ResourceNotFoundException");
}

TEST_F(DispatchErrorsTest, MissingRequiredMemberIsReportedBeforeToken) {
  const Reply r = Call("PutSecretValue", R"({"SecretString":"v"})");
  EXPECT_EQ(r.type, "ValidationException");
}

TEST_F(DispatchErrorsTest, FailedCallChangesNothing) {
  CreateDemo();
  Call("PutSecretValue", R"({"SecretId":"demo/db","SecretString":"two"})");
  const DispatchResult list =
      Dispatch(store_, "ListSecretVersionIds",
               R"({"SecretId":"demo/db","IncludeDeprecated":true})");
  EXPECT_EQ(Json::parse(list.body)["Versions"].size(), 1u);
}

}  // namespace
}  // namespace secretstage::protocol
