// The SQLite schema as an ordered list of migrations.
//
// Migration i (1-based) takes a database from user_version i-1 to i. Never
// edit a released migration; append a new one. doc/formats/schema.md
// documents the resulting tables.
#ifndef STORYLINE_STORE_SCHEMA_H_
#define STORYLINE_STORE_SCHEMA_H_

#include <string_view>
#include <vector>

namespace storyline::store {

const std::vector<std::string_view>& Migrations();

}  // namespace storyline::store

#endif  // STORYLINE_STORE_SCHEMA_H_
