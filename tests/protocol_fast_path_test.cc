// Differential test of the UpdateSecretVersionStage wire fast path
// (protocol/codecs/update_secret_version_stage_fast.cc): every body goes
// through protocol::Dispatch (fast path, or its fallback) on one store and
// through the general path alone (internal::DispatchGeneral) on an
// identically built twin; the status, the body bytes and the resulting
// state (DescribeSecret and ListSecretVersionIds of every secret) must be
// identical. Bodies: hand-picked ones of the simple shape, one for each
// fallback trigger, and many random ones built from real and bad values
// (missing members, bad lengths, unknown and deleted secrets, ARNs, label
// rules, the label quota), with random whitespace and member order, some
// mutated into a shape the fast path must refuse.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "core/clock.h"
#include "core/secret_store.h"
#include "gtest/gtest.h"
#include "model/update_secret_version_stage.h"
#include "protocol/dispatch.h"
#include "protocol/dispatch_internal.h"
#include "protocol/json.h"

namespace secretstage::protocol {
namespace {

constexpr std::string_view kOp = "UpdateSecretVersionStage";

bool IsSimple(std::string_view body) {
  model::UpdateSecretVersionStageRequest request;
  return internal::ParseSimpleUpdateSecretVersionStage(body, &request);
}

std::string VersionId(int secret, int version) {
  return absl::StrFormat("%08d-0000-4000-8000-%012d", secret, version);
}

// Two stores built by the same calls: `fast` is driven through Dispatch(),
// `general` through the general path only.
class Twins {
 public:
  Twins()
      : fast_clock_(std::make_shared<ManualClock>()),
        general_clock_(std::make_shared<ManualClock>()),
        fast_(Options(fast_clock_)),
        general_(Options(general_clock_)) {}

  static StoreOptions Options(std::shared_ptr<ManualClock> clock) {
    StoreOptions options;
    options.clock = std::move(clock);
    options.seed = 7;
    options.max_labels_per_secret = 8;  // reach the label quota often
    return options;
  }

  // A setup call on both stores through the general path.
  DispatchResult Setup(std::string_view op, const Json& body) {
    DispatchResult a, b;
    internal::DispatchGeneral(fast_, op, ToJsonText(body), &a);
    internal::DispatchGeneral(general_, op, ToJsonText(body), &b);
    EXPECT_EQ(a.http_status, b.http_status);
    EXPECT_EQ(a.body, b.body);
    EXPECT_EQ(a.http_status, 200) << op << " " << body << " -> " << a.body;
    return a;
  }

  void Advance(absl::Duration d) {
    fast_clock_->Advance(d);
    general_clock_->Advance(d);
  }

  // The body through both; true if they agree (else a test failure).
  void Compare(const std::string& body, DispatchResult& reused,
               bool by_value) {
    DispatchResult fast;
    if (by_value) {
      fast = Dispatch(fast_, kOp, body);
    } else {
      Dispatch(fast_, kOp, body, &reused);
      fast = reused;
    }
    DispatchResult general;
    internal::DispatchGeneral(general_, kOp, body, &general);
    ASSERT_EQ(fast.http_status, general.http_status) << Printable(body);
    ASSERT_EQ(fast.body, general.body) << Printable(body);
    ASSERT_NE(fast.http_status, 500) << Printable(body) << " -> " << fast.body;
    if (IsSimple(body)) {
      ++fast_handled_;
      if (fast.http_status == 200) {
        ++fast_successes_;
      } else {
        fast_errors_.insert(Json::parse(fast.body)["__type"].get<std::string>());
      }
    } else {
      ++fallbacks_;
    }
  }

  // Every secret's DescribeSecret and ListSecretVersionIds, on both.
  void CompareState(const std::vector<std::string>& names) {
    for (const std::string& name : names) {
      for (std::string_view op : {"DescribeSecret", "ListSecretVersionIds"}) {
        Json body = {{"SecretId", name}};
        if (op == "ListSecretVersionIds") body["IncludeDeprecated"] = true;
        DispatchResult a, b;
        internal::DispatchGeneral(fast_, op, ToJsonText(body), &a);
        internal::DispatchGeneral(general_, op, ToJsonText(body), &b);
        ASSERT_EQ(a.http_status, b.http_status) << op << " " << name;
        ASSERT_EQ(a.body, b.body) << op << " " << name;
      }
    }
    ASSERT_TRUE(fast_.CheckInvariants().ok());
    ASSERT_TRUE(general_.CheckInvariants().ok());
  }

  static std::string Printable(std::string_view body) {
    std::string out;
    for (unsigned char c : body) {
      if (c < 0x20 || c >= 0x7F) {
        absl::StrAppendFormat(&out, "\\x%02x", c);
      } else {
        out += static_cast<char>(c);
      }
    }
    return out;
  }

  int fast_handled_ = 0;
  int fast_successes_ = 0;
  int fallbacks_ = 0;
  std::set<std::string> fast_errors_;

 private:
  std::shared_ptr<ManualClock> fast_clock_;
  std::shared_ptr<ManualClock> general_clock_;
  SecretStore fast_;
  SecretStore general_;
};

struct World {
  std::vector<std::string> names;          // every secret
  std::vector<std::string> arns;           // same order
  std::vector<std::vector<std::string>> versions;  // same order
};

// s0: 2 versions; s1: 5; app/db-x: 30; gone: 2, scheduled for deletion.
World Build(Twins& twins) {
  World world;
  const std::vector<std::pair<std::string, int>> secrets = {
      {"s0", 2}, {"s1", 5}, {"app/db-x", 30}, {"gone", 2}};
  for (size_t s = 0; s < secrets.size(); ++s) {
    const auto& [name, count] = secrets[s];
    std::vector<std::string> ids;
    const DispatchResult created = twins.Setup(
        "CreateSecret", {{"Name", name},
                         {"SecretString", "v0"},
                         {"ClientRequestToken", VersionId(int(s), 0)}});
    ids.push_back(VersionId(int(s), 0));
    for (int v = 1; v < count; ++v) {
      twins.Advance(absl::Seconds(1));
      twins.Setup("PutSecretValue",
                  {{"SecretId", name},
                   {"SecretString", absl::StrCat("v", v)},
                   {"ClientRequestToken", VersionId(int(s), v)}});
      ids.push_back(VersionId(int(s), v));
    }
    world.names.push_back(name);
    world.arns.push_back(Json::parse(created.body)["ARN"].get<std::string>());
    world.versions.push_back(std::move(ids));
  }
  twins.Setup("DeleteSecret", {{"SecretId", "gone"}, {"RecoveryWindowInDays", 7}});
  return world;
}

// ---- hand-picked bodies -----------------------------------------------------

// Simple shape: the fast path must take these.
std::vector<std::string> FastBodies(const World& w) {
  const std::string& s0_arn = w.arns[0];
  const std::string s0_partial = s0_arn.substr(0, s0_arn.size() - 7);
  const std::string v00 = VersionId(0, 0), v01 = VersionId(0, 1);
  const std::string v10 = VersionId(1, 0), v14 = VersionId(1, 4);
  return {
      // success: custom label added, moved, removed
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"BLUE","MoveToVersionId":")", v00, R"("})"),
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"BLUE","RemoveFromVersionId":")", v00,
                   R"(","MoveToVersionId":")", v01, R"("})"),
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"BLUE","RemoveFromVersionId":")", v01, R"("})"),
      // AWSCURRENT moves (AWSPREVIOUS follows), by ARN and partial ARN
      absl::StrCat(R"({"SecretId":")", s0_arn, R"(","VersionStage":"AWSCURRENT","RemoveFromVersionId":")",
                   v01, R"(","MoveToVersionId":")", v00, R"("})"),
      absl::StrCat(R"({"SecretId":")", s0_partial, R"(","VersionStage":"AWSCURRENT","RemoveFromVersionId":")",
                   v00, R"(","MoveToVersionId":")", v01, R"("})"),
      // whitespace everywhere, any member order
      absl::StrCat(" \t\r\n{ \"MoveToVersionId\" :\n\"", v10, "\" ,\t\"VersionStage\"\r:\"GREEN\" , \"SecretId\": \"s1\" } \n"),
      // errors the store reports
      R"({"SecretId":"nope","VersionStage":"BLUE"})",                           // not found
      R"({"SecretId":"","VersionStage":"BLUE"})",                               // length
      absl::StrCat(R"({"SecretId":")", std::string(2049, 'a'), R"(","VersionStage":"X"})"),
      R"({"SecretId":"s0","VersionStage":""})",                                 // length
      absl::StrCat(R"({"SecretId":"s0","VersionStage":")", std::string(257, 'L'), R"("})"),
      R"({"SecretId":"s0","VersionStage":"BLUE","MoveToVersionId":"short"})",    // length
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"BLUE","RemoveFromVersionId":")", std::string(65, 'a'), R"("})"),
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"BLUE","MoveToVersionId":")", v14, R"("})"),  // other secret's version
      R"({"SecretId":"s0","VersionStage":"BLUE"})",                             // neither remove nor move
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"AWSCURRENT","MoveToVersionId":")", v00, R"("})"),  // current without remove
      absl::StrCat(R"({"SecretId":"s0","VersionStage":"AWSCURRENT","RemoveFromVersionId":")", v00, R"("})"),
      absl::StrCat(R"({"SecretId":"s1","VersionStage":"BLUE","RemoveFromVersionId":")", v10,
                   R"(","MoveToVersionId":")", v14, R"("})"),                  // label not on that version
      absl::StrCat(R"({"SecretId":"gone","VersionStage":"BLUE","MoveToVersionId":")", VersionId(3, 0), R"("})"),
      R"({"SecretId":"arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf","VersionStage":"B"})",
      R"({"SecretId":"arn:aws:secretsmanager:eu-west-1:123456789012:secret:s0","VersionStage":"B"})",
      R"({"SecretId":"s0","VersionStage":"~!@#$%^&*()_+`-={}|[]:;'<>?,./ "})",
      R"({"SecretId":"s0","VersionStage":"x","MoveToVersionId":"","RemoveFromVersionId":""})",
  };
}

// Each must take the general path (and still answer the same).
std::vector<std::string> FallbackBodies() {
  const std::string v = VersionId(0, 0);
  return {
      "",
      "   \n",
      "{}",
      "[]",
      "null",
      R"("x")",
      "{",
      R"({"SecretId":"s0","VersionStage":"BLUE","MoveToVersionId":")" + v + "\"",  // unterminated
      R"({"SecretId":"s0","VersionStage":"BLUE"}x)",                 // trailing garbage
      R"({"SecretId":"s0","VersionStage":"BLUE"}})",
      R"({"SecretId":"s0","VersionStage":"BLUE"},)",
      R"({"SecretId":"s0","VersionStage":"BLUE",})",                 // trailing comma
      R"({"SecretId":"s0","VersionStage":"BLUE" "x":"y"})",
      R"({"SecretId":"s0"})",                                        // missing VersionStage
      R"({"VersionStage":"BLUE"})",                                  // missing SecretId
      R"({"MoveToVersionId":")" + v + "\"}",                         // missing both
      R"({"SecretId":"s0","VersionStage":"BLUE","SecretId":"s1","MoveToVersionId":")" + v + "\"}",  // duplicate
      R"({"SecretId":"s0","VersionStage":"BLUE","VersionStage":"BLUE","MoveToVersionId":")" + v + "\"}",
      R"({"SecretId":"s0","VersionStage":"BLUE","Foo":"bar","MoveToVersionId":")" + v + "\"}",  // other member
      R"({"SecretId":"s0","VersionStage":"BLUE","ClientRequestToken":"t","MoveToVersionId":")" + v + "\"}",
      R"({"SecretId":"s0","VersionStage":"BLUE","secretid":"x"})",
      R"({"SecretId":"s0","VersionStage":"BLUE","MoveToVersionId":null})",  // null
      R"({"SecretId":null,"VersionStage":"BLUE"})",
      R"({"SecretId":"s0","VersionStage":1})",                       // number
      R"({"SecretId":"s0","VersionStage":true})",
      R"({"SecretId":"s0","VersionStage":["BLUE"]})",                // nested
      R"({"SecretId":{"x":"s0"},"VersionStage":"BLUE"})",
      R"({"SecretId":"s\u0030","VersionStage":"BLUE","MoveToVersionId":")" + v + "\"}",  // escapes
      R"({"SecretId":"s0","VersionStage":"BL\/UE","MoveToVersionId":")" + v + "\"}",
      R"({"SecretId":"s0","VersionStage":"BL\"UE","MoveToVersionId":")" + v + "\"}",
      R"({"Secret\u0049d":"s0","VersionStage":"BLUE","MoveToVersionId":")" + v + "\"}",
      R"({"SecretId":"s0","VersionStage":"BLUE\x","MoveToVersionId":")" + v + "\"}",  // bad escape
      "{\"SecretId\":\"s0\",\"VersionStage\":\"BL\x01UE\"}",         // control character
      "{\"SecretId\":\"s0\",\"VersionStage\":\"BL\tUE\"}",
      "{\"SecretId\":\"s0\",\"VersionStage\":\"BL\x7fUE\"}",         // DEL
      "{\"SecretId\":\"s0\",\"VersionStage\":\"BL\xc3\xa9UE\",\"MoveToVersionId\":\"" + v + "\"}",  // UTF-8
      "{\"SecretId\":\"s0\",\"VersionStage\":\"BL\xffUE\"}",         // not UTF-8
      "{\"SecretId\":\"s\xe2\x82\xac\",\"VersionStage\":\"B\"}",
      "\xef\xbb\xbf{\"SecretId\":\"s0\",\"VersionStage\":\"BLUE\",\"MoveToVersionId\":\"" + v + "\"}",  // BOM
      "\f{\"SecretId\":\"s0\",\"VersionStage\":\"BLUE\"}",           // not JSON whitespace
      std::string("{\"SecretId\":\"s0\",\"VersionStage\":\"BLUE\"}\0", 40),  // NUL after
      R"({'SecretId':'s0','VersionStage':'BLUE'})",
      R"({SecretId:"s0",VersionStage:"BLUE"})",
      R"({"SecretId" "s0","VersionStage":"BLUE"})",
      R"({"SecretId":"s0";"VersionStage":"BLUE"})",
      R"([{"SecretId":"s0","VersionStage":"BLUE"}])",
      R"({"SecretId":"s0","VersionStage":"BLUE"} {"SecretId":"s0"})",
  };
}

TEST(ProtocolFastPathTest, HandPickedBodiesAgree) {
  Twins twins;
  const World world = Build(twins);
  DispatchResult reused;
  const std::vector<std::string> fast = FastBodies(world);
  for (const std::string& body : fast) {
    ASSERT_TRUE(IsSimple(body)) << body;
    twins.Advance(absl::Milliseconds(1500));
    ASSERT_NO_FATAL_FAILURE(twins.Compare(body, reused, false));
    ASSERT_NO_FATAL_FAILURE(twins.CompareState(world.names));
  }
  const std::vector<std::string> fallback = FallbackBodies();
  for (const std::string& body : fallback) {
    ASSERT_FALSE(IsSimple(body)) << Twins::Printable(body);
    twins.Advance(absl::Milliseconds(1500));
    ASSERT_NO_FATAL_FAILURE(twins.Compare(body, reused, true));
    ASSERT_NO_FATAL_FAILURE(twins.CompareState(world.names));
  }
  EXPECT_EQ(twins.fast_handled_, static_cast<int>(fast.size()));
  EXPECT_EQ(twins.fallbacks_, static_cast<int>(fallback.size()));
  EXPECT_GE(twins.fast_successes_, 5);
  for (const char* error : {"ResourceNotFoundException", "InvalidParameterException",
                            "InvalidRequestException", "ValidationException"}) {
    EXPECT_TRUE(twins.fast_errors_.count(error)) << error;
  }
}

// Every byte value at every position of a long value (the fast path checks
// eight bytes at a time, then the tail): plain bytes are taken, every other
// byte falls back, and both agree with the general path.
TEST(ProtocolFastPathTest, EveryByteAtEveryPositionAgrees) {
  Twins twins;
  const World world = Build(twins);
  DispatchResult reused;
  int fast = 0;
  for (int byte = 0; byte < 256; ++byte) {
    if (byte == '"') continue;  // ends the string early: covered elsewhere
    const bool plain = byte >= 0x20 && byte <= 0x7E && byte != '\\';
    for (size_t pos = 0; pos < 27; ++pos) {
      for (bool in_id : {false, true}) {
        std::string value(26, 'a');
        value.insert(value.begin() + static_cast<long>(pos), static_cast<char>(byte));
        const std::string body =
            in_id ? absl::StrCat(R"({"SecretId":")", value,
                                 R"(","VersionStage":"B","MoveToVersionId":")",
                                 VersionId(0, 0), R"("})")
                  : absl::StrCat(R"({"SecretId":"s0","VersionStage":")", value,
                                 R"(","MoveToVersionId":")", VersionId(0, 0),
                                 R"("})");
        ASSERT_EQ(IsSimple(body), plain) << byte << " at " << pos;
        ASSERT_NO_FATAL_FAILURE(twins.Compare(body, reused, false));
        fast += plain;
      }
    }
  }
  ASSERT_NO_FATAL_FAILURE(twins.CompareState(world.names));
  EXPECT_GT(fast, 1000);
}

// ---- random bodies ----------------------------------------------------------

class BodyMaker {
 public:
  BodyMaker(const World& world, uint32_t seed) : w_(world), rng_(seed) {}

  std::string Make() {
    const size_t s = Pick(w_.names.size());
    std::vector<std::pair<std::string, std::string>> members;  // key, raw JSON
    if (Chance(95)) members.push_back({"SecretId", Quote(SecretId(s))});
    if (Chance(95)) members.push_back({"VersionStage", Quote(Stage())});
    if (Chance(65)) members.push_back({"RemoveFromVersionId", Quote(Version(s))});
    if (Chance(75)) members.push_back({"MoveToVersionId", Quote(Version(s))});
    std::shuffle(members.begin(), members.end(), rng_);
    const bool mutate = Chance(30);
    if (mutate) Mutate(members);
    std::string body = Space() + "{";
    for (size_t i = 0; i < members.size(); ++i) {
      if (i > 0) body += Space() + "," + Space();
      else body += Space();
      body += "\"" + members[i].first + "\"" + Space() + ":" + Space() +
              members[i].second;
    }
    body += Space() + "}" + Space();
    if (mutate && Chance(15)) body = Garble(std::move(body));
    return body;
  }

 private:
  bool Chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  size_t Pick(size_t n) { return rng_() % n; }
  static std::string Quote(const std::string& s) { return "\"" + s + "\""; }

  std::string Space() {
    static const char* const kSpaces[] = {"", "", "", " ", "\n", "\t ", "\r\n  "};
    return kSpaces[Pick(std::size(kSpaces))];
  }

  std::string SecretId(size_t s) {
    switch (Pick(12)) {
      case 0: return w_.arns[s];
      case 1: return w_.arns[s].substr(0, w_.arns[s].size() - 7);  // partial
      case 2: return "nope";
      case 3: return Pick(4) == 0 ? "" : std::string(2049, 'n');
      case 4: return "arn:aws:secretsmanager:us-east-1:123456789012:secret:nope-AbCdEf";
      default: return w_.names[s];
    }
  }

  std::string Stage() {
    switch (Pick(14)) {
      case 0: case 1: case 2: return "AWSCURRENT";
      case 3: return "AWSPREVIOUS";
      case 4: return "AWSPENDING";
      case 5: return Pick(2) == 0 ? "" : std::string(257, 'L');
      case 6: return std::string(256, 'L');
      default: return absl::StrCat("L", Pick(12));  // more than the quota of 8
    }
  }

  std::string Version(size_t s) {
    const std::vector<std::string>& ids = w_.versions[s];
    switch (Pick(10)) {
      case 0: return VersionId(99, static_cast<int>(Pick(3)));  // unknown
      case 1: {
        const size_t other = Pick(w_.versions.size());
        return w_.versions[other][Pick(w_.versions[other].size())];
      }
      case 2: {
        switch (Pick(4)) {
          case 0: return "";
          case 1: return std::string(31, 'a');
          case 2: return std::string(65, 'a');
          default: return std::string(64, 'a');
        }
      }
      default: return ids[Pick(std::min<size_t>(ids.size(), 4)) +
                          (ids.size() > 4 && Pick(2) == 0 ? ids.size() - 4 : 0)];
    }
  }

  // A change the fast path must refuse.
  void Mutate(std::vector<std::pair<std::string, std::string>>& members) {
    const std::vector<std::string> kBadValues = {
        "null", "1", "-0", "1.5e3", "true", "false", "[]", R"(["L1"])", "{}",
        R"({"a":"b"})", R"("\u0041WSCURRENT")", R"("L\/1")", R"("s\u0030")",
        "\"L\x01\"", "\"L\x7f\"", "\"L\xc3\xa9\"", "\"L\xff\"", R"("L\n")",
        "\"unterminated"};
    switch (Pick(5)) {
      case 0:  // an unknown member
        members.insert(members.begin() + static_cast<long>(Pick(members.size() + 1)),
                       {Pick(2) == 0 ? "ClientRequestToken" : "Other",
                        Pick(2) == 0 ? "\"x\"" : "3"});
        break;
      case 1:  // a duplicate
        if (!members.empty()) {
          auto dup = members[Pick(members.size())];
          if (Pick(2) == 0) dup.second = "\"L1\"";
          members.insert(members.begin() + static_cast<long>(Pick(members.size() + 1)),
                         dup);
        }
        break;
      case 2:  // an escaped key
        if (!members.empty()) {
          std::string& key = members[Pick(members.size())].first;
          key = "\\u00" + absl::StrFormat("%02x", key[0]) + key.substr(1);
        }
        break;
      default:  // a value that is not a plain string
        if (!members.empty()) {
          members[Pick(members.size())].second = kBadValues[Pick(kBadValues.size())];
        } else {
          members.push_back({"SecretId", "null"});
        }
        break;
    }
  }

  std::string Garble(std::string body) {
    switch (Pick(4)) {
      case 0: body.resize(Pick(body.size() + 1)); return body;
      case 1: return body + (Pick(2) == 0 ? "x" : "}");
      case 2: return "\xef\xbb\xbf" + body;
      default: return "[" + body + "]";
    }
  }

  const World& w_;
  std::mt19937 rng_;
};

TEST(ProtocolFastPathTest, RandomBodiesAgree) {
  for (uint32_t seed : {1u, 2u, 3u}) {
    Twins twins;
    const World world = Build(twins);
    BodyMaker maker(world, seed);
    std::mt19937 rng(seed * 77);
    DispatchResult reused;
    constexpr int kBodies = 8000;
    for (int i = 0; i < kBodies; ++i) {
      if (rng() % 4 == 0) twins.Advance(absl::Milliseconds(rng() % 5000));
      const std::string body = maker.Make();
      ASSERT_NO_FATAL_FAILURE(twins.Compare(body, reused, rng() % 8 == 0))
          << "seed " << seed << " body " << i;
      if (i % 16 == 0 || i == kBodies - 1) {
        ASSERT_NO_FATAL_FAILURE(twins.CompareState(world.names))
            << "seed " << seed << " after body " << i;
      }
    }
    std::printf("seed %u: %d fast (%d successes), %d fallbacks\n", seed,
                twins.fast_handled_, twins.fast_successes_, twins.fallbacks_);
    // The bodies reach both paths, and the fast path sees success and every
    // kind of store error.
    EXPECT_GT(twins.fast_handled_, kBodies / 2);
    EXPECT_GT(twins.fallbacks_, kBodies / 10);
    EXPECT_GT(twins.fast_successes_, 200) << twins.fast_successes_;
    for (const char* error :
         {"ResourceNotFoundException", "InvalidParameterException",
          "InvalidRequestException", "ValidationException",
          "LimitExceededException"}) {
      EXPECT_TRUE(twins.fast_errors_.count(error)) << error << " seed " << seed;
    }
  }
}

}  // namespace
}  // namespace secretstage::protocol
