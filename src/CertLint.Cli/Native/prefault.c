/*
 * Linked into the Native AOT `certlint` on Linux (CertLint.Cli.csproj, target CertLintPrefault).
 *
 * Before main, the .NET runtime writes its type data (about 4.7 MB: method tables, frozen strings, generic
 * dictionaries) into the executable's zero-filled `.hydrated` section, every page of it. Each 4 KB page then costs a
 * page fault: some 1,150 of a one-file run's 2,800 faults. This ELF constructor runs before the runtime and asks the
 * kernel to back that range at once (MADV_POPULATE_WRITE, Linux 5.14+), with huge pages where the range holds a whole
 * aligned 2 MB and the system allows them on request (transparent_hugepage "madvise" or "always"). Same pages, same
 * contents (zeros), touched anyway; no trap per page. Every error is ignored: an older kernel or a system without
 * transparent huge pages faults the pages in one by one, as before.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

#define PAGE ((uintptr_t)4096)
#define HUGE ((uintptr_t)2 << 20)

static int certlint_prefault_module(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    /* The first module listed is the executable itself; only its zero-filled data is ours to touch. */
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *p = &info->dlpi_phdr[i];
        if (p->p_type != PT_LOAD || !(p->p_flags & PF_W) || p->p_memsz <= p->p_filesz) continue;
        uintptr_t start = (info->dlpi_addr + p->p_vaddr + p->p_filesz + PAGE - 1) & ~(PAGE - 1);
        uintptr_t end = (info->dlpi_addr + p->p_vaddr + p->p_memsz + PAGE - 1) & ~(PAGE - 1);
        if (end - start < HUGE / 2) continue; /* small: not worth a system call */
        uintptr_t hugeStart = (start + HUGE - 1) & ~(HUGE - 1), hugeEnd = end & ~(HUGE - 1);
        if (hugeEnd > hugeStart) madvise((void *)hugeStart, hugeEnd - hugeStart, MADV_HUGEPAGE);
        madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return 1; /* stop after the executable */
}

__attribute__((constructor)) static void certlint_prefault(void)
{
    dl_iterate_phdr(certlint_prefault_module, 0);
}
