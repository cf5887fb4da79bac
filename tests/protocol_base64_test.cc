#include <string>

#include "gtest/gtest.h"
#include "protocol/base64.h"

namespace secretstage::protocol {
namespace {

TEST(Base64Test, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("footest"), "Zm9vdGVzdA==");
}

TEST(Base64Test, EncodesEveryByteValue) {
  EXPECT_EQ(Base64Encode(std::string("\x00\x01\x02\xff", 4)), "AAEC/w==");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
}

TEST(Base64Test, DecodesWhatItEncodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (size_t n = 0; n <= all.size(); n += 7) {
    std::string bytes;
    ASSERT_TRUE(Base64Decode(Base64Encode(all.substr(0, n)), &bytes)) << n;
    EXPECT_EQ(bytes, all.substr(0, n));
  }
}

TEST(Base64Test, AcceptsMissingPadding) {
  std::string bytes;
  ASSERT_TRUE(Base64Decode("Zm9vYg", &bytes));
  EXPECT_EQ(bytes, "foob");
  ASSERT_TRUE(Base64Decode("Zm9vYmE", &bytes));
  EXPECT_EQ(bytes, "fooba");
}

TEST(Base64Test, RejectsCharactersOutsideTheAlphabet) {
  std::string bytes;
  std::string error;
  EXPECT_FALSE(Base64Decode("Zm9v YmFy", &bytes, &error));
  EXPECT_EQ(error,
            "Invalid base64: character at offset 4 is not in the base64 "
            "alphabet.");
  EXPECT_FALSE(Base64Decode("Zm9v-_8=", &bytes));  // URL-safe alphabet
  EXPECT_FALSE(Base64Decode("Zm9v\n", &bytes));
}

TEST(Base64Test, RejectsMisplacedOrExtraPadding) {
  std::string bytes;
  std::string error;
  EXPECT_FALSE(Base64Decode("Zg=v", &bytes, &error));
  EXPECT_EQ(error, "Invalid base64: '=' padding in the middle.");
  EXPECT_FALSE(Base64Decode("Zg===", &bytes));
  EXPECT_FALSE(Base64Decode("Zm8==", &bytes, &error));
  EXPECT_EQ(error, "Invalid base64: wrong amount of '=' padding.");
}

TEST(Base64Test, RejectsImpossibleLength) {
  std::string bytes;
  std::string error;
  EXPECT_FALSE(Base64Decode("Zm9vY", &bytes, &error));
  EXPECT_EQ(error, "Invalid base64: its length is not that of any encoding.");
}

}  // namespace
}  // namespace secretstage::protocol
