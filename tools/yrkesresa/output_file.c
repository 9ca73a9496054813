/* The file of --output: temporary files, symbolic links, FIFOs, modes and signals (see
 * output_file.h). */
#include "output_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ------------------------------------------------------------------------- signals */

/* The one exception to "no global mutable state" (output_file.h): what the handler needs. */
static volatile sig_atomic_t tmp_armed;
static char tmp_name[PATH_MAX];

static const int caught[3] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (tmp_armed)
        unlink(tmp_name);
    signal(sig, SIG_DFL);
    raise(sig); /* delivered when the handler returns: the default action, as if never caught */
}

/* Block the caught signals (around creating, renaming and removing the temporary file). */
static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (int k = 0; k < 3; k++)
        sigaddset(&set, caught[k]);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void install_handler(cli_target *t)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int k = 0; k < 3; k++) {
        t->installed[k] = 0;
        if (sigaction(caught[k], NULL, &t->old[k]) != 0 || t->old[k].sa_handler == SIG_IGN)
            continue; /* an ignored signal (nohup) stays ignored */
        t->installed[k] = sigaction(caught[k], &sa, NULL) == 0;
    }
}

static void restore_handlers(cli_target *t)
{
    for (int k = 0; k < 3; k++)
        if (t->installed[k])
            sigaction(caught[k], &t->old[k], NULL);
}

/* Remove (when @p unlink_it) and forget the temporary file, signals blocked meanwhile. */
static void disarm(cli_target *t, int unlink_it)
{
    sigset_t old;
    block_signals(&old);
    if (unlink_it && t->tmp != NULL)
        unlink(t->tmp);
    tmp_armed = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    restore_handlers(t);
}

/* --------------------------------------------------------------------- the target */

static int fail(const char *path, const char *what, int err)
{
    return cli_fail_at(path, 0, "%s%s%s", what, err ? ": " : "", err ? strerror(err) : "");
}

/* The final target of @p path: symbolic links followed (a dangling one: the name it points to).
 * NULL with errno set on failure. */
static char *follow_links(const char *path)
{
    char *p = strdup(path);
    struct stat st;
    for (int hops = 0; p != NULL && lstat(p, &st) == 0 && S_ISLNK(st.st_mode); hops++) {
        char link[PATH_MAX];
        ssize_t n = hops < 40 ? readlink(p, link, sizeof link - 1) : -1;
        if (n < 0) {
            errno = hops < 40 ? errno : ELOOP;
            free(p);
            return NULL;
        }
        link[n] = '\0';
        const char *slash = strrchr(p, '/');
        size_t dir = link[0] == '/' || slash == NULL ? 0 : (size_t)(slash - p) + 1;
        char *q = malloc(dir + (size_t)n + 1);
        if (q != NULL) {
            memcpy(q, p, dir);
            memcpy(q + dir, link, (size_t)n + 1);
        }
        free(p);
        p = q;
    }
    if (p == NULL)
        errno = ENOMEM;
    return p;
}

/* dir/NAME.tmp-XXXXXX for @p path in @p dir (its directory, or $TMPDIR), NAME cut at a
 * character boundary so that the last component stays within the directory's NAME_MAX. */
static char *temp_template(const char *path, const char *tmpdir)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    char *dir = tmpdir != NULL  ? strdup(tmpdir)
                : slash == NULL ? strdup(".")
                                : strndup(path, slash == path ? 1 : (size_t)(slash - path));
    if (dir == NULL)
        return NULL;
    long name_max = pathconf(dir, _PC_NAME_MAX);
    size_t room = (name_max > 0 ? (size_t)name_max : NAME_MAX) - strlen(".tmp-XXXXXX");
    size_t keep = strlen(base) < room ? strlen(base) : room;
    while (keep > 0 && ((unsigned char)base[keep] & 0xC0) == 0x80)
        keep--; /* not inside a UTF-8 sequence */
    size_t cap = strlen(dir) + keep + 16;
    char *tmp = malloc(cap);
    if (tmp != NULL)
        snprintf(tmp, cap, "%s/%.*s.tmp-XXXXXX", dir, (int)keep, base);
    free(dir);
    return tmp;
}

/* The mode (and owner, group where we may) of the file it replaces, or 0666 & ~umask. */
static int give_mode(int fd, const struct stat *old)
{
    if (old == NULL) {
        mode_t mask = umask(0);
        umask(mask);
        return fchmod(fd, 0666 & ~mask);
    }
    if (fchown(fd, old->st_uid, old->st_gid) != 0 && fchown(fd, (uid_t)-1, old->st_gid) != 0)
        errno = 0;                           /* not permitted: the owner (and group) are ours */
    return fchmod(fd, old->st_mode & 07777); /* after chown, which may clear set-id bits */
}

/* Create the temporary file for @p t->path (in @p tmpdir, or next to it) with the mode of
 * @p old; armed for the signal handler. 0 or -1 (errno). */
static int make_temp(cli_target *t, const char *tmpdir, const struct stat *old)
{
    t->tmp = temp_template(t->path, tmpdir);
    if (t->tmp == NULL || strlen(t->tmp) >= sizeof tmp_name) {
        errno = t->tmp == NULL ? ENOMEM : ENAMETOOLONG;
        return -1;
    }
    install_handler(t);
    sigset_t mask;
    block_signals(&mask);
    t->fd = mkstemp(t->tmp);
    if (t->fd >= 0) {
        memcpy(tmp_name, t->tmp, strlen(t->tmp) + 1);
        tmp_armed = 1;
    }
    int err = errno;
    sigprocmask(SIG_SETMASK, &mask, NULL);
    if (t->fd < 0) {
        restore_handlers(t);
        errno = err;
        return -1;
    }
    if (give_mode(t->fd, old) != 0) {
        err = errno;
        disarm(t, 1);
        errno = err;
        return -1;
    }
    return 0;
}

/* What is at the path decides how it is written; 0 or 2 after the message. */
static int check_existing(cli_target *t, const char *shown, const struct stat *st)
{
    if (S_ISDIR(st->st_mode))
        return fail(shown, "is a directory", 0);
    if (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
        t->through = 1;
        return 0;
    }
    if (!S_ISREG(st->st_mode))
        return fail(shown, "is neither a file, a FIFO nor a device", 0);
    if (st->st_nlink > 1)
        return cli_fail_at(shown, 0,
                           "has %ju other hard link%s: replacing it would break %s and writing it "
                           "in place is not atomic; write to another name (a symbolic link is "
                           "followed) or remove the other links",
                           (uintmax_t)st->st_nlink - 1, st->st_nlink > 2 ? "s" : "",
                           st->st_nlink > 2 ? "them" : "it");
    if (access(t->path, W_OK) != 0)
        return fail(shown, "cannot write", errno);
    return 0;
}

static void target_free(cli_target *t)
{
    free(t->path);
    free(t->tmp);
    t->path = t->tmp = NULL;
}

int cli_target_open(cli_target *t, const char *path, int xlsx)
{
    memset(t, 0, sizeof *t);
    t->fd = -1;
    t->path = follow_links(path);
    if (t->path == NULL)
        return fail(path, "cannot follow the symbolic link", errno);
    struct stat st;
    int exists = stat(t->path, &st) == 0;
    if (!exists && errno != ENOENT) {
        int err = errno;
        target_free(t);
        return fail(path, "cannot write", err);
    }
    int rc = exists ? check_existing(t, path, &st) : 0;
    if (rc == 0 && t->through && !xlsx) {
        t->fd = open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
        rc = t->fd < 0 ? fail(path, "cannot open for writing", errno) : 0;
    } else if (rc == 0) {
        const char *tmpdir = getenv("TMPDIR");
        if (make_temp(t, t->through ? (tmpdir && *tmpdir ? tmpdir : "/tmp") : NULL,
                      exists && !t->through ? &st : NULL) != 0)
            rc = fail(path, "cannot create a temporary file", errno);
    }
    if (rc == 0 && xlsx && t->fd >= 0) {
        close(t->fd); /* libxlsxwriter writes the workbook by its name */
        t->fd = -1;
    }
    if (rc != 0)
        target_free(t);
    return rc;
}

const char *cli_target_file(const cli_target *t)
{
    return t->tmp != NULL ? t->tmp : t->path;
}

/* Copy the workbook in the temporary file to the FIFO/device: 0 or an errno. */
static int copy_through(cli_target *t)
{
    int in = open(t->tmp, O_RDONLY | O_CLOEXEC), err = 0;
    int out = in < 0 ? -1 : open(t->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    char buf[65536];
    ssize_t n = 0;
    while (out >= 0 && err == 0 && (n = read(in, buf, sizeof buf)) > 0)
        for (ssize_t w, off = 0; off < n && err == 0; off += w)
            if ((w = write(out, buf + off, (size_t)(n - off))) < 0)
                err = errno;
    if (in < 0 || out < 0 || n < 0)
        err = errno;
    if (out >= 0 && close(out) != 0 && err == 0)
        err = errno;
    if (in >= 0)
        close(in);
    return err;
}

int cli_target_commit(cli_target *t)
{
    int err = 0;
    if (t->tmp == NULL) { /* written through */
        target_free(t);
        return 0;
    }
    if (t->through) {
        err = copy_through(t);
        disarm(t, 1);
    } else {
        int fd = open(t->tmp, O_RDONLY | O_CLOEXEC); /* durable before it replaces the old one */
        if (fd < 0 || fsync(fd) != 0)
            err = errno;
        if (fd >= 0)
            close(fd);
        sigset_t mask;
        block_signals(&mask);
        if (err == 0 && rename(t->tmp, t->path) != 0)
            err = errno;
        if (err != 0)
            unlink(t->tmp);
        tmp_armed = 0;
        sigprocmask(SIG_SETMASK, &mask, NULL);
        restore_handlers(t);
    }
    int rc = err != 0 ? fail(t->path, "cannot write", err) : 0;
    target_free(t);
    return rc;
}

void cli_target_abort(cli_target *t)
{
    if (t->fd >= 0)
        close(t->fd);
    t->fd = -1;
    if (t->tmp != NULL)
        disarm(t, 1);
    target_free(t);
}
