/* LD_PRELOAD shim for bench/determinism.sh --hostile: fills every posix_memalign block with 0xff bytes, a
   float NaN, before the caller sees it. PyTorch's CPU allocator takes every tensor's memory from
   posix_memalign, so a kernel that reads output or scratch memory it has not written first (padding lanes,
   a partly written result) now reads NaN every time, instead of whatever the last owner left there, which
   is what made such reads random. Build: cc -O2 -shared -fPIC -o nanfill.so nanfill.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int (*real_posix_memalign)(void **, size_t, size_t);
static unsigned long blocks;

int posix_memalign(void **p, size_t alignment, size_t n) {
  if (!real_posix_memalign) real_posix_memalign = dlsym(RTLD_NEXT, "posix_memalign");
  int r = real_posix_memalign(p, alignment, n);
  if (r == 0 && *p && n > 0) {
    memset(*p, 0xff, n);
    blocks++;
  }
  return r;
}

/* NANFILL_REPORT=1 prints how many blocks were poisoned, to show the shim was in the path at all. */
__attribute__((destructor)) static void report(void) {
  if (getenv("NANFILL_REPORT")) fprintf(stderr, "nanfill: %lu blocks filled with NaN\n", blocks);
}
