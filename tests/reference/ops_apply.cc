// Apply(): one operation on either store, as a comparable Outcome.
#include <string>
#include <utility>

#include "core/errors.h"
#include "tests/reference/ops.h"

namespace secretstage::reference {
namespace {

template <typename T>
Outcome ToOutcome(absl::StatusOr<T> result) {
  if (result.ok()) return std::move(*result);
  return AwsFailure{AwsErrorName(result.status()),
                    std::string(result.status().message())};
}

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

// SecretStore and ReferenceStore have the same method names and signatures.
template <typename Store>
Outcome ApplyTo(Store& store, const Op& op) {
  return std::visit(
      Overloaded{
          [&](const CreateSecretOp& o) {
            return ToOutcome(store.CreateSecret(o.request));
          },
          [&](const PutSecretValueOp& o) {
            return ToOutcome(store.PutSecretValue(o.request));
          },
          [&](const UpdateSecretOp& o) {
            return ToOutcome(store.UpdateSecret(o.request));
          },
          [&](const UpdateSecretVersionStageOp& o) {
            return ToOutcome(store.UpdateSecretVersionStage(o.request));
          },
          [&](const GetSecretValueOp& o) {
            return ToOutcome(store.GetSecretValue(o.request));
          },
          [&](const DescribeSecretOp& o) {
            return ToOutcome(store.DescribeSecret(o.request));
          },
          [&](const ListSecretVersionIdsOp& o) {
            return ToOutcome(store.ListSecretVersionIds(o.request));
          },
          [&](const DeleteSecretOp& o) {
            return ToOutcome(store.DeleteSecret(o.request));
          },
          [&](const RestoreSecretOp& o) {
            return ToOutcome(store.RestoreSecret(o.request));
          },
          [&](const TagResourceOp& o) {
            return ToOutcome(store.TagResource(o.request));
          },
          [&](const UntagResourceOp& o) {
            return ToOutcome(store.UntagResource(o.request));
          },
          [&](const RotateSecretOp& o) {
            return ToOutcome(store.RotateSecret(o.request));
          },
          [&](const CancelRotateSecretOp& o) {
            return ToOutcome(store.CancelRotateSecret(o.request));
          },
          [&](const ListSecretsOp& o) {
            return ToOutcome(store.ListSecrets(o.request));
          },
          [&](const AdvanceClock&) { return Outcome{std::monostate{}}; },
      },
      op);
}

}  // namespace

Outcome Apply(SecretStore& store, const Op& op) { return ApplyTo(store, op); }
Outcome Apply(ReferenceStore& store, const Op& op) {
  return ApplyTo(store, op);
}

}  // namespace secretstage::reference
