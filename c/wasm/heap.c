/* Wasm build only: bytes the allocator has handed out and not taken back,
 * so the JS tests can check that calls leave the heap where it was. */
#include <malloc.h>
#include <stddef.h>

size_t infodiv_heap_in_use(void)
{
    return (size_t)mallinfo().uordblks;
}
