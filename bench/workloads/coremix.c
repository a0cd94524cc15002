// A CoreMark-like mix (own code): linked-list operations, a small integer matrix multiply, a
// state machine scanning a string, and CRC-16 over every intermediate result.
#include "common.h"

OPAQUE(u32, mix_iterations, 8000);

// CRC-16/CCITT (polynomial 0x1021), bitwise.
static u16 crc16_byte(u16 crc, u8 b) {
  crc ^= (u16)b << 8;
  for (int i = 0; i < 8; ++i) crc = crc & 0x8000 ? (u16)(crc << 1 ^ 0x1021) : (u16)(crc << 1);
  return crc;
}
static u16 crc16_u32(u16 crc, u32 v) {
  for (int i = 0; i < 4; ++i) crc = crc16_byte(crc, (u8)(v >> (8 * i)));
  return crc;
}

// ---- Linked list ----
#define LIST_NODES 256
typedef struct Node {
  struct Node* next;
  u32 key;
  u32 value;
} Node;
static Node pool[LIST_NODES];

static Node* list_build(u64* seed) {
  Node* head = 0;
  for (int i = 0; i < LIST_NODES; ++i) {
    pool[i].key = (u32)(rng_next(seed) % 1000);
    pool[i].value = (u32)i;
    pool[i].next = head;
    head = &pool[i];
  }
  return head;
}
static Node* list_reverse(Node* h) {
  Node* r = 0;
  while (h) {
    Node* n = h->next;
    h->next = r;
    r = h;
    h = n;
  }
  return r;
}
static Node* list_find(Node* h, u32 key) {
  while (h && h->key != key) h = h->next;
  return h;
}
// Merge sort by key (stable), iterative bottom-up as in classic list sorts.
static Node* list_sort(Node* list) {
  for (u32 k = 1;; k *= 2) {
    Node *p = list, *tail = 0;
    list = 0;
    u32 merges = 0;
    while (p) {
      ++merges;
      Node* q = p;
      u32 psize = 0;
      for (u32 i = 0; i < k && q; ++i) ++psize, q = q->next;
      u32 qsize = k;
      while (psize > 0 || (qsize > 0 && q)) {
        Node* e;
        if (psize == 0) e = q, q = q->next, --qsize;
        else if (qsize == 0 || !q) e = p, p = p->next, --psize;
        else if (p->key <= q->key) e = p, p = p->next, --psize;
        else e = q, q = q->next, --qsize;
        if (tail) tail->next = e;
        else list = e;
        tail = e;
      }
      p = q;
    }
    tail->next = 0;
    if (merges <= 1) return list;
  }
}
static u16 bench_list(u16 crc, u64* seed) {
  Node* h = list_build(seed);
  h = list_reverse(h);
  for (u32 i = 0; i < 32; ++i) {
    Node* f = list_find(h, (u32)(rng_next(seed) % 1000));
    crc = crc16_u32(crc, f ? f->value : 0xFFFFFFFFu);
  }
  h = list_sort(h);
  u32 prev = 0, inversions = 0, sum = 0;
  for (Node* n = h; n; n = n->next) inversions += n->key < prev, prev = n->key, sum += n->key * 7 + n->value;
  crc = crc16_u32(crc, sum);
  return crc16_u32(crc, inversions);
}

// ---- Matrix ----
#define MAT_N 16
static i64 ma[MAT_N][MAT_N], mb[MAT_N][MAT_N], mc[MAT_N][MAT_N];

static u16 bench_matrix(u16 crc, u64* seed) {
  for (int i = 0; i < MAT_N; ++i)
    for (int j = 0; j < MAT_N; ++j) ma[i][j] = (i64)(rng_next(seed) % 201) - 100, mb[i][j] = (i64)(rng_next(seed) % 31) - 15;
  for (int i = 0; i < MAT_N; ++i)
    for (int j = 0; j < MAT_N; ++j) {
      i64 s = 0;
      for (int k = 0; k < MAT_N; ++k) s += ma[i][k] * mb[k][j];
      mc[i][j] = s;
    }
  i64 acc = 0;
  for (int i = 0; i < MAT_N; ++i)
    for (int j = 0; j < MAT_N; ++j) acc += (mc[i][j] ^ (i64)i) * (j + 1) + (mc[i][j] >> 2);
  return crc16_u32(crc16_u32(crc, (u32)acc), (u32)((u64)acc >> 32));
}

// ---- State machine: classifies whitespace-separated tokens as integers, hex, floats or invalid ----
enum { S_START, S_SIGN, S_INT, S_ZERO, S_HEX_X, S_HEX, S_DOT, S_FRAC, S_EXP, S_EXP_SIGN, S_EXP_INT, S_INVALID, S_COUNT };
#define TEXT_LEN 512
static char text[TEXT_LEN];

static void make_text(u64* seed) {
  static const char* const pieces[] = {"123", "-45", "0x1F", "3.14", "+2.5e-3", "0", "1e10", "abc", "0x", "7.", "--1", "42", "0xdead", ".5"};
  u32 pos = 0;
  while (pos + 12 < TEXT_LEN) {
    const char* p = pieces[rng_next(seed) % (sizeof pieces / sizeof pieces[0])];
    while (*p) text[pos++] = *p++;
    text[pos++] = (rng_next(seed) & 3) ? ' ' : ',';
  }
  while (pos < TEXT_LEN - 1) text[pos++] = ' ';
  text[TEXT_LEN - 1] = 0;
}
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static u32 step(u32 s, char c) {
  switch (s) {
    case S_START: return c == '+' || c == '-' ? S_SIGN : c == '0' ? S_ZERO : is_digit(c) ? S_INT : c == '.' ? S_DOT : S_INVALID;
    case S_SIGN: return c == '0' ? S_ZERO : is_digit(c) ? S_INT : c == '.' ? S_DOT : S_INVALID;
    case S_ZERO: return c == 'x' || c == 'X' ? S_HEX_X : is_digit(c) ? S_INT : c == '.' ? S_FRAC : c == 'e' ? S_EXP : S_INVALID;
    case S_INT: return is_digit(c) ? S_INT : c == '.' ? S_FRAC : c == 'e' || c == 'E' ? S_EXP : S_INVALID;
    case S_HEX_X:
    case S_HEX: return is_hex(c) ? S_HEX : S_INVALID;
    case S_DOT: return is_digit(c) ? S_FRAC : S_INVALID;
    case S_FRAC: return is_digit(c) ? S_FRAC : c == 'e' || c == 'E' ? S_EXP : S_INVALID;
    case S_EXP: return c == '+' || c == '-' ? S_EXP_SIGN : is_digit(c) ? S_EXP_INT : S_INVALID;
    case S_EXP_SIGN:
    case S_EXP_INT: return is_digit(c) ? S_EXP_INT : S_INVALID;
    default: return S_INVALID;
  }
}
static u16 bench_state(u16 crc) {
  u32 counts[S_COUNT] = {0}, transitions = 0;
  u32 s = S_START;
  for (const char* p = text; *p; ++p) {
    if (*p == ' ' || *p == ',') {
      if (s != S_START) ++counts[s];
      s = S_START;
      continue;
    }
    u32 n = step(s, *p);
    transitions += n != s;
    s = n;
  }
  for (int i = 0; i < S_COUNT; ++i) crc = crc16_u32(crc, counts[i]);
  return crc16_u32(crc, transitions);
}

u64 run(void) {
  u64 seed = 0x0123456789ABCDEFULL;
  u16 crc = 0xFFFF;
  u64 total = 0;
  for (u32 it = 0; it < mix_iterations; ++it) {
    crc = bench_list(crc, &seed);
    crc = bench_matrix(crc, &seed);
    if (it % 8 == 0) make_text(&seed);
    crc = bench_state(crc);
    total = total * 31 + crc;
  }
  return total;
}
