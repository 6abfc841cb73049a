#include "common/embedded_data.h"

#include <gtest/gtest.h>

namespace storyline::data {
namespace {

TEST(EmbeddedDataTest, MissingFileIsNotFound) {
  EXPECT_EQ(Get("no/such/file.txt").status().code(), StatusCode::kNotFound);
}

TEST(EmbeddedDataTest, EveryFileIsNonEmpty) {
  ASSERT_FALSE(AllFiles().empty());
  for (const EmbeddedFile& f : AllFiles()) {
    EXPECT_FALSE(f.content.empty()) << f.path;
    EXPECT_EQ(*Get(f.path), f.content);
  }
}

}  // namespace
}  // namespace storyline::data
