// What the engine's two test programs share (engine_test with models, fifo_test without
// libtorch): an allocation counter for the audio side, which must not allocate or free, and the
// CHECK macro that reports a failed condition and leaves the test. Include it from one file per
// program: it defines the global operator new and delete.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <new>

// ------------------------------------------------------------------------- allocation counter

static thread_local bool g_counting = false;
static thread_local long g_allocs = 0;

void *operator new(std::size_t n) {
    if (g_counting) g_allocs++;
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void *operator new[](std::size_t n) {
    if (g_counting) g_allocs++;
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept {
    if (g_counting) g_allocs++;  // a free in perform is as bad as an allocation
    std::free(p);
}
void operator delete[](void *p) noexcept {
    if (g_counting) g_allocs++;
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void *p, std::size_t) noexcept { operator delete[](p); }

// ---------------------------------------------------------------------------------- helpers

static int g_failures = 0;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (!(cond)) {                                                     \
            std::printf("  FAILED %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            std::printf(__VA_ARGS__);                                      \
            std::printf("\n");                                             \
            g_failures++;                                                  \
            return;                                                        \
        }                                                                  \
    } while (0)
