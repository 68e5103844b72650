/* replay.c -- the fixed fuzz run of `npm test`: the same inputs on every machine.
 *
 * libFuzzer's own -runs=N is not that: its mutations are steered by coverage
 * and by the values the code compares, which include addresses, so two
 * machines (another kernel's address randomisation, another clang) explore
 * different inputs from the same seed and can disagree. This driver links the
 * same harness (LLVMFuzzerTestOneInput in fuzz_infodiv.c) under the same
 * sanitizers, without libFuzzer, and runs
 *   1. every corpus file named on the command line, in that order, then
 *   2. RUNS inputs made from the corpus by seeded SplitMix64 (seed 1) with
 *      blind mutations: bit flips, random bytes, 8-byte "interesting" doubles
 *      (0, subnormals, DBL_MAX, 1 +- eps, NaN, ...), inserts, erases, copies
 *      and splices of two corpus inputs; at most 4096 bytes.
 * Nothing depends on time, addresses or the file system's order, so the
 * inputs are bit for bit the same everywhere. Coverage-guided exploration is
 * `npm run fuzz` (libFuzzer, time-bounded).
 * On a failed check or a sanitizer report the current input is written to
 * dist/fuzz/crash-replay (crash-replay-S with --share) and printed in hex
 * before the process dies. With --share S/N the process makes every input but
 * runs only those whose index is S modulo N: N processes side by side run
 * together exactly the inputs of one.
 *   replay [--share S/N] RUNS FILE...   prints "replay: N runs from seed 1 (C corpus inputs)" */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void __sanitizer_set_death_callback(void (*callback)(void));

enum { MAX_LEN = 4096 };

typedef struct {
    uint8_t *data;
    size_t size;
} input;

static uint8_t current[MAX_LEN];
static size_t current_size;
static long current_run = -1; /* -1 while the corpus is replayed */
static long share = 0, shares = 1;
static char crash_path[64] = "dist/fuzz/crash-replay";

static uint64_t rng_state = 1;

static uint64_t next_random(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static size_t below(size_t n) { return n ? (size_t)(next_random() % n) : 0; }

/* Async-signal-safe: write() only. */
static void save_current(void)
{
    static const char hex[] = "0123456789abcdef";
    int fd = open(crash_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        (void)!write(fd, current, current_size);
        close(fd);
    }
    (void)!write(2, "replay: input saved in ", 23);
    (void)!write(2, crash_path, strlen(crash_path));
    (void)!write(2, "; hex: ", 7);
    for (size_t i = 0; i < current_size; i++) {
        char pair[2] = { hex[current[i] >> 4], hex[current[i] & 15] };
        (void)!write(2, pair, 2);
    }
    char digits[24];
    int at = sizeof digits;
    long r = current_run;
    do
        digits[--at] = (char)('0' + r % 10), r /= 10;
    while (r > 0 && at > 0);
    (void)!write(2, "\nreplay: failed at run ", 23);
    if (current_run < 0)
        (void)!write(2, "(corpus)", 8);
    else
        (void)!write(2, digits + at, sizeof digits - (size_t)at);
    (void)!write(2, "\n", 1);
}

static void on_signal(int sig)
{
    save_current();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void run_current(void)
{
    /* a heap block of exactly the input's size, so ASan sees an over-read */
    uint8_t *copy = malloc(current_size ? current_size : 1);
    memcpy(copy, current, current_size);
    alarm(10); /* a hang is a failure too, as libFuzzer's -timeout=10 */
    LLVMFuzzerTestOneInput(copy, current_size);
    alarm(0);
    free(copy);
}

static input read_file(const char *path)
{
    input in = { NULL, 0 };
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    in.data = malloc(MAX_LEN);
    in.size = fread(in.data, 1, MAX_LEN, f);
    fclose(f);
    return in;
}

static void put_interesting_double(uint8_t *at)
{
    static const double values[] = { 0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 1e-300, 1e300, 4.9406564584124654e-324,
                                     2.2250738585072014e-308, 1.7976931348623157e308, 1.0000000000000002,
                                     0.99999999999999989, 9007199254740992.0, 1e-16, 1e16, 0.125, 3.0 };
    double v;
    switch (below(4)) {
    case 0: v = values[below(sizeof values / sizeof values[0])]; break;
    case 1: v = 0.0 / 0.0; break;
    case 2: v = (below(2) ? 1.0 : -1.0) / 0.0; break;
    default: {
        uint64_t bits = next_random();
        memcpy(&v, &bits, 8);
    }
    }
    if (below(2))
        v = -v;
    memcpy(at, &v, 8);
}

static void insert_gap(size_t at, size_t n)
{
    memmove(current + at + n, current + at, current_size - at);
    current_size += n;
}

/* One blind mutation of current[]; `other` is a second corpus input for splices. */
static void mutate_once(const input *other)
{
    size_t room = MAX_LEN - current_size, at = below(current_size + 1);
    switch (below(8)) {
    case 0:
        if (current_size)
            current[below(current_size)] ^= (uint8_t)(1u << below(8));
        break;
    case 1:
        if (current_size)
            current[below(current_size)] = (uint8_t)next_random();
        break;
    case 2:
        if (current_size >= 8)
            put_interesting_double(current + below(current_size - 7));
        break;
    case 3:
        if (room >= 8) {
            insert_gap(at, 8);
            put_interesting_double(current + at);
        }
        break;
    case 4: {
        size_t n = 1 + below(room < 16 ? room : 16);
        if (room) {
            insert_gap(at, n);
            for (size_t i = 0; i < n; i++)
                current[at + i] = (uint8_t)next_random();
        }
        break;
    }
    case 5:
        if (current_size > 1) {
            size_t start = below(current_size), n = 1 + below(current_size - start);
            memmove(current + start, current + start + n, current_size - start - n);
            current_size -= n;
        }
        break;
    case 6:
        if (current_size > 1) {
            size_t from = below(current_size), to = below(current_size), n = 1 + below(current_size - from);
            if (to + n > current_size)
                n = current_size - to;
            memmove(current + to, current + from, n);
        }
        break;
    default: {
        size_t cut = below(current_size + 1), from = below(other->size + 1), n = other->size - from;
        if (cut + n > MAX_LEN)
            n = MAX_LEN - cut;
        memcpy(current + cut, other->data + from, n);
        current_size = cut + n;
    }
    }
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--share") == 0) {
        if (sscanf(argv[2], "%ld/%ld", &share, &shares) != 2 || shares < 1 || share < 0 || share >= shares) {
            fprintf(stderr, "replay: --share S/N with 0 <= S < N\n");
            return 2;
        }
        snprintf(crash_path, sizeof crash_path, "dist/fuzz/crash-replay-%ld", share);
        argc -= 2, argv += 2;
    }
    if (argc < 3) {
        fprintf(stderr, "usage: replay [--share S/N] RUNS FILE...\n");
        return 2;
    }
    long runs = atol(argv[1]);
    size_t count = (size_t)argc - 2;
    input *corpus = malloc(count * sizeof *corpus);
    /* a failed REQUIRE traps (SIGILL); sanitizer reports end in the death callback */
    signal(SIGILL, on_signal), signal(SIGTRAP, on_signal), signal(SIGABRT, on_signal), signal(SIGALRM, on_signal);
    __sanitizer_set_death_callback(save_current);
    for (size_t i = 0; i < count; i++) {
        corpus[i] = read_file(argv[i + 2]);
        memcpy(current, corpus[i].data, current_size = corpus[i].size);
        if ((long)(i % (size_t)shares) == share)
            run_current();
    }
    for (long r = 0; r < runs; r++) {
        current_run = r;
        const input *base = &corpus[below(count)], *other = &corpus[below(count)];
        memcpy(current, base->data, current_size = base->size);
        for (size_t m = 1 + below(4); m > 0; m--)
            mutate_once(other);
        if (r % shares == share)
            run_current();
    }
    printf("replay: %ld runs from seed 1 (and %zu corpus inputs), share %ld/%ld, no failures\n", runs, count, share, shares);
    return 0;
}
