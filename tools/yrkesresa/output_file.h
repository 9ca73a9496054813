/* The file of `--output` (private to the output layer, output*.c).
 *
 * A target is opened before anything is written and committed at the end:
 * - a regular file (or a new name) is written to a temporary file in the same directory,
 *   `NAME.tmp-XXXXXX` with NAME cut so that the whole stays within NAME_MAX, then renamed over
 *   NAME at cli_target_commit(): whole or not at all. An existing file's mode and (where
 *   permitted) owner and group are given to the new one.
 * - a symbolic link is followed (up to 40 links, relative ones from the link's directory) and
 *   its final target is what is replaced; the link stays.
 * - a file with other hard links is refused (replacing it would break the links; writing it in
 *   place could leave it half-written), as is a file we may not write and a directory.
 * - a FIFO, character or block device is written through: opened for writing as it is, not
 *   atomic (a reader may have taken part of the output before an error). A workbook for one is
 *   first written whole to a temporary file in $TMPDIR (libxlsxwriter needs a seekable file),
 *   then copied through.
 *
 * Signals: while a temporary file exists, SIGINT, SIGTERM and SIGHUP (unless ignored) remove it
 * and then end the program with the signal's default action. The handler calls only unlink(),
 * signal() and raise() (async-signal-safe). The one global mutable state of the program is
 * here, because a handler cannot be given a context: the temporary file's name and a
 * sig_atomic_t saying whether it exists. One target at a time. */
#ifndef YRKESRESA_TOOLS_OUTPUT_FILE_H
#define YRKESRESA_TOOLS_OUTPUT_FILE_H

#include <signal.h>
#include <stddef.h>

typedef struct cli_target {
    char *path;  /* the file that is replaced or written through (symbolic links followed) */
    char *tmp;   /* the temporary file, or NULL */
    int fd;      /* open for writing: the temporary file, or the FIFO/device; -1 when closed */
    int through; /* 1: a FIFO or device */
    struct sigaction old[3]; /* the actions the handler replaced */
    int installed[3];
} cli_target;

/* Open @p path for writing (see the file comment); @p xlsx: the caller writes a workbook by the
 * name cli_target_file() (the fd is closed then). 0, or 2 after printing `yrkesresa: PATH:
 * message`. */
int cli_target_open(cli_target *t, const char *path, int xlsx);

/* The name the writer writes to: the temporary file, or the FIFO/device itself. */
const char *cli_target_file(const cli_target *t);

/* Move the written file into place (or copy a workbook through to a FIFO): 0, or 2 after
 * printing the message (the temporary file removed). The fd must be closed (-1) by the caller
 * before, after a successful write. */
int cli_target_commit(cli_target *t);

/* Remove the temporary file, close what is open, free: after an error. */
void cli_target_abort(cli_target *t);

#endif
