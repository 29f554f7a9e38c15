/*
 * libmkl-intel-paths.so: lets MKL inside DJL's libtorch take its AVX2 code paths on AMD processors.
 *
 * MKL picks a kernel by vendor before it looks at the instruction set: on a processor whose CPUID vendor is not
 * "GenuineIntel" its vector-math functions (tanh, exp, ... behind torch.tanh) run the generic SSE2 path and its
 * matrix products run special "cnr_def" kernels, whatever MKL_CBWR=AVX2 asks for. libtorch calls MKL's two
 * vendor checks through its procedure linkage table, so a library loaded into the process's global scope
 * first (dlopen RTLD_GLOBAL, which MklIntelPaths does, or LD_PRELOAD) answers them instead. Measured on an
 * AMD EPYC (Zen 3): torch.tanh on 512x128 floats 249 -> 134 us, the ring-authors step 96 -> 122 steps/s.
 * MKL still chooses among its paths by the processor's feature bits, and MKL_CBWR=AVX2,STRICT keeps it on AVX2,
 * so an AMD machine then computes what an Intel machine with AVX2 computes.
 *
 * The .so is committed beside this source (core/src/main/resources/org/gansweep/core/train/), built with:
 *   gcc -O2 -shared -fPIC -nostdlib -s -Wl,--build-id=none -Wl,-z,noseparate-code \
 *       -o core/src/main/resources/org/gansweep/core/train/libmkl-intel-paths.so core/src/main/c/mkl_intel_paths.c
 * (Debian 12's gcc 12.2.0; no libc, so it loads on any x86-64 Linux.)
 */
int mkl_serv_intel_cpu_true(void) { return 1; }

int mkl_serv_intel_cpu(void) { return 1; }
