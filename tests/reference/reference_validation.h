// Request validation for ReferenceStore (state-machine.md "Request
// validation", decisions.md "Client request tokens"): model constraints
// first, then the name charset.
#ifndef SECRETSTAGE_TESTS_REFERENCE_REFERENCE_VALIDATION_H_
#define SECRETSTAGE_TESTS_REFERENCE_REFERENCE_VALIDATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

namespace secretstage::reference {

// Collects model-constraint violations in the order they are checked (the
// order of the request's members) and turns them into one
// ValidationException: "1 validation error detected: Value 'v' at 'member'
// failed to satisfy constraint: Member must ..." or "N validation errors
// detected: A; B".
class Constraints {
 public:
  // String length min..max (bytes). Absent values are not checked.
  void Length(const char* member, const std::optional<std::string>& value,
              size_t min, size_t max);
  // As Length, without echoing the value ("Value at 'secretString' ...").
  void SensitiveLength(const char* member,
                       const std::optional<std::string>& value, size_t min,
                       size_t max);
  // Integer range min..max.
  void Range(const char* member, const std::optional<int64_t>& value,
             int64_t min, int64_t max);
  // List of 1..20 labels each 1..256 long (PutSecretValue VersionStages).
  void StageList(const char* member,
                 const std::optional<std::vector<std::string>>& value);
  // A list whose items must be min..max long (UntagResource TagKeys): one
  // violation for the whole list, in StageList's form.
  void EachLength(const char* member, const std::vector<std::string>& items,
                  size_t min, size_t max);
  // ^[a-zA-Z0-9\-]+$ (RotationToken).
  void AlnumDashPattern(const char* member,
                        const std::optional<std::string>& value);

  // OK, or the ValidationException.
  absl::Status ToStatus() const;

 private:
  void Add(const std::string& echoed_value, bool sensitive, const char* member,
           const std::string& constraint);
  std::vector<std::string> violations_;
};

// ValidationException "Invalid name. ..." unless `name` is only
// [A-Za-z0-9/_+=.@-] (semantics.md §3, verified §11.39).
absl::Status CheckNameCharset(const std::string& name);

// As CheckNameCharset for a SecretId: ids starting with "arn:" are not
// checked (state-machine.md: "non-ARN SecretIds").
absl::Status CheckSecretIdCharset(const std::string& secret_id);

}  // namespace secretstage::reference

#endif  // SECRETSTAGE_TESTS_REFERENCE_REFERENCE_VALIDATION_H_
