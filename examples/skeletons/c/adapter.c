/*
 * A skeleton adapter for pwo-spec (docs/adapter-protocol.md, protocol 1), written by `pwo init`.
 * C99, libc only:  cc -O2 -o adapter adapter.c  &&  pwo conform --impl ./adapter
 *
 * It passes the handshake and declares no operation yet. To implement one: list it in CAPABILITIES
 * and answer it in run(). Requests are one JSON object per line; this skeleton only finds the
 * request's "id" and "type" by scanning, which is enough while it declares nothing. Before you
 * implement an operation, replace the scan with a real JSON parser (for example cJSON), with a
 * nesting-depth limit and duplicate keys rejected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAME "my-implementation"
#define VERSION "0.0.1"
#define CAPABILITIES "{}" /* e.g. {"codec":["decode_varint"]} */
#define MAX_LINE (64u << 20) /* longer request lines are answered BAD_INPUT */

/* Copies the value of "id" (a JSON number or null) into out; "null" when absent or not a number. */
static void find_id(const char *line, char *out, size_t cap) {
  const char *p = strstr(line, "\"id\":");
  size_t n = 0;
  if (p) {
    p += 5;
    while (*p == ' ') p++;
    while (n + 1 < cap && (*p == '-' || (*p >= '0' && *p <= '9'))) out[n++] = *p++;
  }
  if (n == 0) { strncpy(out, "null", cap); return; }
  out[n] = '\0';
}

/* Writes the answer to one request: here, every operation is not implemented yet. */
static void run(const char *id) {
  printf("{\"id\":%s,\"error\":{\"code\":\"BAD_INPUT\",\"message\":\"not implemented\"}}\n", id);
}

int main(void) {
  size_t cap = 1 << 16, len = 0;
  char *line = malloc(cap);
  int c, too_long = 0;
  if (!line) return 1;
  while ((c = getchar()) != EOF) {
    if (c != '\n') {
      if (len + 1 >= MAX_LINE) { too_long = 1; continue; }
      if (len + 1 >= cap) { char *g = realloc(line, cap *= 2); if (!g) return 1; line = g; }
      line[len++] = (char)c;
      continue;
    }
    line[len] = '\0';
    if (too_long) printf("{\"id\":null,\"error\":{\"code\":\"BAD_INPUT\",\"message\":\"request line too long\"}}\n");
    else if (strstr(line, "\"type\":\"hello\""))
      printf("{\"type\":\"hello\",\"protocol\":1,\"implementation\":{\"name\":\"" NAME "\",\"version\":\"" VERSION "\"},\"capabilities\":" CAPABILITIES "}\n");
    else if (len > 0) { char id[32]; find_id(line, id, sizeof id); run(id); }
    fflush(stdout);
    len = 0;
    too_long = 0;
  }
  free(line);
  return 0;
}
