// Decoder: well-formed modules decode; malformed and truncated ones give an error with an offset.
#include <gtest/gtest.h>

#include "decode/decoder.h"
#include "support/wat.h"

namespace syncwasm {
namespace {

using Bytes = std::vector<uint8_t>;
const Bytes kHeader = {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00};

Bytes with_header(Bytes rest) {
  Bytes b = kHeader;
  b.insert(b.end(), rest.begin(), rest.end());
  return b;
}

Error decode_error(const Bytes& b) {
  auto m = ir::decode_module(b);
  EXPECT_FALSE(m.has_value());
  return m ? Error{} : m.error();
}

TEST(Decoder, EmptyModuleIsWellFormed) {
  auto m = ir::decode_module(kHeader);
  ASSERT_TRUE(m.has_value());
  EXPECT_TRUE(m->types.empty());
}

TEST(Decoder, BadMagicAndVersion) {
  Error e = decode_error({0x00, 0x61, 0x73, 0x6E, 1, 0, 0, 0});
  EXPECT_EQ(e.kind, ErrorKind::malformed);
  EXPECT_EQ(e.message, "magic header not detected");
  e = decode_error({0x00, 0x61, 0x73, 0x6D, 2, 0, 0, 0});
  EXPECT_EQ(e.message, "unknown binary version");
}

TEST(Decoder, SectionsKeepTheirContent) {
  Bytes b = test::wat(R"((module
    (type (func (param i32) (result i64)))
    (import "env" "f" (func (type 0)))
    (memory 1 2)
    (global (mut i32) (i32.const 7))
    (func $g (export "g") (type 0) (i64.const 1))
    (data (i32.const 0) "hi")))", "--debug-names");
  auto m = ir::decode_module(b);
  ASSERT_TRUE(m.has_value()) << m.error().to_string();
  ASSERT_EQ(m->types.size(), 1u);
  EXPECT_EQ(m->types[0].params, std::vector<ValType>{ValType::i32});
  EXPECT_EQ(m->num_imported_funcs, 1u);
  EXPECT_EQ(m->funcs.size(), 2u);
  ASSERT_EQ(m->memories.size(), 1u);
  EXPECT_EQ(*m->memories[0].limits.max, 2u);
  ASSERT_EQ(m->globals.size(), 1u);
  EXPECT_TRUE(m->globals[0].type.mut);
  ASSERT_EQ(m->datas.size(), 1u);
  EXPECT_EQ(m->datas[0].bytes, (Bytes{'h', 'i'}));
  ASSERT_EQ(m->customs.size(), 1u);
  EXPECT_EQ(m->customs[0].name, "name");
  EXPECT_EQ(m->func_name(1), "$g");
}

TEST(Decoder, CustomSectionIsKept) {
  auto m = ir::decode_module(with_header({0x00, 0x04, 0x02, 'h', 'i', 0x42}));
  ASSERT_TRUE(m.has_value());
  ASSERT_EQ(m->customs.size(), 1u);
  EXPECT_EQ(m->customs[0].name, "hi");
  EXPECT_EQ(m->customs[0].bytes, Bytes{0x42});
}

TEST(Decoder, LebChecks) {
  // Type section whose count is an overlong u32 (6 bytes).
  Error e = decode_error(with_header({0x01, 0x07, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00}));
  EXPECT_EQ(e.message, "integer representation too long");
  // A u32 whose 5th byte has bits beyond 32.
  e = decode_error(with_header({0x01, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0x00}));
  EXPECT_EQ(e.message, "integer too large");
  EXPECT_EQ(e.offset, 10u);
}

TEST(Decoder, SectionStructureErrors) {
  EXPECT_EQ(decode_error(with_header({0x0D, 0x00})).message, "malformed section id 13");
  // Section size runs past the end.
  EXPECT_EQ(decode_error(with_header({0x01, 0x05, 0x00})).message, "length out of bounds");
  // Section with bytes left over.
  EXPECT_EQ(decode_error(with_header({0x01, 0x02, 0x00, 0x00})).message, "section size mismatch");
  // Memory section (5) before table section (4).
  Error e = decode_error(with_header({0x05, 0x01, 0x00, 0x04, 0x01, 0x00}));
  EXPECT_NE(e.message.find("unexpected content after last section"), std::string::npos);
  // Function section declares one function, no code section.
  EXPECT_EQ(decode_error(with_header({0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00})).message,
            "function and code section have inconsistent lengths");
}

TEST(Decoder, MalformedNamesAndTypes) {
  // Custom section with an invalid UTF-8 name.
  EXPECT_EQ(decode_error(with_header({0x00, 0x02, 0x01, 0xFF})).message, "malformed UTF-8 encoding");
  // Function type with a bad value type.
  EXPECT_EQ(decode_error(with_header({0x01, 0x04, 0x01, 0x60, 0x01, 0x55})).message, "malformed value type");
}

// Every strict prefix of a real module either decodes (it ends on a section boundary) or reports an
// error at an offset inside the input; none crashes.
TEST(Decoder, EveryTruncationIsAnError) {
  Bytes b = test::wat(R"((module (memory 1) (func (export "f") (param i32) (result i32)
      (i32.add (local.get 0) (i32.const 1))) (data (i32.const 0) "abc")))");
  ASSERT_GT(b.size(), 20u);
  for (size_t n = 0; n < b.size(); ++n) {
    Bytes cut(b.begin(), b.begin() + long(n));
    auto m = Module::compile(cut);
    if (m) continue;
    ASSERT_TRUE(m.error().offset.has_value() || m.error().kind != ErrorKind::malformed) << n;
    if (m.error().offset) {
      EXPECT_LE(*m.error().offset, n) << m.error().to_string();
    }
  }
  EXPECT_TRUE(Module::compile(b).has_value());
}

// Byte flips of a valid module never crash the decoder, validator or compiler.
TEST(Decoder, MutatedModulesNeverCrash) {
  Bytes b = test::wat(R"((module (memory 1) (table 2 funcref)
      (func $f (export "f") (param i32) (result i32)
        (block (result i32) (br_table 0 0 (local.get 0) (local.get 0))))
      (elem (i32.const 0) $f) (data (i32.const 0) "abc")))");
  uint64_t seed = 12345;
  int rejected = 0;
  for (int i = 0; i < 5000; ++i) {
    Bytes m = b;
    for (int k = 0; k < 3; ++k) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      m[(seed >> 33) % m.size()] = uint8_t(seed >> 17);
    }
    if (!Module::compile(m)) ++rejected;
  }
  EXPECT_GT(rejected, 0);
}

}  // namespace
}  // namespace syncwasm
