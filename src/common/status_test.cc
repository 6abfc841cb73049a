#include "storyline/status.h"

#include <gtest/gtest.h>

namespace storyline {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd: " + std::to_string(x));
  return x / 2;
}

Result<int> Quarter(int x) {
  STORYLINE_ASSIGN_OR_RETURN(int h, Half(x));
  STORYLINE_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(StatusTest, OkAndError) {
  EXPECT_TRUE(Status::Ok().ok());
  Status s = DataLossError("truncated gzip");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "DataLoss: truncated gzip");
  EXPECT_EQ(s.WithContext("a.gz").message(), "a.gz: truncated gzip");
}

TEST(StatusTest, ResultPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  Result<int> r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "odd: 3");
}

TEST(StatusTest, ResultFromOkStatusIsAnError) {
  Result<int> r = Status::Ok();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace storyline
